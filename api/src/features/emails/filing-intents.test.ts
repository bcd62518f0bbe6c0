import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';

let server: TestServer;
const tenant = crypto.randomUUID();
const seller = newUser(['User'], tenant);
const colleague = newUser(['User'], tenant);
const reader = newUser(['Reader'], tenant);
const outsider = newUser(['User']);
let clientId: string;
let dealId: string;
let contactId: string;

beforeAll(async () => {
  server = await startTestServer();
  clientId = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Kowalski Sp. z o.o.' } })).body.id;
  contactId = (await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Anna', lastName: 'Kowalska', email: 'anna@kowalski.example' } })).body.id;
  dealId = (await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId, title: 'Serwis 2027' } })).body.id;
});
afterAll(async () => {
  await server?.stop();
});

const sent = (conversationId: string, id: string, sentAt: string, intentId?: string) => ({
  internetMessageId: `<${id}@outlook.example>`,
  conversationId,
  subject: 'Oferta serwisowa',
  from: { name: seller.name, email: seller.email },
  to: [{ name: 'Anna Kowalska', email: 'anna@kowalski.example' }],
  sentAt,
  bodyHtml: '<p>Dzień dobry, w załączeniu oferta.</p>',
  clientId,
  dealId,
  contactIds: [contactId],
  ...(intentId ? { intentId } : {}),
});
const lookup = (as: typeof seller, id: string, conversationId: string, sentAt: string) =>
  server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent(`<${id}@outlook.example>`)}&conversationId=${encodeURIComponent(conversationId)}&sentAt=${encodeURIComponent(sentAt)}`, { as });

describe('filing a message once it is sent', () => {
  it('when the author chose a client while writing, then the sent message shows that choice, filing uses it up, and earlier messages of the thread are not offered it', async () => {
    const conversationId = `conv-${crypto.randomUUID()}`;
    const chosen = await server.call('POST', '/api/v1/emails/intents', { as: seller, body: { conversationId, subject: 'Oferta serwisowa', clientId, dealId, contactIds: [contactId] } });
    expect(chosen.status).toBe(201);
    expect(chosen.body).toMatchObject({ conversationId, clientId, clientName: 'Kowalski Sp. z o.o.', dealId, contactIds: [contactId] });
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: seller })).body.intent.id).toBe(chosen.body.id);
    // Someone else in the tenant does not see, or use, the author's choice.
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: colleague })).body).toEqual({ intent: null });

    const later = new Date(Date.now() + 60_000).toISOString();
    const earlier = new Date(Date.now() - 3_600_000).toISOString();
    expect((await lookup(seller, 'reply-to-this', conversationId, earlier)).body.intent).toBeNull();
    expect((await lookup(colleague, 'sent', conversationId, later)).body.intent).toBeNull();
    const before = (await lookup(seller, 'sent', conversationId, later)).body;
    expect(before).toMatchObject({ filed: false, intent: { id: chosen.body.id, clientId } });

    const refused = await server.call('POST', '/api/v1/emails', { as: seller, body: sent(conversationId, 'old', earlier, chosen.body.id) });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e: { path: string }) => e.path)).toEqual(['intentId']);
    expect((await lookup(seller, 'old', conversationId, earlier)).body.filed).toBe(false);
    expect((await server.call('POST', '/api/v1/emails', { as: colleague, body: sent(conversationId, 'sent', later, chosen.body.id) })).status).toBe(422);

    const filed = await server.call('POST', '/api/v1/emails', { as: seller, body: sent(conversationId, 'sent', later, chosen.body.id) });
    expect(filed.status).toBe(201);
    expect(filed.body.links).toEqual([expect.objectContaining({ clientId, dealId, contactId: null }), expect.objectContaining({ contactId })]);
    expect((await lookup(seller, 'sent', conversationId, later)).body).toMatchObject({ filed: true, intent: null });
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: seller })).body).toEqual({ intent: null });
  });

  it('when the author chooses again or drops the choice, then the latest one stands, and a dropped one is gone', async () => {
    const conversationId = `conv-${crypto.randomUUID()}`;
    const other = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Nowak S.A.' } })).body.id;
    await server.call('POST', '/api/v1/emails/intents', { as: seller, body: { conversationId, clientId } });
    const second = (await server.call('POST', '/api/v1/emails/intents', { as: seller, body: { conversationId, clientId: other } })).body;
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: seller })).body.intent).toMatchObject({ id: second.id, clientName: 'Nowak S.A.', dealId: null, contactIds: [] });
    expect((await server.call('DELETE', `/api/v1/emails/intents/${second.id}`, { as: colleague })).status).toBe(404);
    expect((await server.call('DELETE', `/api/v1/emails/intents/${second.id}`, { as: seller })).status).toBe(204);
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: seller })).body).toEqual({ intent: null });
  });

  it.each([
    ['no conversation id', { conversationId: '' }, 400, 'conversationId'],
    ['a client id that is not one', { clientId: 'acme' }, 400, 'clientId'],
    ['an unknown field', { internetMessageId: '<x@y>' }, 400, 'internetMessageId'],
    ['a deal of another client', { dealId: 'OTHER_DEAL' }, 422, 'dealId'],
  ])('when a choice has %s, then %i and nothing is kept', async (_l, extra, status, path) => {
    const conversationId = `conv-${crypto.randomUUID()}`;
    const other = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Inny' } })).body.id;
    const otherDeal = (await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId: other, title: 'X' } })).body.id;
    const body = { conversationId, clientId, ...JSON.parse(JSON.stringify(extra).replace('OTHER_DEAL', otherDeal)) };
    const res = await server.call('POST', '/api/v1/emails/intents', { as: seller, body });
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${encodeURIComponent(conversationId)}`, { as: seller })).body).toEqual({ intent: null });
  });

  it('when a Reader or another tenant tries, then 403 / 422 / 404 and the tenant\'s data is untouched', async () => {
    const conversationId = `conv-${crypto.randomUUID()}`;
    expect((await server.call('POST', '/api/v1/emails/intents', { as: reader, body: { conversationId, clientId } })).status).toBe(403);
    const foreign = await server.call('POST', '/api/v1/emails/intents', { as: outsider, body: { conversationId, clientId } });
    expect(foreign.status).toBe(422);
    expect(foreign.body.errors).toEqual([{ path: 'clientId', message: 'No such client' }]);
    const mine = (await server.call('POST', '/api/v1/emails/intents', { as: seller, body: { conversationId, clientId } })).body;
    expect((await server.call('DELETE', `/api/v1/emails/intents/${mine.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: outsider })).body).toEqual({ intent: null });
    expect((await server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: seller })).body.intent.id).toBe(mine.id);
  });
});
