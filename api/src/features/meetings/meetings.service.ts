import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import { decodeCursor, toPage, type Page } from '../../http/pagination.js';
import type { GraphIdentity } from '../../graph/graph-tokens.js';
import type { CrmUser } from '../users/users.repository.js';
import { findUser } from '../users/users.repository.js';
import { findClient } from '../clients/clients.repository.js';
import { findDeal } from '../deals/deals.repository.js';
import { recordSystemEvent } from '../activities/activities.service.js';
import { findActivity, updateActivity } from '../activities/activities.repository.js';
import type { OutlookCalendar, OutlookEvent } from './outlook-calendar.js';
import { icsFor } from './ics.js';
import * as repo from './meetings.repository.js';
import type { Meeting, MeetingCreate, MeetingListQuery, MeetingSyncResult, MeetingUpdate } from './meetings.schemas.js';

/** The signed-in person, with their API token when Graph should act on their behalf. */
export type MeetingActor = CrmUser & { bearer?: string };

/** Outlook through Graph in Microsoft 365 mode; null keeps meetings in the CRM only (embedded). */
export interface MeetingsDeps {
  calendar: OutlookCalendar | null;
}

type Attendee = Meeting['attendees'][number];

export function toMeeting(row: repo.MeetingRow): Meeting {
  return {
    id: row.id,
    clientId: row.client_id,
    dealId: row.deal_id,
    subject: row.subject,
    body: row.body,
    start: row.start_at,
    end: row.end_at,
    timeZone: row.time_zone,
    attendees: JSON.parse(row.attendees) as Attendee[],
    online: Boolean(row.online),
    status: row.status,
    provider: row.provider,
    organizerId: row.organizer_id,
    eventId: row.event_id,
    iCalUId: row.ical_uid,
    joinUrl: row.join_url,
    webLink: row.web_link,
    activityId: row.activity_id,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

const identityOf = (actor: MeetingActor): GraphIdentity =>
  actor.bearer ? { kind: 'user', tenantId: actor.tenantId, oid: actor.oid, assertion: actor.bearer } : { kind: 'app', tenantId: actor.tenantId };
const iso = (value: string) => new Date(value).toISOString();

export async function getMeeting(scope: TenantScope, id: string): Promise<Meeting> {
  const row = await repo.findMeeting(scope, id);
  if (!row) throw notFound('The meeting');
  return toMeeting(row);
}

export async function meetingsOfClient(scope: TenantScope, clientId: string, q: MeetingListQuery): Promise<Page<Meeting>> {
  if (!(await findClient(scope, clientId))) throw notFound('The client');
  const rows = await repo.meetingsOfClient(scope, clientId, q.limit, decodeCursor(q.cursor));
  return toPage(rows, q.limit, (r) => [r.start_at, r.id], toMeeting);
}

function checkTimes(start: string, end: string, errors: FieldError[]) {
  if (Date.parse(end) <= Date.parse(start)) errors.push({ path: 'end', message: 'The meeting must end after it starts' });
}

/** Attendees must be contacts of this client or people of this organization (422 on the entry otherwise). */
async function resolveAttendees(scope: TenantScope, clientId: string, input: { email: string; name?: string }[], errors: FieldError[]): Promise<Attendee[]> {
  const emails = [...new Set(input.map((a) => a.email.toLowerCase()))];
  const known = await repo.knownAttendees(scope, clientId, emails);
  return input.flatMap((a, i) => {
    const email = a.email.toLowerCase();
    const contact = known.contacts.find((c) => c.email?.toLowerCase() === email);
    const user = known.users.find((u) => u.email?.toLowerCase() === email);
    if (!contact && !user) {
      errors.push({ path: `attendees.${i}.email`, message: 'Not a contact of this client nor a user of your organization' });
      return [];
    }
    const name = a.name ?? (contact ? `${contact.first_name} ${contact.last_name}`.trim() : user!.display_name);
    return [{ email, name, contactId: contact?.id ?? null, userId: contact ? null : user!.id }];
  });
}

const timelineBody = (m: { joinUrl: string | null; attendees: Attendee[]; body: string | null }) =>
  [m.joinUrl ? `Join: ${m.joinUrl}` : null, m.attendees.length ? `With: ${m.attendees.map((a) => a.name ?? a.email).join(', ')}` : null, m.body].filter(Boolean).join('\n') || null;

/**
 * Schedules a meeting: an Outlook event with a Teams link in Microsoft 365 mode, a CRM-only
 * record in embedded mode; either way it shows on the client's timeline as a meeting.
 */
export async function createMeeting(scope: TenantScope, actor: MeetingActor, deps: MeetingsDeps, input: MeetingCreate): Promise<Meeting> {
  assertCan(actor, 'meeting.schedule');
  const errors: FieldError[] = [];
  const client = await findClient(scope, input.clientId);
  if (!client) throw new AppError('unprocessable', 'The client does not exist.', [{ path: 'clientId', message: 'No such client' }]);
  if (input.dealId) {
    const deal = await findDeal(scope, input.dealId);
    if (!deal || deal.client_id !== client.id) errors.push({ path: 'dealId', message: 'Must be a deal of this client' });
  }
  checkTimes(input.start, input.end, errors);
  const attendees = await resolveAttendees(scope, client.id, input.attendees, errors);
  if (errors.length) throw new AppError('unprocessable', 'The meeting cannot be scheduled as it is.', errors);

  const record = scope.newRecord();
  const start = iso(input.start);
  const end = iso(input.end);
  let event: OutlookEvent | null = null;
  if (deps.calendar) {
    event = await deps.calendar.create(identityOf(actor), actor.oid, { subject: input.subject, body: input.body ?? null, start, end, attendees, online: input.online, transactionId: record.id });
  }
  try {
    await scope.transaction(async (tx) => {
      const entry = await recordSystemEvent(tx, {
        type: 'meeting',
        event: 'meeting-scheduled',
        clientId: client.id,
        dealId: input.dealId ?? null,
        subject: input.subject,
        body: timelineBody({ joinUrl: event?.joinUrl ?? null, attendees, body: input.body ?? null }),
        meetingId: record.id,
        occurredAt: start,
      });
      await repo.insertMeeting(tx, {
        ...record,
        client_id: client.id,
        deal_id: input.dealId ?? null,
        subject: input.subject,
        body: input.body ?? null,
        start_at: start,
        end_at: end,
        time_zone: input.timeZone,
        attendees: JSON.stringify(attendees),
        online: input.online ? 1 : 0,
        status: 'scheduled',
        provider: event ? 'graph' : 'local',
        organizer_id: actor.id,
        organizer_oid: actor.oid,
        event_id: event?.id ?? null,
        ical_uid: event?.iCalUId ?? null,
        join_url: event?.joinUrl ?? null,
        web_link: event?.webLink ?? null,
        activity_id: entry.id,
        synced_at: event ? new Date().toISOString() : null,
      });
    });
  } catch (err) {
    // No CRM record: take the event back out of Outlook rather than leave it unknown to the CRM.
    if (event) await deps.calendar!.remove(identityOf(actor), actor.oid, event.id);
    throw err;
  }
  return getMeeting(scope, record.id);
}

async function changeable(scope: TenantScope, actor: MeetingActor, id: string, ifMatch: number | undefined) {
  const row = await repo.findMeeting(scope, id);
  if (!row) throw notFound('The meeting');
  assertCan(actor, 'record.update', row.organizer_id);
  if (ifMatch !== undefined && ifMatch !== row.version) throw new AppError('precondition-failed', 'The meeting was changed by someone else meanwhile.', undefined, { currentVersion: row.version });
  if (row.status === 'cancelled') throw new AppError('conflict', 'The meeting was cancelled.');
  return row;
}

/** Keeps the meeting's timeline entry at the meeting's time and adds a line saying what happened. */
async function noteOnTimeline(scope: TenantScope, row: repo.MeetingRow, change: { event: 'meeting-moved' | 'meeting-cancelled'; subject: string; start?: string; cancelled?: boolean }) {
  if (row.activity_id) {
    const entry = await findActivity(scope, row.activity_id);
    if (entry) {
      await updateActivity(scope, entry.id, { occurred_at: change.start ?? entry.occurred_at, subject: change.cancelled ? `Cancelled: ${row.subject}`.slice(0, 300) : entry.subject }, entry.version);
    }
  }
  await recordSystemEvent(scope, { event: change.event, clientId: row.client_id, dealId: row.deal_id, subject: change.subject, meetingId: row.id });
}

const when = (isoTime: string, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(isoTime));

export async function updateMeeting(scope: TenantScope, actor: MeetingActor, deps: MeetingsDeps, id: string, input: MeetingUpdate, ifMatch: number | undefined): Promise<Meeting> {
  const row = await changeable(scope, actor, id, ifMatch);
  const errors: FieldError[] = [];
  const start = input.start ? iso(input.start) : row.start_at;
  const end = input.end ? iso(input.end) : row.end_at;
  checkTimes(start, end, errors);
  const attendees = input.attendees ? await resolveAttendees(scope, row.client_id, input.attendees, errors) : undefined;
  if (errors.length) throw new AppError('unprocessable', 'The meeting cannot be changed like this.', errors);
  let event: OutlookEvent | null = null;
  if (row.provider === 'graph' && row.event_id) {
    if (!deps.calendar) throw new AppError('service-unavailable', 'Microsoft 365 is not configured, so Outlook meetings cannot be changed.', undefined, { retryAfter: 300 });
    event = await deps.calendar.update(identityOf(actor), row.organizer_oid, row.event_id, { subject: input.subject, body: input.body, start: input.start ? start : undefined, end: input.end ? end : undefined, attendees });
  }
  await scope.transaction(async (tx) => {
    const ok = await repo.updateMeeting(
      tx,
      id,
      {
        subject: input.subject ?? row.subject,
        body: input.body === undefined ? row.body : input.body,
        start_at: start,
        end_at: end,
        time_zone: input.timeZone ?? row.time_zone,
        attendees: attendees ? JSON.stringify(attendees) : row.attendees,
        join_url: event?.joinUrl ?? row.join_url,
        synced_at: event ? new Date().toISOString() : row.synced_at,
      },
      row.version,
    );
    if (!ok) throw new AppError('precondition-failed', 'The meeting was changed by someone else meanwhile.');
    if (start !== row.start_at || end !== row.end_at) {
      await noteOnTimeline(tx, row, { event: 'meeting-moved', subject: `Meeting "${row.subject}" moved to ${when(start, input.timeZone ?? row.time_zone)}`, start });
    }
  });
  return getMeeting(scope, id);
}

export async function cancelMeeting(scope: TenantScope, actor: MeetingActor, deps: MeetingsDeps, id: string, comment: string | null, ifMatch: number | undefined): Promise<Meeting> {
  const row = await changeable(scope, actor, id, ifMatch);
  if (row.provider === 'graph' && row.event_id) {
    if (!deps.calendar) throw new AppError('service-unavailable', 'Microsoft 365 is not configured, so Outlook meetings cannot be cancelled.', undefined, { retryAfter: 300 });
    await deps.calendar.cancel(identityOf(actor), row.organizer_oid, row.event_id, comment);
  }
  await markCancelled(scope, row, `Meeting "${row.subject}" cancelled`);
  return getMeeting(scope, id);
}

async function markCancelled(scope: TenantScope, row: repo.MeetingRow, subject: string) {
  await scope.transaction(async (tx) => {
    await repo.updateMeeting(tx, row.id, { status: 'cancelled', synced_at: new Date().toISOString() }, row.version);
    await noteOnTimeline(tx, row, { event: 'meeting-cancelled', subject, cancelled: true });
  });
}

/**
 * Reads each open Outlook meeting of the tenant by its event id, as the app (so meetings of
 * every organizer are covered), and brings moves and cancellations made in Outlook back.
 */
export async function syncMeetings(scope: TenantScope, deps: MeetingsDeps, now = new Date()): Promise<MeetingSyncResult> {
  const result = { checked: 0, moved: 0, cancelled: 0 };
  if (!deps.calendar) return result;
  const app: GraphIdentity = { kind: 'app', tenantId: scope.tenantId };
  for (const row of await repo.meetingsToSync(scope, new Date(now.getTime() - 86_400_000).toISOString())) {
    result.checked++;
    const event = await deps.calendar.read(app, row.organizer_oid, row.event_id!);
    if (!event || event.isCancelled) {
      await markCancelled(scope, row, `Meeting "${row.subject}" cancelled in Outlook`);
      result.cancelled++;
    } else if (event.start !== row.start_at || event.end !== row.end_at) {
      await scope.transaction(async (tx) => {
        await repo.updateMeeting(tx, row.id, { start_at: event.start, end_at: event.end, synced_at: now.toISOString() }, row.version);
        await noteOnTimeline(tx, row, { event: 'meeting-moved', subject: `Meeting "${row.subject}" moved in Outlook to ${when(event.start, row.time_zone)}`, start: event.start });
      });
      result.moved++;
    }
  }
  return result;
}

export async function meetingIcs(scope: TenantScope, id: string): Promise<{ name: string; body: string }> {
  const row = await repo.findMeeting(scope, id);
  if (!row) throw notFound('The meeting');
  const organizer = await findUser(scope, row.organizer_id);
  const m = toMeeting(row);
  return {
    name: `${m.subject.replace(/[^\p{L}\p{N} _-]+/gu, '').trim() || 'meeting'}.ics`,
    body: icsFor({
      uid: m.iCalUId ?? `${m.id}@crm`,
      sequence: m.version - 1,
      subject: m.subject,
      description: m.body,
      start: m.start,
      end: m.end,
      createdAt: m.createdAt,
      cancelled: m.status === 'cancelled',
      joinUrl: m.joinUrl,
      organizer: { name: organizer?.display_name ?? 'CRM', email: organizer?.email ?? null },
      attendees: m.attendees,
    }),
  };
}
