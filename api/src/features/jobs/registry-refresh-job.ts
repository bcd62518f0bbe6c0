import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import { z } from 'zod';
import type { Database } from '../../db/database.js';
import type { DialectName } from '../../db/dialect.js';
import { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import { findUserByEntraIds, type CrmUser } from '../users/users.repository.js';
import type { RegistryService } from '../registry/registry.service.js';
import { runPeriodically } from './periodic.js';

/**
 * Refreshing many clients from their registries as a background job. The job row is claimed
 * with a lease (a dead process's claim is taken over when its lease runs out), items are done
 * in order and `progress_done` moves after each, so a restarted worker continues where the
 * last one stopped and never redoes finished clients. Calls are spaced out (`throttleMs`).
 */
export const job = z
  .object({ id: z.uuid(), type: z.string(), status: z.enum(['queued', 'running', 'done']), done: z.number().int(), total: z.number().int(), failures: z.array(z.object({ item: z.string(), reason: z.string() })) })
  .meta({ id: 'Job' });
export type Job = z.infer<typeof job>;
export const registryRefreshRequest = z.strictObject({ clientIds: z.array(z.uuid()).min(1).max(10_000).optional() }).meta({ id: 'RegistryRefreshRequest' });

export async function queueRegistryRefresh(scope: TenantScope, user: CrmUser, clientIds?: string[]): Promise<Job> {
  assertCan(user, 'team.view');
  let ids = clientIds;
  if (!ids) {
    const rows = await scope.first(scope.selectFrom('clients').select('id').where('deleted_at', 'is', null).where('company_id', 'is not', null).orderBy('id'), 10_000).execute();
    ids = rows.map((r) => r.id);
  } else {
    const known = await scope.selectFrom('clients').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    const missing = ids.filter((id) => !known.some((k) => k.id === id));
    if (missing.length) throw new AppError('unprocessable', 'Some clients do not exist.', missing.slice(0, 20).map((id) => ({ path: `clientIds.${ids!.indexOf(id)}`, message: 'No such client' })));
  }
  const record = scope.newRecord();
  await scope.insert('jobs', { ...record, type: 'registry-refresh', status: ids.length ? 'queued' : 'done', payload: JSON.stringify({ clientIds: ids }), progress_done: 0, progress_total: ids.length, failures: '[]', claimed_by: null, lease_until: null });
  return getJob(scope, record.id);
}

export async function getJob(scope: TenantScope, id: string): Promise<Job> {
  const row = await scope.selectFrom('jobs').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('The job');
  return { id: row.id, type: row.type, status: row.status, done: row.progress_done, total: row.progress_total, failures: JSON.parse(row.failures) };
}

export interface JobWorkerOptions {
  db: Kysely<Database>;
  dialect: DialectName;
  registry: RegistryService;
  logger: Logger;
  throttleMs?: number;
  leaseMs?: number;
}

/** Claims one job that is queued, or whose runner's lease ran out. Returns its id, or null. */
async function claim(o: JobWorkerOptions, me: string): Promise<string | null> {
  const now = new Date().toISOString();
  const candidate = await o.db
    .selectFrom('jobs')
    .select('id')
    .where('status', '<>', 'done')
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', me), eb('lease_until', '<', now)]))
    .orderBy('created_at')
    .executeTakeFirst();
  if (!candidate) return null;
  const taken = await o.db
    .updateTable('jobs')
    .set({ claimed_by: me, lease_until: new Date(Date.now() + (o.leaseMs ?? 60_000)).toISOString(), status: 'running' })
    .where('id', '=', candidate.id)
    .where((eb) => eb.or([eb('claimed_by', 'is', null), eb('claimed_by', '=', me), eb('lease_until', '<', now)]))
    .executeTakeFirst();
  return Number(taken.numUpdatedRows) === 1 ? candidate.id : null;
}

/** Works one claimed job for at most `maxItems` items (all when omitted). */
export async function runJobs(o: JobWorkerOptions, maxItems = Infinity, me = `${process.pid}-${randomUUID()}`): Promise<number> {
  const id = await claim(o, me);
  if (!id) return 0;
  const row = (await o.db.selectFrom('jobs').selectAll().where('id', '=', id).executeTakeFirst())!;
  const owner = await o.db.selectFrom('users').select(['entra_oid']).where('id', '=', row.created_by ?? '').where('tenant_id', '=', row.tenant_id).executeTakeFirst();
  const user = owner ? await findUserByEntraIds(o.db, row.tenant_id, owner.entra_oid) : null;
  const scope = new TenantScope(o.db, { tenantId: row.tenant_id, userId: row.created_by ?? '' }, o.dialect);
  const { clientIds } = JSON.parse(row.payload) as { clientIds: string[] };
  const failures = JSON.parse(row.failures) as { item: string; reason: string }[];
  let done = row.progress_done;
  let worked = 0;
  while (done < clientIds.length && worked < maxItems) {
    const clientId = clientIds[done]!;
    try {
      if (!user) throw new Error('the person who started the job no longer exists');
      await o.registry.refreshClient(scope, user, clientId);
    } catch (err) {
      failures.push({ item: clientId, reason: err instanceof AppError ? err.detail : err instanceof Error ? err.message : String(err) });
    }
    done++;
    worked++;
    const moved = await o.db
      .updateTable('jobs')
      .set({ progress_done: done, failures: JSON.stringify(failures), status: done >= clientIds.length ? 'done' : 'running', lease_until: new Date(Date.now() + (o.leaseMs ?? 60_000)).toISOString() })
      .where('id', '=', id)
      .where('claimed_by', '=', me)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) return worked; // someone took the job over
    if (o.throttleMs && done < clientIds.length) await new Promise((r) => setTimeout(r, o.throttleMs));
  }
  return worked;
}

/** Every few seconds, a slice of at most 10 items: stopping the server waits for one slice only. */
export function startJobWorker(o: JobWorkerOptions, intervalMs = 5_000): { stop(): Promise<void> } {
  const me = `${process.pid}-${randomUUID()}`;
  return runPeriodically('job run', () => runJobs(o, 10, me), intervalMs, o.logger);
}
