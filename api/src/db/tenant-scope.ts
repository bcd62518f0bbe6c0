import { CompiledQuery, sql, type AliasedSelectQueryBuilder, type Compilable, type Insertable, type Updateable, type Kysely, type SelectQueryBuilder, type Transaction, type UpdateQueryBuilder, type DeleteQueryBuilder, type UpdateResult, type DeleteResult } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { Database, TenantTable } from './database.js';
import type { DialectName } from './dialect.js';
import { directReaderOf } from './connect.js';

/** The signed-in caller, as the data layer needs it. */
export interface Actor {
  tenantId: string;
  userId: string;
}

type TenantColumns = 'tenant_id';

/** A query compiled once, with the positions of the tenant id and of each argument. */
interface Precompiled {
  sql: string;
  slots: ({ arg: number } | { tenant: true } | { value: unknown })[];
}
const precompiled = new Map<string, Precompiled>();
const tenantMarker = '\u0000tenant';
const argMarker = (i: number) => `\u0000arg${i}`;
export type TenantInsert<T extends TenantTable> = Omit<Insertable<Database[T]>, TenantColumns>;

/**
 * The only door to tenant data. Repositories receive a TenantScope, never the raw Kysely
 * instance, so every select, update, delete and insert carries `tenant_id = <caller's tenant>`
 * by construction: a forgotten filter cannot be written.
 */
export class TenantScope {
  constructor(
    private readonly db: Kysely<Database> | Transaction<Database>,
    readonly actor: Actor,
    readonly dialect: DialectName,
  ) {}

  get tenantId(): string {
    return this.actor.tenantId;
  }

  selectFrom<T extends TenantTable>(table: T): SelectQueryBuilder<Database, T, {}> {
    return (this.db.selectFrom(table) as unknown as SelectQueryBuilder<Database, T, {}>).where(
      sql.ref(`${table}.tenant_id`),
      '=',
      this.actor.tenantId,
    );
  }

  updateTable<T extends TenantTable>(table: T): UpdateQueryBuilder<Database, T, T, UpdateResult> {
    return (this.db.updateTable(table) as unknown as UpdateQueryBuilder<Database, T, T, UpdateResult>).where(
      sql.ref(`${table}.tenant_id`),
      '=',
      this.actor.tenantId,
    );
  }

  deleteFrom<T extends TenantTable>(table: T): DeleteQueryBuilder<Database, T, DeleteResult> {
    return (this.db.deleteFrom(table) as unknown as DeleteQueryBuilder<Database, T, DeleteResult>).where(
      sql.ref(`${table}.tenant_id`),
      '=',
      this.actor.tenantId,
    );
  }

  async insert<T extends TenantTable>(table: T, rows: TenantInsert<T> | TenantInsert<T>[]): Promise<void> {
    const list = Array.isArray(rows) ? rows : [rows];
    if (list.length === 0) return;
    const values = list.map((r) => ({ ...r, tenant_id: this.actor.tenantId })) as Insertable<Database[T]>[];
    // SQL Server allows at most 2100 parameters per statement; SQLite 32766. Stay under both.
    const columns = Object.keys(values[0] as object).length;
    const chunk = Math.max(1, Math.floor(2000 / columns));
    for (let i = 0; i < values.length; i += chunk) {
      await this.db.insertInto(table).values(values.slice(i, i + chunk) as never).execute();
    }
  }

  /**
   * Optimistic concurrency for records: applies `changes` only while the row is live and still
   * at `expectedVersion`, bumping the version and the audit columns. False when nothing
   * matched (deleted, or changed meanwhile): the caller answers 412 or 404.
   */
  async updateVersioned<T extends 'clients' | 'contacts' | 'deals' | 'activities' | 'leads' | 'users'>(
    table: T,
    id: string,
    changes: Updateable<Database[T]>,
    expectedVersion: number,
  ): Promise<boolean> {
    const result = await (this.updateTable(table) as unknown as UpdateQueryBuilder<Database, 'clients', 'clients', UpdateResult>)
      .set({ ...(changes as Updateable<Database['clients']>), version: expectedVersion + 1, updated_at: new Date().toISOString(), updated_by: this.actor.userId })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1;
  }

  /** Columns for a new record: fresh UUIDv7, audit columns, version 1. */
  newRecord(now = new Date().toISOString()) {
    return {
      id: uuidv7(),
      created_at: now,
      created_by: this.actor.userId,
      updated_at: now,
      updated_by: this.actor.userId,
      version: 1,
      deleted_at: null,
    };
  }

  newAppendOnly(now = new Date().toISOString()) {
    return { id: uuidv7(), created_at: now, created_by: this.actor.userId };
  }

  /** Runs `work` in one transaction with a scope bound to it; nested calls reuse the transaction. */
  async transaction<R>(work: (scope: TenantScope) => Promise<R>): Promise<R> {
    if (this.db.isTransaction) return work(this);
    return (this.db as Kysely<Database>).transaction().execute((trx) => work(new TenantScope(trx, this.actor, this.dialect)));
  }

  /**
   * Runs a hot query whose shape never changes, building and compiling it only once per
   * dialect: the first call builds it with marker values, later calls bind the real tenant
   * and `args` into the same SQL. Building and compiling with Kysely costs more than running
   * a point lookup in SQLite, and these run on every request. Reads only: on embedded SQLite
   * they may run directly on the connection (see directReaderOf).
   */
  async precompiled<R>(key: string, build: (scope: TenantScope, arg: (i: number) => string) => Compilable<R>, args: unknown[]): Promise<R[]> {
    const cacheKey = `${this.dialect}:${key}`;
    let entry = precompiled.get(cacheKey);
    if (!entry) {
      const probe = new TenantScope(this.db, { tenantId: tenantMarker, userId: this.actor.userId }, this.dialect);
      const compiled = build(probe, argMarker).compile();
      entry = {
        sql: compiled.sql,
        slots: compiled.parameters.map((p) => {
          if (p === tenantMarker) return { tenant: true as const };
          const arg = typeof p === 'string' ? /^\u0000arg(\d+)$/.exec(p) : null;
          return arg ? { arg: Number(arg[1]) } : { value: p };
        }),
      };
      precompiled.set(cacheKey, entry);
    }
    const parameters = entry.slots.map((slot) => ('tenant' in slot ? this.actor.tenantId : 'arg' in slot ? args[slot.arg] : slot.value));
    const rows = directReaderOf(this.db)?.(entry.sql, parameters);
    if (rows) return rows as R[];
    const result = await this.db.executeQuery<R>(CompiledQuery.raw(entry.sql, parameters));
    return result.rows;
  }

  /** How many rows `qb` has, counting no further than `cap`: a cheap "few or many". */
  async countUpTo(qb: SelectQueryBuilder<Database, any, any>, cap: number): Promise<number> {
    const row = await this.fromSubquery(this.first(qb, cap).as('capped'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /**
   * Reads from a derived table. Only for subqueries built on this scope (`scope.selectFrom`),
   * which carry the tenant filter themselves.
   */
  fromSubquery<O, A extends string>(subquery: AliasedSelectQueryBuilder<O, A>) {
    return this.db.selectFrom(subquery);
  }

  /** First `n` rows: SQL Server has TOP, SQLite has LIMIT. */
  first<QB extends SelectQueryBuilder<any, any, any>>(qb: QB, n: number): QB {
    return (this.dialect === 'mssql' ? qb.top(n) : qb.limit(n)) as QB;
  }
}
