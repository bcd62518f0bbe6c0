import { useState } from 'react';
import { Field, Input } from '@fluentui/react-components';
import { FormDialog } from '../FormDialog.js';
import { dealCreate, type Deal } from '../../../../api/src/contract/index.js';
import { useApp } from '../../app/context.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { fieldErrors } from '../forms.js';
import { ClientPicker } from '../clients/ClientPicker.js';

export function DealCreateDialog({ onCreated, clientId }: { onCreated: (deal: Deal) => void; clientId?: string }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ clientId: clientId ?? '', title: '', amount: '', currency: 'CZK', expectedCloseDate: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = async () => {
    const amount = form.amount.trim() === '' ? null : Math.round(Number(form.amount.replace(',', '.')) * 100);
    const input = {
      clientId: form.clientId,
      title: form.title,
      ...(amount !== null ? { estimatedValue: { amountMinor: amount, currency: form.currency.trim().toUpperCase() } } : {}),
      ...(form.expectedCloseDate ? { expectedCloseDate: form.expectedCloseDate } : {}),
    };
    // The server's schema first (a typo in the amount or a missing client shows at once), then the server's answer.
    const parsed = dealCreate.safeParse(input);
    const problems = {
      ...(parsed.success ? {} : fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })))),
      // Said in the person's language where the schema's words would be a type name or NaN.
      ...(form.clientId ? {} : { clientId: t('required') }),
      ...(amount !== null && !Number.isFinite(amount) ? { 'estimatedValue.amountMinor': t('mustBeAmount') } : {}),
    };
    if (Object.keys(problems).length > 0) return setErrors(problems);
    setErrors({});
    try {
      const deal = await api.post<Deal>('/deals', input);
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
    <FormDialog open={open} onOpenChange={setOpen} trigger={t('newDeal')} triggerAppearance="primary" title={t('newDeal')} submit={t('create')} onSubmit={submit}>
            {!clientId && (
              <Field label={t('client')} required validationMessage={errors.clientId}>
                <ClientPicker onPick={(c) => setForm((f) => ({ ...f, clientId: c?.id ?? '' }))} />
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
          </FormDialog>
  );
}
