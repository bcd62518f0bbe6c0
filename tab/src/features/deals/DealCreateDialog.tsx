import { useState } from 'react';
import { Button, Combobox, Dialog, DialogActions, DialogBody, DialogContent, DialogSurface, DialogTitle, DialogTrigger, Field, Input, Option } from '@fluentui/react-components';
import type { Client, Deal, Page } from '../../../../api/src/contract/index.js';
import { useApp } from '../../app/context.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { fieldErrors } from '../forms.js';

export function DealCreateDialog({ onCreated, clientId }: { onCreated: (deal: Deal) => void; clientId?: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [clients, setClients] = useState<Client[]>([]);
  const [form, setForm] = useState({ clientId: clientId ?? '', title: '', amount: '', currency: 'CZK', expectedCloseDate: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const search = async (q: string) => setClients((await api.get<Page<Client>>(`/clients?limit=10${q ? `&q=${encodeURIComponent(q)}` : ''}`)).items);
  const submit = async () => {
    const amount = form.amount.trim() === '' ? null : Math.round(Number(form.amount.replace(',', '.')) * 100);
    try {
      const deal = await api.post<Deal>('/deals', {
        clientId: form.clientId,
        title: form.title,
        ...(amount !== null ? { estimatedValue: { amountMinor: amount, currency: form.currency } } : {}),
        ...(form.expectedCloseDate ? { expectedCloseDate: form.expectedCloseDate } : {}),
      });
      setOpen(false);
      setForm((f) => ({ ...f, title: '', amount: '' }));
      onCreated(deal);
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.errors, e.detail));
      else throw e;
    }
  };
  const set = (k: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));
  return (
    <Dialog
      open={open}
      onOpenChange={(_e, d) => {
        setOpen(d.open);
        if (d.open) void search('');
      }}
    >
      <DialogTrigger disableButtonEnhancement>
        <Button appearance="primary">{t('newDeal')}</Button>
      </DialogTrigger>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{t('newDeal')}</DialogTitle>
          <DialogContent>
            {!clientId && (
              <Field label={t('client')} required validationMessage={errors.clientId}>
                <Combobox
                  onChange={(e) => void search(e.target.value)}
                  onOptionSelect={(_e, d) => setForm((f) => ({ ...f, clientId: d.optionValue ?? '' }))}
                >
                  {clients.map((c) => (
                    <Option key={c.id} value={c.id}>
                      {c.name}
                    </Option>
                  ))}
                </Combobox>
              </Field>
            )}
            <Field label={t('dealTitle')} required validationMessage={errors.title ?? errors._}>
              <Input value={form.title} onChange={set('title')} />
            </Field>
            <Field label={t('value')} validationMessage={errors['estimatedValue.amountMinor']}>
              <Input value={form.amount} onChange={set('amount')} inputMode="decimal" />
            </Field>
            <Field label={t('currency')} validationMessage={errors['estimatedValue.currency']}>
              <Input value={form.currency} onChange={set('currency')} maxLength={3} />
            </Field>
            <Field label={t('expectedClose')} validationMessage={errors.expectedCloseDate}>
              <Input type="date" value={form.expectedCloseDate} onChange={set('expectedCloseDate')} />
            </Field>
          </DialogContent>
          <DialogActions>
            <DialogTrigger disableButtonEnhancement>
              <Button>{t('cancel')}</Button>
            </DialogTrigger>
            <Button appearance="primary" onClick={submit}>
              {t('create')}
            </Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
