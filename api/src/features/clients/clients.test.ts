import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';

let server: TestServer;
const tenant = crypto.randomUUID();
const admin = newUser(['Admin'], tenant);
const manager = newUser(['Manager'], tenant);
const seller = newUser(['User'], tenant);
const otherSeller = newUser(['User'], tenant);
const reader = newUser(['Reader'], tenant);
const outsider = newUser(['Admin']);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const acme = { kind: 'company', name: 'Dvořák & syn s.r.o.', companyId: '27182819', country: 'cz', tags: ['VIP'], addresses: [{ type: 'registered', street: 'Křenová 58', city: 'Brno', postalCode: '602 00', country: 'CZ' }] };

describe('creating a client', () => {
  it('when a User creates one, then it answers 201 with Location, ETag and the normalized record', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, body: acme });
    expect(res.status).toBe(201);
    expect(res.headers.get('location')).toBe(`/api/v1/clients/${res.body.id}`);
    expect(res.headers.get('etag')).toBe('"1"');
    expect(res.body).toMatchObject({ kind: 'company', name: 'Dvořák & syn s.r.o.', country: 'CZ', tags: ['VIP'], version: 1 });
    expect(res.body.addresses).toEqual([expect.objectContaining({ type: 'registered', city: 'Brno', postalCode: '602 00' })]);
    const me = await server.call('GET', '/api/v1/me', { as: seller });
    expect(res.body.ownerId).toBe(me.body.id);
  });

  it('when a Reader tries, then 403 and nothing is written', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: reader, body: { kind: 'company', name: 'Reader Co' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    const list = await server.call('GET', '/api/v1/clients?q=reader', { as: admin });
    expect(list.body.items).toEqual([]);
  });

  it.each([
    ['an unknown field', { kind: 'company', name: 'X', colour: 'red' }, 'colour'],
    ['a wrong type', { kind: 'company', name: 42 }, 'name'],
    ['an over-long name', { kind: 'company', name: 'x'.repeat(201) }, 'name'],
    ['an invalid email', { kind: 'company', name: 'X', email: 'not-an-email' }, 'email'],
    ['an invalid country', { kind: 'company', name: 'X', country: 'XX' }, 'country'],
    ['an invalid currency', { kind: 'company', name: 'X', creditLimit: { amountMinor: 100, currency: 'ABC' } }, 'creditLimit.currency'],
    ['negative money', { kind: 'company', name: 'X', creditLimit: { amountMinor: -1, currency: 'CZK' } }, 'creditLimit.amountMinor'],
    ['an unknown kind', { kind: 'robot', name: 'X' }, 'kind'],
    ['a parent that is not a UUID', { kind: 'company', name: 'X', parentId: '1 OR 1=1' }, 'parentId'],
  ])('when the body has %s, then 400 names the field', async (_label, input, path) => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, body: input });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('/problems/validation');
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('when the phone cannot be a number, then 400 on phone', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'X', phone: '12' } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].path).toBe('phone');
  });

  it('when the phone is national, then it is stored as E.164 for the client country', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Łódź Textil', country: 'PL', phone: '601 234 567' } });
    expect(res.status).toBe(201);
    expect(res.body.phone).toBe('+48601234567');
  });

  it('when the JSON is malformed, then 400 malformed-json', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, raw: '{"kind":', headers: { 'content-type': 'application/json' } });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('/problems/malformed-json');
    expect(JSON.stringify(res.body)).not.toMatch(/at .*\.js/);
  });

  it('when the body is over 1 MB, then 413', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'X', description: 'x'.repeat(1_100_000) } });
    expect(res.status).toBe(413);
  });

  it('when the body is not JSON, then 415', async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: seller, raw: 'kind=company', headers: { 'content-type': 'text/plain' } });
    expect(res.status).toBe(415);
  });

  it('when strings look like SQL or script, then they are stored verbatim and returned as JSON text', async () => {
    const name = `Robert'); DROP TABLE clients;-- <script>alert(1)</script>`;
    const res = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name } });
    expect(res.status).toBe(201);
    const read = await fetch(`${server.url}/api/v1/clients/${res.body.id}`, { headers: { authorization: `Bearer ${await server.tokenFor(seller)}` } });
    expect(read.headers.get('content-type')).toContain('application/json');
    expect(read.headers.get('x-content-type-options')).toBe('nosniff');
    expect(((await read.json()) as { name: string }).name).toBe(name);
  });
});

describe('changing a client', () => {
  it('when If-Match is stale, then 412 and the record is unchanged', async () => {
    const created = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Etag Test' } });
    const ok = await server.call('PATCH', `/api/v1/clients/${created.body.id}`, { as: seller, body: { industry: 'Food' }, headers: { 'if-match': '"1"' } });
    expect(ok.status).toBe(200);
    expect(ok.headers.get('etag')).toBe('"2"');
    const stale = await server.call('PATCH', `/api/v1/clients/${created.body.id}`, { as: seller, body: { industry: 'Steel' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    const read = await server.call('GET', `/api/v1/clients/${created.body.id}`, { as: seller });
    expect(read.body.industry).toBe('Food');
    expect(read.body.version).toBe(2);
  });

  it('when a parent would make a cycle, then 422 and nothing changes', async () => {
    const a = await server.call('POST', '/api/v1/clients', { as: manager, body: { kind: 'company', name: 'Holding A' } });
    const b = await server.call('POST', '/api/v1/clients', { as: manager, body: { kind: 'company', name: 'Daughter B', parentId: a.body.id } });
    const c = await server.call('POST', '/api/v1/clients', { as: manager, body: { kind: 'company', name: 'Granddaughter C', parentId: b.body.id } });
    const cycle = await server.call('PATCH', `/api/v1/clients/${a.body.id}`, { as: manager, body: { parentId: c.body.id } });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors[0].path).toBe('parentId');
    const self = await server.call('PATCH', `/api/v1/clients/${a.body.id}`, { as: manager, body: { parentId: a.body.id } });
    expect(self.status).toBe(422);
    expect((await server.call('GET', `/api/v1/clients/${a.body.id}`, { as: manager })).body.parentId).toBeNull();
    const children = await server.call('GET', `/api/v1/clients/${a.body.id}/children`, { as: manager });
    expect(children.body.items.map((x: { name: string }) => x.name)).toEqual(['Daughter B']);
    const hasChildren = await server.call('DELETE', `/api/v1/clients/${a.body.id}`, { as: manager });
    expect(hasChildren.status).toBe(409);
  });

  it("when a User edits another user's client, then 403; a Manager may", async () => {
    const created = await server.call('POST', '/api/v1/clients', { as: otherSeller, body: { kind: 'company', name: 'Not Mine' } });
    expect((await server.call('PATCH', `/api/v1/clients/${created.body.id}`, { as: seller, body: { industry: 'X' } })).status).toBe(403);
    expect((await server.call('DELETE', `/api/v1/clients/${created.body.id}`, { as: seller })).status).toBe(403);
    expect((await server.call('PATCH', `/api/v1/clients/${created.body.id}`, { as: manager, body: { industry: 'X' } })).status).toBe(200);
  });

  it('when a field changes, then the history says who changed what from what to what', async () => {
    const created = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'History Co', industry: 'Food' } });
    await server.call('PATCH', `/api/v1/clients/${created.body.id}`, { as: seller, body: { industry: 'Steel', name: 'History Co 2' } });
    const history = await server.call('GET', `/api/v1/clients/${created.body.id}/history`, { as: reader });
    expect(history.status).toBe(200);
    const changes = history.body.items.filter((h: { action: string }) => h.action === 'update');
    expect(changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'industry', from: 'Food', to: 'Steel', changedBy: expect.objectContaining({ name: seller.name }) }),
        expect.objectContaining({ field: 'name', from: 'History Co', to: 'History Co 2' }),
      ]),
    );
    expect(history.body.items.at(-1).action).toBe('create');
  });

  it('when deleted, then it is gone from reads, lists and search', async () => {
    const created = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Zmizelá firma' } });
    expect((await server.call('DELETE', `/api/v1/clients/${created.body.id}`, { as: seller })).status).toBe(204);
    expect((await server.call('GET', `/api/v1/clients/${created.body.id}`, { as: seller })).status).toBe(404);
    expect((await server.call('GET', '/api/v1/search?q=zmizela', { as: seller })).body.clients).toEqual([]);
  });
});

describe('listing clients', () => {
  it('when paging with a cursor, then every client comes once in name order', async () => {
    const t = newUser(['User']);
    const names = ['Čedok', 'Alfa', 'Beta', 'Cukrárna', 'Ďábel', 'Echo', 'Zeta'];
    for (const name of names) await server.call('POST', '/api/v1/clients', { as: t, body: { kind: 'company', name } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { body: { items: { name: string }[]; nextCursor: string | null } } = await server.call('GET', `/api/v1/clients?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: t });
      seen.push(...res.body.items.map((c) => c.name));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Alfa', 'Beta', 'Čedok', 'Cukrárna', 'Ďábel', 'Echo', 'Zeta']);
  });

  it('when filtering, then only matching clients come back', async () => {
    const t = newUser(['User']);
    await server.call('POST', '/api/v1/clients', { as: t, body: { kind: 'company', name: 'PL Firma', country: 'PL', tags: ['Export'], industry: 'Textiles', relationshipType: 'customer' } });
    await server.call('POST', '/api/v1/clients', { as: t, body: { kind: 'person', name: 'Jan Novák', country: 'CZ' } });
    const names = async (qs: string) => (await server.call('GET', `/api/v1/clients?${qs}`, { as: t })).body.items.map((c: { name: string }) => c.name);
    expect(await names('country=pl')).toEqual(['PL Firma']);
    expect(await names('kind=person')).toEqual(['Jan Novák']);
    expect(await names('tag=export')).toEqual(['PL Firma']);
    expect(await names('industry=Textiles&relationshipType=customer')).toEqual(['PL Firma']);
    expect(await names('q=novak')).toEqual(['Jan Novák']);
  });

  it('when the query string is bad, then 400', async () => {
    for (const qs of ['limit=500', 'limit=abc', 'cursor=garbage', 'sort=price', 'ownerId=nope', 'colour=red']) {
      expect((await server.call('GET', `/api/v1/clients?${qs}`, { as: seller })).status, qs).toBe(400);
    }
  });
});

describe('tenancy', () => {
  it('when another tenant reads, changes or deletes by id, then 404 and nothing changes', async () => {
    const created = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Tajná firma' } });
    const id = created.body.id;
    expect((await server.call('GET', `/api/v1/clients/${id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/clients/${id}`, { as: outsider, body: { name: 'Hacked' } })).status).toBe(404);
    expect((await server.call('DELETE', `/api/v1/clients/${id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/clients/${id}/history`, { as: outsider })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/clients/${id}/contacts`, { as: outsider })).status).toBe(404);
    expect((await server.call('POST', `/api/v1/clients/${id}/contacts`, { as: outsider, body: { firstName: 'A', lastName: 'B' } })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/clients/${id}`, { as: seller })).body.name).toBe('Tajná firma');
  });

  it('when another tenant searches or lists, then it sees none of ours', async () => {
    expect((await server.call('GET', '/api/v1/search?q=tajna', { as: outsider })).body.clients).toEqual([]);
    expect((await server.call('GET', '/api/v1/clients?q=tajna', { as: outsider })).body.items).toEqual([]);
    const mine = await server.call('GET', '/api/v1/clients?limit=200', { as: outsider });
    expect(mine.body.items.every((c: { name: string }) => c.name !== 'Tajná firma')).toBe(true);
  });

  it('when another tenant points a parent at our client, then 422', async () => {
    const ours = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Naše' } });
    const res = await server.call('POST', '/api/v1/clients', { as: outsider, body: { kind: 'company', name: 'Theirs', parentId: ours.body.id } });
    expect(res.status).toBe(422);
  });
});
