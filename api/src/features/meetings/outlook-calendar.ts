import type { GraphAccess } from '../../graph/graph-client.js';
import type { GraphIdentity } from '../../graph/graph-tokens.js';
import { AppError } from '../../http/errors.js';

/** What the CRM sends Outlook: times as UTC instants (Outlook shows them in each reader's zone). */
export interface EventSpec {
  subject: string;
  body: string | null;
  start: string;
  end: string;
  attendees: { email: string; name: string | null }[];
  online: boolean;
  /** Makes a retried create idempotent in Exchange. */
  transactionId?: string;
}

export interface OutlookEvent {
  id: string;
  iCalUId: string | null;
  joinUrl: string | null;
  webLink: string | null;
  start: string;
  end: string;
  isCancelled: boolean;
}

interface GraphEvent {
  id: string;
  iCalUId?: string;
  webLink?: string;
  isCancelled?: boolean;
  start: { dateTime: string; timeZone: string };
  end: { dateTime: string; timeZone: string };
  onlineMeeting?: { joinUrl?: string } | null;
}

const graphTime = (iso: string) => ({ dateTime: new Date(iso).toISOString().replace('Z', ''), timeZone: 'UTC' });
/** Graph answers in UTC when asked with Prefer: outlook.timezone="UTC"; its dateTime has no zone suffix. */
const fromGraphTime = (t: { dateTime: string }) => new Date(`${t.dateTime.replace(/Z$/, '')}Z`).toISOString();
const utc = 'outlook.timezone="UTC"';

function toEvent(e: GraphEvent): OutlookEvent {
  return { id: e.id, iCalUId: e.iCalUId ?? null, joinUrl: e.onlineMeeting?.joinUrl ?? null, webLink: e.webLink ?? null, start: fromGraphTime(e.start), end: fromGraphTime(e.end), isCancelled: Boolean(e.isCancelled) };
}

/** The person's own calendar when acting for them, the organizer's mailbox when the app acts. */
const calendarOf = (who: GraphIdentity, organizerOid: string) => (who.kind === 'user' ? '/me/events' : `/users/${organizerOid}/events`);

export function outlookCalendar(graph: GraphAccess) {
  return {
    async create(who: GraphIdentity, organizerOid: string, spec: EventSpec): Promise<OutlookEvent> {
      const event = await graph.call(who, (c) =>
        c
          .api(calendarOf(who, organizerOid))
          .header('Prefer', utc)
          .post({
            subject: spec.subject,
            body: { contentType: 'text', content: spec.body ?? '' },
            start: graphTime(spec.start),
            end: graphTime(spec.end),
            attendees: spec.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name ?? a.email }, type: 'required' })),
            allowNewTimeProposals: true,
            ...(spec.online ? { isOnlineMeeting: true, onlineMeetingProvider: 'teamsForBusiness' } : { isOnlineMeeting: false }),
            ...(spec.transactionId ? { transactionId: spec.transactionId } : {}),
          }),
      );
      return toEvent(event);
    },
    async update(who: GraphIdentity, organizerOid: string, eventId: string, spec: Partial<EventSpec>): Promise<OutlookEvent> {
      const patch = {
        ...(spec.subject !== undefined ? { subject: spec.subject } : {}),
        ...(spec.body !== undefined ? { body: { contentType: 'text', content: spec.body ?? '' } } : {}),
        ...(spec.start ? { start: graphTime(spec.start) } : {}),
        ...(spec.end ? { end: graphTime(spec.end) } : {}),
        ...(spec.attendees ? { attendees: spec.attendees.map((a) => ({ emailAddress: { address: a.email, name: a.name ?? a.email }, type: 'required' })) } : {}),
      };
      return toEvent(await graph.call(who, (c) => c.api(`${calendarOf(who, organizerOid)}/${eventId}`).header('Prefer', utc).patch(patch)));
    },
    /** Sends the cancellation to attendees; an event already gone from Outlook counts as cancelled. */
    async cancel(who: GraphIdentity, organizerOid: string, eventId: string, comment: string | null): Promise<void> {
      await graph.call(who, (c) => c.api(`${calendarOf(who, organizerOid)}/${eventId}/cancel`).post({ comment: comment ?? '' })).catch((err: unknown) => {
        if (!(err instanceof AppError && err.code === 'not-found')) throw err;
      });
    },
    async remove(who: GraphIdentity, organizerOid: string, eventId: string): Promise<void> {
      await graph.call(who, (c) => c.api(`${calendarOf(who, organizerOid)}/${eventId}`).delete()).catch(() => undefined);
    },
    /** The event as Outlook has it now, or null when it was deleted there. */
    async read(who: GraphIdentity, organizerOid: string, eventId: string): Promise<OutlookEvent | null> {
      try {
        return toEvent(await graph.call(who, (c) => c.api(`${calendarOf(who, organizerOid)}/${eventId}`).header('Prefer', utc).select('id,iCalUId,start,end,isCancelled,onlineMeeting,webLink').get()));
      } catch (err) {
        if (err instanceof AppError && err.code === 'not-found') return null;
        throw err;
      }
    },
  };
}
export type OutlookCalendar = ReturnType<typeof outlookCalendar>;
