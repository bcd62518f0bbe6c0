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
let clientId: string;
let contactId: string;

beforeAll(async () => {
  server = await startTestServer();
  clientId = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Dvořák & syn s.r.o.' } })).body.id;
  contactId = (await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Jiří', lastName: 'Dvořák' } })).body.id;
});
afterAll(async () => {
  await server?.stop();
});

const newDeal = async (extra: Record<string, unknown> = {}, as = seller) =>
  server.call('POST', '/api/v1/deals', { as, body: { clientId, title: 'Ocelová hala', estimatedValue: { amountMinor: 1250000, currency: 'CZK' }, expectedCloseDate: '2027-01-31', ...extra } });

describe('pipeline stages', () => {
  // Their own tenant: reordering here must not move the stages the deal tests rely on.
  const stTenant = crypto.randomUUID();
  const admin = newUser(['Admin'], stTenant);
  const manager = newUser(['Manager'], stTenant);
  const seller = newUser(['User'], stTenant);
  const reader = newUser(['Reader'], stTenant);
  const newDeal = async (extra: Record<string, unknown>) => {
    const client = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Stage test' } })).body.id;
    return server.call('POST', '/api/v1/deals', { as: seller, body: { clientId: client, title: 'Pilot deal', ...extra } });
  };

  it('when a tenant starts, then it has the four default stages with Czech names', async () => {
    const res = await server.call('GET', '/api/v1/stages', { as: reader });
    expect(res.body.items.map((s: { key: string }) => s.key)).toEqual(['qualify', 'develop', 'propose', 'close']);
    expect(res.body.items[0].names.cs).toBe('Zpracování');
    expect(res.body.items[1].names.cs).toBe('Jednání');
    expect(res.body.items[3].names.cs).toBe('Dokončení');
  });

  it('when an Admin adds, renames, reorders and retires a stage, then the order and names follow; others get 403', async () => {
    expect((await server.call('POST', '/api/v1/stages', { as: manager, body: { key: 'negotiate', name: 'Negotiate', probability: 70 } })).status).toBe(403);
    const created = await server.call('POST', '/api/v1/stages', { as: admin, body: { key: 'negotiate', name: 'Negotiate', probability: 70, position: 3 } });
    expect(created.status).toBe(201);
    let keys = (await server.call('GET', '/api/v1/stages', { as: admin })).body.items.map((s: { key: string }) => s.key);
    expect(keys).toEqual(['qualify', 'develop', 'propose', 'negotiate', 'close']);
    const renamed = await server.call('PATCH', `/api/v1/stages/${created.body.id}`, { as: admin, body: { name: 'Vyjednávání', position: 0 } });
    expect(renamed.body.name).toBe('Vyjednávání');
    keys = (await server.call('GET', '/api/v1/stages', { as: admin })).body.items.map((s: { key: string }) => s.key);
    expect(keys[0]).toBe('negotiate');
    const dup = await server.call('POST', '/api/v1/stages', { as: admin, body: { key: 'negotiate', name: 'X', probability: 1 } });
    expect(dup.status).toBe(409);
    const bad = await server.call('POST', '/api/v1/stages', { as: admin, body: { key: 'Bad Key!', name: 'X', probability: 101 } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { path: string }) => e.path)).toEqual(expect.arrayContaining(['key', 'probability']));
  });

  it('when a stage still has open deals, then it cannot be deleted (409); retired stages refuse new deals', async () => {
    const stage = await server.call('POST', '/api/v1/stages', { as: admin, body: { key: 'pilot', name: 'Pilot', probability: 50 } });
    const deal = await newDeal({ stage: 'pilot' });
    expect(deal.body.stage).toBe('pilot');
    await server.call('PATCH', `/api/v1/stages/${stage.body.id}`, { as: admin, body: { retired: true } });
    expect((await server.call('DELETE', `/api/v1/stages/${stage.body.id}`, { as: admin })).status).toBe(409);
    expect((await newDeal({ stage: 'pilot' })).status).toBe(422);
    await server.call('POST', `/api/v1/deals/${deal.body.id}/stage`, { as: seller, body: { stage: 'develop' } });
    expect((await server.call('DELETE', `/api/v1/stages/${stage.body.id}`, { as: admin })).status).toBe(204);
  });
});

describe('deals', () => {
  it('when created, then it starts open in the first stage with its probability, owned by the creator, and shows on the timeline', async () => {
    const res = await newDeal({ contactId });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'open', stage: 'qualify', probability: 10, contactId, clientName: 'Dvořák & syn s.r.o.', estimatedValue: { amountMinor: 1250000, currency: 'CZK' } });
    const tl = await server.call('GET', `/api/v1/deals/${res.body.id}/timeline`, { as: reader });
    expect(tl.body.items.map((a: { event: string }) => a.event)).toContain('deal-created');
  });

  it('when moved through stages, then each change is kept with time in stage and appears on the client timeline', async () => {
    const deal = (await newDeal()).body;
    const moved = await server.call('POST', `/api/v1/deals/${deal.id}/stage`, { as: seller, body: { stage: 'develop' }, headers: { 'if-match': '"1"' } });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ stage: 'develop', probability: 30 });
    await server.call('POST', `/api/v1/deals/${deal.id}/stage`, { as: seller, body: { stage: 'propose' } });
    const history = await server.call('GET', `/api/v1/deals/${deal.id}/stage-history`, { as: reader });
    expect(history.body.items.map((h: { stage: string }) => h.stage)).toEqual(['qualify', 'develop', 'propose']);
    expect(history.body.items[0].leftAt).not.toBeNull();
    expect(history.body.items[2].leftAt).toBeNull();
    expect(history.body.items[0].secondsInStage).toBeGreaterThanOrEqual(0);
    const tl = await server.call('GET', `/api/v1/clients/${clientId}/timeline?type=system`, { as: reader });
    expect(tl.body.items.some((a: { subject: string; dealId: string }) => a.dealId === deal.id && a.subject.includes('Develop → Propose'))).toBe(true);
  });

  it('when won, lost and reopened, then transitions that make no sense answer 409', async () => {
    const deal = (await newDeal()).body;
    const won = await server.call('POST', `/api/v1/deals/${deal.id}/win`, { as: seller, body: {} });
    expect(won.body).toMatchObject({ status: 'won', probability: 100, wonValue: { amountMinor: 1250000, currency: 'CZK' } });
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/lose`, { as: seller, body: { reason: 'x' } })).status).toBe(409);
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/win`, { as: seller, body: {} })).status).toBe(409);
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/stage`, { as: seller, body: { stage: 'close' } })).status).toBe(409);
    const reopened = await server.call('POST', `/api/v1/deals/${deal.id}/reopen`, { as: seller, body: {} });
    expect(reopened.body).toMatchObject({ status: 'open', wonValue: null, closeDate: null });
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/reopen`, { as: seller, body: {} })).status).toBe(409);
    const lost = await server.call('POST', `/api/v1/deals/${deal.id}/lose`, { as: seller, body: { reason: 'Price' } });
    expect(lost.body).toMatchObject({ status: 'lost', lostReason: 'Price', probability: 0 });
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/lose`, { as: seller, body: {} })).status).toBe(400);
  });

  it.each([
    ['a negative value', { estimatedValue: { amountMinor: -5, currency: 'CZK' } }, 'estimatedValue.amountMinor'],
    ['a non-integer value', { estimatedValue: { amountMinor: 10.5, currency: 'CZK' } }, 'estimatedValue.amountMinor'],
    ['a currency that is not ISO 4217', { estimatedValue: { amountMinor: 10, currency: 'XYZ' } }, 'estimatedValue.currency'],
    ['a probability over 100', { probability: 101 }, 'probability'],
    ['a probability under 0', { probability: -1 }, 'probability'],
    ['a close date that is not a date', { expectedCloseDate: '31.1.2027' }, 'expectedCloseDate'],
    ['an unknown field', { colour: 'red' }, 'colour'],
    ['an unknown source', { source: 'tv' }, 'source'],
  ])('when a deal has %s, then 400 names the field', async (_l, extra, path) => {
    const res = await newDeal(extra);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it('when the stage is unknown, the client deleted or missing, or the contact from another client, then 422 and no deal', async () => {
    const before = (await server.call('GET', '/api/v1/deals?view=all&limit=200', { as: manager })).body.totals.count;
    expect((await newDeal({ stage: 'nowhere' })).status).toBe(422);
    expect((await newDeal({ clientId: crypto.randomUUID() })).status).toBe(422);
    const gone = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Gone' } })).body.id;
    await server.call('DELETE', `/api/v1/clients/${gone}`, { as: seller });
    expect((await newDeal({ clientId: gone })).status).toBe(422);
    const other = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Other' } })).body.id;
    const foreignContact = (await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId: other, firstName: 'A', lastName: 'B' } })).body.id;
    const res = await newDeal({ contactId: foreignContact });
    expect(res.status).toBe(422);
    expect(res.body.errors[0].path).toBe('contactId');
    expect((await server.call('GET', '/api/v1/deals?view=all&limit=200', { as: manager })).body.totals.count).toBe(before);
  });

  it("when the contact belongs to the client's parent, then it may be on the deal", async () => {
    const child = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Dvořák servis', parentId: clientId } })).body.id;
    const res = await newDeal({ clientId: child, contactId });
    expect(res.status).toBe(201);
  });

  it('when If-Match is stale, then 412 and nothing changes', async () => {
    const deal = (await newDeal()).body;
    await server.call('PATCH', `/api/v1/deals/${deal.id}`, { as: seller, body: { nextStep: 'Call' }, headers: { 'if-match': '"1"' } });
    const stale = await server.call('PATCH', `/api/v1/deals/${deal.id}`, { as: seller, body: { nextStep: 'Email' }, headers: { 'if-match': '"1"' } });
    expect(stale.status).toBe(412);
    expect((await server.call('GET', `/api/v1/deals/${deal.id}`, { as: seller })).body.nextStep).toBe('Call');
  });

  it("when a User changes someone else's deal, then 403; a Reader cannot create", async () => {
    const deal = (await newDeal({}, otherSeller)).body;
    expect((await server.call('PATCH', `/api/v1/deals/${deal.id}`, { as: seller, body: { title: 'Mine now' } })).status).toBe(403);
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/win`, { as: seller, body: {} })).status).toBe(403);
    expect((await server.call('PATCH', `/api/v1/deals/${deal.id}`, { as: manager, body: { title: 'Fine' } })).status).toBe(200);
    expect((await newDeal({}, reader)).status).toBe(403);
  });
});

describe('deal views', () => {
  it('when listing views, then filters, sorting, paging and totals per currency agree', async () => {
    const t = newUser(['Manager']);
    const client = (await server.call('POST', '/api/v1/clients', { as: t, body: { kind: 'company', name: 'Views s.r.o.' } })).body.id;
    const mk = (title: string, amountMinor: number, currency: string, date: string) =>
      server.call('POST', '/api/v1/deals', { as: t, body: { clientId: client, title, estimatedValue: { amountMinor, currency }, expectedCloseDate: date } });
    const a = (await mk('A', 100_000, 'CZK', '2027-03-01')).body;
    await mk('B', 300_000, 'CZK', '2027-01-01');
    await mk('C', 50_000, 'EUR', '2027-02-01');
    const d = (await mk('D', 999_000, 'PLN', '2027-04-01')).body;
    await server.call('POST', `/api/v1/deals/${d.id}/win`, { as: t, body: {} });

    const open = (await server.call('GET', '/api/v1/deals?view=open', { as: t })).body;
    expect(open.items.map((x: { title: string }) => x.title)).toEqual(['B', 'C', 'A']);
    expect(open.totals.count).toBe(3);
    expect(open.totals.byCurrency).toEqual(
      expect.arrayContaining([
        { currency: 'CZK', amountMinor: 400_000, weightedMinor: 40_000 },
        { currency: 'EUR', amountMinor: 50_000, weightedMinor: 5_000 },
      ]),
    );
    const byValue = (await server.call('GET', '/api/v1/deals?view=open&sort=value', { as: t })).body.items.map((x: { title: string }) => x.title);
    expect(byValue).toEqual(['B', 'A', 'C']);
    const page1 = (await server.call('GET', '/api/v1/deals?view=open&limit=2', { as: t })).body;
    const page2 = (await server.call('GET', `/api/v1/deals?view=open&limit=2&cursor=${page1.nextCursor}`, { as: t })).body;
    expect([...page1.items, ...page2.items].map((x: { title: string }) => x.title)).toEqual(['B', 'C', 'A']);
    expect(page2.nextCursor).toBeNull();
    expect((await server.call('GET', '/api/v1/deals?view=won', { as: t })).body.items.map((x: { title: string }) => x.title)).toEqual(['D']);
    expect((await server.call('GET', '/api/v1/deals?view=mine', { as: t })).body.totals.count).toBe(3);
    expect((await server.call('GET', '/api/v1/deals?view=all&valueMin=200000', { as: t })).body.items.map((x: { title: string }) => x.title)).toEqual(['B', 'D']);
    expect((await server.call('GET', '/api/v1/deals?view=open&closeFrom=2027-02-01&closeTo=2027-02-28', { as: t })).body.items.map((x: { title: string }) => x.title)).toEqual(['C']);
    expect((await server.call('GET', `/api/v1/deals?view=open&stage=qualify&clientId=${client}`, { as: t })).body.totals.count).toBe(3);
    // Inactive: nothing happened for 30 days. Fresh deals are active; a note on A keeps it so.
    expect((await server.call('GET', '/api/v1/deals?view=inactive', { as: t })).body.totals.count).toBe(0);
    await server.call('POST', '/api/v1/activities', { as: t, body: { type: 'note', subject: 'Talked', clientId: client, dealId: a.id } });
    expect((await server.call('GET', `/api/v1/deals/${a.id}`, { as: t })).body.lastActivityAt).not.toBeNull();
    // Deals without a close date or a value come last (by creation); paging crosses over to them.
    // Every deal has a last activity: its creation is on its timeline.
    await server.call('POST', '/api/v1/deals', { as: t, body: { clientId: client, title: 'E' } });
    await server.call('POST', '/api/v1/deals', { as: t, body: { clientId: client, title: 'F' } });
    for (const [sort, expected] of [['expectedClose', ['B', 'C', 'A', 'E', 'F']], ['value', ['B', 'A', 'C', 'F', 'E']], ['lastActivity', ['F', 'E', 'A', 'C', 'B']]] as const) {
      const seen: string[] = [];
      let cursor: string | null = '';
      while (cursor !== null) {
        const page: { items: { title: string }[]; nextCursor: string | null } = (await server.call('GET', `/api/v1/deals?view=open&sort=${sort}&limit=1${cursor ? `&cursor=${cursor}` : ''}`, { as: t })).body;
        seen.push(...page.items.map((x: { title: string }) => x.title));
        cursor = page.nextCursor;
      }
      expect(seen, sort).toEqual(expected);
    }
    for (const qs of ['view=nope', 'sort=price', 'valueMin=-1', 'closeFrom=yesterday', 'limit=0', 'stage=BAD KEY']) {
      expect((await server.call('GET', `/api/v1/deals?${qs}`, { as: t })).status, qs).toBe(400);
    }
  });
});

describe('deals across tenants', () => {
  it('when another tenant reads, changes, moves or lists our deals, then 404 or nothing', async () => {
    const deal = (await newDeal()).body;
    expect((await server.call('GET', `/api/v1/deals/${deal.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/deals/${deal.id}`, { as: outsider, body: { title: 'x' } })).status).toBe(404);
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/stage`, { as: outsider, body: { stage: 'develop' } })).status).toBe(404);
    expect((await server.call('POST', `/api/v1/deals/${deal.id}/win`, { as: outsider, body: {} })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/deals/${deal.id}/timeline`, { as: outsider })).status).toBe(404);
    expect((await server.call('DELETE', `/api/v1/deals/${deal.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('POST', '/api/v1/deals', { as: outsider, body: { clientId, title: 'Steal' } })).status).toBe(422);
    expect((await server.call('GET', `/api/v1/deals?view=all&clientId=${clientId}`, { as: outsider })).body.totals.count).toBe(0);
    expect((await server.call('GET', '/api/v1/search?q=ocelova', { as: outsider })).body.deals).toEqual([]);
    expect((await server.call('GET', '/api/v1/search?q=ocelova', { as: seller })).body.deals.length).toBeGreaterThan(0);
    expect((await server.call('GET', `/api/v1/deals/${deal.id}`, { as: seller })).body.stage).toBe('qualify');
  });
});
