import type { Insertable, Selectable, Updateable } from 'kysely';
import type { TenantInsert, TenantScope } from '../../db/tenant-scope.js';
import { matchingIds } from '../search/search.repository.js';
import type { ClientAddressesTable, ClientsTable } from './clients.table.js';
import type { ClientListQuery } from './clients.schemas.js';
import type { CursorKey } from '../../http/pagination.js';
import { normalizeText } from '../search/normalize.js';

export type ClientRow = Selectable<ClientsTable>;
export type AddressRow = Selectable<ClientAddressesTable>;

export async function findClient(scope: TenantScope, id: string): Promise<ClientRow | undefined> {
  const rows = await scope.precompiled('clients.find', (s, arg) => s.selectFrom('clients').selectAll().where('id', '=', arg(0)).where('deleted_at', 'is', null), [id]);
  return rows[0];
}

/** Whether a live client of the tenant has this id, without reading its columns into JS. */
export async function clientExists(scope: TenantScope, id: string): Promise<boolean> {
  const rows = await scope.precompiled('clients.exists', (s, arg) => s.selectFrom('clients').select('id').where('id', '=', arg(0)).where('deleted_at', 'is', null), [id]);
  return rows.length > 0;
}

export function addressesOf(scope: TenantScope, clientIds: string[]): Promise<AddressRow[]> {
  if (clientIds.length === 0) return Promise.resolve([]);
  if (clientIds.length === 1) {
    return scope.precompiled(
      'clients.addresses',
      (s, arg) => s.selectFrom('client_addresses').selectAll().where('client_id', '=', arg(0)).where('deleted_at', 'is', null).orderBy('position'),
      clientIds,
    );
  }
  return scope
    .selectFrom('client_addresses')
    .selectAll()
    .where('client_id', 'in', clientIds)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
}

export function tagsOf(scope: TenantScope, clientIds: string[]): Promise<{ client_id: string; tag: string }[]> {
  if (clientIds.length === 0) return Promise.resolve([]);
  if (clientIds.length === 1) {
    return scope.precompiled('clients.tags', (s, arg) => s.selectFrom('client_tags').select(['client_id', 'tag']).where('client_id', '=', arg(0)).orderBy('tag'), clientIds);
  }
  return scope.selectFrom('client_tags').select(['client_id', 'tag']).where('client_id', 'in', clientIds).orderBy('tag').execute();
}

export async function insertClient(scope: TenantScope, row: TenantInsert<'clients'>): Promise<void> {
  await scope.insert('clients', row);
}

/** Applies `changes` if the row is still at `expectedVersion` (see TenantScope.updateVersioned). */
export function updateClient(scope: TenantScope, id: string, changes: Updateable<ClientsTable>, expectedVersion: number): Promise<boolean> {
  return scope.updateVersioned('clients', id, changes, expectedVersion);
}

/** Addresses are saved as a whole list with the client; old rows are soft-deleted. */
export async function replaceAddresses(scope: TenantScope, clientId: string, addresses: Omit<Insertable<ClientAddressesTable>, 'tenant_id' | keyof ReturnType<TenantScope['newRecord']> | 'client_id' | 'position'>[]): Promise<void> {
  const now = new Date().toISOString();
  await scope
    .updateTable('client_addresses')
    .set({ deleted_at: now, updated_at: now, updated_by: scope.actor.userId })
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .execute();
  await scope.insert(
    'client_addresses',
    addresses.map((a, position) => ({ ...scope.newRecord(now), ...a, client_id: clientId, position })),
  );
}

export async function replaceTags(scope: TenantScope, clientId: string, tags: string[]): Promise<void> {
  await scope.deleteFrom('client_tags').where('client_id', '=', clientId).execute();
  const unique = [...new Map(tags.map((t) => [normalizeText(t), t])).entries()];
  await scope.insert(
    'client_tags',
    unique.map(([key, tag]) => ({ ...scope.newAppendOnly(), client_id: clientId, tag, tag_key: key })),
  );
}

/** Parent, grandparent … of a client, nearest first; bounded so bad data cannot loop forever. */
export async function ancestorIds(scope: TenantScope, parentId: string | null): Promise<string[]> {
  const chain: string[] = [];
  let current = parentId;
  while (current && chain.length < 100 && !chain.includes(current)) {
    chain.push(current);
    const row = await scope.selectFrom('clients').select('parent_id').where('id', '=', current).executeTakeFirst();
    current = row?.parent_id ?? null;
  }
  return chain;
}

export function childrenOf(scope: TenantScope, clientId: string): Promise<ClientRow[]> {
  return scope.selectFrom('clients').selectAll().where('parent_id', '=', clientId).where('deleted_at', 'is', null).orderBy('sort_name').execute();
}

export async function softDeleteClient(scope: TenantScope, id: string, expectedVersion: number): Promise<boolean> {
  const now = new Date().toISOString();
  const result = await scope
    .updateTable('clients')
    .set({ deleted_at: now, updated_at: now, updated_by: scope.actor.userId, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export const clientSortKey = (sort: ClientListQuery['sort']) => (row: ClientRow): CursorKey =>
  sort === 'name' ? [row.sort_name, row.id] : [row.updated_at, row.id];

/** One page (limit + 1 rows) of the client list, keyset-paginated on (sort key, id). */
export async function listClients(scope: TenantScope, q: ClientListQuery, words: string[], after: CursorKey | null) {
  let qb = scope.selectFrom('clients').selectAll().where('deleted_at', 'is', null);
  if (q.kind) qb = qb.where('kind', '=', q.kind);
  if (q.relationshipType) qb = qb.where('relationship_type', '=', q.relationshipType);
  if (q.industry) qb = qb.where('industry', '=', q.industry);
  if (q.ownerId) qb = qb.where('owner_id', '=', q.ownerId);
  if (q.parentId) qb = qb.where('parent_id', '=', q.parentId);
  if (q.country) qb = qb.where('country', '=', q.country);
  if (q.tag) {
    const tagKey = normalizeText(q.tag);
    qb = qb.where('id', 'in', scope.selectFrom('client_tags').select('client_id').where('tag_key', '=', tagKey));
  }
  if (words.length) {
    qb = qb.where('id', 'in', await matchingIds(scope, words, 'client'));
  }
  if (q.sort === 'name') {
    if (after) {
      const [key, id] = after as [string, string];
      qb = qb.where((eb) => eb.or([eb('sort_name', '>', key), eb.and([eb('sort_name', '=', key), eb('id', '>', id)])]));
    }
    qb = qb.orderBy('sort_name').orderBy('id');
  } else {
    if (after) {
      const [key, id] = after as [string, string];
      qb = qb.where((eb) => eb.or([eb('updated_at', '<', key), eb.and([eb('updated_at', '=', key), eb('id', '<', id)])]));
    }
    qb = qb.orderBy('updated_at', 'desc').orderBy('id', 'desc');
  }
  return scope.first(qb, q.limit + 1).execute();
}

/** Just what lists of other records show of a client (search hits, deal rows): narrow rows read faster. */
export function clientSummariesByIds(scope: TenantScope, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return scope.selectFrom('clients').select(['id', 'name', 'company_id', 'country']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}
