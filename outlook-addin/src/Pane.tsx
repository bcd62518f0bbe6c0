import { useEffect, useMemo, useState } from 'react';
import {
  Button,
  Checkbox,
  Combobox,
  Dropdown,
  Field,
  FluentProvider,
  Input,
  Link,
  MessageBar,
  MessageBarBody,
  Option,
  Spinner,
  Text,
  Title3,
  makeStyles,
  teamsLightTheme,
} from '@fluentui/react-components';
import type { Client, Deal, Email, EmailMatch, Page } from '../../api/src/contract/index.js';
import { ApiError, createApi, type Api } from '../../tab/src/api/client.js';
import { signOut, storedSession } from '../../tab/src/app/dev-sign-in.js';
import { DevSignIn } from '../../tab/src/app/DevSignIn.js';
import { I18nProvider } from '../../tab/src/i18n/i18n.js';
import { attachmentBase64, bodyHtml, readItem, type MailItem } from './mail-item.js';
import { outlookTokenGetter } from './sign-in.js';

const useStyles = makeStyles({ pane: { padding: '12px', display: 'grid', gap: '10px' } });

interface Lookup {
  filed: boolean;
  emailId: string | null;
  links: Email['links'];
}

export function Pane({ inOutlook }: { inOutlook: boolean }) {
  const [devToken, setDevToken] = useState<string | null>(() => storedSession()?.token ?? null);
  const [naa, setNaa] = useState<{ getToken: (() => Promise<string>) | null } | null>(inOutlook ? null : { getToken: null });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (inOutlook) outlookTokenGetter().then((getToken) => setNaa({ getToken }), (e: Error) => setError(e.message));
  }, [inOutlook]);
  const needsDevSignIn = naa !== null && !naa.getToken && !devToken;
  const api = useMemo(() => {
    const getToken = naa?.getToken ?? (devToken ? async () => devToken : null);
    return (
      getToken &&
      createApi(getToken, () => {
        signOut();
        setDevToken(null);
      })
    );
  }, [naa, devToken]);
  return (
    <FluentProvider theme={teamsLightTheme}>
      <I18nProvider locale="en">
        {error && <Text role="alert">{error}</Text>}
        {needsDevSignIn ? <DevSignIn onSignedIn={setDevToken} /> : api ? <Filing api={api} /> : <Spinner label="Signing in…" />}
      </I18nProvider>
    </FluentProvider>
  );
}

function Filing({ api }: { api: Api }) {
  const styles = useStyles();
  const [item] = useState<MailItem | null>(() => readItem());
  const [lookup, setLookup] = useState<Lookup | null>(null);
  const [match, setMatch] = useState<EmailMatch | null>(null);
  const [client, setClient] = useState<{ id: string; name: string } | null>(null);
  const [options, setOptions] = useState<{ id: string; name: string }[]>([]);
  const [deals, setDeals] = useState<Deal[]>([]);
  const [dealId, setDealId] = useState<string>('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const [withAttachments, setWithAttachments] = useState(true);
  const [due, setDue] = useState(() => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
  const [state, setState] = useState<{ kind: 'idle' | 'filing' | 'done' | 'error'; message?: string }>({ kind: 'idle' });

  useEffect(() => {
    if (!item) return;
    const addresses = [item.from, ...item.to, ...item.cc].map((a) => a.email);
    void api.get<Lookup>(`/emails/lookup?internetMessageId=${encodeURIComponent(item.internetMessageId)}`).then(setLookup);
    void api.post<EmailMatch>('/emails/match', { addresses }).then((m) => {
      setMatch(m);
      setOptions(m.clients);
      if (m.clients[0]) setClient(m.clients[0]);
    });
  }, [api, item]);

  useEffect(() => {
    if (!client) return;
    void api.get<Page<Deal>>(`/deals?view=open&clientId=${client.id}`).then((p) => setDeals(p.items));
    setContactIds(match?.contacts.filter((c) => c.clientId === client.id).map((c) => c.id) ?? []);
    setDealId('');
  }, [api, client, match]);

  if (!item) return <Text className={styles.pane}>Open an email in Outlook to file it into the CRM.</Text>;

  const search = async (q: string) => setOptions((await api.get<Page<Client>>(`/clients?limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`)).items.map((c) => ({ id: c.id, name: c.name })));
  const file = async () => {
    if (!client) return;
    setState({ kind: 'filing' });
    try {
      const files = withAttachments ? item.attachments.filter((a) => !a.isInline) : [];
      const attachments = await Promise.all(files.map(async (a) => ({ name: a.name, contentType: a.contentType || 'application/octet-stream', contentBase64: await attachmentBase64(a.id) })));
      const filed = await api.post<Email>('/emails', {
        internetMessageId: item.internetMessageId,
        conversationId: item.conversationId,
        subject: item.subject,
        from: item.from,
        to: item.to,
        cc: item.cc,
        sentAt: item.sentAt,
        bodyHtml: await bodyHtml(),
        clientId: client.id,
        dealId: dealId || null,
        contactIds,
        attachments,
      });
      setLookup(await api.get<Lookup>(`/emails/lookup?internetMessageId=${encodeURIComponent(item.internetMessageId)}`));
      const skipped = (filed.skippedAttachments ?? []).map((a) => `${a.name} (${a.reason})`).join(', ');
      setState({ kind: 'done', message: `Filed to ${client.name}${skipped ? `. Not stored: ${skipped}` : ''}` });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof ApiError ? `${e.detail} ${e.errors.map((x) => `${x.path}: ${x.message}`).join('; ')}` : String(e) });
    }
  };
  const contacts = match?.contacts.filter((c) => c.clientId === client?.id) ?? [];
  const unfile = async (clientId: string) => {
    if (!lookup?.emailId) return;
    await api.del(`/emails/${lookup.emailId}/links?clientId=${clientId}`);
    setLookup(await api.get<Lookup>(`/emails/lookup?internetMessageId=${encodeURIComponent(item.internetMessageId)}`));
    setState({ kind: 'done', message: 'Unfiled.' });
  };
  const senderKnown = match?.contacts.some((c) => c.email === item.from.email) ?? true;
  const createContact = async () => {
    if (!client) return;
    const [first, ...rest] = (item.from.name ?? item.from.email.split('@')[0]!).trim().split(/\s+/);
    try {
      await api.post('/contacts', { clientId: client.id, firstName: first || item.from.email, lastName: rest.join(' ') || '—', email: item.from.email });
      setMatch(await api.post<EmailMatch>('/emails/match', { addresses: [item.from, ...item.to, ...item.cc].map((a) => a.email) }));
    } catch (e) {
      setState({ kind: 'error', message: e instanceof ApiError ? e.detail : String(e) });
    }
  };
  const followUp = async () => {
    if (!client) return;
    try {
      await api.post('/activities', { type: 'task', clientId: client.id, dealId: dealId || null, subject: `Follow up: ${item.subject || item.from.email}`.slice(0, 300), dueAt: new Date(`${due}T09:00:00`).toISOString() });
      setState({ kind: 'done', message: 'Follow-up task created.' });
    } catch (e) {
      setState({ kind: 'error', message: e instanceof ApiError ? `${e.detail} ${e.errors.map((x) => x.message).join('; ')}` : String(e) });
    }
  };
  return (
    <main className={styles.pane}>
      <Title3 as="h1">File to CRM</Title3>
      <Text weight="semibold">{item.subject || '(no subject)'}</Text>
      <Text size={200}>{`${item.from.name ?? ''} <${item.from.email}>`}</Text>
      {lookup?.filed && (
        <MessageBar intent="info">
          <MessageBarBody>
            {lookup.links.map((l) => `Filed by ${l.filedBy ?? 'someone'} on ${new Date(l.filedAt).toLocaleDateString()} in ${l.clientName}`).filter((v, i, all) => all.indexOf(v) === i).join(' · ')}
            {[...new Map(lookup.links.map((l) => [l.clientId, l.clientName])).entries()].map(([id, name]) => (
              <span key={id}>
                {' '}
                <Link href={`/tab/#/clients/${id}`} target="_blank">{`Open ${name}`}</Link>{' '}
                <Button size="small" appearance="subtle" onClick={() => void unfile(id)}>{`Unfile from ${name}`}</Button>
              </span>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}
      <Field label="Client" hint={match && match.clients.length === 0 ? 'No client matches these addresses: search for one.' : undefined}>
        <Combobox value={client?.name ?? ''} onChange={(e) => void search(e.target.value)} onOptionSelect={(_e, d) => setClient(options.find((o) => o.id === d.optionValue) ?? null)}>
          {options.map((o) => (
            <Option key={o.id} value={o.id}>
              {o.name}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label="Deal">
        <Dropdown placeholder="No deal" value={deals.find((d) => d.id === dealId)?.title ?? ''} onOptionSelect={(_e, d) => setDealId(d.optionValue ?? '')}>
          <Option value="">No deal</Option>
          {deals.map((d) => (
            <Option key={d.id} value={d.id}>
              {d.title}
            </Option>
          ))}
        </Dropdown>
      </Field>
      {contacts.map((c) => (
        <Checkbox
          key={c.id}
          label={`Link ${c.name} (${c.email})`}
          checked={contactIds.includes(c.id)}
          onChange={(_e, d) => setContactIds((ids) => (d.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))}
        />
      ))}
      {item.attachments.some((a) => !a.isInline) && (
        <Checkbox label={`Store ${item.attachments.filter((a) => !a.isInline).length} attachment(s) as documents`} checked={withAttachments} onChange={(_e, d) => setWithAttachments(Boolean(d.checked))} />
      )}
      {client && !senderKnown && (
        <Button onClick={createContact}>{`Create contact ${item.from.name ?? item.from.email} at ${client.name}`}</Button>
      )}
      <Button appearance="primary" disabled={!client || state.kind === 'filing'} onClick={file}>
        {lookup?.filed ? 'File here too' : 'File email'}
      </Button>
      <Field label="Follow-up task due">
        <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
      </Field>
      <Button disabled={!client} onClick={followUp}>
        Task from this email
      </Button>
      {state.kind === 'filing' && <Spinner size="tiny" label="Filing…" />}
      {state.kind === 'done' && <MessageBar intent="success"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>}
      {state.kind === 'error' && <MessageBar intent="error"><MessageBarBody>{state.message}</MessageBarBody></MessageBar>}
    </main>
  );
}
