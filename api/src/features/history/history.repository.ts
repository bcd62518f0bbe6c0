import type { TenantScope } from '../../db/tenant-scope.js';
import type { AuditLogTable } from './history.table.js';

export interface FieldChange {
  field: string;
  from: unknown;
  to: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

/** Writes one history row per changed field (one row with no field for create/delete). */
export async function recordHistory(
  scope: TenantScope,
  entry: { entityType: string; entityId: string; clientId: string | null; action: AuditLogTable['action']; changes?: FieldChange[] },
): Promise<void> {
  const now = new Date().toISOString();
  const base = { entity_type: entry.entityType, entity_id: entry.entityId, client_id: entry.clientId, action: entry.action };
  const rows = entry.changes?.length
    ? entry.changes.map((c) => ({ ...scope.newAppendOnly(now), ...base, field: c.field, old_value: json(c.from), new_value: json(c.to) }))
    : [{ ...scope.newAppendOnly(now), ...base, field: null, old_value: null, new_value: null }];
  await scope.insert('audit_log', rows);
}

/** Compares the fields present in `patch` between two API shapes. */
export function diffFields<T extends Record<string, unknown>>(before: T, after: T, fields: string[]): FieldChange[] {
  return fields
    .filter((f) => JSON.stringify(before[f] ?? null) !== JSON.stringify(after[f] ?? null))
    .map((f) => ({ field: f, from: before[f] ?? null, to: after[f] ?? null }));
}

export function clientHistoryPage(scope: TenantScope, clientId: string, after: [string, string] | null, limit: number) {
  let qb = scope
    .selectFrom('audit_log')
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'audit_log.created_by').onRef('users.tenant_id', '=', 'audit_log.tenant_id'))
    .select([
      'audit_log.id',
      'audit_log.entity_type',
      'audit_log.entity_id',
      'audit_log.action',
      'audit_log.field',
      'audit_log.old_value',
      'audit_log.new_value',
      'audit_log.created_at',
      'audit_log.created_by',
      'users.display_name',
    ])
    .where('audit_log.client_id', '=', clientId)
    .orderBy('audit_log.created_at', 'desc')
    .orderBy('audit_log.id', 'desc');
  if (after) {
    const [at, id] = after;
    qb = qb.where((eb) => eb.or([eb('audit_log.created_at', '<', at), eb.and([eb('audit_log.created_at', '=', at), eb('audit_log.id', '<', id)])]));
  }
  return scope.first(qb, limit + 1).execute();
}
