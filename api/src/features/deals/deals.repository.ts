import { sql, type ExpressionBuilder, type Selectable, type Updateable } from 'kysely';
import type { Database } from '../../db/database.js';
import type { TenantScope } from '../../db/tenant-scope.js';
import type { CursorKey } from '../../http/pagination.js';
import type { DealsTable } from './deals.table.js';
import type { DealListQuery } from './deals.schemas.js';

export type DealRow = Selectable<DealsTable> & { client_name: string };

const withClient = (scope: TenantScope) =>
  scope
    .selectFrom('deals')
    .innerJoin('clients', (j) => j.onRef('clients.id', '=', 'deals.client_id').onRef('clients.tenant_id', '=', 'deals.tenant_id'))
    .selectAll('deals')
    .select('clients.name as client_name')
    .where('deals.deleted_at', 'is', null);

export function findDeal(scope: TenantScope, id: string): Promise<DealRow | undefined> {
  return withClient(scope).where('deals.id', '=', id).executeTakeFirst();
}

export function dealsByIds(scope: TenantScope, ids: string[]): Promise<DealRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return withClient(scope).where('deals.id', 'in', ids).execute();
}

export function extraContactsOf(scope: TenantScope, dealIds: string[]) {
  if (dealIds.length === 0) return Promise.resolve([]);
  return scope.selectFrom('deal_contacts').select(['deal_id', 'contact_id']).where('deal_id', 'in', dealIds).execute();
}

export async function replaceExtraContacts(scope: TenantScope, dealId: string, contactIds: string[]): Promise<void> {
  await scope.deleteFrom('deal_contacts').where('deal_id', '=', dealId).execute();
  await scope.insert(
    'deal_contacts',
    [...new Set(contactIds)].map((contactId) => ({ ...scope.newAppendOnly(), deal_id: dealId, contact_id: contactId })),
  );
}

/** Applies `changes` if the row is still at `expectedVersion` (see TenantScope.updateVersioned). */
export function updateDeal(scope: TenantScope, id: string, changes: Updateable<DealsTable>, expectedVersion: number): Promise<boolean> {
  return scope.updateVersioned('deals', id, changes, expectedVersion);
}

/** Closes the current stage period and opens the next one. */
export async function enterStage(scope: TenantScope, dealId: string, stageKey: string, at: string): Promise<void> {
  await scope.updateTable('deal_stage_history').set({ left_at: at }).where('deal_id', '=', dealId).where('left_at', 'is', null).execute();
  await scope.insert('deal_stage_history', { ...scope.newAppendOnly(at), deal_id: dealId, stage_key: stageKey, entered_at: at, left_at: null });
}

export function stageHistory(scope: TenantScope, dealId: string) {
  return scope.selectFrom('deal_stage_history').select(['stage_key', 'entered_at', 'left_at']).where('deal_id', '=', dealId).orderBy('entered_at').orderBy('id').execute();
}

type DealsEb = ExpressionBuilder<Database & { deals: DealsTable }, 'deals' | 'clients'>;

/** The filters of a view, shared by the page query and the totals query. */
function viewFilter(q: DealListQuery, userId: string, inactiveBefore: string) {
  return (eb: DealsEb) => {
    const parts = [];
    if (q.view === 'open' || q.view === 'mine' || q.view === 'inactive') parts.push(eb('deals.status', '=', 'open'));
    if (q.view === 'won' || q.view === 'lost') parts.push(eb('deals.status', '=', q.view));
    if (q.view === 'mine') parts.push(eb('deals.owner_id', '=', userId));
    if (q.view === 'inactive') parts.push(eb(eb.fn.coalesce('deals.last_activity_at', 'deals.created_at'), '<', inactiveBefore));
    if (q.stage) parts.push(eb('deals.stage_key', '=', q.stage));
    if (q.ownerId) parts.push(eb('deals.owner_id', '=', q.ownerId));
    if (q.clientId) parts.push(eb('deals.client_id', '=', q.clientId));
    if (q.closeFrom) parts.push(eb('deals.expected_close_date', '>=', q.closeFrom));
    if (q.closeTo) parts.push(eb('deals.expected_close_date', '<=', q.closeTo));
    if (q.valueMin !== undefined) parts.push(eb('deals.value_minor', '>=', q.valueMin));
    if (q.valueMax !== undefined) parts.push(eb('deals.value_minor', '<=', q.valueMax));
    return eb.and(parts);
  };
}

/** Sort keys without NULLs, so keyset pagination stays simple: no date sorts last. */
const sortExpressions = {
  expectedClose: sql<string>`coalesce(${sql.ref('deals.expected_close_date')}, '9999-12-31')`,
  value: sql<number>`coalesce(${sql.ref('deals.value_minor')}, 0)`,
  lastActivity: sql<string>`coalesce(${sql.ref('deals.last_activity_at')}, ${sql.ref('deals.created_at')})`,
};
const descending = { expectedClose: false, value: true, lastActivity: true };

export function dealSortKey(sort: DealListQuery['sort']) {
  return (row: Selectable<DealsTable>): CursorKey =>
    sort === 'expectedClose' ? [row.expected_close_date ?? '9999-12-31', row.id] : sort === 'value' ? [row.value_minor ?? 0, row.id] : [row.last_activity_at ?? row.created_at, row.id];
}

/**
 * One page of a view (limit + 1 rows). Deals only: the client names of the page are read
 * afterwards, so the sort runs over deal rows without a join per open deal.
 */
export function listDeals(scope: TenantScope, q: DealListQuery, userId: string, inactiveBefore: string, after: CursorKey | null) {
  const key = sortExpressions[q.sort];
  const desc = descending[q.sort];
  let qb = scope.selectFrom('deals').selectAll('deals').where('deals.deleted_at', 'is', null).where(viewFilter(q, userId, inactiveBefore) as never);
  if (after) {
    const [value, id] = after;
    qb = qb.where((eb) => eb.or([eb(key, desc ? '<' : '>', value as never), eb.and([eb(key, '=', value as never), eb('deals.id', desc ? '<' : '>', id)])]));
  }
  return scope.first(qb.orderBy(key, desc ? 'desc' : 'asc').orderBy('deals.id', desc ? 'desc' : 'asc'), q.limit + 1).execute();
}

export function dealTotals(scope: TenantScope, q: DealListQuery, userId: string, inactiveBefore: string) {
  return scope
    .selectFrom('deals')
    .where('deals.deleted_at', 'is', null)
    .where(viewFilter(q, userId, inactiveBefore) as never)
    .select((eb) => [
      'deals.currency',
      eb.fn.countAll<number>().as('count'),
      eb.fn.sum<number>('deals.value_minor').as('amount'),
      eb.fn.sum<number>(sql`${sql.ref('deals.value_minor')} * ${sql.ref('deals.probability')}`).as('weighted'),
    ])
    .groupBy('deals.currency')
    .execute();
}
