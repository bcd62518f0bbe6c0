import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf, withRecordColumns } from '../dialect.js';

/** Conversation references for proactive messages, and the claim columns that make each task reminder go out once. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  await withRecordColumns(d, db.schema.createTable('bot_conversations'))
    .addColumn('user_id', t.id, (c) => c.notNull())
    .addColumn('conversation_id', t.text(300), (c) => c.notNull())
    .addColumn('service_url', t.text(500), (c) => c.notNull())
    .execute();
  await db.schema.createIndex('bot_conversations_user_uq').on('bot_conversations').columns(['tenant_id', 'user_id']).unique().execute();
  await db.schema.alterTable('activities').addColumn('reminder_claimed_by', t.id).execute();
  await db.schema.alterTable('activities').addColumn('reminder_lease_until', t.timestamp).execute();
  await db.schema.alterTable('activities').addColumn('reminder_sent_at', t.timestamp).execute();
  await db.schema.createIndex('activities_reminder_due_ix').on('activities').columns(['reminder_sent_at', 'reminder_at']).where(sql.ref('reminder_at'), 'is not', null).execute();
}
