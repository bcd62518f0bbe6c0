import { MssqlAdapter, sql, type CreateTableBuilder, type Kysely } from 'kysely';

/**
 * The few places where SQLite and SQL Server differ, kept in one file:
 * column types (nvarchar for Unicode on SQL Server), and how to ask for the first N rows.
 */
export type DialectName = 'sqlite' | 'mssql';

export function dialectOf(db: Kysely<any>): DialectName {
  return db.getExecutor().adapter instanceof MssqlAdapter ? 'mssql' : 'sqlite';
}

export function columnTypes(dialect: DialectName) {
  const mssql = dialect === 'mssql';
  return {
    /** UUID or GUID as text. */
    id: mssql ? sql`nvarchar(36)` : sql`text`,
    /** Unicode text up to n characters (validation enforces n on both). */
    text: (n: number) => (mssql ? sql.raw(`nvarchar(${Math.trunc(n)})`) : sql`text`),
    longText: mssql ? sql`nvarchar(max)` : sql`text`,
    timestamp: mssql ? sql`nvarchar(30)` : sql`text`,
    int: sql`integer`,
    /** Money in minor units can pass 2^31. */
    bigint: mssql ? sql`bigint` : sql`integer`,
    flag: mssql ? sql`smallint` : sql`integer`,
  };
}

/** Adds the conventions of DESIGN.md section 4 to a table being created. */
export function withRecordColumns<T extends string>(
  dialect: DialectName,
  builder: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, any> {
  const t = columnTypes(dialect);
  return builder
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('tenant_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', t.id)
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_by', t.id)
    .addColumn('version', t.int, (c) => c.notNull().defaultTo(1))
    .addColumn('deleted_at', t.timestamp);
}

export function withAppendOnlyColumns<T extends string>(
  dialect: DialectName,
  builder: CreateTableBuilder<T, never>,
): CreateTableBuilder<T, any> {
  const t = columnTypes(dialect);
  return builder
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('tenant_id', t.id, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('created_by', t.id);
}
