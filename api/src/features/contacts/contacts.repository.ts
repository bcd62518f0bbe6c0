import type { Selectable, Updateable } from 'kysely';
import type { TenantInsert, TenantScope } from '../../db/tenant-scope.js';
import type { CursorKey } from '../../http/pagination.js';
import { matchingIds } from '../search/search.repository.js';
import type { ContactsTable } from './contacts.table.js';

export type ContactRow = Selectable<ContactsTable>;

export function findContact(scope: TenantScope, id: string): Promise<ContactRow | undefined> {
  return scope.selectFrom('contacts').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertContact(scope: TenantScope, row: TenantInsert<'contacts'>): Promise<void> {
  await scope.insert('contacts', row);
}

/** Applies `changes` if the row is still at `expectedVersion` (see TenantScope.updateVersioned). */
export function updateContact(scope: TenantScope, id: string, changes: Updateable<ContactsTable>, expectedVersion: number): Promise<boolean> {
  return scope.updateVersioned('contacts', id, changes, expectedVersion);
}

export function contactsOfClient(scope: TenantScope, clientId: string): Promise<ContactRow[]> {
  return scope
    .selectFrom('contacts')
    .selectAll()
    .where('client_id', '=', clientId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/**
 * Makes `contactId` the client's only primary contact (or clears it when null), on the
 * contacts and on the client, bumping the client's version since its card changes.
 */
export async function markPrimary(scope: TenantScope, clientId: string, contactId: string | null): Promise<void> {
  const now = new Date().toISOString();
  await scope
    .updateTable('contacts')
    .set((eb) => ({ is_primary: 0, version: eb('version', '+', 1), updated_at: now, updated_by: scope.actor.userId }))
    .where('client_id', '=', clientId)
    .where('is_primary', '=', 1)
    .where('deleted_at', 'is', null)
    .$if(contactId !== null, (qb) => qb.where('id', '<>', contactId!))
    .execute();
  if (contactId) {
    await scope
      .updateTable('contacts')
      .set((eb) => ({ is_primary: 1, version: eb('version', '+', 1), updated_at: now, updated_by: scope.actor.userId }))
      .where('id', '=', contactId)
      .where('is_primary', '=', 0)
      .execute();
  }
  await scope
    .updateTable('clients')
    .set((eb) => ({ primary_contact_id: contactId, version: eb('version', '+', 1), updated_at: now, updated_by: scope.actor.userId }))
    .where('id', '=', clientId)
    .where((eb) => (contactId ? eb.or([eb('primary_contact_id', 'is', null), eb('primary_contact_id', '<>', contactId)]) : eb('primary_contact_id', 'is not', null)))
    .execute();
}

export async function listContacts(scope: TenantScope, q: { clientId?: string; limit: number }, words: string[], after: CursorKey | null) {
  let qb = scope.selectFrom('contacts').selectAll().where('deleted_at', 'is', null);
  if (q.clientId) qb = qb.where('client_id', '=', q.clientId);
  if (words.length) qb = qb.where('id', 'in', await matchingIds(scope, words, 'contact'));
  if (after) {
    const [key, id] = after as [string, string];
    qb = qb.where((eb) => eb.or([eb('sort_name', '>', key), eb.and([eb('sort_name', '=', key), eb('id', '>', id)])]));
  }
  return scope.first(qb.orderBy('sort_name').orderBy('id'), q.limit + 1).execute();
}

/** What a search hit shows of a contact. */
export function contactSummariesByIds(scope: TenantScope, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return scope.selectFrom('contacts').select(['id', 'client_id', 'first_name', 'last_name', 'job_title', 'email']).where('id', 'in', ids).where('deleted_at', 'is', null).execute();
}
