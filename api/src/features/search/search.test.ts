import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { normalizeText, searchWords } from './normalize.js';
import { searchQueryWords } from './search-query.js';

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
