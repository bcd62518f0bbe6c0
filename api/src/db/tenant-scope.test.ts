import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type DatabaseHandle } from './connect.js';
import { migrateToLatest } from './migrate.js';
import { TenantScope } from './tenant-scope.js';
import { upsertUserFromToken, type CrmUser } from '../features/users/users.repository.js';
import { createClient } from '../features/clients/clients.service.js';
import { findClient } from '../features/clients/clients.repository.js';

/** Hot reads skip Kysely on embedded SQLite (connect.ts); they must never see uncommitted writes. */
describe('direct reads on embedded SQLite', () => {
  let database: DatabaseHandle;
  let user: CrmUser;
  let scope: TenantScope;
  let clientId: string;

  beforeAll(async () => {
    database = connectDatabase('sqlite::memory:');
    await migrateToLatest(database.db);
    const token = { tenantId: crypto.randomUUID(), oid: crypto.randomUUID(), name: 'Eva Svobodová', email: 'eva@example.cz', roles: ['User' as const], expiresAt: 0 };
    user = await upsertUserFromToken(database.db, token);
    scope = new TenantScope(database.db, { tenantId: user.tenantId, userId: user.id }, database.dialect);
    clientId = (await createClient(scope, user, { kind: 'company', name: 'Původní s.r.o.' } as never)).id;
  });
  afterAll(async () => {
    await database?.db.destroy();
  });

  it('when a read comes while another request has a transaction open, then it waits and sees only committed data', async () => {
    let pending: Promise<unknown> | undefined;
    await expect(
      scope.transaction(async (trx) => {
        await trx.updateTable('clients').set({ name: 'Neuložené s.r.o.' }).where('id', '=', clientId).execute();
        pending = findClient(scope, clientId);
        await new Promise((resolve) => setTimeout(resolve, 20));
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await pending).toMatchObject({ id: clientId, name: 'Původní s.r.o.' });
  });

  it('when no transaction is open, then the read answers the committed row', async () => {
    expect(await findClient(scope, clientId)).toMatchObject({ name: 'Původní s.r.o.' });
    await scope.updateTable('clients').set({ name: 'Nové s.r.o.' }).where('id', '=', clientId).execute();
    expect(await findClient(scope, clientId)).toMatchObject({ name: 'Nové s.r.o.' });
  });
});
