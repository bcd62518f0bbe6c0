import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { DatabaseHandle } from '../../db/connect.js';
import { TenantScope } from '../../db/tenant-scope.js';
import type { MeetingsDeps } from './meetings.service.js';
import { syncMeetings } from './meetings.service.js';

/** Background writes are attributed to no person. */
const systemUser = '00000000-0000-0000-0000-000000000000';

/**
 * Claims a tenant's sync for this process until `until`, unless another process holds an
 * unexpired lease (UPDATE … WHERE lease expired): with several instances, each tenant syncs once.
 */
async function claim(scope: TenantScope, me: string, now: string, until: string): Promise<boolean> {
  const row = await scope.selectFrom('meeting_sync_leases').select(['id']).executeTakeFirst();
  if (!row) {
    try {
      await scope.insert('meeting_sync_leases', { ...scope.newRecord(now), claimed_by: me, lease_expires: until, last_run_at: null });
      return true;
    } catch {
      return false; // another instance inserted it first (unique per tenant)
    }
  }
  const result = await scope
    .updateTable('meeting_sync_leases')
    .set({ claimed_by: me, lease_expires: until, updated_at: now })
    .where('id', '=', row.id)
    .where((eb) => eb.or([eb('lease_expires', 'is', null), eb('lease_expires', '<', now), eb('claimed_by', '=', me)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** One pass over every tenant with Outlook meetings whose lease this process wins. */
export async function runMeetingSyncOnce(database: DatabaseHandle, deps: MeetingsDeps, logger: Logger, me: string, intervalMs: number): Promise<void> {
  const tenants = await database.db.selectFrom('tenants').select('id').execute();
  for (const { id: tenantId } of tenants) {
    const scope = new TenantScope(database.db, { tenantId, userId: systemUser }, database.dialect);
    const now = new Date();
    if (!(await claim(scope, me, now.toISOString(), new Date(now.getTime() + intervalMs * 2).toISOString()))) continue;
    try {
      const result = await syncMeetings(scope, deps, now);
      if (result.moved || result.cancelled) logger.info({ tenantId, ...result }, 'meetings synced from Outlook');
    } catch (err) {
      logger.warn({ tenantId, err: err instanceof Error ? err.message : String(err) }, 'meeting sync failed; next pass retries');
    } finally {
      // Hold the lease until the next interval so other instances skip this tenant until then.
      await scope.updateTable('meeting_sync_leases').set({ last_run_at: now.toISOString(), lease_expires: new Date(now.getTime() + intervalMs).toISOString() }).where('claimed_by', '=', me).execute();
    }
  }
}

/** Starts the periodic calendar sync; returns a function that stops it. The lead starts it next to the server. */
export function startMeetingSync(database: DatabaseHandle, deps: MeetingsDeps, logger: Logger, intervalMs = 5 * 60_000): () => void {
  if (!deps.calendar) return () => undefined;
  const me = `${process.pid}-${randomUUID()}`;
  let running: Promise<void> | null = null;
  const timer = setInterval(() => {
    running ??= runMeetingSyncOnce(database, deps, logger, me, intervalMs).finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
