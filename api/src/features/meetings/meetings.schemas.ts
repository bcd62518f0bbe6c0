import { z } from 'zod';
import { email, optionalText, pageOf, recordMeta, shortText, uuid } from '../../contract/primitives.js';

const instant = z.iso.datetime({ offset: true, message: 'Must be a date and time, ISO 8601 with an offset or Z' });
const timeZone = z
  .string()
  .trim()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'Must be an IANA time zone such as Europe/Prague');

export const meetingAttendee = z.strictObject({ email, name: z.string().trim().max(200).optional() });

const meetingFields = {
  clientId: uuid,
  dealId: uuid.nullable().optional(),
  subject: shortText(255),
  start: instant,
  end: instant,
  timeZone: timeZone.default('UTC'),
  attendees: z.array(meetingAttendee).max(100).default([]),
  body: optionalText(20_000),
  /** A Teams meeting link (Microsoft 365 mode); on by default. */
  online: z.boolean().default(true),
};

export const meetingCreate = z.strictObject(meetingFields).meta({ id: 'MeetingCreate' });
export type MeetingCreate = z.infer<typeof meetingCreate>;

/** Reschedule or edit: any of subject, start, end, time zone, attendees, body. */
export const meetingUpdate = z
  .strictObject({
    subject: meetingFields.subject,
    start: instant,
    end: instant,
    timeZone,
    attendees: z.array(meetingAttendee).max(100),
    body: meetingFields.body,
  })
  .partial()
  .meta({ id: 'MeetingUpdate' });
export type MeetingUpdate = z.infer<typeof meetingUpdate>;

export const meetingCancel = z.strictObject({ comment: optionalText(1000) }).meta({ id: 'MeetingCancel' });

export const meeting = z
  .object({
    id: uuid,
    clientId: uuid,
    dealId: uuid.nullable(),
    subject: z.string(),
    body: z.string().nullable(),
    start: z.string(),
    end: z.string(),
    timeZone: z.string(),
    attendees: z.array(z.object({ email: z.string(), name: z.string().nullable(), contactId: uuid.nullable(), userId: uuid.nullable() })),
    online: z.boolean(),
    status: z.enum(['scheduled', 'cancelled']),
    provider: z.enum(['graph', 'local']),
    organizerId: uuid,
    eventId: z.string().nullable(),
    iCalUId: z.string().nullable(),
    joinUrl: z.string().nullable(),
    webLink: z.string().nullable(),
    activityId: uuid.nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Meeting' });
export type Meeting = z.infer<typeof meeting>;

export const meetingPage = pageOf(meeting, 'MeetingPage');
export const meetingListQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type MeetingListQuery = z.infer<typeof meetingListQuery>;

export const meetingSyncResult = z.object({ checked: z.number().int(), moved: z.number().int(), cancelled: z.number().int() }).meta({ id: 'MeetingSyncResult' });
export type MeetingSyncResult = z.infer<typeof meetingSyncResult>;
