import type { Selectable, Updateable } from 'kysely';
import type { TenantInsert, TenantScope } from '../../db/tenant-scope.js';
import type { CursorKey } from '../../http/pagination.js';
import type { MeetingsTable } from './meetings.table.js';

export type MeetingRow = Selectable<MeetingsTable>;

export function findMeeting(scope: TenantScope, id: string): Promise<MeetingRow | undefined> {
  return scope.selectFrom('meetings').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function insertMeeting(scope: TenantScope, row: TenantInsert<'meetings'>): Promise<void> {
  await scope.insert('meetings', row);
}

export async function updateMeeting(scope: TenantScope, id: string, changes: Updateable<MeetingsTable>, expectedVersion: number): Promise<boolean> {
  const result = await scope
    .updateTable('meetings')
    .set({ ...changes, version: expectedVersion + 1, updated_at: new Date().toISOString(), updated_by: scope.actor.userId })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Latest start first, keyset on (start_at, id). */
export function meetingsOfClient(scope: TenantScope, clientId: string, limit: number, after: CursorKey | null) {
  let q = scope.selectFrom('meetings').selectAll().where('client_id', '=', clientId).where('deleted_at', 'is', null);
  if (after) {
    const [at, id] = after as [string, string];
    q = q.where((eb) => eb.or([eb('start_at', '<', at), eb.and([eb('start_at', '=', at), eb('id', '<', id)])]));
  }
  return scope.first(q.orderBy('start_at', 'desc').orderBy('id', 'desc'), limit + 1).execute();
}

/** Outlook meetings that can still move or be cancelled: scheduled, not ended more than a day ago. */
export function meetingsToSync(scope: TenantScope, endedAfter: string) {
  return scope
    .selectFrom('meetings')
    .selectAll()
    .where('provider', '=', 'graph')
    .where('status', '=', 'scheduled')
    .where('end_at', '>', endedAfter)
    .where('deleted_at', 'is', null)
    .execute();
}

/** Contacts of the client and users of the tenant with these addresses (lower case). */
export async function knownAttendees(scope: TenantScope, clientId: string, emails: string[]) {
  if (emails.length === 0) return { contacts: [], users: [] };
  const [contacts, users] = await Promise.all([
    scope.selectFrom('contacts').select(['id', 'email', 'first_name', 'last_name']).where('client_id', '=', clientId).where('deleted_at', 'is', null).where('email', 'in', emails).execute(),
    scope.selectFrom('users').select(['id', 'email', 'display_name']).where('deleted_at', 'is', null).where((eb) => eb(eb.fn<string>('lower', ['email']), 'in', emails)).execute(),
  ]);
  return { contacts, users };
}
