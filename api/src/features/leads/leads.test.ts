import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';

let server: TestServer;
const tenant = crypto.randomUUID();
const seller = newUser(['User'], tenant);
const reader = newUser(['Reader'], tenant);
const outsider = newUser(['Manager']);

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.stop();
});

const lead = (extra: Record<string, unknown> = {}) =>
  server.call('POST', '/api/v1/leads', { as: seller, body: { companyName: 'Wrocławskie Młyny sp. z o.o.', companyId: '5250012343', firstName: 'Zofia', lastName: 'Kamińska', email: 'zofia@mlyny.example', phone: '+48 601 234 567', topic: 'Mill modernisation', source: 'web', ...extra } });

const count = async (path: string) => (await server.call('GET', path, { as: seller })).body.items.length;

describe('leads', () => {
  it('when converted, then a client, its contact and a deal exist, the lead says converted, and a second conversion is 409', async () => {
    const l = (await lead()).body;
    expect(l.status).toBe('open');
    const res = await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: seller, body: { estimatedValue: { amountMinor: 500000, currency: 'PLN' } } });
    expect(res.status).toBe(200);
    const { clientId, contactId, dealId } = res.body;
    const client = (await server.call('GET', `/api/v1/clients/${clientId}`, { as: seller })).body;
    expect(client).toMatchObject({ name: 'Wrocławskie Młyny sp. z o.o.', companyId: '5250012343', primaryContactId: contactId, relationshipType: 'prospect' });
    expect((await server.call('GET', `/api/v1/contacts/${contactId}`, { as: seller })).body).toMatchObject({ lastName: 'Kamińska', phone: '+48601234567' });
    expect((await server.call('GET', `/api/v1/deals/${dealId}`, { as: seller })).body).toMatchObject({ title: 'Mill modernisation', source: 'lead', estimatedValue: { amountMinor: 500000, currency: 'PLN' } });
    expect((await server.call('GET', `/api/v1/leads/${l.id}`, { as: seller })).body).toMatchObject({ status: 'converted', convertedClientId: clientId, convertedDealId: dealId });
    const clientsBefore = await count('/api/v1/clients?limit=200');
    const again = await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: seller, body: {} });
    expect(again.status).toBe(409);
    expect(await count('/api/v1/clients?limit=200')).toBe(clientsBefore);
  });

  it('when a client with the same company id exists, then it is offered and can be linked instead of a new one', async () => {
    const existing = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Młyny (old record)', companyId: '7792034514' } })).body;
    const l = (await lead({ companyId: '7792034514', companyName: 'Młyny Nowe' })).body;
    const matches = await server.call('GET', `/api/v1/leads/${l.id}/matches`, { as: seller });
    expect(matches.body.items).toEqual([expect.objectContaining({ id: existing.id, matchedBy: 'companyId' })]);
    const res = await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: seller, body: { clientId: existing.id } });
    expect(res.body.clientId).toBe(existing.id);
  });

  it('when conversion fails midway, then nothing is written', async () => {
    // The phone passes the lead's format check but is not a possible number: the contact step fails after the client step.
    const l = (await lead({ companyName: 'Half Written s.r.o.', phone: '+420 12 3' })).body;
    const clientsBefore = await count('/api/v1/clients?q=half');
    const res = await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: seller, body: {} });
    expect(res.status).toBe(400);
    expect(await count('/api/v1/clients?q=half')).toBe(clientsBefore);
    expect((await server.call('GET', `/api/v1/leads/${l.id}`, { as: seller })).body.status).toBe('open');
    expect((await server.call('GET', '/api/v1/search?q=mill%20modernisation', { as: seller })).body.deals.every((d: { subtitle: string }) => !d.subtitle.includes('Half Written'))).toBe(true);
  });

  it('when disqualified, then it keeps the reason and cannot be converted', async () => {
    const l = (await lead()).body;
    const res = await server.call('POST', `/api/v1/leads/${l.id}/disqualify`, { as: seller, body: { reason: 'Student project' } });
    expect(res.body).toMatchObject({ status: 'disqualified', disqualifyReason: 'Student project' });
    expect((await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: seller, body: {} })).status).toBe(409);
    expect((await server.call('POST', `/api/v1/leads/${l.id}/disqualify`, { as: seller, body: {} })).status).toBe(400);
  });

  it.each([
    ['no company and no last name', { companyName: null, lastName: null }, 'companyName'],
    ['a bad email', { email: 'nope' }, 'email'],
    ['no topic', { topic: '' }, 'topic'],
    ['an unknown field', { budget: 5 }, 'budget'],
  ])('when a lead has %s, then 400 on the field', async (_l, extra, path) => {
    const res = await lead(extra);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('when a Reader creates or another tenant touches a lead, then 403 / 404', async () => {
    expect((await server.call('POST', '/api/v1/leads', { as: reader, body: { companyName: 'X', topic: 'Y' } })).status).toBe(403);
    const l = (await lead()).body;
    expect((await server.call('GET', `/api/v1/leads/${l.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/leads/${l.id}`, { as: outsider, body: { topic: 'x' } })).status).toBe(404);
    expect((await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: outsider, body: {} })).status).toBe(404);
    expect((await server.call('GET', '/api/v1/leads', { as: outsider })).body.items).toEqual([]);
    const theirs = (await server.call('POST', '/api/v1/clients', { as: outsider, body: { kind: 'company', name: 'Theirs' } })).body.id;
    expect((await server.call('POST', `/api/v1/leads/${l.id}/convert`, { as: seller, body: { clientId: theirs } })).status).toBe(422);
  });
});
