import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';

let server: TestServer;
const tenant = crypto.randomUUID();
const seller = newUser(['User'], tenant);
const colleague = newUser(['User'], tenant);
const manager = newUser(['Manager'], tenant);
const reader = newUser(['Reader'], tenant);
const outsider = newUser(['Admin']);
let clientId: string;
let otherClientId: string;
let dealId: string;

beforeAll(async () => {
  server = await startTestServer();
  clientId = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Ștefănescu Logistică' } })).body.id;
  otherClientId = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Other' } })).body.id;
  dealId = (await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId, title: 'Flotă' } })).body.id;
});
afterAll(async () => {
  await server?.stop();
});

const log = (body: Record<string, unknown>, as = seller) => server.call('POST', '/api/v1/activities', { as, body: { clientId, ...body } });
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();

describe('activities', () => {
  it('when a note, a call and a task are logged, then the timeline shows them newest first with who did it', async () => {
    await log({ type: 'note', subject: 'First note', occurredAt: hours(-3) });
    await log({ type: 'call', subject: 'Called', callDirection: 'outbound', callDurationSeconds: 300, callOutcome: 'Interested', dealId, occurredAt: hours(-2) });
    await log({ type: 'task', subject: 'Send offer', dueAt: hours(24), reminderAt: hours(20), priority: 'high' });
    const tl = await server.call('GET', `/api/v1/clients/${clientId}/timeline`, { as: reader });
    const subjects = tl.body.items.map((a: { subject: string }) => a.subject);
    expect(subjects.indexOf('Send offer')).toBeLessThan(subjects.indexOf('Called'));
    expect(subjects.indexOf('Called')).toBeLessThan(subjects.indexOf('First note'));
    expect(tl.body.items.find((a: { subject: string }) => a.subject === 'Called')).toMatchObject({ createdByName: seller.name, callDurationSeconds: 300 });
    const calls = await server.call('GET', `/api/v1/clients/${clientId}/timeline?type=call`, { as: reader });
    expect(calls.body.items.map((a: { type: string }) => a.type)).toEqual(['call']);
    const dealTl = await server.call('GET', `/api/v1/deals/${dealId}/timeline`, { as: reader });
    expect(dealTl.body.items.map((a: { subject: string }) => a.subject)).toContain('Called');
  });

  it('when the timeline is paged, then each entry comes exactly once', async () => {
    const c = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Paging' } })).body.id;
    const at = new Date().toISOString();
    for (let i = 0; i < 7; i++) await server.call('POST', '/api/v1/activities', { as: seller, body: { clientId: c, type: 'note', subject: `n${i}`, occurredAt: at } });
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { subject: string }[]; nextCursor: string | null } } = await server.call('GET', `/api/v1/clients/${c}/timeline?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { as: seller });
      seen.push(...page.body.items.map((a) => a.subject));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen.sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
  });

  it('when I ask for my tasks by due window, then overdue, today and this week come right, and Done completes one', async () => {
    const me = newUser(['User'], tenant);
    const overdue = (await log({ type: 'task', subject: 'Overdue', dueAt: hours(-30) }, me)).body;
    await log({ type: 'task', subject: 'Later', dueAt: hours(24 * 5) }, me);
    await log({ type: 'task', subject: 'Not mine', dueAt: hours(-30), assigneeId: undefined }, colleague);
    const mine = async (due: string) => (await server.call('GET', `/api/v1/activities?assignee=me&due=${due}`, { as: me })).body.items.map((a: { subject: string }) => a.subject);
    expect(await mine('overdue')).toEqual(['Overdue']);
    expect(await mine('week')).toContain('Later');
    const done = await server.call('POST', `/api/v1/activities/${overdue.id}/complete`, { as: me });
    expect(done.body.completedAt).not.toBeNull();
    expect(await mine('overdue')).toEqual([]);
  });

  it.each([
    ['a reminder after the due date', { type: 'task', subject: 'x', dueAt: hours(1), reminderAt: hours(2) }, 'reminderAt'],
    ['a deal of another client', { type: 'note', subject: 'x', clientId: 'OTHER', dealId: 'DEAL' }, 'dealId'],
    ['call details on a note', { type: 'note', subject: 'x', callDirection: 'inbound' }, 'callDirection'],
    ['a due date on a note', { type: 'note', subject: 'x', dueAt: hours(1) }, 'dueAt'],
    ['an unknown assignee', { type: 'task', subject: 'x', assigneeId: '01900000-0000-7000-8000-000000000000' }, 'assigneeId'],
  ] as [string, Record<string, unknown>, string][])('when an activity has %s, then 422 on the field and nothing is written', async (_l, input, path) => {
    const body = { ...input, clientId: input.clientId === 'OTHER' ? otherClientId : clientId, dealId: input.dealId === 'DEAL' ? dealId : input.dealId };
    const before = (await server.call('GET', `/api/v1/clients/${String(body.clientId)}/timeline?limit=200`, { as: seller })).body.items.length;
    const res = await server.call('POST', '/api/v1/activities', { as: seller, body });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await server.call('GET', `/api/v1/clients/${String(body.clientId)}/timeline?limit=200`, { as: seller })).body.items.length).toBe(before);
  });

  it.each([
    ['a type people cannot log', { type: 'system', subject: 'x' }, 'type'],
    ['a time that is not ISO 8601', { type: 'task', subject: 'x', dueAt: 'tomorrow' }, 'dueAt'],
    ['an empty subject', { type: 'note', subject: '' }, 'subject'],
  ])('when an activity has %s, then 400 on the field', async (_l, input, path) => {
    const res = await log(input);
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
  });

  it("when someone changes another person's activity or a system entry, then 403 / 409", async () => {
    const note = (await log({ type: 'note', subject: 'Mine' })).body;
    expect((await server.call('PATCH', `/api/v1/activities/${note.id}`, { as: colleague, body: { subject: 'Theirs' } })).status).toBe(403);
    expect((await server.call('PATCH', `/api/v1/activities/${note.id}`, { as: manager, body: { subject: 'Edited' } })).status).toBe(200);
    expect((await log({ type: 'note', subject: 'x' }, reader)).status).toBe(403);
    const system = (await server.call('GET', `/api/v1/deals/${dealId}/timeline?type=system`, { as: seller })).body.items[0];
    expect((await server.call('DELETE', `/api/v1/activities/${system.id}`, { as: manager })).status).toBe(409);
  });

  it('when another tenant reads, logs or completes, then 404 / 422 and nothing leaks', async () => {
    const task = (await log({ type: 'task', subject: 'Secret task', dueAt: hours(1) })).body;
    expect((await server.call('GET', `/api/v1/activities/${task.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('POST', `/api/v1/activities/${task.id}/complete`, { as: outsider })).status).toBe(404);
    expect((await server.call('PATCH', `/api/v1/activities/${task.id}`, { as: outsider, body: { subject: 'x' } })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/clients/${clientId}/timeline`, { as: outsider })).status).toBe(404);
    expect((await server.call('POST', '/api/v1/activities', { as: outsider, body: { type: 'note', subject: 'x', clientId } })).status).toBe(422);
    expect((await server.call('GET', `/api/v1/activities?clientId=${clientId}`, { as: outsider })).body.items).toEqual([]);
    expect((await server.call('GET', `/api/v1/activities/${task.id}`, { as: seller })).body.completedAt).toBeNull();
  });
});

describe('client summary and reports', () => {
  it('when a client has deals and tasks, then the summary adds them up', async () => {
    const c = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Summary' } })).body.id;
    await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId: c, firstName: 'Ana', lastName: 'Pop' } });
    await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId: c, title: 'A', estimatedValue: { amountMinor: 1000, currency: 'RON' } } });
    const won = (await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId: c, title: 'B', estimatedValue: { amountMinor: 500, currency: 'RON' } } })).body;
    await server.call('POST', `/api/v1/deals/${won.id}/win`, { as: seller, body: {} });
    await server.call('POST', '/api/v1/activities', { as: seller, body: { clientId: c, type: 'task', subject: 'Next', dueAt: hours(5) } });
    const s = (await server.call('GET', `/api/v1/clients/${c}/summary`, { as: reader })).body;
    expect(s).toMatchObject({ openDeals: { count: 1, value: [{ currency: 'RON', amountMinor: 1000 }] }, wonThisYear: [{ currency: 'RON', amountMinor: 500 }], nextTask: { subject: 'Next' }, primaryContact: { name: 'Ana Pop' } });
    expect(s.lastActivityAt).not.toBeNull();
    expect((await server.call('GET', `/api/v1/clients/${c}/summary`, { as: outsider })).status).toBe(404);
  });

  it('when a User asks for the team pipeline, then 403; a Manager gets stages and months', async () => {
    expect((await server.call('GET', '/api/v1/reports/pipeline?scope=team', { as: seller })).status).toBe(403);
    const mine = (await server.call('GET', '/api/v1/reports/pipeline', { as: seller })).body;
    expect(mine.byStage.length).toBeGreaterThan(0);
    const team = (await server.call('GET', '/api/v1/reports/pipeline?scope=team', { as: manager })).body;
    expect(team.byStage.reduce((n: number, b: { count: number }) => n + b.count, 0)).toBeGreaterThanOrEqual(mine.byStage.reduce((n: number, b: { count: number }) => n + b.count, 0));
    const today = new Date().toISOString().slice(0, 10);
    const act = await server.call('GET', `/api/v1/reports/activity?from=2026-01-01&to=${today}`, { as: manager });
    expect(act.body.items.some((r: { type: string; count: number }) => r.type === 'note' && r.count > 0)).toBe(true);
    expect((await server.call('GET', '/api/v1/reports/activity?from=2027-01-01&to=2026-01-01', { as: manager })).status).toBe(400);
    expect((await server.call('GET', `/api/v1/reports/activity?from=2026-01-01&to=${today}`, { as: seller })).status).toBe(403);
    expect((await server.call('GET', '/api/v1/reports/pipeline?scope=team', { as: outsider })).body.byStage).toEqual([]);
  });
});
