import { useState } from 'react';
import { Button, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, Radio, RadioGroup, Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text, Title2 } from '@fluentui/react-components';
import type { Lead, Page } from '../../../../api/src/contract/index.js';
import { useApp, useLoad } from '../../app/context.js';
import { Loaded } from '../../app/states.js';
import { navigate } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { leadStatusLabels } from '../../i18n/enums.js';

interface Match {
  id: string;
  name: string;
  matchedBy: 'companyId' | 'name';
}

export default function LeadList() {
  const { api } = useApp();
  const { t } = useI18n();
  const [page, reload] = useLoad(() => api.get<Page<Lead>>('/leads?limit=100'), []);
  const [converting, setConverting] = useState<{ lead: Lead; matches: Match[] } | null>(null);
  const [choice, setChoice] = useState('new');
  const [error, setError] = useState<string | null>(null);
  const open = async (lead: Lead) => {
    const matches = (await api.get<{ items: Match[] }>(`/leads/${lead.id}/matches`)).items;
    setChoice(matches[0]?.id ?? 'new');
    setError(null);
    setConverting({ lead, matches });
  };
  const convert = async () => {
    if (!converting) return;
    try {
      const done = await api.post<{ dealId: string }>(`/leads/${converting.lead.id}/convert`, choice === 'new' ? {} : { clientId: choice });
      setConverting(null);
      navigate(`/deals/${done.dealId}`);
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    }
  };
  return (
    <section>
      <Title2 as="h1">{t('navLeads')}</Title2>
      <Loaded value={page} reload={reload} isEmpty={(p) => p.items.length === 0}>
        {(p) => (
          <Table size="small" aria-label={t('navLeads')}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t('name')}</TableHeaderCell>
                <TableHeaderCell>{t('person')}</TableHeaderCell>
                <TableHeaderCell>{t('topic')}</TableHeaderCell>
                <TableHeaderCell>{t('status')}</TableHeaderCell>
                <TableHeaderCell>{t('convert')}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {p.items.map((l) => (
                <TableRow key={l.id}>
                  <TableCell>{l.companyName ?? '—'}</TableCell>
                  <TableCell>{[l.firstName, l.lastName].filter(Boolean).join(' ') || '—'}</TableCell>
                  <TableCell>{l.topic}</TableCell>
                  <TableCell>{t(leadStatusLabels[l.status])}</TableCell>
                  <TableCell>{l.status === 'open' && <Button onClick={() => open(l)}>{t('convert')}</Button>}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Loaded>
      <Dialog open={converting !== null} onOpenChange={(_e, d) => !d.open && setConverting(null)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t('convertTitle')}</DialogTitle>
            <DialogContent>
              <RadioGroup value={choice} onChange={(_e, d) => setChoice(d.value)} aria-label={t('convertTitle')}>
                {converting?.matches.map((m) => <Radio key={m.id} value={m.id} label={`${t('convertExisting')}: ${m.name}`} />)}
                <Radio value="new" label={t('convertNew')} />
              </RadioGroup>
              {error && <Text role="alert">{error}</Text>}
            </DialogContent>
            <DialogActions>
              <Button onClick={() => setConverting(null)}>{t('cancel')}</Button>
              <Button appearance="primary" onClick={convert}>
                {t('convert')}
              </Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </section>
  );
}
