import { expect, it } from 'vitest';
import { newUser, type TestServer, type TestUser } from '../../../../test/support/server.js';

export async function clientWithContact(server: TestServer, as: TestUser, name = 'Ionescu Logistică SRL') {
  const client = (await server.call('POST', '/api/v1/clients', { as, body: { kind: 'company', name } })).body as { id: string };
  const contact = (await server.call('POST', `/api/v1/clients/${client.id}/contacts`, { as, body: { firstName: 'Ana', lastName: 'Ionescu', email: `ana.${client.id.slice(-6)}@ionescu.example` } })).body as { id: string; email: string };
  return { client, contact };
}

export const inOneHour = (hours = 1) => new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + hours * 3_600_000).toISOString();

const timeline = async (server: TestServer, as: TestUser, clientId: string) =>
  (await server.call('GET', `/api/v1/clients/${clientId}/timeline`, { as })).body.items as { type: string; event: string | null; meetingId: string | null; subject: string; occurredAt: string; body: string | null }[];

/** The meetings API, the same whether meetings live in Outlook (Graph stand-in) or in the CRM only. */
export function meetingsApiCases(get: () => { server: TestServer; user: TestUser }) {
  it('when a meeting is scheduled with a contact and a colleague, then 201 and it is on the client timeline as a meeting', async () => {
    const { server, user } = get();
    const { client, contact } = await clientWithContact(server, user);
    const colleague = newUser(['User'], user.tenantId);
    await server.call('GET', '/api/v1/me', { as: colleague }); // signs in once, so the CRM knows them
    const res = await server.call('POST', '/api/v1/meetings', {
      as: user,
      body: { clientId: client.id, subject: 'Quarterly review', start: inOneHour(), end: inOneHour(2), timeZone: 'Europe/Bucharest', attendees: [{ email: contact.email }, { email: colleague.email.toUpperCase(), name: 'Colleague' }], body: 'Agenda: prices' },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ clientId: client.id, subject: 'Quarterly review', status: 'scheduled', timeZone: 'Europe/Bucharest', start: inOneHour() });
    expect(res.body.attendees).toEqual([
      { email: contact.email, name: 'Ana Ionescu', contactId: contact.id, userId: null },
      { email: colleague.email, name: 'Colleague', contactId: null, userId: expect.any(String) },
    ]);
    const entries = await timeline(server, user, client.id);
    expect(entries).toEqual([expect.objectContaining({ type: 'meeting', event: 'meeting-scheduled', meetingId: res.body.id, subject: 'Quarterly review', occurredAt: inOneHour() })]);
    const list = await server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: user });
    expect(list.body.items.map((m: { id: string }) => m.id)).toEqual([res.body.id]);
  });

  it('when a meeting is moved, then its timeline entry moves and a "moved" line is added', async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const created = (await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: 'Demo', start: inOneHour(), end: inOneHour(2) } })).body;
    const moved = await server.call('PATCH', `/api/v1/meetings/${created.id}`, { as: user, body: { start: inOneHour(24), end: inOneHour(25) }, headers: { 'if-match': `"${created.version}"` } });
    expect(moved.status).toBe(200);
    expect(moved.body.start).toBe(inOneHour(24));
    const entries = await timeline(server, user, client.id);
    expect(entries.find((e) => e.type === 'meeting')!.occurredAt).toBe(inOneHour(24));
    expect(entries.some((e) => e.event === 'meeting-moved' && e.meetingId === created.id)).toBe(true);
  });

  it('when a meeting is cancelled, then it is marked cancelled, the entry says so, and it cannot be moved any more', async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const created = (await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: 'Visit', start: inOneHour(), end: inOneHour(2) } })).body;
    const cancelled = await server.call('POST', `/api/v1/meetings/${created.id}/cancel`, { as: user, body: { comment: 'Client is ill' } });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    const entries = await timeline(server, user, client.id);
    expect(entries.find((e) => e.type === 'meeting')!.subject).toBe('Cancelled: Visit');
    expect(entries.some((e) => e.event === 'meeting-cancelled')).toBe(true);
    expect((await server.call('PATCH', `/api/v1/meetings/${created.id}`, { as: user, body: { subject: 'Again' } })).status).toBe(409);
  });

  it('when the .ics is downloaded, then it is an iCalendar event in UTC with the attendees', async () => {
    const { server, user } = get();
    const { client, contact } = await clientWithContact(server, user);
    const created = (await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: 'Kick-off; phase 1', start: '2030-03-04T09:00:00+01:00', end: '2030-03-04T10:30:00+01:00', timeZone: 'Europe/Prague', attendees: [{ email: contact.email }] } })).body;
    const res = await server.call('GET', `/api/v1/meetings/${created.id}.ics`, { as: user });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/calendar');
    const raw = res.body as string;
    const ics = raw.replace(/\r\n /g, ''); // unfolded, as calendar apps read it
    expect(ics).toContain('BEGIN:VEVENT');
    expect(ics).toContain('DTSTART:20300304T080000Z');
    expect(ics).toContain('DTEND:20300304T093000Z');
    expect(ics).toContain('SUMMARY:Kick-off\\; phase 1');
    expect(ics).toContain(`mailto:${contact.email}`);
    expect(raw.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
  });

  it('when a meeting ends before it starts, then 422 on end and nothing is written', async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const res = await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: 'Backwards', start: inOneHour(2), end: inOneHour(1) } });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual([{ path: 'end', message: expect.any(String) }]);
    expect((await server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: user })).body.items).toEqual([]);
    expect(await timeline(server, user, client.id)).toEqual([]);
  });

  it("when an attendee is neither this client's contact nor a user, then 422 on that attendee and nothing is written", async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const { contact: otherContact } = await clientWithContact(server, user, 'Another client');
    const res = await server.call('POST', '/api/v1/meetings', {
      as: user,
      body: { clientId: client.id, subject: 'Leak', start: inOneHour(), end: inOneHour(2), attendees: [{ email: 'stranger@example.com' }, { email: otherContact.email }] },
    });
    expect(res.status).toBe(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['attendees.0.email', 'attendees.1.email']);
    expect((await server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: user })).body.items).toEqual([]);
  });

  it('when the body is invalid, then 400 with the fields', async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const res = await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: '', start: 'tomorrow', end: inOneHour(), timeZone: 'Mars/Olympus', attendees: [{ email: 'not-an-email' }], colour: 'red' } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['attendees.0.email', 'colour', 'start', 'subject', 'timeZone']);
  });

  it("when another tenant reads, moves, cancels or schedules on this tenant's records, then 404 or 422 and nothing changes", async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const created = (await server.call('POST', '/api/v1/meetings', { as: user, body: { clientId: client.id, subject: 'Private', start: inOneHour(), end: inOneHour(2) } })).body;
    const intruder = newUser(['Admin']);
    for (const [method, url, body] of [
      ['GET', `/api/v1/meetings/${created.id}`],
      ['GET', `/api/v1/meetings/${created.id}.ics`],
      ['PATCH', `/api/v1/meetings/${created.id}`, { subject: 'Hijacked' }],
      ['POST', `/api/v1/meetings/${created.id}/cancel`, {}],
      ['DELETE', `/api/v1/meetings/${created.id}`],
      ['GET', `/api/v1/clients/${client.id}/meetings`],
    ] as const) {
      expect((await server.call(method, url, { as: intruder, body })).status).toBe(404);
    }
    const planted = await server.call('POST', '/api/v1/meetings', { as: intruder, body: { clientId: client.id, subject: 'Planted', start: inOneHour(), end: inOneHour(2) } });
    expect(planted.status).toBe(422);
    expect(planted.body.errors[0].path).toBe('clientId');
    const after = (await server.call('GET', `/api/v1/meetings/${created.id}`, { as: user })).body;
    expect(after).toMatchObject({ subject: 'Private', status: 'scheduled', version: created.version });
  });

  it('when a Reader schedules, then 403', async () => {
    const { server, user } = get();
    const { client } = await clientWithContact(server, user);
    const reader = newUser(['Reader'], user.tenantId);
    expect((await server.call('POST', '/api/v1/meetings', { as: reader, body: { clientId: client.id, subject: 'No', start: inOneHour(), end: inOneHour(2) } })).status).toBe(403);
  });
}
