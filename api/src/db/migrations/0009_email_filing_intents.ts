import type { Kysely } from 'kysely';
import { columnTypes, dialectOf, withAppendOnlyColumns } from '../dialect.js';

/**
 * Where a user chose to file a message they are still writing: kept by conversation id until
 * the sent message is opened in the task pane and filed (then the row goes).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  await withAppendOnlyColumns(d, db.schema.createTable('email_filing_intents'))
    .addColumn('conversation_id', t.text(500), (c) => c.notNull())
    .addColumn('subject', t.text(500), (c) => c.notNull())
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('deal_id', t.id)
    .addColumn('contact_ids', t.longText, (c) => c.notNull())
    .addForeignKeyConstraint('email_filing_intents_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('email_filing_intents_uq').on('email_filing_intents').columns(['tenant_id', 'created_by', 'conversation_id']).unique().execute();
}
