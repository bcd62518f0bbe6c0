import { useCallback, useEffect, useState } from 'react';
import { Checkbox, Combobox, Dropdown, Field, Option } from '@fluentui/react-components';
import type { Client, Deal, EmailMatch, Page } from '../../api/src/contract/index.js';
import type { Api } from '../../tab/src/api/client.js';
import { useI18n } from '../../tab/src/i18n/i18n.js';
import type { FilingTargets } from './filing-request.js';

type ClientChoice = { id: string; name: string };

/**
 * The client, deal and contacts a message is filed to: the client the addresses match best comes
 * first, the user may search for another, and the matched contacts of the chosen client are ticked.
 */
export function useFilingTargets(api: Api, addresses: string[]) {
  const [match, setMatch] = useState<EmailMatch | null>(null);
  const [client, setClient] = useState<ClientChoice | null>(null);
  const [options, setOptions] = useState<ClientChoice[]>([]);
  const [deals, setDeals] = useState<Deal[]>([]);
  const [dealId, setDealId] = useState('');
  const [contactIds, setContactIds] = useState<string[]>([]);
  const key = addresses.join(',');

  const rematch = useCallback(async () => {
    if (!key) return setMatch({ contacts: [], clients: [] });
    const m = await api.post<EmailMatch>('/emails/match', { addresses: key.split(',') });
    setMatch(m);
    return m;
  }, [api, key]);

  useEffect(() => {
    void rematch().then((m) => {
      if (!m) return;
      setOptions(m.clients);
      setClient((current) => current ?? m.clients[0] ?? null);
    });
  }, [rematch]);

  useEffect(() => {
    if (!client) return;
    void api.get<Page<Deal>>(`/deals?view=open&clientId=${client.id}`).then((p) => setDeals(p.items));
    setContactIds(match?.contacts.filter((c) => c.clientId === client.id).map((c) => c.id) ?? []);
    setDealId('');
  }, [api, client, match]);

  const search = async (q: string) => setOptions((await api.get<Page<Client>>(`/clients?limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`)).items.map((c) => ({ id: c.id, name: c.name })));
  const targets: FilingTargets | null = client ? { clientId: client.id, dealId: dealId || null, contactIds } : null;
  return { match, client, setClient, options, search, deals, dealId, setDealId, contactIds, setContactIds, targets, rematch };
}

export type FilingTargetsState = ReturnType<typeof useFilingTargets>;

export function FilingTargetFields({ state }: { state: FilingTargetsState }) {
  const { t } = useI18n();
  const { match, client, options, deals, dealId, contactIds } = state;
  const contacts = match?.contacts.filter((c) => c.clientId === client?.id) ?? [];
  return (
    <>
      <Field label={t('paneClient')} hint={match && match.clients.length === 0 ? t('paneNoClientMatch') : undefined}>
        <Combobox value={client?.name ?? ''} onChange={(e) => void state.search(e.target.value)} onOptionSelect={(_e, d) => state.setClient(options.find((o) => o.id === d.optionValue) ?? null)}>
          {options.map((o) => (
            <Option key={o.id} value={o.id}>
              {o.name}
            </Option>
          ))}
        </Combobox>
      </Field>
      <Field label={t('paneDeal')}>
        <Dropdown placeholder={t('paneNoDeal')} value={deals.find((d) => d.id === dealId)?.title ?? ''} onOptionSelect={(_e, d) => state.setDealId(d.optionValue ?? '')}>
          <Option value="">{t('paneNoDeal')}</Option>
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
          label={t('paneLinkContact', { name: c.name, email: c.email })}
          checked={contactIds.includes(c.id)}
          onChange={(_e, d) => state.setContactIds((ids) => (d.checked ? [...ids, c.id] : ids.filter((x) => x !== c.id)))}
        />
      ))}
    </>
  );
}
