import type { Kysely } from 'kysely';
import { columnTypes, dialectOf, withAppendOnlyColumns } from '../dialect.js';

/** Bank accounts a registry publishes for a client (the Polish VAT white list), replaced on each refresh. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  await withAppendOnlyColumns(d, db.schema.createTable('client_bank_accounts'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('account_number', t.text(34), (c) => c.notNull())
    .addColumn('source', t.text(40), (c) => c.notNull())
    .addForeignKeyConstraint('client_bank_accounts_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('client_bank_accounts_client_ix').on('client_bank_accounts').columns(['tenant_id', 'client_id']).execute();
}
