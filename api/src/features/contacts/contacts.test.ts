import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';

let server: TestServer;
const tenant = crypto.randomUUID();
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

async function newClient(country = 'CZ') {
  const res = await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: `Firma ${crypto.randomUUID().slice(0, 6)}`, country } });
  return res.body.id as string;
}

describe('contacts', () => {
  it('when the first contact is added, then it becomes the primary contact of the client', async () => {
    const clientId = await newClient();
    const res = await server.call('POST', `/api/v1/clients/${clientId}/contacts`, { as: seller, body: { firstName: 'Jiří', lastName: 'Dvořák', email: 'Jiri.Dvorak@Example.CZ', phone: '602 123 456' } });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId, isPrimary: true, email: 'jiri.dvorak@example.cz', phone: '+420602123456' });
    const client = await server.call('GET', `/api/v1/clients/${clientId}`, { as: seller });
    expect(client.body.primaryContactId).toBe(res.body.id);
  });

  it('when another contact is made primary, then exactly one stays primary', async () => {
    const clientId = await newClient('PL');
    const a = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Anna', lastName: 'Wójcik' } });
    const b = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Paweł', lastName: 'Łukasz', mobile: '512 345 678' } });
    expect(b.body.isPrimary).toBe(false);
    expect(b.body.mobile).toBe('+48512345678');
    const promote = await server.call('PATCH', `/api/v1/contacts/${b.body.id}`, { as: seller, body: { isPrimary: true } });
    expect(promote.status).toBe(200);
    const list = await server.call('GET', `/api/v1/clients/${clientId}/contacts`, { as: seller });
    expect(list.body.items.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { id: string }) => c.id)).toEqual([b.body.id]);
    expect((await server.call('GET', `/api/v1/clients/${clientId}`, { as: seller })).body.primaryContactId).toBe(b.body.id);
    const unset = await server.call('PATCH', `/api/v1/contacts/${b.body.id}`, { as: seller, body: { isPrimary: false } });
    expect(unset.status).toBe(422);
    // Choosing the primary from the client side keeps the flags in step too.
    const viaClient = await server.call('PATCH', `/api/v1/clients/${clientId}`, { as: seller, body: { primaryContactId: a.body.id } });
    expect(viaClient.status).toBe(200);
    const after = await server.call('GET', `/api/v1/clients/${clientId}/contacts`, { as: seller });
    expect(after.body.items.filter((c: { isPrimary: boolean }) => c.isPrimary).map((c: { id: string }) => c.id)).toEqual([a.body.id]);
    const clear = await server.call('PATCH', `/api/v1/clients/${clientId}`, { as: seller, body: { primaryContactId: null } });
    expect(clear.status).toBe(422);
  });

  it('when the primary contact is deleted, then the next one becomes primary', async () => {
    const clientId = await newClient();
    const a = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Eva', lastName: 'Malá' } });
    const b = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Petr', lastName: 'Velký' } });
    expect((await server.call('DELETE', `/api/v1/contacts/${a.body.id}`, { as: seller })).status).toBe(204);
    expect((await server.call('GET', `/api/v1/contacts/${b.body.id}`, { as: seller })).body.isPrimary).toBe(true);
    expect((await server.call('GET', `/api/v1/clients/${clientId}`, { as: seller })).body.primaryContactId).toBe(b.body.id);
  });

  it('when a primary contact of another client is chosen for a client, then 422', async () => {
    const c1 = await newClient();
    const c2 = await newClient();
    const foreign = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId: c2, firstName: 'Cizí', lastName: 'Kontakt' } });
    const res = await server.call('PATCH', `/api/v1/clients/${c1}`, { as: seller, body: { primaryContactId: foreign.body.id } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('primaryContactId');
  });

  it.each([
    ['an invalid email', { firstName: 'A', lastName: 'B', email: 'a@' }, 'email'],
    ['a phone with letters', { firstName: 'A', lastName: 'B', phone: 'call me' }, 'phone'],
    ['an impossible phone', { firstName: 'A', lastName: 'B', phone: '+420 12' }, 'phone'],
    ['an empty first name', { firstName: ' ', lastName: 'B' }, 'firstName'],
    ['an unknown field', { firstName: 'A', lastName: 'B', age: 40 }, 'age'],
    ['an over-long job title', { firstName: 'A', lastName: 'B', jobTitle: 'x'.repeat(101) }, 'jobTitle'],
  ])('when a contact has %s, then 400 names the field and nothing is written', async (_l, input, path) => {
    const clientId = await newClient();
    const res = await server.call('POST', `/api/v1/clients/${clientId}/contacts`, { as: seller, body: input });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await server.call('GET', `/api/v1/clients/${clientId}/contacts`, { as: seller })).body.items).toEqual([]);
  });

  it('when the client does not exist, then 422 on clientId (or 404 in the path)', async () => {
    const res = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId: crypto.randomUUID(), firstName: 'A', lastName: 'B' } });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('clientId');
    expect((await server.call('POST', `/api/v1/clients/${crypto.randomUUID()}/contacts`, { as: seller, body: { firstName: 'A', lastName: 'B' } })).status).toBe(404);
    expect((await server.call('GET', '/api/v1/contacts/not-a-uuid', { as: seller })).status).toBe(400);
  });

  it('when If-Match is stale, then 412 and the contact is unchanged', async () => {
    const clientId = await newClient();
    const c = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Old', lastName: 'Name' } });
    const v = c.headers.get('etag')!;
    await server.call('PATCH', `/api/v1/contacts/${c.body.id}`, { as: seller, body: { jobTitle: 'CEO' }, headers: { 'if-match': v } });
    const stale = await server.call('PATCH', `/api/v1/contacts/${c.body.id}`, { as: seller, body: { jobTitle: 'CFO' }, headers: { 'if-match': v } });
    expect(stale.status).toBe(412);
    expect((await server.call('GET', `/api/v1/contacts/${c.body.id}`, { as: seller })).body.jobTitle).toBe('CEO');
  });

  it('when changed, then the client history shows the contact change', async () => {
    const clientId = await newClient();
    const c = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Ioana', lastName: 'Popa' } });
    await server.call('PATCH', `/api/v1/contacts/${c.body.id}`, { as: seller, body: { lastName: 'Popescu' } });
    const h = await server.call('GET', `/api/v1/clients/${clientId}/history`, { as: seller });
    expect(h.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'contact.lastName', from: 'Popa', to: 'Popescu' })]));
  });

  it('when searching by name without diacritics, email or phone digits, then the contact is found', async () => {
    const clientId = await newClient('RO');
    const c = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Andrei', lastName: 'Ștefănescu', email: 'andrei@stefanescu.example', phone: '0721 234 567' } });
    expect(c.body.phone).toBe('+40721234567');
    for (const q of ['stefanescu', 'STEFAN', 'andrei stef', '721 234 567', '+40 721 234 567']) {
      const res = await server.call('GET', `/api/v1/search?q=${encodeURIComponent(q)}`, { as: seller });
      expect(res.body.contacts.map((x: { id: string }) => x.id), q).toContain(c.body.id);
    }
    const list = await server.call('GET', '/api/v1/contacts?q=stefanescu', { as: seller });
    expect(list.body.items.map((x: { id: string }) => x.id)).toContain(c.body.id);
  });

  it("when a User changes another user's contact, then 403; a Reader cannot create", async () => {
    const res = await server.call('POST', '/api/v1/clients', { as: otherSeller, body: { kind: 'company', name: 'Cizí klient' } });
    const c = await server.call('POST', '/api/v1/contacts', { as: otherSeller, body: { clientId: res.body.id, firstName: 'A', lastName: 'B' } });
    expect((await server.call('PATCH', `/api/v1/contacts/${c.body.id}`, { as: seller, body: { jobTitle: 'X' } })).status).toBe(403);
    expect((await server.call('DELETE', `/api/v1/contacts/${c.body.id}`, { as: seller })).status).toBe(403);
    expect((await server.call('POST', '/api/v1/contacts', { as: reader, body: { clientId: res.body.id, firstName: 'A', lastName: 'B' } })).status).toBe(403);
  });

  it('when another tenant reads, changes, deletes, lists or searches, then it sees nothing and changes nothing', async () => {
    const clientId = await newClient();
    const c = await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Tajný', lastName: 'Kontakt' } });
    expect((await server.call('GET', `/api/v1/contacts/${c.body.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/contacts/${c.body.id}`, { as: outsider, body: { lastName: 'X' } })).status).toBe(404);
    expect((await server.call('DELETE', `/api/v1/contacts/${c.body.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('POST', '/api/v1/contacts', { as: outsider, body: { clientId, firstName: 'A', lastName: 'B' } })).status).toBe(422);
    expect((await server.call('GET', `/api/v1/contacts?clientId=${clientId}`, { as: outsider })).body.items).toEqual([]);
    expect((await server.call('GET', '/api/v1/search?q=tajny', { as: outsider })).body.contacts).toEqual([]);
    expect((await server.call('GET', `/api/v1/contacts/${c.body.id}`, { as: seller })).body.lastName).toBe('Kontakt');
  });
});
