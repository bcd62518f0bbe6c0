import { useEffect, useState } from 'react';
import { Button, Field, Input, Tab, TabList, Text, Textarea, makeStyles, tokens } from '@fluentui/react-components';
import { activityCreate, type Activity, type Page } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { activityLabels } from '../../i18n/enums.js';

const useStyles = makeStyles({
  add: { display: 'grid', gap: '8px', padding: '8px', marginBottom: '8px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium },
  list: { listStyleType: 'none', padding: 0, margin: 0, display: 'grid', gap: '6px' },
  item: { padding: '8px', backgroundColor: tokens.colorNeutralBackground1, borderRadius: tokens.borderRadiusMedium, borderLeft: `3px solid ${tokens.colorBrandStroke1}` },
  meta: { color: tokens.colorNeutralForeground3 },
});

type Kind = 'note' | 'call' | 'task';

/** A client's or deal's timeline, newest first, with quick-add of a note, call or task. */
export function Timeline({ clientId, dealId }: { clientId: string; dealId?: string }) {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const path = dealId ? `/deals/${dealId}/timeline?limit=30` : `/clients/${clientId}/timeline?limit=30`;
  const [page, reload] = useLoad(() => api.get<Page<Activity>>(path), [path]);
  // Older entries, page by page on the API's cursor; a reload starts from the newest again.
  const [older, setOlder] = useState<{ items: Activity[]; cursor: string | null }>({ items: [], cursor: null });
  useEffect(() => setOlder({ items: [], cursor: null }), [page]);
  const nextCursor = older.cursor ?? (page.state === 'ready' ? page.data.nextCursor : null);
  const more = async () => {
    const next = await api.get<Page<Activity>>(`${path}&cursor=${encodeURIComponent(nextCursor!)}`);
    setOlder((o) => ({ items: [...o.items, ...next.items], cursor: next.nextCursor }));
  };
  const [kind, setKind] = useState<Kind>('note');
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const add = async () => {
    setError(null);
    const input = {
      type: kind,
      clientId,
      ...(dealId ? { dealId } : {}),
      subject: subject.trim() || body.trim().slice(0, 80),
      ...(body.trim() ? { body: body.trim() } : {}),
      ...(kind === 'task' && due ? { dueAt: new Date(due).toISOString() } : {}),
    };
    // The server's schema first, so a too-long subject or a bad date shows before the round trip.
    const parsed = activityCreate.safeParse(input);
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? null);
    try {
      await api.post('/activities', input);
      setSubject('');
      setBody('');
      setDue('');
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? (e.errors[0]?.message ?? e.detail) : String(e));
    }
  };
  const labels: Record<Kind, string> = { note: t('addNote'), call: t('logCall'), task: t('addTask') };
  return (
    <section aria-label={t('timeline')}>
      <div className={styles.add}>
        <TabList size="small" selectedValue={kind} onTabSelect={(_e, d) => setKind(d.value as Kind)}>
          {(['note', 'call', 'task'] as const).map((k) => (
            <Tab key={k} value={k}>
              {labels[k]}
            </Tab>
          ))}
        </TabList>
        <Field label={t('subject')} validationMessage={error ?? undefined}>
          <Input value={subject} onChange={(_e, d) => setSubject(d.value)} />
        </Field>
        <Textarea aria-label={t('notePlaceholder')} placeholder={t('notePlaceholder')} value={body} onChange={(_e, d) => setBody(d.value)} />
        {kind === 'task' && (
          <Field label={t('dueAt')}>
            <Input type="datetime-local" value={due} onChange={(_e, d) => setDue(d.value)} />
          </Field>
        )}
        <Button appearance="primary" onClick={add} disabled={!subject.trim() && !body.trim()}>
          {labels[kind]}
        </Button>
      </div>
      <Loaded value={page} reload={reload} isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <>
            <ul className={styles.list}>
              {[...p.items, ...older.items].map((a) => (
                <li key={a.id} className={styles.item}>
                  <Text weight="semibold">{a.subject}</Text>
                  {a.body && <Text block>{a.body}</Text>}
                  <Text size={200} block className={styles.meta}>
                    {`${t(activityLabels[a.type])} · ${dateTime(a.occurredAt)} · ${a.createdByName ?? '—'}${a.dueAt ? ` · ${t('dueAt')}: ${dateTime(a.dueAt)}` : ''}`}
                  </Text>
                </li>
              ))}
            </ul>
            {nextCursor && <Button onClick={more}>{t('loadMore')}</Button>}
          </>
        )}
      </Loaded>
    </section>
  );
}
