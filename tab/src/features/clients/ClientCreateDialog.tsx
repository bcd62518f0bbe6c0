import { useState } from 'react';
import { Button, Checkbox, Field, Input, MessageBar, MessageBarBody, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { FormDialog } from '../FormDialog.js';
import { clientCreate, type Client, type RegistryRecord } from '../../../../api/src/contract/index.js';
import { useApp } from '../../app/context.js';
import { navigate } from '../../app/router.js';
import { useI18n } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { fieldErrors } from '../forms.js';

export function ClientCreateDialog({ onCreated }: { onCreated: () => void }) {
  const { api } = useApp();
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState({ kind: 'company', name: '', companyId: '', country: '', email: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const set = (k: keyof typeof form) => (_e: unknown, d: { value: string }) => setForm((f) => ({ ...f, [k]: d.value }));
  const [found, setFound] = useState<RegistryRecord | null>(null);
  const [accepted, setAccepted] = useState<RegistryRecord | null>(null);
  // Field by field: each part of the registry's answer can be left out before accepting.
  const [take, setTake] = useState({ name: true, vat: true, address: true });
  const registry = (country: string) => ({ CZ: 'cz', PL: 'pl', RO: 'ro' })[country.toUpperCase()] ?? 'eu';
  // ARES, the PL VAT white list or ANAF by the country typed; VIES for other EU VAT ids.
  const load = async () => {
    setErrors({});
    setFound(null);
    try {
      setFound(await api.get<RegistryRecord>(`/registry/${registry(form.country)}/${encodeURIComponent(form.companyId.trim())}`));
    } catch (e) {
      if (e instanceof ApiError) setErrors({ companyId: e.errors[0]?.message ?? e.detail });
      else throw e;
    }
  };
  const accept = (r: RegistryRecord) => {
    setForm((f) => ({ ...f, kind: 'company', name: take.name ? r.name : f.name, country: r.registeredAddress.country, companyId: r.companyId ?? f.companyId }));
    setAccepted(r);
    setFound(null);
  };
  const submit = async () => {
    const fromRegistry = accepted
      ? {
          ...(take.vat && accepted.vatId ? { vatId: accepted.vatId } : {}),
          ...(take.vat && accepted.vatPayer !== null ? { vatPayer: accepted.vatPayer } : {}),
          ...(take.address
            ? { addresses: [{ type: 'registered', street: accepted.registeredAddress.street, city: accepted.registeredAddress.city, postalCode: accepted.registeredAddress.postalCode, country: accepted.registeredAddress.country }] }
            : {}),
        }
      : {};
    const input = { ...Object.fromEntries(Object.entries(form).filter(([, v]) => v !== '')), ...fromRegistry };
    // The same schema as the server: errors show before the round trip, and the server's after it.
    const parsed = clientCreate.safeParse(input);
    if (!parsed.success) return setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))));
    try {
      const created = await api.post<Client>('/clients', input);
      setOpen(false);
      onCreated();
      navigate(`/clients/${created.id}`);
    } catch (e) {
      if (e instanceof ApiError) setErrors(fieldErrors(e.errors, e.detail));
      else throw e;
    }
  };
  return (
    <FormDialog open={open} onOpenChange={setOpen} trigger={t('newClient')} triggerAppearance="primary" title={t('newClient')} submit={t('create')} onSubmit={submit}>
            <RadioGroup layout="horizontal" value={form.kind} onChange={set('kind')} aria-label={t('kind')}>
              <Radio value="company" label={t('kindCompany')} />
              <Radio value="person" label={t('kindPerson')} />
            </RadioGroup>
            <Field label={t('name')} required validationMessage={errors.name ?? errors._}>
              <Input value={form.name} onChange={set('name')} />
            </Field>
            <Field label={t('companyId')} validationMessage={errors.companyId}>
              <Input value={form.companyId} onChange={set('companyId')} />
            </Field>
            <Button size="small" disabled={!form.companyId.trim()} onClick={load}>
              {registry(form.country) === 'cz' ? t('loadFromAres') : t('loadFromRegistry')}
            </Button>
            {found && (
              <MessageBar intent={found.dissolved || found.unreliableVatPayer ? 'warning' : 'info'}>
                <MessageBarBody>
                  <Text block>{`${found.source}:`}</Text>
                  <Checkbox checked={take.name} onChange={(_e, d) => setTake((x) => ({ ...x, name: Boolean(d.checked) }))} label={`${t('name')}: ${found.name}`} />
                  <Checkbox
                    checked={take.address}
                    onChange={(_e, d) => setTake((x) => ({ ...x, address: Boolean(d.checked) }))}
                    label={`${t('addressRegistered')}: ${[found.registeredAddress.street, found.registeredAddress.postalCode, found.registeredAddress.city].filter(Boolean).join(', ')}`}
                  />
                  <Checkbox
                    checked={take.vat}
                    onChange={(_e, d) => setTake((x) => ({ ...x, vat: Boolean(d.checked) }))}
                    label={`${t('vatId')}: ${found.vatId ?? '—'}, ${t('registryVat', { value: found.vatPayer === null ? '—' : t(found.vatPayer ? 'yes' : 'no') })}`}
                  />
                  {found.dissolved && <Text block weight="semibold">{t('registryDissolved')}</Text>}
                  {found.unreliableVatPayer && <Text block weight="semibold">{t('registryUnreliable')}</Text>}
                  <Button size="small" appearance="primary" onClick={() => accept(found)}>
                    {t('useRegistryValues')}
                  </Button>
                </MessageBarBody>
              </MessageBar>
            )}
            <Field label={t('country')} validationMessage={errors.country} hint="CZ, PL, RO…">
              <Input value={form.country} onChange={set('country')} maxLength={2} />
            </Field>
            <Field label={t('email')} validationMessage={errors.email}>
              <Input value={form.email} onChange={set('email')} type="email" />
            </Field>
          </FormDialog>
  );
}
