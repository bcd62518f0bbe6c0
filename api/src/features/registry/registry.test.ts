import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { startRegistries } from '../../../../test/standins/registries/registries.js';
import { czIcoProblem, euVatProblem, plNipProblem, roCuiProblem } from './checksums.js';

describe('company id checksums', () => {
  it.each(['27182819', '26141591', '41421353', '17320500', '99999994'])('when the IČO is %s, then it passes', (id) => expect(czIcoProblem(id)).toBeNull());
  it.each(['12345678', '2718281', '27182818', 'abcdefgh'])('when the IČO is %s, then it fails', (id) => expect(czIcoProblem(id)).not.toBeNull());
  it.each(['5250012343', '7792034514', '525-001-23-43'])('when the NIP is %s, then it passes', (id) => expect(plNipProblem(id)).toBeNull());
  it.each(['5250012344', '123456789', '1234567890'])('when the NIP is %s, then it fails', (id) => expect(plNipProblem(id)).not.toBeNull());
  it.each(['14567898', '30987656', 'RO41234564', '28600110'])('when the CUI is %s, then it passes', (id) => expect(roCuiProblem(id)).toBeNull());
  it.each(['14567897', '1', '12345678901'])('when the CUI is %s, then it fails', (id) => expect(roCuiProblem(id)).not.toBeNull());
  it('when EU VAT ids are checked, then the format of their member state applies', () => {
    expect(euVatProblem('DE', 'DE123456789')).toBeNull();
    expect(euVatProblem('NL', 'NL123456789B01')).toBeNull();
    expect(euVatProblem('DE', 'DE12345')).not.toBeNull();
    expect(euVatProblem('GR', 'GR123456789')).toMatch(/Greece is EL/);
  });
});

describe('registry look-ups against the stand-ins', () => {
  let server: TestServer;
  let registries: Awaited<ReturnType<typeof startRegistries>>;
  const tenant = crypto.randomUUID();
  const user = newUser(['User'], tenant);
  const other = newUser(['User']);

  beforeAll(async () => {
    registries = await startRegistries();
    server = await startTestServer(registries.env);
  });
  afterAll(async () => {
    await server?.stop();
    await registries?.stop();
  });
  beforeEach(() => {
    registries.state.mode = 'ok';
  });

  const get = (path: string, as = user) => server.call('GET', `/api/v1/registry/${path}`, { as });

  it('when an IČO is known to ARES, then its name, seat, DIČ and VAT status come back in the common shape', async () => {
    const res = await get('cz/27182819');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ country: 'CZ', companyId: '27182819', vatId: 'CZ27182819', vatPayer: true, name: 'Dvořák & syn s.r.o.', legalForm: '112', source: 'ARES', dissolved: false });
    expect(res.body.registeredAddress).toEqual({ street: 'Křenová 1127/58', city: 'Brno', postalCode: '602 00', country: 'CZ' });
  });

  it('when the other registries know the id, then PL, RO and EU answers map the same way', async () => {
    expect((await get('pl/5250012343')).body).toMatchObject({ vatPayer: true, tradeRegisterNumber: '0000123456', bankAccounts: ['61109010140000071219812874'], registeredAddress: { street: 'UL. PIOTRKOWSKA 142', postalCode: '90-062', city: 'ŁÓDŹ' } });
    expect((await get('ro/14567898')).body).toMatchObject({ name: 'ȘTEFĂNESCU LOGISTICĂ SRL', vatId: 'RO14567898', vatPayer: true, tradeRegisterNumber: 'J12/1234/2002', registeredAddress: { city: 'Mun. Cluj-Napoca', postalCode: '400114' } });
    expect((await get('eu/DE123456789')).body).toMatchObject({ name: 'Muster Handels GmbH', vatId: 'DE123456789', source: 'VIES' });
  });

  it('when an id fails its checksum, then 422 with the reason and no registry is called', async () => {
    const before = registries.state.calls;
    const res = await get('cz/12345678');
    expect(res.status).toBe(422);
    expect(res.body.errors[0]).toMatchObject({ path: 'companyId' });
    expect((await get('pl/1234567890')).status).toBe(422);
    expect((await get('xx/123')).status).toBe(400);
    expect(registries.state.calls).toBe(before);
  });

  it('when the registry does not know the id, then 404', async () => {
    expect((await get('cz/41421353')).status).toBe(404);
    expect((await get('pl/7792034514')).status).toBe(404);
    expect((await get('ro/30987656')).status).toBe(404);
    expect((await get('eu/DE999999999')).status).toBe(404);
  });

  it('when the registry is slow, answers 5xx or garbage, then 503 with Retry-After, after one retry on 5xx', async () => {
    for (const mode of ['slow', 'error', 'malformed'] as const) {
      registries.state.mode = mode;
      const before = registries.state.calls;
      const res = await get('cz/17320500');
      expect(res.status, mode).toBe(503);
      expect(res.headers.get('retry-after')).toBe('60');
      if (mode === 'error') expect(registries.state.calls - before).toBe(2);
    }
  });

  it('when a client is refreshed, then its fields change with history per field and one timeline entry; script in registry text stays text', async () => {
    const client = (await server.call('POST', '/api/v1/clients', { as: user, body: { kind: 'company', name: 'Strojírny (old name)', companyId: '26141591', country: 'CZ' } })).body;
    const res = await server.call('POST', `/api/v1/clients/${client.id}/registry-refresh`, { as: user });
    expect(res.status).toBe(200);
    expect(res.body.client.name).toBe('Strojírny Vysočina a.s. <script>alert(1)</script>');
    expect(res.body.client.vatPayer).toBe(false);
    expect(res.body.record.dissolved).toBe(true);
    const history = (await server.call('GET', `/api/v1/clients/${client.id}/history`, { as: user })).body.items;
    expect(history).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', from: 'Strojírny (old name)' }), expect.objectContaining({ field: 'vatPayer', to: false })]));
    const tl = (await server.call('GET', `/api/v1/clients/${client.id}/timeline?type=system`, { as: user })).body.items;
    expect(tl.filter((a: { event: string }) => a.event === 'registry-refresh')).toEqual([expect.objectContaining({ subject: 'Updated from ARES', body: expect.stringContaining('dissolved') })]);
  });

  it('when the registry is down during a refresh, then the client is not changed', async () => {
    const client = (await server.call('POST', '/api/v1/clients', { as: user, body: { kind: 'company', name: 'Unchanged', companyId: '27182819', country: 'CZ' } })).body;
    // The tenant's cache already holds 27182819 from an earlier test: use another tenant to force a call.
    const fresh = newUser(['User']);
    const theirs = (await server.call('POST', '/api/v1/clients', { as: fresh, body: { kind: 'company', name: 'Unchanged', companyId: '27182819', country: 'CZ' } })).body;
    registries.state.mode = 'error';
    expect((await server.call('POST', `/api/v1/clients/${theirs.id}/registry-refresh`, { as: fresh })).status).toBe(503);
    expect((await server.call('GET', `/api/v1/clients/${theirs.id}`, { as: fresh })).body).toMatchObject({ name: 'Unchanged', version: 1 });
    expect((await server.call('GET', `/api/v1/clients/${client.id}`, { as: user })).body.version).toBe(1);
  });

  it('when another tenant refreshes our client, then 404; the cache is per tenant', async () => {
    const client = (await server.call('POST', '/api/v1/clients', { as: user, body: { kind: 'company', name: 'Ours', companyId: '27182819', country: 'CZ' } })).body;
    expect((await server.call('POST', `/api/v1/clients/${client.id}/registry-refresh`, { as: other })).status).toBe(404);
    const before = registries.state.calls;
    await get('cz/27182819', user); // cached for this tenant
    expect(registries.state.calls).toBe(before);
    await get('cz/27182819', newUser(['User'])); // another tenant asks the registry itself
    expect(registries.state.calls).toBe(before + 1);
  });

  it('when a Polish client is refreshed, then the white list bank accounts are kept on the client', async () => {
    const client = (await server.call('POST', '/api/v1/clients', { as: user, body: { kind: 'company', name: 'Łódź (old)', companyId: '5250012343', country: 'PL' } })).body;
    expect((await server.call('POST', `/api/v1/clients/${client.id}/registry-refresh`, { as: user })).status).toBe(200);
    const accounts = await server.call('GET', `/api/v1/clients/${client.id}/bank-accounts`, { as: user });
    expect(accounts.body.items).toEqual([expect.objectContaining({ accountNumber: '61109010140000071219812874', source: 'PL VAT white list' })]);
    expect((await server.call('GET', `/api/v1/clients/${client.id}/bank-accounts`, { as: other })).status).toBe(404);
  });
});
