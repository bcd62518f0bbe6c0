import { z } from 'zod';
import { optionalText, pageOf, recordMeta, shortText, uuid } from '../../contract/primitives.js';

export const activityTypes = ['note', 'call', 'task', 'meeting', 'email', 'system'] as const;
/** What people log by hand; meetings, emails and system events are written by their features. */
export const loggableTypes = ['note', 'call', 'task'] as const;
export const priorities = ['low', 'normal', 'high'] as const;

const instant = z.iso.datetime({ offset: true, message: 'Must be a date and time, ISO 8601' });

const activityFields = {
  type: z.enum(loggableTypes),
  subject: shortText(300),
  body: optionalText(4000),
  clientId: uuid,
  dealId: uuid.nullable().optional(),
  contactId: uuid.nullable().optional(),
  occurredAt: instant.optional(),
  dueAt: instant.nullable().optional(),
  reminderAt: instant.nullable().optional(),
  priority: z.enum(priorities).nullable().optional(),
  assigneeId: uuid.nullable().optional(),
  callDirection: z.enum(['inbound', 'outbound']).nullable().optional(),
  callDurationSeconds: z.number().int().min(0).max(86_400).nullable().optional(),
  callOutcome: optionalText(200),
};

export const activityCreate = z.strictObject(activityFields).meta({ id: 'ActivityCreate' });
export type ActivityCreate = z.infer<typeof activityCreate>;

const { type: _t, clientId: _c, ...changeable } = activityFields;
export const activityUpdate = z.strictObject({ ...changeable, completed: z.boolean() }).partial().meta({ id: 'ActivityUpdate' });
export type ActivityUpdate = z.infer<typeof activityUpdate>;

export const activity = z
  .object({
    id: uuid,
    type: z.enum(activityTypes),
    subject: z.string(),
    body: z.string().nullable(),
    clientId: uuid,
    dealId: uuid.nullable(),
    contactId: uuid.nullable(),
    occurredAt: z.string(),
    dueAt: z.string().nullable(),
    reminderAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    priority: z.enum(priorities).nullable(),
    assigneeId: uuid.nullable(),
    callDirection: z.enum(['inbound', 'outbound']).nullable(),
    callDurationSeconds: z.number().int().nullable(),
    callOutcome: z.string().nullable(),
    event: z.string().nullable(),
    meetingId: z.string().nullable(),
    emailId: z.string().nullable(),
    /** Who did it, for the timeline. */
    createdByName: z.string().nullable(),
    ...recordMeta,
  })
  .meta({ id: 'Activity' });
export type Activity = z.infer<typeof activity>;

export const activityListQuery = z.strictObject({
  assignee: z.union([z.literal('me'), uuid]).optional(),
  due: z.enum(['overdue', 'today', 'week']).optional(),
  open: z.enum(['true', 'false']).optional(),
  type: z.enum(activityTypes).optional(),
  clientId: uuid.optional(),
  dealId: uuid.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const timelineQuery = z.strictObject({
  type: z.enum(activityTypes).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TimelineQuery = z.infer<typeof timelineQuery>;

export const activityPage = pageOf(activity, 'ActivityPage');
