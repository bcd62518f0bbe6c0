import { useEffect, useRef, useState } from 'react';
import { Button, Checkbox, Field, Input, Link, MessageBar, MessageBarBody, Text, Title3 } from '@fluentui/react-components';
import type { Email, EmailLookup } from '../../api/src/contract/index.js';
import type { Api } from '../../tab/src/api/client.js';
import { useI18n } from '../../tab/src/i18n/i18n.js';
import { addressesOf, filingRequest, lookupPath, type FilingTargets } from './filing-request.js';
import { FilingTargetFields, useFilingTargets } from './FilingTargets.js';
import { mailboxOwner, type MailItem } from './mail-item.js';
import { PaneStatus, problemText, usePaneStyles, type Status } from './PaneStatus.js';

/**
 * A received or sent message: file it (with its attachments), see where it is filed and by
 * whom, unfile it, add its sender as a contact or a follow-up task. A sent message whose author
 * chose a client while writing it is filed there as soon as it is opened.
 */
export function ReadPane({ api, item }: { api: Api; item: MailItem }) {
  const styles = usePaneStyles();
  const { t, date } = useI18n();
  const targets = useFilingTargets(api, addressesOf(item));
  const [lookup, setLookup] = useState<EmailLookup | null>(null);
  const [withAttachments, setWithAttachments] = useState(true);
  const [due, setDue] = useState(() => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const usedIntent = useRef(false);

  const file = async (to: FilingTargets, clientName: string, intentId?: string) => {
    setStatus({ kind: 'busy', message: t('paneFiling') });
    try {
      const filed = await api.post<Email>('/emails', await filingRequest(item, to, { withAttachments, intentId }));
      setLookup(await api.get<EmailLookup>(lookupPath(item)));
      const skipped = (filed.skippedAttachments ?? []).map((a) => `${a.name} (${a.reason})`).join(', ');
      const done = intentId ? t('paneFiledAsChosen', { client: clientName }) : t('paneFiledTo', { client: clientName });
      setStatus({ kind: 'done', message: skipped ? `${done} ${t('paneNotStored', { list: skipped })}` : done });
    } catch (e) {
      setStatus({ kind: 'error', message: problemText(e) });
    }
  };

  useEffect(() => {
    void api.get<EmailLookup>(lookupPath(item)).then((found) => {
      setLookup(found);
      const intent = found.intent;
      if (intent && !usedIntent.current && !found.links.some((l) => l.clientId === intent.clientId)) {
        usedIntent.current = true;
        targets.setClient({ id: intent.clientId, name: intent.clientName });
        void file({ clientId: intent.clientId, dealId: intent.dealId, contactIds: intent.contactIds }, intent.clientName, intent.id);
      }
    });
    // Once per message (the pane remounts on another one): filing by the author's choice must not repeat.
  }, [api, item]);

  const { client, match, targets: chosen } = targets;
  const unfile = async (clientId: string) => {
    if (!lookup?.emailId) return;
    await api.del(`/emails/${lookup.emailId}/links?clientId=${clientId}`);
    setLookup(await api.get<EmailLookup>(lookupPath(item)));
    setStatus({ kind: 'done', message: t('paneUnfiled') });
  };
  const senderKnown = item.from.email === mailboxOwner() || (match?.contacts.some((c) => c.email === item.from.email) ?? true);
  const createContact = async () => {
    if (!client) return;
    const [first, ...rest] = (item.from.name ?? item.from.email.split('@')[0]!).trim().split(/\s+/);
    try {
      await api.post('/contacts', { clientId: client.id, firstName: first || item.from.email, lastName: rest.join(' ') || '—', email: item.from.email });
      await targets.rematch();
    } catch (e) {
      setStatus({ kind: 'error', message: problemText(e) });
    }
  };
  const followUp = async () => {
    if (!chosen) return;
    try {
      const subject = t('paneFollowUpSubject', { subject: item.subject || item.from.email }).slice(0, 300);
      await api.post('/activities', { type: 'task', clientId: chosen.clientId, dealId: chosen.dealId, subject, dueAt: new Date(`${due}T09:00:00`).toISOString() });
      setStatus({ kind: 'done', message: t('paneTaskCreated') });
    } catch (e) {
      setStatus({ kind: 'error', message: problemText(e) });
    }
  };
  const linkedClients = [...new Map((lookup?.links ?? []).map((l) => [l.clientId, l.clientName])).entries()];
  const attachments = item.attachments.filter((a) => !a.isInline);
  return (
    <main className={styles.pane}>
      <Title3 as="h1">{t('paneTitle')}</Title3>
      <Text weight="semibold">{item.subject || t('paneNoSubject')}</Text>
      <Text size={200}>{`${item.from.name ?? ''} <${item.from.email}>`}</Text>
      {lookup?.filed && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>
            {[...new Set(lookup.links.map((l) => t('paneFiledBy', { user: l.filedBy ?? t('paneSomeone'), date: date(l.filedAt), client: l.clientName })))].join(' · ')}
            {linkedClients.map(([id, name]) => (
              <span key={id}>
                {' '}
                <Link href={`/tab/#/clients/${id}`} target="_blank">{t('paneOpenClient', { client: name })}</Link>{' '}
                <Button size="small" appearance="subtle" onClick={() => void unfile(id)}>{t('paneUnfileFrom', { client: name })}</Button>
              </span>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <FilingTargetFields state={targets} />
      {attachments.length > 0 && <Checkbox label={t('paneStoreAttachments', { count: attachments.length })} checked={withAttachments} onChange={(_e, d) => setWithAttachments(Boolean(d.checked))} />}
      {client && !senderKnown && <Button onClick={createContact}>{t('paneCreateContact', { name: item.from.name ?? item.from.email, client: client.name })}</Button>}
      <Button appearance="primary" disabled={!chosen || status.kind === 'busy'} onClick={() => chosen && client && void file(chosen, client.name)}>
        {lookup?.filed ? t('paneFileHereToo') : t('paneFile')}
      </Button>
      <Field label={t('paneFollowUpDue')}>
        <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
      </Field>
      <Button disabled={!chosen} onClick={followUp}>
        {t('paneTaskFromEmail')}
      </Button>
      <PaneStatus status={status} />
    </main>
  );
}
