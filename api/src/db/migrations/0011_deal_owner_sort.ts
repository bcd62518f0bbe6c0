import { sql, type Kysely } from 'kysely';

/**
 * "My deals" in the default order (expected close) straight from an index: without it the
 * planner walks every open deal in close-date order looking for the caller's.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('deals_owner_close_ix')
    .on('deals')
    .columns(['tenant_id', 'owner_id', 'status', 'expected_close_date', 'id'])
    .where(sql.ref('deleted_at'), 'is', null)
    .execute();
}
