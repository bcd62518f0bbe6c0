import { useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Dropdown,
  Field,
  Input,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  Option,
  Tab,
  TabList,
  Text,
  Textarea,
  Title2,
  makeStyles,
  tokens,
} from '@fluentui/react-components';
import { clientUpdate, type Activity, type Client, type ClientSummary, type Contact, type Deal, type HistoryEntry, type Page } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { href } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { Timeline } from '../timeline/Timeline.js';
import { DocumentsPanel } from '../documents/DocumentsPanel.js';
import { MeetingsPanel } from '../meetings/MeetingsPanel.js';
import { fieldErrors } from '../forms.js';
import { activityLabels, clientFieldLabels, contactMethodLabels, dealStatusLabels, relationshipLabels, type RelationshipType } from '../../i18n/enums.js';
import { useStageName } from '../deals/stage-names.js';

const useStyles = makeStyles({
  header: { display: 'flex', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: '12px', marginTop: '12px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' },
  label: { color: tokens.colorNeutralForeground3 },
  list: { margin: 0, paddingLeft: '16px' },
  form: { display: 'grid', gap: '8px', maxWidth: '560px' },
});

type Section = 'summary' | 'details' | 'related' | 'history';

export default function ClientCard({ id }: { id: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const styles = useStyles();
  const [section, setSection] = useState<Section>('summary');
  const [client, reload] = useLoad(() => api.getVersioned<Client>(`/clients/${id}`), [id]);
  return (
    <Loaded value={client} reload={reload}>
      {({ data, etag }) => (
        <article>
          <div className={styles.header}>
            <Title2 as="h1">{data.name}</Title2>
            <Badge appearance="outline">{t(data.kind === 'company' ? 'kindCompany' : 'kindPerson')}</Badge>
            {data.tags.map((tag) => (
              <Badge key={tag} appearance="tint">
                {tag}
              </Badge>
            ))}
          </div>
          <TabList selectedValue={section} onTabSelect={(_e, d) => setSection(d.value as Section)}>
            <Tab value="summary">{t('tabSummary')}</Tab>
            <Tab value="details">{t('tabDetails')}</Tab>
            <Tab value="related">{t('tabRelated')}</Tab>
            <Tab value="history">{t('tabHistory')}</Tab>
          </TabList>
          {section === 'summary' && <Summary client={data} />}
          {section === 'details' && <Details client={data} etag={etag} onSaved={reload} />}
          {section === 'related' && <Related client={data} />}
          {section === 'history' && <History clientId={data.id} />}
        </article>
      )}
    </Loaded>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  const styles = useStyles();
  return (
    <>
      <Text className={styles.label}>{label}</Text>
      <Text>{children}</Text>
    </>
  );
}

/** The client's contacts, as the Summary and Related sections both list them. */
function ContactItems({ contacts }: { contacts: Contact[] }) {
  const { t } = useI18n();
  const styles = useStyles();
  return (
    <ul className={styles.list}>
      {contacts.map((p) => (
        <li key={p.id}>
          <Text>{`${p.firstName} ${p.lastName}`}</Text> <Text size={200}>{[p.jobTitle, p.email, p.phone].filter(Boolean).join(' · ')}</Text>{' '}
          {p.isPrimary && <Badge size="small">{t('primaryContact')}</Badge>}
        </li>
      ))}
    </ul>
  );
}

/** Deals as links with their stage (open) or outcome (won, lost) and value. */
function DealItems({ deals }: { deals: Deal[] }) {
  const { t, money } = useI18n();
  const styles = useStyles();
  const stageName = useStageName();
  return (
    <ul className={styles.list}>
      {deals.map((deal) => (
        <li key={deal.id}>
          <Link href={href(`/deals/${deal.id}`)}>{deal.title}</Link>{' '}
          <Text size={200}>{`${deal.status === 'open' ? stageName(deal.stage) : t(dealStatusLabels[deal.status])} · ${money(deal.estimatedValue)}`}</Text>
        </li>
      ))}
    </ul>
  );
}

function Summary({ client }: { client: Client }) {
  const { api } = useApp();
  const { t, money, dateTime } = useI18n();
  const styles = useStyles();
  const [summary] = useLoad(() => api.get<ClientSummary>(`/clients/${client.id}/summary`), [client.id, client.version]);
  const [contacts] = useLoad(() => api.get<{ items: Contact[] }>(`/clients/${client.id}/contacts`), [client.id]);
  const [deals] = useLoad(() => api.get<Page<Deal> & { totals: unknown }>(`/deals?view=open&clientId=${client.id}`), [client.id]);
  const [parent] = useLoad(() => (client.parentId ? api.get<Client>(`/clients/${client.parentId}`) : Promise.resolve(null)), [client.parentId]);
  const address = (type: 'registered' | 'contact') => client.addresses.find((a) => a.type === type);
  const line = (a?: Client['addresses'][number]) => (a ? [a.street, [a.postalCode, a.city].filter(Boolean).join(' '), a.country].filter(Boolean).join(', ') : '—');
  return (
    <div className={styles.grid}>
      <Card>
        <div className={styles.facts}>
          <Fact label={t('companyId')}>{client.companyId ?? '—'}</Fact>
          <Fact label={t('vatId')}>{client.vatId ?? '—'}</Fact>
          <Fact label={t('email')}>{client.email ?? '—'}</Fact>
          <Fact label={t('phone')}>{client.phone ?? '—'}</Fact>
          <Fact label={t('addressRegistered')}>{line(address('registered'))}</Fact>
          <Fact label={t('addressContact')}>{line(address('contact'))}</Fact>
          <Fact label={t('parentClient')}>
            {client.parentId ? <Link href={href(`/clients/${client.parentId}`)}>{parent.state === 'ready' && parent.data ? parent.data.name : t('parentClient')}</Link> : '—'}
          </Fact>
        </div>
      </Card>
      <Card>
        <Loaded value={summary}>
          {(s) => (
            <div className={styles.facts}>
              <Fact label={t('openDeals')}>{`${s.openDeals.count} · ${s.openDeals.value.map(money).join(' + ') || '—'}`}</Fact>
              <Fact label={t('wonThisYear')}>{s.wonThisYear.map(money).join(' + ') || '—'}</Fact>
              <Fact label={t('lastActivity')}>{dateTime(s.lastActivityAt)}</Fact>
              <Fact label={t('nextTask')}>{s.nextTask ? `${s.nextTask.subject} (${dateTime(s.nextTask.dueAt)})` : '—'}</Fact>
              <Fact label={t('primaryContact')}>{s.primaryContact ? `${s.primaryContact.name} ${s.primaryContact.phone ?? ''}` : '—'}</Fact>
            </div>
          )}
        </Loaded>
      </Card>
      <Card>
        <Text weight="semibold">{t('contacts')}</Text>
        <Loaded value={contacts} isEmpty={(c) => c.items.length === 0}>
          {(c) => (
            <ContactItems contacts={c.items} />
          )}
        </Loaded>
        <Text weight="semibold">{t('openDeals')}</Text>
        <Loaded value={deals} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <DealItems deals={d.items} />
          )}
        </Loaded>
      </Card>
      <Card>
        <Text weight="semibold">{t('timeline')}</Text>
        <Timeline clientId={client.id} />
      </Card>
    </div>
  );
}

/** Inline edit with the ETag: a 412 shows who changed it meanwhile and offers a reload, never overwrites. */
function Details({ client, etag, onSaved }: { client: Client; etag: string | null; onSaved: () => void }) {
  const { api, users } = useApp();
  const { t, money } = useI18n();
  const styles = useStyles();
  const [editing, setEditing] = useState(false);
  const [form, setForm] = useState({
    name: client.name,
    relationshipType: client.relationshipType ?? '',
    industry: client.industry ?? '',
    description: client.description ?? '',
    paymentTermsDays: String(client.paymentTermsDays ?? ''),
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [refreshed, setRefreshed] = useState<string | null>(null);
  const [accounts] = useLoad(() => api.get<{ items: { accountNumber: string }[] }>(`/clients/${client.id}/bank-accounts`), [client.id, client.version]);
  // ARES for Czech clients, the PL white list, ANAF, or VIES by the VAT id: the server picks.
  const refreshFromRegistry = async () => {
    try {
      const r = await api.post<{ record: { source: string }; changed: string[] }>(`/clients/${client.id}/registry-refresh`);
      setRefreshed(`${r.record.source}: ${r.changed.join(', ') || '—'}`);
      onSaved();
    } catch (e) {
      setRefreshed(e instanceof ApiError ? (e.errors[0]?.message ?? e.detail) : String(e));
    }
  };
  const [conflict, setConflict] = useState<string | null>(null);
  const [children] = useLoad(() => api.get<{ items: Client[] }>(`/clients/${client.id}/children`), [client.id]);
  const save = async () => {
    setErrors({});
    const changes = {
      name: form.name,
      relationshipType: (form.relationshipType || null) as RelationshipType | null,
      industry: form.industry || null,
      description: form.description || null,
      paymentTermsDays: form.paymentTermsDays === '' ? null : Number(form.paymentTermsDays),
    };
    // The server's own schema first: field errors show before the round trip, the server's after it.
    const parsed = clientUpdate.safeParse(changes);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
    try {
      await api.patch(`/clients/${client.id}`, changes, etag);
      setEditing(false);
      onSaved();
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.status === 412) {
        const current = await api.get<Client>(`/clients/${client.id}`);
        setConflict(users.find((u) => u.id === current.updatedBy)?.name ?? t('someoneElse'));
      } else setErrors(fieldErrors(e.errors, e.detail));
    }
  };
  const set = (k: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));
  return (
    <div className={styles.grid}>
      <Card>
        {conflict && (
          <MessageBar intent="warning">
            <MessageBarBody>
              <MessageBarTitle>{t('conflictTitle')}</MessageBarTitle>
              {t('conflictBody', { who: conflict })}
            </MessageBarBody>
            <MessageBarActions>
              <Button
                onClick={() => {
                  setConflict(null);
                  setEditing(false);
                  onSaved();
                }}
              >
                {t('reload')}
              </Button>
            </MessageBarActions>
          </MessageBar>
        )}
        {editing ? (
          <div className={styles.form}>
            <Field label={t('name')} validationMessage={errors.name ?? errors._}>
              <Input value={form.name} onChange={set('name')} />
            </Field>
            <Field label={t('relationshipType')} validationMessage={errors.relationshipType}>
              <Dropdown
                value={form.relationshipType ? t(relationshipLabels[form.relationshipType as RelationshipType]) : t('noChoice')}
                selectedOptions={[form.relationshipType]}
                onOptionSelect={(_e, d) => setForm((f) => ({ ...f, relationshipType: d.optionValue ?? '' }))}
              >
                <Option value="">{t('noChoice')}</Option>
                {(Object.keys(relationshipLabels) as RelationshipType[]).map((r) => (
                  <Option key={r} value={r}>
                    {t(relationshipLabels[r])}
                  </Option>
                ))}
              </Dropdown>
            </Field>
            <Field label={t('industry')} validationMessage={errors.industry}>
              <Input value={form.industry} onChange={set('industry')} />
            </Field>
            <Field label={t('description')} validationMessage={errors.description}>
              <Textarea value={form.description} onChange={set('description')} />
            </Field>
            <Field label={t('paymentTerms')} validationMessage={errors.paymentTermsDays}>
              <Input type="number" value={form.paymentTermsDays} onChange={set('paymentTermsDays')} />
            </Field>
            <div>
              <Button appearance="primary" onClick={save}>
                {t('save')}
              </Button>{' '}
              <Button onClick={() => setEditing(false)}>{t('cancel')}</Button>
            </div>
          </div>
        ) : (
          <div className={styles.facts}>
            <Fact label={t('relationshipType')}>{client.relationshipType ? t(relationshipLabels[client.relationshipType]) : '—'}</Fact>
            <Fact label={t('industry')}>{client.industry ?? '—'}</Fact>
            <Fact label={t('description')}>{client.description ?? '—'}</Fact>
            <Fact label={t('creditLimit')}>{money(client.creditLimit)}</Fact>
            <Fact label={t('paymentTerms')}>{client.paymentTermsDays ?? '—'}</Fact>
            <Fact label={t('website')}>{client.website ?? '—'}</Fact>
            <Fact label={t('contactPreferences')}>{client.preferredContactMethods.map((m) => t(contactMethodLabels[m])).join(', ') || '—'}</Fact>
            {accounts.state === 'ready' && accounts.data.items.length > 0 && (
              <Fact label={t('bankAccounts')}>{accounts.data.items.map((a) => a.accountNumber).join(', ')}</Fact>
            )}
            <Button onClick={() => setEditing(true)}>{t('edit')}</Button>
            {(client.companyId || client.vatId) && (
              <Button onClick={refreshFromRegistry}>{client.country === 'CZ' ? t('loadFromAres') : t('loadFromRegistry')}</Button>
            )}
            {refreshed && (
              <Text role="status" style={{ gridColumn: '1 / -1' }}>
                {refreshed}
              </Text>
            )}
          </div>
        )}
      </Card>
      <Card>
        <Text weight="semibold">{t('addressDelivery')}</Text>
        <ul className={styles.list}>
          {client.addresses
            .filter((a) => a.type === 'delivery')
            .map((a) => (
              <li key={a.id}>{[a.label, a.street, a.postalCode, a.city, a.country].filter(Boolean).join(', ')}</li>
            ))}
        </ul>
        <Text weight="semibold">{t('childClients')}</Text>
        <Loaded value={children} isEmpty={(c) => c.items.length === 0}>
          {(c) => (
            <ul className={styles.list}>
              {c.items.map((child) => (
                <li key={child.id}>
                  <Link href={href(`/clients/${child.id}`)}>{child.name}</Link>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </Card>
    </div>
  );
}

const dealViews = ['all', 'open', 'won', 'lost'] as const;
const dealViewLabels = { all: 'viewAll', open: 'viewOpen', won: 'viewWon', lost: 'viewLost' } as const;

function Related({ client }: { client: Client }) {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [view, setView] = useState<(typeof dealViews)[number]>('all');
  const [deals, reloadDeals] = useLoad(() => api.get<Page<Deal>>(`/deals?view=${view}&clientId=${client.id}&limit=100`), [client.id, view]);
  const [contacts, reloadContacts] = useLoad(() => api.get<{ items: Contact[] }>(`/clients/${client.id}/contacts`), [client.id]);
  const [activities, reloadActivities] = useLoad(() => api.get<{ items: Activity[] }>(`/activities?clientId=${client.id}&limit=50`), [client.id]);
  return (
    <div className={styles.grid}>
      <Card>
        <Text weight="semibold">{t('contacts')}</Text>
        <Loaded value={contacts} reload={reloadContacts} isEmpty={(c) => c.items.length === 0}>
          {(c) => (
            <ContactItems contacts={c.items} />
          )}
        </Loaded>
      </Card>
      <Card>
        <Text weight="semibold">{t('deals')}</Text>
        <TabList size="small" aria-label={t('dealsFilter')} selectedValue={view} onTabSelect={(_e, d) => setView(d.value as (typeof dealViews)[number])}>
          {dealViews.map((v) => (
            <Tab key={v} value={v}>
              {t(dealViewLabels[v])}
            </Tab>
          ))}
        </TabList>
        <Loaded value={deals} reload={reloadDeals} isEmpty={(d) => d.items.length === 0}>
          {(d) => (
            <DealItems deals={d.items} />
          )}
        </Loaded>
      </Card>
      <Card>
        <Text weight="semibold">{t('activities')}</Text>
        <Loaded value={activities} reload={reloadActivities} isEmpty={(a) => a.items.length === 0}>
          {(a) => (
            <ul className={styles.list}>
              {a.items.map((item) => (
                <li key={item.id}>
                  <Text>{item.subject}</Text> <Text size={200}>{`${t(activityLabels[item.type])} · ${dateTime(item.occurredAt)}`}</Text>
                </li>
              ))}
            </ul>
          )}
        </Loaded>
      </Card>
      <DocumentsPanel clientId={client.id} />
      <MeetingsPanel clientId={client.id} />
    </div>
  );
}

function History({ clientId }: { clientId: string }) {
  const { api } = useApp();
  const { t, dateTime } = useI18n();
  const styles = useStyles();
  const [page, reload] = useLoad(() => api.get<Page<HistoryEntry>>(`/clients/${clientId}/history?limit=100`), [clientId]);
  const fieldName = (h: HistoryEntry) => {
    const key = h.entityType === 'client' ? clientFieldLabels[h.field as keyof typeof clientFieldLabels] : undefined;
    return key ? t(key) : (h.field ?? '');
  };
  const show = (v: unknown) => (v === null || v === undefined ? '—' : typeof v === 'string' ? v : JSON.stringify(v));
  return (
    <Card>
      <Loaded value={page} reload={reload} isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <ul className={styles.list}>
            {p.items.map((h) => (
              <li key={h.id}>
                <Text size={200}>{`${dateTime(h.changedAt)} · ${h.changedBy.name ?? '—'}: `}</Text>
                <Text>
                  {h.action === 'create' ? t('historyCreated') : h.action === 'delete' ? t('historyDeleted') : t('historyChanged', { field: fieldName(h), from: show(h.from), to: show(h.to) })}
                </Text>
              </li>
            ))}
          </ul>
        )}
      </Loaded>
    </Card>
  );
}
