import type { Logger } from 'pino';
import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError } from '../../http/errors.js';
import type { CrmUser } from '../users/users.repository.js';
import { getClient, updateClient } from '../clients/clients.service.js';
import { recordSystemEvent } from '../activities/activities.service.js';
import type { Client, ClientUpdate } from '../clients/clients.schemas.js';
import { anaf, ares, plVat, vies, type RegistryUrls } from './adapters.js';
import { czIcoProblem, euVatProblem, plNipProblem, roCuiProblem } from './checksums.js';
import type { RegistryRecord } from './registry.schemas.js';

type Country = 'cz' | 'pl' | 'ro' | 'eu';

/** Calls per tenant and registry within a window, kept under each service's published limit. */
const limits: Record<Country, { calls: number; windowMs: number }> = {
  cz: { calls: 100, windowMs: 60_000 }, // ARES blocks clients above 500 a minute
  pl: { calls: 50, windowMs: 86_400_000 }, // 100 searches a day per IP for everyone
  ro: { calls: 60, windowMs: 60_000 }, // ANAF: 1 request a second
  eu: { calls: 30, windowMs: 60_000 },
};
const dayMs = 86_400_000;

/** The bank accounts a registry published for a client (PL VAT white list). */
export async function bankAccountsOf(scope: TenantScope, clientId: string): Promise<{ accountNumber: string; source: string; checkedAt: string }[]> {
  await getClient(scope, clientId);
  const rows = await scope.selectFrom('client_bank_accounts').select(['account_number', 'source', 'created_at']).where('client_id', '=', clientId).orderBy('account_number').execute();
  return rows.map((r) => ({ accountNumber: r.account_number, source: r.source, checkedAt: r.created_at }));
}

export interface RegistryService {
  lookup(scope: TenantScope, country: Country, companyId: string): Promise<RegistryRecord>;
  refreshClient(scope: TenantScope, user: CrmUser, clientId: string): Promise<{ client: Client; record: RegistryRecord; changed: string[] }>;
}

/** Checks the id first (422 with the reason, nobody called), then asks the registry. */
function checkId(country: Country, companyId: string): { id: string; euCountry?: string } {
  const id = companyId.replace(/\s+/g, '');
  const problem =
    country === 'cz' ? czIcoProblem(id) : country === 'pl' ? plNipProblem(id) : country === 'ro' ? roCuiProblem(id) : euVatProblem(id.slice(0, 2).toUpperCase(), id);
  if (problem) throw new AppError('unprocessable', problem, [{ path: 'companyId', message: problem }]);
  return country === 'eu' ? { id, euCountry: id.slice(0, 2).toUpperCase() } : { id: country === 'ro' ? id.replace(/^RO/i, '') : id };
}

export function createRegistryService(urls: RegistryUrls, logger: Logger): RegistryService {
  const cache = new Map<string, { record: RegistryRecord; until: number }>();
  const calls = new Map<string, number[]>();

  function allow(tenantId: string, country: Country) {
    const key = `${tenantId}|${country}`;
    const limit = limits[country];
    const recent = (calls.get(key) ?? []).filter((t) => t > Date.now() - limit.windowMs);
    if (recent.length >= limit.calls) {
      throw new AppError('too-many-requests', 'Your organization has asked this registry too often; the CRM holds back to stay under its limits.', undefined, { retryAfter: Math.ceil(limit.windowMs / 1000 / 10) });
    }
    recent.push(Date.now());
    calls.set(key, recent);
  }

  async function lookup(scope: TenantScope, country: Country, companyId: string): Promise<RegistryRecord> {
    const { id, euCountry } = checkId(country, companyId);
    const key = `${scope.tenantId}|${country}|${id}`;
    const hit = cache.get(key);
    if (hit && hit.until > Date.now()) return hit.record;
    allow(scope.tenantId, country);
    const record =
      country === 'cz' ? await ares(urls, logger, id) : country === 'pl' ? await plVat(urls, logger, id) : country === 'ro' ? await anaf(urls, logger, id) : await vies(urls, logger, euCountry!, id);
    cache.set(key, { record, until: Date.now() + dayMs });
    if (cache.size > 10_000) cache.delete(cache.keys().next().value as string);
    return record;
  }

  /** Which registry knows this client: its country's, else VIES by its VAT id. */
  function sourceFor(client: Client): { country: Country; id: string } {
    if (client.country === 'CZ' && client.companyId) return { country: 'cz', id: client.companyId };
    if (client.country === 'PL' && client.companyId) return { country: 'pl', id: client.companyId };
    if (client.country === 'RO' && client.companyId) return { country: 'ro', id: client.companyId };
    if (client.vatId) return { country: 'eu', id: client.vatId };
    throw new AppError('unprocessable', 'The client needs a Czech, Polish or Romanian company id, or an EU VAT id, to be looked up.', [{ path: 'companyId', message: 'No id to look up' }]);
  }

  async function refreshClient(scope: TenantScope, user: CrmUser, clientId: string) {
    const client = await getClient(scope, clientId);
    const source = sourceFor(client);
    const record = await lookup(scope, source.country, source.id);
    const registered = { type: 'registered' as const, street: record.registeredAddress.street, city: record.registeredAddress.city, postalCode: record.registeredAddress.postalCode, country: record.registeredAddress.country };
    const patch: ClientUpdate = {
      name: record.name.slice(0, 200),
      ...(record.vatId ? { vatId: record.vatId } : {}),
      ...(record.vatPayer !== null ? { vatPayer: record.vatPayer } : {}),
      addresses: [registered, ...client.addresses.filter((a) => a.type !== 'registered').map(({ id: _id, ...a }) => a)],
    };
    return scope.transaction(async (tx) => {
      const updated = await updateClient(tx, user, clientId, patch, undefined);
      if (record.source === 'PL VAT white list') {
        await tx.deleteFrom('client_bank_accounts').where('client_id', '=', clientId).execute();
        await tx.insert('client_bank_accounts', record.bankAccounts.map((account_number) => ({ ...tx.newAppendOnly(), client_id: clientId, account_number, source: record.source })));
      }
      const changed = (['name', 'vatId', 'vatPayer'] as const).filter((f) => JSON.stringify(client[f]) !== JSON.stringify(updated[f]));
      if (JSON.stringify(client.addresses.find((a) => a.type === 'registered')) !== JSON.stringify(updated.addresses.find((a) => a.type === 'registered'))) changed.push('registeredAddress' as never);
      const warnings = [record.dissolved ? 'the registry marks the company as dissolved' : null, record.unreliableVatPayer ? 'the registry marks it as an unreliable or inactive VAT payer' : null].filter(Boolean);
      await recordSystemEvent(tx, {
        clientId,
        event: 'registry-refresh',
        subject: `Updated from ${record.source}`,
        body: [changed.length ? `Changed: ${changed.join(', ')}` : 'Nothing changed', ...warnings].join('. '),
      });
      return { client: updated, record, changed };
    });
  }

  return { lookup, refreshClient };
}
