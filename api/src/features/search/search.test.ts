import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { normalizeText, searchWords } from './normalize.js';
import { searchQueryWords } from './search-query.js';
import { matchingIds, quickFindIds } from './search.repository.js';
import { connectDatabase, type DatabaseHandle } from '../../db/connect.js';
import { migrateToLatest } from '../../db/migrate.js';
import { TenantScope } from '../../db/tenant-scope.js';

describe('normalizing text for search', () => {
  it.each([
    ['Dvořák', 'dvorak'],
    ['Łódź', 'lodz'],
    ['Ștefănescu', 'stefanescu'],
    ['Şerban Ţurcanu', 'serban turcanu'],
    ['Żółć', 'zolc'],
    ['Straße', 'strasse'],
    ['ČESKÉ BUDĚJOVICE', 'ceske budejovice'],
  ])('when %s is normalized, then it reads %s', (input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('when text has punctuation, then only letters and digits make words', () => {
    expect(searchWords('Dvořák & syn s.r.o.')).toEqual(['dvorak', 'syn', 's', 'r', 'o']);
    expect(searchWords('jiri.dvorak@firma.cz')).toEqual(['jiri', 'dvorak', 'firma', 'cz']);
  });

  it('when the query looks like a phone number, then it is one run of digits', () => {
    expect(searchQueryWords('+420 602 123 456')).toEqual(['420602123456']);
    expect(searchQueryWords('0040 721-234-567')).toEqual(['40721234567']);
    expect(searchQueryWords('jana novak')).toEqual(['novak', 'jana']);
  });
});

describe('GET /search', () => {
  let server: TestServer;
  const tenant = crypto.randomUUID();
  const user = newUser(['User'], tenant);
  const outsider = newUser(['User']);

  beforeAll(async () => {
    server = await startTestServer();
    for (const name of ['Dvořák & syn s.r.o.', 'Łódzkie Zakłady Włókiennicze', 'Ștefănescu Logistică S.R.L.', 'Nový Dvůr a.s.']) {
      await server.call('POST', '/api/v1/clients', { as: user, body: { kind: 'company', name, companyId: name.startsWith('D') ? '27182819' : undefined, vatId: name.startsWith('D') ? 'CZ 27182819' : undefined } });
    }
  });
  afterAll(async () => {
    await server?.stop();
  });

  const titles = async (q: string, as = user) => (await server.call('GET', `/api/v1/search?q=${encodeURIComponent(q)}`, { as })).body.clients.map((c: { title: string }) => c.title);

  it.each([
    ['dvorak', 'Dvořák & syn s.r.o.'],
    ['DVOŘ', 'Dvořák & syn s.r.o.'],
    ['lodz', 'Łódzkie Zakłady Włókiennicze'],
    ['lodzkie zaklady', 'Łódzkie Zakłady Włókiennicze'],
    ['stefanescu', 'Ștefănescu Logistică S.R.L.'],
    ['27182819', 'Dvořák & syn s.r.o.'],
    ['cz27182819', 'Dvořák & syn s.r.o.'],
  ])('when searching %s, then %s is found', async (q, title) => {
    expect(await titles(q)).toContain(title);
  });

  it('when the words match different records, then only records matching all words come back', async () => {
    expect(await titles('novy dvur')).toEqual(['Nový Dvůr a.s.']);
    expect(await titles('dvorak dvur')).toEqual([]);
  });

  it('when the query is empty, too long or has unknown parameters, then 400', async () => {
    for (const qs of ['q=', 'q=%20%20', `q=${'a'.repeat(201)}`, 'q=x&limit=0', 'q=x&limit=51', 'q=x&type=client']) {
      expect((await server.call('GET', `/api/v1/search?${qs}`, { as: user })).status, qs).toBe(400);
    }
  });

  it('when the query looks like SQL or script, then it is a harmless search', async () => {
    const res = await server.call('GET', `/api/v1/search?q=${encodeURIComponent("' OR 1=1 -- <script>")}`, { as: user });
    expect(res.status).toBe(200);
    expect(res.body.clients).toEqual([]);
  });

  it('when another tenant searches, then it finds none of these', async () => {
    expect(await titles('dvorak', outsider)).toEqual([]);
    expect(await titles('27182819', outsider)).toEqual([]);
  });
});

describe('quick find over common words', () => {
  const tenant = crypto.randomUUID();
  const other = crypto.randomUUID();
  let database: DatabaseHandle;
  let scope: TenantScope;
  // Ten contacts starting with "jana" and ten with "novak"; only the last "jana" in index order
  // is also a "novak". The other tenant has "jana novak" contacts of its own.
  const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  beforeAll(async () => {
    database = connectDatabase('sqlite::memory:');
    await migrateToLatest(database.db);
    scope = new TenantScope(database.db, { tenantId: tenant, userId: id(0) }, 'sqlite');
    const rows = [
      ...Array.from({ length: 10 }, (_, i) => ({ entity_type: 'contact' as const, entity_id: id(i + 1), term: 'jana' })),
      ...Array.from({ length: 10 }, (_, i) => ({ entity_type: 'contact' as const, entity_id: id(i + 10), term: 'novak' })),
    ];
    await scope.insert('search_terms', rows);
    await new TenantScope(database.db, { tenantId: other, userId: id(0) }, 'sqlite').insert('search_terms', rows.map((r) => ({ ...r, entity_id: id(100) })));
  });
  afterAll(async () => {
    await database?.db.destroy();
  });

  const find = async (scanLimit: number) => {
    const { ids, partial } = await quickFindIds(scope, ['jana', 'novak'], 'contact', scanLimit);
    return { ids: (await ids.execute()).map((r) => r.entity_id), partial };
  };

  it('when the rarest word has more records than the scan limit, then only that many are checked and the answer says partial', async () => {
    expect(await find(5)).toEqual({ ids: [], partial: true });
  });

  it('when the scan limit covers every record of the rarest word, then the match is found and the answer is complete', async () => {
    expect(await find(10)).toEqual({ ids: [id(10)], partial: false });
    expect((await (await matchingIds(scope, ['jana', 'novak'], 'contact')).execute()).map((r) => r.entity_id)).toEqual([id(10)]);
  });
});
