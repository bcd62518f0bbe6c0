import { lazy, Suspense, useEffect, useState } from 'react';
import {
  Button,
  Dropdown,
  Input,
  Link,
  Option,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Title2,
  makeStyles,
} from '@fluentui/react-components';
import type { Client, Page } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { href } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import { relationshipLabels, type RelationshipType } from '../../i18n/enums.js';

// The dialog carries the zod schemas: loaded after the list paints, not before.
const ClientCreateDialog = lazy(() => import('./ClientCreateDialog.js').then((m) => ({ default: m.ClientCreateDialog })));

const useStyles = makeStyles({
  bar: { display: 'flex', gap: '8px', flexWrap: 'wrap', alignItems: 'center', marginBottom: '12px' },
  search: { minWidth: '320px', flexGrow: 1 },
  narrow: { width: '170px', minWidth: '170px' },
});

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

export function ClientList() {
  const { api, users } = useApp();
  const { t } = useI18n();
  const styles = useStyles();
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [country, setCountry] = useState('');
  const [relationshipType, setRelationshipType] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [industryText, setIndustryText] = useState('');
  const [tagText, setTagText] = useState('');
  const q = useDebounced(text.trim(), 250);
  const industry = useDebounced(industryText.trim(), 250);
  const tag = useDebounced(tagText.trim(), 250);
  const filters = { q, kind, country, relationshipType, ownerId, industry, tag };
  const [extra, setExtra] = useState<{ items: Client[]; cursor: string | null }>({ items: [], cursor: null });
  const params = new URLSearchParams({ limit: '50', ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== '')) });
  const [page, reload] = useLoad(() => api.get<Page<Client>>(`/clients?${params}`), [params.toString()]);
  useEffect(() => setExtra({ items: [], cursor: null }), [page]);
  const nextCursor = extra.cursor ?? (page.state === 'ready' ? page.data.nextCursor : null);
  const more = async () => {
    const next = await api.get<Page<Client>>(`/clients?${params}&cursor=${nextCursor}`);
    setExtra((e) => ({ items: [...e.items, ...next.items], cursor: next.nextCursor }));
  };
  return (
    <section>
      <Title2 as="h1">{t('navClients')}</Title2>
      <div className={styles.bar}>
        <Input className={styles.search} value={text} onChange={(_e, d) => setText(d.value)} placeholder={t('searchClients')} aria-label={t('searchClients')} type="search" />
        <Dropdown className={styles.narrow} aria-label={t('kind')} placeholder={t('allKinds')} value={kind ? t(kind === 'company' ? 'kindCompany' : 'kindPerson') : t('allKinds')} onOptionSelect={(_e, d) => setKind(d.optionValue ?? '')}>
          <Option value="">{t('allKinds')}</Option>
          <Option value="company">{t('kindCompany')}</Option>
          <Option value="person">{t('kindPerson')}</Option>
        </Dropdown>
        <Dropdown className={styles.narrow} aria-label={t('country')} placeholder={t('allCountries')} value={country || t('allCountries')} onOptionSelect={(_e, d) => setCountry(d.optionValue ?? '')}>
          <Option value="">{t('allCountries')}</Option>
          {['CZ', 'PL', 'RO', 'SK', 'HU', 'DE', 'AT'].map((c) => (
            <Option key={c} value={c}>
              {c}
            </Option>
          ))}
        </Dropdown>
        <Dropdown
          className={styles.narrow}
          aria-label={t('relationshipType')}
          value={relationshipType ? t(relationshipLabels[relationshipType as RelationshipType]) : t('allRelationships')}
          onOptionSelect={(_e, d) => setRelationshipType(d.optionValue ?? '')}
        >
          <Option value="">{t('allRelationships')}</Option>
          {(Object.keys(relationshipLabels) as RelationshipType[]).map((r) => (
            <Option key={r} value={r}>
              {t(relationshipLabels[r])}
            </Option>
          ))}
        </Dropdown>
        <Dropdown className={styles.narrow} aria-label={t('owner')} value={users.find((u) => u.id === ownerId)?.name ?? t('allOwners')} onOptionSelect={(_e, d) => setOwnerId(d.optionValue ?? '')}>
          <Option value="">{t('allOwners')}</Option>
          {users.map((u) => (
            <Option key={u.id} value={u.id}>
              {u.name}
            </Option>
          ))}
        </Dropdown>
        <Input className={styles.narrow} value={industryText} onChange={(_e, d) => setIndustryText(d.value)} placeholder={t('industry')} aria-label={t('industry')} />
        <Input className={styles.narrow} value={tagText} onChange={(_e, d) => setTagText(d.value)} placeholder={t('filterTag')} aria-label={t('filterTag')} />
        <Suspense
          fallback={
            <Button appearance="primary" disabled>
              {t('newClient')}
            </Button>
          }
        >
          <ClientCreateDialog onCreated={reload} />
        </Suspense>
      </div>
      <Loaded value={page} reload={reload} isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <>
            <Table aria-label={t('navClients')} size="small">
              <TableHeader>
                <TableRow>
                  <TableHeaderCell>{t('name')}</TableHeaderCell>
                  <TableHeaderCell>{t('companyId')}</TableHeaderCell>
                  <TableHeaderCell>{t('country')}</TableHeaderCell>
                  <TableHeaderCell>{t('relationshipType')}</TableHeaderCell>
                  <TableHeaderCell>{t('tags')}</TableHeaderCell>
                </TableRow>
              </TableHeader>
              <TableBody>
                {[...p.items, ...extra.items].map((c) => (
                  <TableRow key={c.id}>
                    <TableCell>
                      <Link href={href(`/clients/${c.id}`)}>{c.name}</Link>
                    </TableCell>
                    <TableCell>{c.companyId ?? '—'}</TableCell>
                    <TableCell>{c.country ?? '—'}</TableCell>
                    <TableCell>{c.relationshipType ? t(relationshipLabels[c.relationshipType]) : '—'}</TableCell>
                    <TableCell>{c.tags.join(', ')}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {nextCursor && <Button onClick={more}>{t('loadMore')}</Button>}
          </>
        )}
      </Loaded>
    </section>
  );
}
