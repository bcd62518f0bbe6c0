import type { Selectable, Updateable } from 'kysely';
import type { TenantInsert, TenantScope } from '../../db/tenant-scope.js';
import type { CursorKey } from '../../http/pagination.js';
import type { ActivitiesTable } from './activities.table.js';
import type { ActivityListQuery, TimelineQuery } from './activities.schemas.js';

export type ActivityRow = Selectable<ActivitiesTable> & { created_by_name: string | null };

const withAuthor = (scope: TenantScope) =>
  scope
    .selectFrom('activities')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'activities.created_by').onRef('users.tenant_id', '=', 'activities.tenant_id'))
    .selectAll('activities')
    .select('users.display_name as created_by_name')
    .where('activities.deleted_at', 'is', null);

export function findActivity(scope: TenantScope, id: string): Promise<ActivityRow | undefined> {
  return withAuthor(scope).where('activities.id', '=', id).executeTakeFirst();
}

export async function insertActivity(scope: TenantScope, row: TenantInsert<'activities'>): Promise<void> {
  await scope.insert('activities', row);
  if (row.deal_id) {
    await scope.updateTable('deals').set({ last_activity_at: row.occurred_at }).where('id', '=', row.deal_id).execute();
  }
}

/** Applies `changes` if the row is still at `expectedVersion` (see TenantScope.updateVersioned). */
export function updateActivity(scope: TenantScope, id: string, changes: Updateable<ActivitiesTable>, expectedVersion: number): Promise<boolean> {
  return scope.updateVersioned('activities', id, changes, expectedVersion);
}

/**
 * One timeline page, newest first, keyset on (occurred_at, id). Activities of a client's
 * contacts and deals carry the client id too, so one indexed range serves the whole card.
 */
export function timelinePage(scope: TenantScope, of: { clientId: string } | { dealId: string }, q: TimelineQuery, after: CursorKey | null) {
  // The first page of a whole client timeline is what every card opens with: one compiled query.
  if ('clientId' in of && !q.type && !after) {
    return scope.precompiled(
      `activities.timeline.${q.limit}`,
      (s, arg) => scope.first(withAuthor(s).where('activities.client_id', '=', arg(0)).orderBy('activities.occurred_at', 'desc').orderBy('activities.id', 'desc'), q.limit + 1),
      [of.clientId],
    );
  }
  let qb = withAuthor(scope);
  qb = 'clientId' in of ? qb.where('activities.client_id', '=', of.clientId) : qb.where('activities.deal_id', '=', of.dealId);
  if (q.type) qb = qb.where('activities.type', '=', q.type);
  if (after) {
    const [at, id] = after as [string, string];
    qb = qb.where((eb) => eb.or([eb('activities.occurred_at', '<', at), eb.and([eb('activities.occurred_at', '=', at), eb('activities.id', '<', id)])]));
  }
  return scope.first(qb.orderBy('activities.occurred_at', 'desc').orderBy('activities.id', 'desc'), q.limit + 1).execute();
}

/** Tasks and other activities by assignee and due window, soonest due first. */
export function listActivities(scope: TenantScope, q: ActivityListQuery, assigneeId: string | null, now: Date) {
  let qb = withAuthor(scope);
  if (assigneeId) qb = qb.where('activities.assignee_id', '=', assigneeId);
  if (q.type) qb = qb.where('activities.type', '=', q.type);
  if (q.clientId) qb = qb.where('activities.client_id', '=', q.clientId);
  if (q.dealId) qb = qb.where('activities.deal_id', '=', q.dealId);
  if (q.open === 'true' || q.due) qb = qb.where('activities.completed_at', 'is', null);
  if (q.open === 'false') qb = qb.where('activities.completed_at', 'is not', null);
  if (q.due) {
    const startOfDay = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
    const day = 86_400_000;
    if (q.due === 'overdue') qb = qb.where('activities.due_at', '<', now.toISOString());
    if (q.due === 'today') {
      qb = qb.where('activities.due_at', '>=', startOfDay.toISOString()).where('activities.due_at', '<', new Date(startOfDay.getTime() + day).toISOString());
    }
    if (q.due === 'week') {
      qb = qb.where('activities.due_at', '>=', startOfDay.toISOString()).where('activities.due_at', '<', new Date(startOfDay.getTime() + 7 * day).toISOString());
    }
  }
  return scope.first(qb.orderBy('activities.due_at').orderBy('activities.occurred_at', 'desc'), q.limit).execute();
}
