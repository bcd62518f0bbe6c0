import { useState } from 'react';
import { Button, Card, Checkbox, Field, Input, Link, Text, makeStyles } from '@fluentui/react-components';
import { FormDialog } from '../FormDialog.js';
import type { Contact, Meeting, Page } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { fieldErrors } from '../forms.js';

const useStyles = makeStyles({ list: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: '6px' } });

/** The client's meetings (Outlook events with a Teams link, or local ones with an .ics) and the Schedule meeting dialog. */
export function MeetingsPanel({ clientId }: { clientId: string }) {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [page, reload] = useLoad(() => api.get<Page<Meeting>>(`/clients/${clientId}/meetings?limit=50`), [clientId]);
  const ics = async (m: Meeting) => {
    const url = URL.createObjectURL(await api.blob(`/meetings/${m.id}.ics`));
    Object.assign(document.createElement('a'), { href: url, download: `${m.subject}.ics` }).click();
    URL.revokeObjectURL(url);
  };
  return (
    <Card>
      <Text weight="semibold">{t('meetings')}</Text>
      <div>
        <ScheduleMeeting clientId={clientId} onScheduled={reload} />
      </div>
      <Loaded value={page} reload={reload} isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <ul className={styles.list}>
            {p.items.map((m) => (
              <li key={m.id}>
                <Text weight="semibold">{m.status === 'cancelled' ? `${t('meetingCancelled')}: ${m.subject}` : m.subject}</Text>{' '}
                <Text size={200}>{`${dateTime(m.start)} – ${dateTime(m.end)}`}</Text>{' '}
                {m.joinUrl && m.status !== 'cancelled' && (
                  <Link href={m.joinUrl} target="_blank" rel="noreferrer">
                    {t('joinMeeting')}
                  </Link>
                )}{' '}
                {m.provider === 'local' && <Link onClick={() => void ics(m)}>{t('calendarFile')}</Link>}{' '}
                {m.status !== 'cancelled' && (
                  <Button size="small" appearance="subtle" onClick={() => api.post(`/meetings/${m.id}/cancel`, {}).then(reload)}>
                    {t('cancelMeeting')}
                  </Button>
                )}
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}

const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);

function ScheduleMeeting({ clientId, onScheduled }: { clientId: string; onScheduled: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const tomorrow = new Date(Date.now() + 86_400_000);
  tomorrow.setMinutes(0, 0, 0);
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ subject: '', start: local(tomorrow), end: local(new Date(tomorrow.getTime() + 3_600_000)), online: true });
  const [chosen, setChosen] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [contacts] = useLoad(() => api.get<{ items: Contact[] }>(`/clients/${clientId}/contacts`), [clientId]);
  const submit = async () => {
    const people = contacts.state === 'ready' ? contacts.data.items.filter((c) => chosen.includes(c.id) && c.email) : [];
    try {
      await api.post('/meetings', {
        clientId,
        subject: form.subject,
        start: new Date(form.start).toISOString(),
        end: new Date(form.end).toISOString(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        attendees: people.map((c) => ({ email: c.email!, name: `${c.firstName} ${c.lastName}` })),
        online: form.online,
      });
      setOpen(false);
      onScheduled();
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.errors, e.detail));
      else throw e;
    }
  };
  return (
    <FormDialog open={open} onOpenChange={setOpen} trigger={t('scheduleMeeting')} triggerSize="small" title={t('scheduleMeeting')} submit={t('scheduleMeeting')} onSubmit={submit}>
            <Field label={t('subject')} required validationMessage={errors.subject ?? errors._}>
              <Input value={form.subject} onChange={(_e, d) => setForm((f) => ({ ...f, subject: d.value }))} />
            </Field>
            <Field label={t('meetingStart')} validationMessage={errors.start}>
              <Input type="datetime-local" value={form.start} onChange={(_e, d) => setForm((f) => ({ ...f, start: d.value }))} />
            </Field>
            <Field label={t('meetingEnd')} validationMessage={errors.end}>
              <Input type="datetime-local" value={form.end} onChange={(_e, d) => setForm((f) => ({ ...f, end: d.value }))} />
            </Field>
            <Field label={t('attendees')} validationMessage={errors['attendees.0.email']}>
              {contacts.state === 'ready' &&
                contacts.data.items
                  .filter((c) => c.email)
                  .map((c) => (
                    <Checkbox
                      key={c.id}
                      label={`${c.firstName} ${c.lastName} (${c.email})`}
                      checked={chosen.includes(c.id)}
                      onChange={(_e, d) => setChosen((ids) => (d.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))}
                    />
                  ))}
            </Field>
            <Checkbox label={t('teamsMeeting')} checked={form.online} onChange={(_e, d) => setForm((f) => ({ ...f, online: Boolean(d.checked) }))} />
          </FormDialog>
  );
}
