import { useState } from 'react';
import { Link, Tab, TabList, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2 } from '@fluentui/react-components';
import type { Deal, DealTotals } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { href } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import type { MessageKey } from '../../i18n/en.js';
import { dealStatusLabels } from '../../i18n/enums.js';
import { useStageName } from './stage-names.js';

const views = ['open', 'mine', 'won', 'lost', 'inactive', 'all'] as const;
const viewLabel: Record<(typeof views)[number], MessageKey> = { open: 'viewOpen', mine: 'viewMine', won: 'viewWon', lost: 'viewLost', inactive: 'viewInactive', all: 'viewAll' };

export default function DealList() {
  const { api } = useApp();
  const { t, money, date } = useI18n();
  const stageName = useStageName();
  const [view, setView] = useState<(typeof views)[number]>('open');
  const [page, reload] = useLoad(() => api.get<{ items: Deal[]; totals: DealTotals }>(`/deals?view=${view}&limit=100`), [view]);
  return (
    <section>
      <Title2 as="h1">{t('navDeals')}</Title2>
      <TabList selectedValue={view} onTabSelect={(_e, d) => setView(d.value as (typeof views)[number])}>
        {views.map((v) => (
          <Tab key={v} value={v}>
            {t(viewLabel[v])}
          </Tab>
        ))}
      </TabList>
      <Loaded value={page} reload={reload}>
        {(p) => (
          <>
            <Text block>
              {`${t('count')}: ${p.totals.count} · ${t('totals')}: ${p.totals.byCurrency.map((c) => money({ amountMinor: c.amountMinor, currency: c.currency })).join(' + ') || '—'} · ${t('weighted')}: ${
                p.totals.byCurrency.map((c) => money({ amountMinor: c.weightedMinor, currency: c.currency })).join(' + ') || '—'
              }`}
            </Text>
            {p.items.length === 0 ? (
              <Text italic>{t('empty')}</Text>
            ) : (
              <Table size="small" aria-label={t('navDeals')}>
                <TableHeader>
                  <TableRow>
                    <TableHeaderCell>{t('dealTitle')}</TableHeaderCell>
                    <TableHeaderCell>{t('client')}</TableHeaderCell>
                    <TableHeaderCell>{t('stage')}</TableHeaderCell>
                    <TableHeaderCell>{t('value')}</TableHeaderCell>
                    <TableHeaderCell>{t('expectedClose')}</TableHeaderCell>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {p.items.map((d) => (
                    <TableRow key={d.id}>
                      <TableCell>
                        <Link href={href(`/deals/${d.id}`)}>{d.title}</Link>
                      </TableCell>
                      <TableCell>{d.clientName}</TableCell>
                      <TableCell>{d.status === 'open' ? stageName(d.stage) : t(dealStatusLabels[d.status])}</TableCell>
                      <TableCell>{money(d.estimatedValue)}</TableCell>
                      <TableCell>{date(d.expectedCloseDate)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}
