import { v7 as uuidv7 } from 'uuid';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/database.js';
import type { VerifiedToken } from '../../auth/token-verifier.js';
import type { Role } from '../../auth/roles.js';
import type { TenantScope } from '../../db/tenant-scope.js';

export interface CrmUser {
  id: string;
  tenantId: string;
  oid: string;
  name: string;
  email: string | null;
  roles: Role[];
}

/**
 * Creates the tenant and the user on their first call, and refreshes name, email and roles
 * from the token when they change. This runs before a tenant scope exists, so it is the one
 * repository that names the tenant itself, always the token's `tid`.
 */
export async function upsertUserFromToken(db: Kysely<Database>, token: VerifiedToken): Promise<CrmUser> {
  const now = new Date().toISOString();
  const roles = token.roles.join(',');
  return db.transaction().execute(async (trx) => {
    const tenant = await trx.selectFrom('tenants').select('id').where('id', '=', token.tenantId).executeTakeFirst();
    if (!tenant) {
      await trx.insertInto('tenants').values({ id: token.tenantId, name: token.tenantId, created_at: now, updated_at: now }).execute();
    }
    const existing = await trx
      .selectFrom('users')
      .select(['id', 'display_name', 'email', 'roles'])
      .where('tenant_id', '=', token.tenantId)
      .where('entra_oid', '=', token.oid)
      .executeTakeFirst();
    if (!existing) {
      const id = uuidv7();
      await trx
        .insertInto('users')
        .values({
          id,
          tenant_id: token.tenantId,
          entra_oid: token.oid,
          display_name: token.name,
          email: token.email,
          roles,
          last_seen_at: now,
          created_at: now,
          created_by: null,
          updated_at: now,
          updated_by: null,
          version: 1,
          deleted_at: null,
        })
        .execute();
      return { id, tenantId: token.tenantId, oid: token.oid, name: token.name, email: token.email, roles: token.roles };
    }
    if (existing.display_name !== token.name || existing.email !== token.email || existing.roles !== roles) {
      await trx
        .updateTable('users')
        .set((eb) => ({ display_name: token.name, email: token.email, roles, last_seen_at: now, updated_at: now, version: eb('version', '+', 1) }))
        .where('tenant_id', '=', token.tenantId)
        .where('id', '=', existing.id)
        .execute();
    }
    return { id: existing.id, tenantId: token.tenantId, oid: token.oid, name: token.name, email: token.email, roles: token.roles };
  });
}

export function findUser(scope: TenantScope, id: string) {
  return scope.selectFrom('users').select(['id', 'display_name', 'email', 'roles']).where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
}

export async function listUsers(scope: TenantScope) {
  const rows = await scope.selectFrom('users').select(['id', 'display_name', 'email', 'roles']).where('deleted_at', 'is', null).orderBy('display_name').execute();
  return rows.map((r) => ({ id: r.id, name: r.display_name, email: r.email, roles: r.roles.split(',') as Role[] }));
}

/**
 * The CRM user behind a Teams identity (`conversation.tenantId`, `from.aadObjectId`), for the
 * bot. Like the upsert above it names the tenant itself: the Teams activity's tenant.
 */
export async function findUserByEntraIds(db: Kysely<Database>, tenantId: string, oid: string): Promise<CrmUser | null> {
  const row = await db
    .selectFrom('users')
    .select(['id', 'tenant_id', 'entra_oid', 'display_name', 'email', 'roles'])
    .where('tenant_id', '=', tenantId.toLowerCase())
    .where('entra_oid', '=', oid.toLowerCase())
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row ? { id: row.id, tenantId: row.tenant_id, oid: row.entra_oid, name: row.display_name, email: row.email, roles: row.roles.split(',') as Role[] } : null;
}
