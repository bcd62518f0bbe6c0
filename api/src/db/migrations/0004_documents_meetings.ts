import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf, withRecordColumns } from '../dialect.js';

/** Client and deal document folders, documents, meetings, and the calendar-sync lease per tenant. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  const live = sql.ref('deleted_at');

  await withRecordColumns(d, db.schema.createTable('document_folders'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('deal_id', t.id)
    .addColumn('provider', t.text(10), (c) => c.notNull())
    .addColumn('item_id', t.text(1000), (c) => c.notNull())
    .addColumn('name', t.text(255), (c) => c.notNull())
    .addColumn('web_url', t.text(2000))
    .addForeignKeyConstraint('document_folders_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('document_folders_client_ix').on('document_folders').columns(['tenant_id', 'client_id', 'provider', 'deal_id']).execute();

  await withRecordColumns(d, db.schema.createTable('documents'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('deal_id', t.id)
    .addColumn('folder_id', t.id, (c) => c.notNull())
    .addColumn('provider', t.text(10), (c) => c.notNull())
    .addColumn('item_id', t.text(1000), (c) => c.notNull())
    .addColumn('name', t.text(255), (c) => c.notNull())
    .addColumn('size', t.bigint, (c) => c.notNull())
    .addColumn('content_type', t.text(150), (c) => c.notNull())
    .addColumn('web_url', t.text(2000))
    .addColumn('uploaded_by', t.id, (c) => c.notNull())
    .addForeignKeyConstraint('documents_client_fk', ['client_id'], 'clients', ['id'])
    .addForeignKeyConstraint('documents_folder_fk', ['folder_id'], 'document_folders', ['id'])
    .execute();
  await db.schema.createIndex('documents_client_ix').on('documents').columns(['tenant_id', 'client_id', 'created_at', 'id']).where(live, 'is', null).execute();
  await db.schema.createIndex('documents_deal_ix').on('documents').columns(['tenant_id', 'deal_id', 'created_at', 'id']).where(live, 'is', null).execute();
  await db.schema.createIndex('documents_folder_name_ix').on('documents').columns(['tenant_id', 'folder_id', 'name']).execute();

  await withRecordColumns(d, db.schema.createTable('meetings'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('deal_id', t.id)
    .addColumn('subject', t.text(255), (c) => c.notNull())
    .addColumn('body', t.longText)
    .addColumn('start_at', t.timestamp, (c) => c.notNull())
    .addColumn('end_at', t.timestamp, (c) => c.notNull())
    .addColumn('time_zone', t.text(64), (c) => c.notNull())
    .addColumn('attendees', t.longText, (c) => c.notNull())
    .addColumn('online', t.flag, (c) => c.notNull())
    .addColumn('status', t.text(10), (c) => c.notNull())
    .addColumn('provider', t.text(10), (c) => c.notNull())
    .addColumn('organizer_id', t.id, (c) => c.notNull())
    .addColumn('organizer_oid', t.id, (c) => c.notNull())
    .addColumn('event_id', t.text(500))
    .addColumn('ical_uid', t.text(500))
    .addColumn('join_url', t.text(2000))
    .addColumn('web_link', t.text(2000))
    .addColumn('activity_id', t.id)
    .addColumn('synced_at', t.timestamp)
    .addForeignKeyConstraint('meetings_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('meetings_client_ix').on('meetings').columns(['tenant_id', 'client_id', 'start_at', 'id']).where(live, 'is', null).execute();
  await db.schema.createIndex('meetings_sync_ix').on('meetings').columns(['tenant_id', 'provider', 'status', 'end_at']).execute();

  await withRecordColumns(d, db.schema.createTable('meeting_sync_leases'))
    .addColumn('claimed_by', t.text(100))
    .addColumn('lease_expires', t.timestamp)
    .addColumn('last_run_at', t.timestamp)
    .execute();
  await db.schema.createIndex('meeting_sync_leases_tenant_uq').on('meeting_sync_leases').columns(['tenant_id']).unique().execute();
}
