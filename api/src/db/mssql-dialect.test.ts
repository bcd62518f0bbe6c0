import { describe, expect, it } from 'vitest';
import { DummyDriver, Kysely, MssqlAdapter, MssqlIntrospector, MssqlQueryCompiler, type CompiledQuery } from 'kysely';
import { Parser } from 'node-sql-parser';
import type { Database } from './database.js';
import { connectDatabase, parseSqlServerUrl } from './connect.js';
import { migrations } from './migrations/index.js';
import { TenantScope } from './tenant-scope.js';
import * as clients from '../features/clients/clients.repository.js';
import * as contacts from '../features/contacts/contacts.repository.js';
import { matchingIds } from '../features/search/search.repository.js';
import { clientHistoryPage } from '../features/history/history.repository.js';
import { clientListQuery } from '../features/clients/clients.schemas.js';

/**
 * No SQL Server runs here, so every migration and the main queries are compiled with Kysely's
 * MssqlDialect (a driver that executes nothing), snapshotted, and parsed as T-SQL. A dialect
 * mistake (LIMIT, RETURNING, a type SQL Server lacks) fails here instead of in production.
 */
function mssqlRecorder() {
  const statements: CompiledQuery[] = [];
  const db = new Kysely<Database>({
    dialect: {
      createAdapter: () => new MssqlAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (k) => new MssqlIntrospector(k),
      createQueryCompiler: () => new MssqlQueryCompiler(),
    },
    log: (event) => {
      if (event.level === 'query') statements.push(event.query);
    },
  });
  return { db, statements };
}

const parser = new Parser();
/**
 * node-sql-parser's T-SQL grammar has no REFERENCES clause at all (it rejects even the textbook
 * form), so foreign-key constraints are checked against their exact T-SQL shape here and
 * removed before the parse; everything else goes through the parser.
 */
const foreignKey = /, constraint "\w+" foreign key \("\w+"\) references "\w+" \("\w+"\)/g;
function assertTsql(statements: CompiledQuery[]) {
  for (const s of statements) {
    const parsable = s.sql.replace(foreignKey, '');
    expect(parsable, 'only well-formed foreign keys mention references').not.toMatch(/references/i);
    expect(() => parser.astify(parsable, { database: 'transactsql' }), s.sql).not.toThrow();
    expect(s.sql).not.toMatch(/\blimit\b|\breturning\b|\bautoincrement\b|\btext\b(?!\))/i);
  }
}

const render = (statements: CompiledQuery[]) => statements.map((s) => `${s.sql};`).join('\n\n') + '\n';

describe('SQL Server dialect', () => {
  it('when every migration is compiled for SQL Server, then each statement is valid T-SQL and matches the snapshot', async () => {
    const { db, statements } = mssqlRecorder();
    for (const [name, migration] of Object.entries(migrations)) {
      const before = statements.length;
      await migration.up(db as Kysely<any>);
      expect(statements.length, name).toBeGreaterThan(before);
    }
    assertTsql(statements);
    expect(statements.some((s) => /nvarchar\(200\)/.test(s.sql))).toBe(true);
    await expect(render(statements)).toMatchFileSnapshot('__snapshots__/mssql-migrations.sql');
  });

  it('when the main queries are compiled for SQL Server, then they use TOP, parameters and tenant filters', async () => {
    const { db, statements } = mssqlRecorder();
    const scope = new TenantScope(db, { tenantId: 't-1', userId: 'u-1' }, 'mssql');
    const id = '01900000-0000-7000-8000-000000000000';
    await clients.findClient(scope, id);
    await clients.listClients(scope, clientListQuery.parse({ tag: 'vip', country: 'CZ', limit: '20' }), ['dvorak', 'syn'], ['dvorak', id]);
    await clients.listClients(scope, clientListQuery.parse({ sort: 'updated' }), [], null);
    await clients.updateClient(scope, id, { name: 'X' }, 3);
    await clients.softDeleteClient(scope, id, 3);
    await clients.replaceTags(scope, id, ['VIP']);
    await contacts.listContacts(scope, { limit: 50 }, ['novak'], null);
    await contacts.markPrimary(scope, id, id);
    await scope.first(await matchingIds(scope, ['stefanescu', 'andrei'], 'contact'), 50).execute();
    await clientHistoryPage(scope, id, null, 50);
    assertTsql(statements);
    for (const s of statements) {
      if (s.sql.startsWith('insert')) expect(s.sql).toMatch(/"tenant_id"\) values/);
      else expect(s.sql, s.sql).toMatch(/"tenant_id" = @\d/);
      expect(s.parameters).toContain('t-1');
    }
    expect(statements.find((s) => s.sql.includes('"clients"') && s.sql.includes('order by'))?.sql).toMatch(/select top\(@?\d+\)/i);
    expect(statements.some((s) => /"term" like @\d/.test(s.sql))).toBe(true);
    await expect(render(statements)).toMatchFileSnapshot('__snapshots__/mssql-queries.sql');
  });
});

describe('connecting to SQL Server', () => {
  it('when DATABASE_URL names a SQL Server, then the handle speaks T-SQL to that host and database and opens no connection until a query', async () => {
    const url = 'sqlserver://crm:p%40ss@db.example:1444/crm?encrypt=true';
    const handle = connectDatabase(url);
    expect(handle.dialect).toBe('mssql');
    expect(handle.describe).toBe('sqlserver://db.example/crm');
    expect(handle.db.selectFrom('clients').select('id').where('id', '=', 'x').compile().sql).toBe('select "id" from "clients" where "id" = @1');
    const config = parseSqlServerUrl(url);
    expect(config.options).toMatchObject({ port: 1444, encrypt: true, database: 'crm' });
    expect(config.authentication).toMatchObject({ options: { userName: 'crm', password: 'p@ss' } });
    await handle.db.destroy();
  });

  it('when DATABASE_URL has no database, then it is refused with the expected form', () => {
    expect(() => connectDatabase('sqlserver://crm:secret@db.example:1433/')).toThrow(/needs a host and a database/);
  });
});
