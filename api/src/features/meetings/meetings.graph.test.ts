import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';
import { startGraphStandin, type GraphStandin } from '../../../../test/standins/graph/graph-standin.js';
import { clientWithContact, inOneHour, meetingsApiCases } from './meetings.cases.js';
import { runMeetingSyncOnce } from './meetings-sync-job.js';
import { outlookCalendar } from './outlook-calendar.js';
import { graphRuntime } from '../../graph/graph-runtime.js';

let standin: GraphStandin;
let server: TestServer;
const user = newUser(['User']);

beforeAll(async () => {
  standin = await startGraphStandin();
  server = await startTestServer({
    GRAPH_CLIENT_ID: randomUUID(),
    AAD_CLIENT_SECRET: 'test-secret',
    AAD_AUTHORITY_HOST: standin.url,
    GRAPH_BASE_URL: standin.url,
    DOCUMENTS_STORE: 'local',
    MEETINGS_STORE: 'graph',
  });
});
afterEach(() => {
  standin.clearFaults();
  standin.refuseConsent(false);
  expect(standin.requests.filter((r) => !r.authorized)).toEqual([]);
});
afterAll(async () => {
  await server?.stop();
  await standin?.stop();
});

const schedule = async (clientId: string, extra: object = {}) =>
  server.call('POST', '/api/v1/meetings', { as: user, body: { clientId, subject: 'Pricing talk', start: inOneHour(), end: inOneHour(2), timeZone: 'Europe/Warsaw', ...extra } });
const timeline = async (clientId: string) => (await server.call('GET', `/api/v1/clients/${clientId}/timeline`, { as: user })).body.items as { type: string; event: string | null; meetingId: string | null; subject: string; occurredAt: string; body: string | null }[];

describe('meetings as Outlook events with Teams links (Graph stand-in)', () => {
  meetingsApiCases(() => ({ server, user }));

  it('when a meeting is scheduled, then Graph gets POST /me/events as a Teams meeting and the CRM keeps the event id, iCalUId and join link', async () => {
    const { client, contact } = await clientWithContact(server, user);
    const res = await schedule(client.id, { attendees: [{ email: contact.email }], body: 'Bring the price list' });
    expect(res.status).toBe(201);
    const event = standin.events.get(res.body.eventId)!;
    expect(event).toMatchObject({ ownerOid: user.userId, subject: 'Pricing talk', isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' });
    expect(event.start).toEqual({ dateTime: inOneHour().replace('Z', ''), timeZone: 'UTC' });
    expect(event.attendees).toEqual([{ emailAddress: { address: contact.email, name: 'Ana Ionescu' }, type: 'required' }]);
    expect(res.body).toMatchObject({ provider: 'graph', iCalUId: event.iCalUId, joinUrl: event.joinUrl });
    expect(res.body.joinUrl).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
    expect((await timeline(client.id))[0]!.body).toContain(event.joinUrl!);
  });

  it('when a meeting is moved and then cancelled in the CRM, then Outlook gets the PATCH and the cancellation', async () => {
    const { client } = await clientWithContact(server, user);
    const created = (await schedule(client.id)).body;
    await server.call('PATCH', `/api/v1/meetings/${created.id}`, { as: user, body: { start: inOneHour(3), end: inOneHour(4) } });
    expect(standin.events.get(created.eventId)!.start.dateTime).toBe(inOneHour(3).replace('Z', ''));
    expect((await server.call('DELETE', `/api/v1/meetings/${created.id}`, { as: user })).status).toBe(204);
    expect(standin.events.get(created.eventId)!.isCancelled).toBe(true);
  });

  it('when a meeting is moved in Outlook, then the sync moves it and its timeline entry, and says so', async () => {
    const { client } = await clientWithContact(server, user);
    const created = (await schedule(client.id)).body;
    const event = standin.events.get(created.eventId)!;
    event.start = { dateTime: inOneHour(48).replace('Z', ''), timeZone: 'UTC' };
    event.end = { dateTime: inOneHour(49).replace('Z', ''), timeZone: 'UTC' };
    const sync = await server.call('POST', '/api/v1/meetings/sync', { as: user });
    expect(sync.body).toMatchObject({ moved: 1, cancelled: 0 });
    expect((await server.call('GET', `/api/v1/meetings/${created.id}`, { as: user })).body).toMatchObject({ start: inOneHour(48), end: inOneHour(49) });
    const entries = await timeline(client.id);
    expect(entries.find((e) => e.type === 'meeting')!.occurredAt).toBe(inOneHour(48));
    expect(entries.some((e) => e.event === 'meeting-moved' && e.subject.includes('moved in Outlook'))).toBe(true);
    expect(standin.tokenRequests.at(-1)?.grantType).toBe('client_credentials');
  });

  it('when a meeting is deleted in Outlook, then the background sync marks it cancelled on the timeline', async () => {
    const { client } = await clientWithContact(server, user);
    const created = (await schedule(client.id)).body;
    standin.events.get(created.eventId)!.deleted = true;
    const runtime = graphRuntime(server.config.graph);
    await runMeetingSyncOnce(server.database, { calendar: outlookCalendar(runtime.graph!) }, server.logger, 'test-instance', 60_000);
    expect((await server.call('GET', `/api/v1/meetings/${created.id}`, { as: user })).body.status).toBe('cancelled');
    expect((await timeline(client.id)).some((e) => e.event === 'meeting-cancelled' && e.subject.includes('cancelled in Outlook'))).toBe(true);
  });

  it('when another instance holds the sync lease, then this one skips the tenant', async () => {
    const { client } = await clientWithContact(server, user);
    const created = (await schedule(client.id)).body;
    const runtime = graphRuntime(server.config.graph);
    const deps = { calendar: outlookCalendar(runtime.graph!) };
    await runMeetingSyncOnce(server.database, deps, server.logger, 'instance-a', 60_000);
    standin.events.get(created.eventId)!.deleted = true;
    await runMeetingSyncOnce(server.database, deps, server.logger, 'instance-b', 60_000);
    expect((await server.call('GET', `/api/v1/meetings/${created.id}`, { as: user })).body.status).toBe('scheduled');
  });

  it('when Graph is busy beyond the retries, then 503 with Retry-After and no meeting is recorded', async () => {
    const { client } = await clientWithContact(server, user);
    standin.fail({ status: 429, retryAfter: 0, times: 10, match: (m, p) => m === 'POST' && p === '/me/events' });
    const res = await schedule(client.id);
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('1');
    expect((await server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: user })).body.items).toEqual([]);
    expect(await timeline(client.id)).toEqual([]);
  });

  it('when the person has not consented to calendar access, then 403 consent-required and nothing is recorded', async () => {
    const { client } = await clientWithContact(server, user);
    const newcomer = newUser(['User'], user.tenantId);
    standin.refuseConsent(true);
    const res = await server.call('POST', '/api/v1/meetings', { as: newcomer, body: { clientId: client.id, subject: 'x', start: inOneHour(), end: inOneHour(2) } });
    expect(res.status).toBe(403);
    expect(res.body.type).toBe('/problems/consent-required');
    expect((await server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: user })).body.items).toEqual([]);
  });
});
