import { useState } from 'react';
import { Badge, Button, Card, Field, Input, Link, Text, Title2, makeStyles, tokens } from '@fluentui/react-components';
import type { Contact, Deal } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { href } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { Timeline } from '../timeline/Timeline.js';
import { dealStatusLabels } from '../../i18n/enums.js';
import { useStageName } from './stage-names.js';

const useStyles = makeStyles({
  grid: { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(320px, 1fr))', gap: '12px', marginTop: '12px' },
  facts: { display: 'grid', gridTemplateColumns: 'max-content 1fr', gap: '4px 12px' },
  label: { color: tokens.colorNeutralForeground3 },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'end' },
});

export default function DealCard({ id }: { id: string }) {
  const { api } = useApp();
  const { t, money, date } = useI18n();
  const styles = useStyles();
  const [deal, reload] = useLoad(() => api.get<Deal>(`/deals/${id}`), [id]);
  const stageName = useStageName();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const act = async (path: string, body: unknown = {}) => {
    setError(null);
    try {
      await api.post(`/deals/${id}/${path}`, body);
      reload();
    } catch (e) {
      setError(e instanceof ApiError ? (e.errors[0]?.message ?? e.detail) : String(e));
    }
  };
  const facts = (d: Deal): [string, string][] => [
    [t('client'), d.clientName],
    [t('stage'), stageName(d.stage)],
    [t('value'), money(d.estimatedValue)],
    [t('probability'), `${d.probability} %`],
    [t('expectedClose'), date(d.expectedCloseDate)],
    [t('nextStep'), d.nextStep ?? '—'],
    [t('description'), d.description ?? '—'],
    [t('lostReason'), d.lostReason ?? '—'],
  ];
  return (
    <Loaded value={deal} reload={reload}>
      {(d) => (
        <article>
          <Title2 as="h1">{d.title}</Title2> <Badge>{t(dealStatusLabels[d.status])}</Badge>
          <div className={styles.grid}>
            <Card>
              <div className={styles.facts}>
                {facts(d).map(([label, value]) => (
                  <span key={label} style={{ display: 'contents' }}>
                    <Text className={styles.label}>{label}</Text>
                    <Text>{value}</Text>
                  </span>
                ))}
              </div>
              <Link href={href(`/clients/${d.clientId}`)}>{d.clientName}</Link>
              <DealContacts deal={d} />
              <div className={styles.actions}>
                {d.status === 'open' ? (
                  <>
                    <Button appearance="primary" onClick={() => act('win')}>
                      {t('win')}
                    </Button>
                    <Field label={t('lostReason')} validationMessage={error ?? undefined}>
                      <Input value={reason} onChange={(_e, v) => setReason(v.value)} />
                    </Field>
                    <Button onClick={() => act('lose', { reason })}>{t('lose')}</Button>
                  </>
                ) : (
                  <Button onClick={() => act('reopen')}>{t('reopen')}</Button>
                )}
              </div>
            </Card>
            <Card>
              <Text weight="semibold">{t('timeline')}</Text>
              <Timeline clientId={d.clientId} dealId={d.id} />
            </Card>
          </div>
        </article>
      )}
    </Loaded>
  );
}

/** The deal's main contact first, then the other contacts on it (all are contacts of its client). */
function DealContacts({ deal }: { deal: Deal }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [contacts, reload] = useLoad(() => api.get<{ items: Contact[] }>(`/clients/${deal.clientId}/contacts`), [deal.clientId]);
  const ids = [deal.contactId, ...deal.extraContactIds].filter((id): id is string => id !== null);
  return (
    <section aria-label={t('dealContacts')}>
      <Text weight="semibold">{t('dealContacts')}</Text>
      <Loaded value={contacts} reload={reload} isEmpty={(p) => !p.items.some((c) => ids.includes(c.id))}>
        {(p) => (
          <ul>
            {ids
              .map((id) => p.items.find((c) => c.id === id))
              .filter((c): c is Contact => c !== undefined)
              .map((c) => (
                <li key={c.id}>
                  <Text>{[`${c.firstName} ${c.lastName}`, c.jobTitle, c.email, c.phone].filter(Boolean).join(' · ')}</Text>
                </li>
              ))}
          </ul>
        )}
      </Loaded>
    </section>
  );
}
