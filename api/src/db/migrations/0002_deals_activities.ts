import { sql, type Kysely } from 'kysely';
import { columnTypes, dialectOf, withAppendOnlyColumns, withRecordColumns } from '../dialect.js';

/** Pipeline stages, deals (with extra contacts and stage history), leads and activities. */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  const live = sql.ref('deleted_at');

  await withRecordColumns(d, db.schema.createTable('pipeline_stages'))
    .addColumn('key', t.text(30), (c) => c.notNull())
    .addColumn('name', t.text(100))
    .addColumn('position', t.int, (c) => c.notNull())
    .addColumn('probability', t.int, (c) => c.notNull())
    .addColumn('retired_at', t.timestamp)
    .execute();
  await db.schema.createIndex('pipeline_stages_key_uq').on('pipeline_stages').columns(['tenant_id', 'key']).unique().execute();

  await withRecordColumns(d, db.schema.createTable('deals'))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('contact_id', t.id)
    .addColumn('title', t.text(200), (c) => c.notNull())
    .addColumn('description', t.text(4000))
    .addColumn('customer_need', t.text(4000))
    .addColumn('proposed_solution', t.text(4000))
    .addColumn('source', t.text(20))
    .addColumn('value_minor', t.bigint)
    .addColumn('currency', t.text(3))
    .addColumn('probability', t.int, (c) => c.notNull())
    .addColumn('expected_close_date', t.text(10))
    .addColumn('next_step', t.text(500))
    .addColumn('owner_id', t.id)
    .addColumn('stage_key', t.text(30), (c) => c.notNull())
    .addColumn('status', t.text(10), (c) => c.notNull())
    .addColumn('stage_entered_at', t.timestamp, (c) => c.notNull())
    .addColumn('closed_at', t.text(10))
    .addColumn('lost_reason', t.text(500))
    .addColumn('won_value_minor', t.bigint)
    .addColumn('last_activity_at', t.timestamp)
    .addForeignKeyConstraint('deals_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('deals_status_close_ix').on('deals').columns(['tenant_id', 'status', 'expected_close_date', 'id']).where(live, 'is', null).execute();
  await db.schema.createIndex('deals_status_value_ix').on('deals').columns(['tenant_id', 'status', 'value_minor', 'id']).where(live, 'is', null).execute();
  await db.schema.createIndex('deals_status_activity_ix').on('deals').columns(['tenant_id', 'status', 'last_activity_at', 'id']).where(live, 'is', null).execute();
  // Totals of a view read only this index, not every open deal's row.
  await db.schema.createIndex('deals_totals_ix').on('deals').columns(['tenant_id', 'status', 'currency', 'value_minor', 'probability', 'owner_id']).where(live, 'is', null).execute();
  await db.schema.createIndex('deals_owner_ix').on('deals').columns(['tenant_id', 'owner_id', 'status']).execute();
  await db.schema.createIndex('deals_client_ix').on('deals').columns(['tenant_id', 'client_id', 'status']).execute();

  await withAppendOnlyColumns(d, db.schema.createTable('deal_contacts'))
    .addColumn('deal_id', t.id, (c) => c.notNull())
    .addColumn('contact_id', t.id, (c) => c.notNull())
    .addForeignKeyConstraint('deal_contacts_deal_fk', ['deal_id'], 'deals', ['id'])
    .execute();
  await db.schema.createIndex('deal_contacts_deal_ix').on('deal_contacts').columns(['tenant_id', 'deal_id']).execute();

  await withAppendOnlyColumns(d, db.schema.createTable('deal_stage_history'))
    .addColumn('deal_id', t.id, (c) => c.notNull())
    .addColumn('stage_key', t.text(30), (c) => c.notNull())
    .addColumn('entered_at', t.timestamp, (c) => c.notNull())
    .addColumn('left_at', t.timestamp)
    .addForeignKeyConstraint('deal_stage_history_deal_fk', ['deal_id'], 'deals', ['id'])
    .execute();
  await db.schema.createIndex('deal_stage_history_deal_ix').on('deal_stage_history').columns(['tenant_id', 'deal_id', 'entered_at']).execute();

  await withRecordColumns(d, db.schema.createTable('leads'))
    .addColumn('company_name', t.text(200))
    .addColumn('company_id', t.text(20))
    .addColumn('first_name', t.text(100))
    .addColumn('last_name', t.text(100))
    .addColumn('email', t.text(254))
    .addColumn('phone', t.text(40))
    .addColumn('topic', t.text(200), (c) => c.notNull())
    .addColumn('source', t.text(20))
    .addColumn('notes', t.text(4000))
    .addColumn('status', t.text(15), (c) => c.notNull())
    .addColumn('owner_id', t.id)
    .addColumn('disqualify_reason', t.text(500))
    .addColumn('converted_client_id', t.id)
    .addColumn('converted_contact_id', t.id)
    .addColumn('converted_deal_id', t.id)
    .execute();
  await db.schema.createIndex('leads_status_ix').on('leads').columns(['tenant_id', 'status', 'created_at', 'id']).execute();

  await withRecordColumns(d, db.schema.createTable('activities'))
    .addColumn('type', t.text(10), (c) => c.notNull())
    .addColumn('subject', t.text(300), (c) => c.notNull())
    .addColumn('body', t.text(4000))
    .addColumn('client_id', t.id, (c) => c.notNull())
    .addColumn('deal_id', t.id)
    .addColumn('contact_id', t.id)
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    .addColumn('due_at', t.timestamp)
    .addColumn('reminder_at', t.timestamp)
    .addColumn('completed_at', t.timestamp)
    .addColumn('priority', t.text(10))
    .addColumn('assignee_id', t.id)
    .addColumn('call_direction', t.text(10))
    .addColumn('call_duration_seconds', t.int)
    .addColumn('call_outcome', t.text(200))
    .addColumn('event', t.text(40))
    .addColumn('meeting_id', t.id)
    .addColumn('email_id', t.id)
    .addForeignKeyConstraint('activities_client_fk', ['client_id'], 'clients', ['id'])
    .execute();
  await db.schema.createIndex('activities_client_ix').on('activities').columns(['tenant_id', 'client_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('activities_deal_ix').on('activities').columns(['tenant_id', 'deal_id', 'occurred_at', 'id']).execute();
  await db.schema.createIndex('activities_tasks_ix').on('activities').columns(['tenant_id', 'assignee_id', 'completed_at', 'due_at']).execute();
  await db.schema.createIndex('activities_reminder_ix').on('activities').columns(['reminder_at', 'completed_at']).execute();
}
