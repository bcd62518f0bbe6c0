import type { Kysely } from 'kysely';
import { columnTypes, dialectOf, withRecordColumns } from '../dialect.js';

/** Background jobs, claimed with a lease so that one process runs each (DESIGN.md section 10). */
export async function up(db: Kysely<any>): Promise<void> {
  const d = dialectOf(db);
  const t = columnTypes(d);
  await withRecordColumns(d, db.schema.createTable('jobs'))
    .addColumn('type', t.text(40), (c) => c.notNull())
    .addColumn('status', t.text(10), (c) => c.notNull())
    .addColumn('payload', t.longText, (c) => c.notNull())
    .addColumn('progress_done', t.int, (c) => c.notNull().defaultTo(0))
    .addColumn('progress_total', t.int, (c) => c.notNull())
    .addColumn('failures', t.longText, (c) => c.notNull())
    .addColumn('claimed_by', t.text(100))
    .addColumn('lease_until', t.timestamp)
    .execute();
  await db.schema.createIndex('jobs_status_ix').on('jobs').columns(['status', 'lease_until']).execute();
}
