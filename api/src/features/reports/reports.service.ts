import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { can } from '../../auth/roles.js';
import type { CrmUser } from '../users/users.repository.js';
import { findClient } from '../clients/clients.repository.js';
import type { ClientSummary, PipelineReport } from './reports.schemas.js';

type Bucket = { count: number; currency: string; amountMinor: number; weightedMinor: number };

function addTo<K extends string>(map: Map<string, Bucket & Record<K, string>>, keyName: K, key: string, currency: string, value: number, probability: number) {
  const id = `${key}|${currency}`;
  const b = map.get(id) ?? ({ [keyName]: key, count: 0, currency, amountMinor: 0, weightedMinor: 0 } as Bucket & Record<K, string>);
  b.count += 1;
  b.amountMinor += value;
  b.weightedMinor += Math.round((value * probability) / 100);
  map.set(id, b);
}

/** Open deals by stage and by month of expected close: count, value and weighted value per currency. */
export async function pipelineReport(scope: TenantScope, user: CrmUser, q: { ownerId?: string; scope: 'mine' | 'team' }): Promise<PipelineReport> {
  const wantsOthers = q.scope === 'team' || (q.ownerId && q.ownerId !== user.id);
  if (wantsOthers && !can(user, 'team.view')) throw new AppError('forbidden', 'Team reports are for Managers and Admins.');
  let qb = scope
    .selectFrom('deals')
    .select(['stage_key', 'currency', 'value_minor', 'probability', 'expected_close_date'])
    .where('status', '=', 'open')
    .where('deleted_at', 'is', null);
  if (q.ownerId) qb = qb.where('owner_id', '=', q.ownerId);
  else if (q.scope === 'mine') qb = qb.where('owner_id', '=', user.id);
  const byStage = new Map<string, Bucket & { stage: string }>();
  const byMonth = new Map<string, Bucket & { month: string }>();
  for (const d of await qb.execute()) {
    const currency = d.currency ?? '—';
    const value = Number(d.value_minor ?? 0);
    addTo(byStage, 'stage', d.stage_key, currency, value, d.probability);
    addTo(byMonth, 'month', d.expected_close_date?.slice(0, 7) ?? 'none', currency, value, d.probability);
  }
  return { byStage: [...byStage.values()], byMonth: [...byMonth.values()].sort((a, b) => a.month.localeCompare(b.month)) };
}

export async function activityReport(scope: TenantScope, user: CrmUser, q: { from: string; to: string }) {
  if (!can(user, 'team.view')) throw new AppError('forbidden', 'Team reports are for Managers and Admins.');
  const end = new Date(Date.parse(q.to) + 86_400_000).toISOString();
  const rows = await scope
    .selectFrom('activities')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'activities.created_by').onRef('users.tenant_id', '=', 'activities.tenant_id'))
    .select((eb) => ['activities.created_by', 'users.display_name', 'activities.type', eb.fn.countAll<number>().as('count')])
    .where('activities.deleted_at', 'is', null)
    .where('activities.occurred_at', '>=', new Date(q.from).toISOString())
    .where('activities.occurred_at', '<', end)
    .groupBy(['activities.created_by', 'users.display_name', 'activities.type'])
    .execute();
  return { items: rows.map((r) => ({ userId: r.created_by, userName: r.display_name, type: r.type, count: Number(r.count) })) };
}

/** The numbers on top of the client card. */
export async function clientSummary(scope: TenantScope, clientId: string, now = new Date()): Promise<ClientSummary> {
  const client = await findClient(scope, clientId);
  if (!client) throw notFound('The client');
  const deals = await scope.selectFrom('deals').select(['status', 'currency', 'value_minor', 'won_value_minor', 'closed_at']).where('client_id', '=', clientId).where('deleted_at', 'is', null).execute();
  const sum = (rows: { currency: string | null; amount: number }[]) => {
    const totals = new Map<string, number>();
    for (const r of rows) if (r.currency) totals.set(r.currency, (totals.get(r.currency) ?? 0) + r.amount);
    return [...totals].map(([currency, amountMinor]) => ({ currency, amountMinor }));
  };
  const open = deals.filter((d) => d.status === 'open');
  const year = String(now.getUTCFullYear());
  const won = deals.filter((d) => d.status === 'won' && d.closed_at?.startsWith(year));
  const last = await scope.first(scope.selectFrom('activities').select('occurred_at').where('client_id', '=', clientId).where('deleted_at', 'is', null).orderBy('occurred_at', 'desc'), 1).executeTakeFirst();
  const next = await scope
    .first(
      scope.selectFrom('activities').select(['id', 'subject', 'due_at']).where('client_id', '=', clientId).where('type', '=', 'task').where('completed_at', 'is', null).where('deleted_at', 'is', null).orderBy('due_at'),
      1,
    )
    .executeTakeFirst();
  const primary = client.primary_contact_id
    ? await scope.selectFrom('contacts').select(['id', 'first_name', 'last_name', 'email', 'phone']).where('id', '=', client.primary_contact_id).where('deleted_at', 'is', null).executeTakeFirst()
    : undefined;
  return {
    openDeals: { count: open.length, value: sum(open.map((d) => ({ currency: d.currency, amount: Number(d.value_minor ?? 0) }))) },
    wonThisYear: sum(won.map((d) => ({ currency: d.currency, amount: Number(d.won_value_minor ?? d.value_minor ?? 0) }))),
    lastActivityAt: last?.occurred_at ?? null,
    nextTask: next ? { id: next.id, subject: next.subject, dueAt: next.due_at } : null,
    primaryContact: primary ? { id: primary.id, name: `${primary.first_name} ${primary.last_name}`, email: primary.email, phone: primary.phone } : null,
  };
}
