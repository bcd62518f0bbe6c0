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
    if (q.view === 'inactive') {
      parts.push(eb.or([eb('deals.last_activity_at', '<', inactiveBefore), eb.and([eb('deals.last_activity_at', 'is', null), eb('deals.created_at', '<', inactiveBefore)])]));
    }
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

/** The column each sort reads; a deal without a value there (no close date, no value, no activity yet) comes last. */
const sortColumns = { expectedClose: 'deals.expected_close_date', value: 'deals.value_minor', lastActivity: 'deals.last_activity_at' } as const;
const sortFields = { expectedClose: 'expected_close_date', value: 'value_minor', lastActivity: 'last_activity_at' } as const;
const descending = { expectedClose: false, value: true, lastActivity: true };

export function dealSortKey(sort: DealListQuery['sort']) {
  return (row: Selectable<DealsTable>): CursorKey => [row[sortFields[sort]] ?? null, row.id];
}

/**
 * One page of a view (limit + 1 rows), read in two index-ordered parts so that neither sorts
 * the open deals: first the deals with a sort value, from the (tenant, status, column, id)
 * index, then, if the page is not full, those without one by id. Deals only: the client names
 * of the page are read afterwards.
 */
export async function listDeals(scope: TenantScope, q: DealListQuery, userId: string, inactiveBefore: string, after: CursorKey | null): Promise<Selectable<DealsTable>[]> {
  const column = sortColumns[q.sort];
  const dir = descending[q.sort] ? 'desc' : 'asc';
  const past = descending[q.sort] ? '<' : '>';
  const view = () => scope.selectFrom('deals').selectAll('deals').where('deals.deleted_at', 'is', null).where(viewFilter(q, userId, inactiveBefore) as never);
  const wanted = q.limit + 1;
  const rows: Selectable<DealsTable>[] = [];
  if (!after || after[0] !== null) {
    let valued = view().where(column, 'is not', null);
    if (after) {
      const [value, id] = after;
      valued = valued.where((eb) => eb.or([eb(column, past, value as never), eb.and([eb(column, '=', value as never), eb('deals.id', past, id)])]));
    }
    rows.push(...(await scope.first(valued.orderBy(column, dir).orderBy('deals.id', dir), wanted).execute()));
  }
  if (rows.length < wanted) {
    let unvalued = view().where(column, 'is', null);
    if (after && after[0] === null) unvalued = unvalued.where('deals.id', past, after[1]);
    rows.push(...(await scope.first(unvalued.orderBy('deals.id', dir), wanted - rows.length).execute()));
  }
  return rows;
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
