import type { Kysely } from 'kysely';
import { columnTypes, dialectOf, withAppendOnlyColumns, withRecordColumns } from '../dialect.js';

/** Filed emails (one row per message per tenant) and their links to clients, deals and contacts. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  await withRecordColumns(d, db.schema.createTable('emails'))
    .addColumn('internet_message_id', t.text(500), (c) => c.notNull())
    .addColumn('conversation_id', t.text(500))
    .addColumn('subject', t.text(500), (c) => c.notNull())
    .addColumn('from_name', t.text(200))
    .addColumn('from_email', t.text(254), (c) => c.notNull())
    .addColumn('to_json', t.longText, (c) => c.notNull())
    .addColumn('cc_json', t.longText, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp, (c) => c.notNull())
    .addColumn('body_html', t.longText, (c) => c.notNull())
    .addColumn('body_text', t.longText, (c) => c.notNull())
    .addColumn('document_ids', t.longText, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('emails_message_uq').on('emails').columns(['tenant_id', 'internet_message_id']).unique().execute();

  await withAppendOnlyColumns(d, db.schema.createTable('email_links'))
    .addColumn('email_id', t.id, (c) => c.notNull())
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('deal_id', t.id)
    .addColumn('contact_id', t.id)
    .addForeignKeyConstraint('email_links_email_fk', ['email_id'], 'emails', ['id'])
    .execute();
  await db.schema.createIndex('email_links_email_ix').on('email_links').columns(['tenant_id', 'email_id']).execute();
  await db.schema.createIndex('email_links_client_ix').on('email_links').columns(['tenant_id', 'client_id']).execute();
}
