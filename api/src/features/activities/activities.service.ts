import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound, type FieldError } from '../../http/errors.js';
import { can } from '../../auth/roles.js';
import { assertCan } from '../../auth/authenticate.js';
import { decodeCursor, toPage, type Page } from '../../http/pagination.js';
import type { CrmUser } from '../users/users.repository.js';
import { findUser } from '../users/users.repository.js';
import { findClient } from '../clients/clients.repository.js';
import { findContact } from '../contacts/contacts.repository.js';
import * as repo from './activities.repository.js';
import type { Activity, ActivityCreate, ActivityListQuery, ActivityUpdate, TimelineQuery } from './activities.schemas.js';

export function toActivity(row: repo.ActivityRow): Activity {
  return {
    id: row.id,
    type: row.type,
    subject: row.subject,
    body: row.body,
    clientId: row.client_id,
    dealId: row.deal_id,
    contactId: row.contact_id,
    occurredAt: row.occurred_at,
    dueAt: row.due_at,
    reminderAt: row.reminder_at,
    completedAt: row.completed_at,
    priority: row.priority,
    assigneeId: row.assignee_id,
    callDirection: row.call_direction,
    callDurationSeconds: row.call_duration_seconds,
    callOutcome: row.call_outcome,
    event: row.event,
    meetingId: row.meeting_id,
    emailId: row.email_id,
    createdByName: row.created_by_name,
    createdAt: row.created_at,
    createdBy: row.created_by,
    updatedAt: row.updated_at,
    updatedBy: row.updated_by,
    version: row.version,
  };
}

export async function getActivity(scope: TenantScope, id: string): Promise<Activity> {
  const row = await repo.findActivity(scope, id);
  if (!row) throw notFound('The activity');
  return toActivity(row);
}

/** The links of an activity must all point into the same client (422 on the field otherwise). */
async function checkLinks(scope: TenantScope, clientId: string, links: { dealId?: string | null; contactId?: string | null; assigneeId?: string | null }, errors: FieldError[]) {
  if (links.dealId) {
    const deal = await scope.selectFrom('deals').select('client_id').where('id', '=', links.dealId).where('deleted_at', 'is', null).executeTakeFirst();
    if (!deal || deal.client_id !== clientId) errors.push({ path: 'dealId', message: 'Must be a deal of this client' });
  }
  if (links.contactId) {
    const contact = await findContact(scope, links.contactId);
    if (!contact || contact.client_id !== clientId) errors.push({ path: 'contactId', message: 'Must be a contact of this client' });
  }
  if (links.assigneeId && !(await findUser(scope, links.assigneeId))) errors.push({ path: 'assigneeId', message: 'No such user in your organization' });
}

function checkTimes(input: { dueAt?: string | null; reminderAt?: string | null }, errors: FieldError[]) {
  if (input.dueAt && input.reminderAt && Date.parse(input.reminderAt) > Date.parse(input.dueAt)) {
    errors.push({ path: 'reminderAt', message: 'The reminder must come before the task is due' });
  }
}

const iso = (value: string | null | undefined) => (value ? new Date(value).toISOString() : (value ?? null));

/**
 * Logs a note, call or task. Used by the API, the bot and the Outlook add-in, so the same
 * validation and permissions apply everywhere.
 */
export async function createActivity(scope: TenantScope, user: CrmUser, input: ActivityCreate): Promise<Activity> {
  assertCan(user, 'activity.create');
  const errors: FieldError[] = [];
  const client = await findClient(scope, input.clientId);
  if (!client) throw new AppError('unprocessable', 'The client does not exist.', [{ path: 'clientId', message: 'No such client' }]);
  await checkLinks(scope, client.id, input, errors);
  checkTimes(input, errors);
  if (input.type !== 'call' && (input.callDirection || input.callDurationSeconds != null || input.callOutcome)) {
    errors.push({ path: 'callDirection', message: 'Call details belong to calls only' });
  }
  if (input.type !== 'task' && (input.dueAt || input.reminderAt || input.assigneeId)) {
    errors.push({ path: 'dueAt', message: 'Due dates, reminders and assignees belong to tasks only' });
  }
  if (errors.length) throw new AppError('unprocessable', 'The activity cannot be saved as it is.', errors);
  const now = new Date().toISOString();
  const record = scope.newRecord(now);
  await scope.transaction(async (tx) => {
    await repo.insertActivity(tx, {
      ...record,
      type: input.type,
      subject: input.subject,
      body: input.body ?? null,
      client_id: client.id,
      deal_id: input.dealId ?? null,
      contact_id: input.contactId ?? null,
      occurred_at: iso(input.occurredAt) ?? now,
      due_at: iso(input.dueAt),
      reminder_at: iso(input.reminderAt),
      completed_at: null,
      priority: input.type === 'task' ? (input.priority ?? 'normal') : null,
      assignee_id: input.type === 'task' ? (input.assigneeId ?? user.id) : null,
      call_direction: input.callDirection ?? null,
      call_duration_seconds: input.callDurationSeconds ?? null,
      call_outcome: input.callOutcome ?? null,
      event: null,
      meeting_id: null,
      email_id: null,
    });
  });
  return getActivity(scope, record.id);
}

export interface SystemEvent {
  clientId: string;
  dealId?: string | null;
  contactId?: string | null;
  subject: string;
  body?: string | null;
  /** Short key: 'stage-change', 'won', 'lost', 'owner-change', 'registry-refresh', 'meeting-scheduled', … */
  event: string;
  /** Links for the features that own the record (Graph meetings, filed emails). */
  type?: 'system' | 'meeting' | 'email';
  meetingId?: string | null;
  emailId?: string | null;
  occurredAt?: string;
}

/** Writes an entry on the timeline on behalf of the system (no permission check: callers did it). */
export async function recordSystemEvent(scope: TenantScope, event: SystemEvent): Promise<Activity> {
  const now = new Date().toISOString();
  const record = scope.newRecord(now);
  await repo.insertActivity(scope, {
    ...record,
    type: event.type ?? 'system',
    subject: event.subject.slice(0, 300),
    body: event.body?.slice(0, 4000) ?? null,
    client_id: event.clientId,
    deal_id: event.dealId ?? null,
    contact_id: event.contactId ?? null,
    occurred_at: event.occurredAt ?? now,
    due_at: null,
    reminder_at: null,
    completed_at: null,
    priority: null,
    assignee_id: null,
    call_direction: null,
    call_duration_seconds: null,
    call_outcome: null,
    event: event.event,
    meeting_id: event.meetingId ?? null,
    email_id: event.emailId ?? null,
  });
  return getActivity(scope, record.id);
}

/** The author or the assignee may change an activity; Managers any. System entries are history. */
function assertCanChange(user: CrmUser, row: repo.ActivityRow, permission: 'record.update' | 'record.delete') {
  if (row.type === 'system' || row.type === 'email') throw new AppError('conflict', 'System and email entries are history and cannot be changed.');
  if (!can(user, permission, row.created_by) && !can(user, permission, row.assignee_id)) {
    throw new AppError('forbidden', `Your role does not allow this (${permission}).`);
  }
}

export async function updateActivity(scope: TenantScope, user: CrmUser, id: string, input: ActivityUpdate, ifMatch: number | undefined): Promise<Activity> {
  return scope.transaction(async (tx) => {
    const row = await repo.findActivity(tx, id);
    if (!row) throw notFound('The activity');
    assertCanChange(user, row, 'record.update');
    if (ifMatch !== undefined && ifMatch !== row.version) throw new AppError('precondition-failed', 'The activity was changed by someone else meanwhile.', undefined, { currentVersion: row.version });
    const errors: FieldError[] = [];
    await checkLinks(tx, row.client_id, input, errors);
    checkTimes({ dueAt: input.dueAt === undefined ? row.due_at : input.dueAt, reminderAt: input.reminderAt === undefined ? row.reminder_at : input.reminderAt }, errors);
    if (errors.length) throw new AppError('unprocessable', 'The activity cannot be saved as it is.', errors);
    const { completed, ...fields } = input;
    const changes = Object.fromEntries(
      Object.entries({
        subject: fields.subject,
        body: fields.body,
        deal_id: fields.dealId,
        contact_id: fields.contactId,
        occurred_at: fields.occurredAt === undefined ? undefined : iso(fields.occurredAt),
        due_at: fields.dueAt === undefined ? undefined : iso(fields.dueAt),
        reminder_at: fields.reminderAt === undefined ? undefined : iso(fields.reminderAt),
        priority: fields.priority,
        assignee_id: fields.assigneeId,
        call_direction: fields.callDirection,
        call_duration_seconds: fields.callDurationSeconds,
        call_outcome: fields.callOutcome,
        completed_at: completed === undefined ? undefined : completed ? (row.completed_at ?? new Date().toISOString()) : null,
      }).filter(([, v]) => v !== undefined),
    );
    if (!(await repo.updateActivity(tx, id, changes, row.version))) throw new AppError('precondition-failed', 'The activity was changed by someone else meanwhile.');
    return getActivity(tx, id);
  });
}

/** Marks a task done (the bot's "Done" button and the tab's checkbox). */
export async function completeTask(scope: TenantScope, user: CrmUser, id: string): Promise<Activity> {
  const row = await repo.findActivity(scope, id);
  if (!row) throw notFound('The task');
  if (row.type !== 'task') throw new AppError('conflict', 'Only tasks can be completed.');
  return updateActivity(scope, user, id, { completed: true }, undefined);
}

export async function deleteActivity(scope: TenantScope, user: CrmUser, id: string): Promise<void> {
  const row = await repo.findActivity(scope, id);
  if (!row) throw notFound('The activity');
  assertCanChange(user, row, 'record.delete');
  await repo.updateActivity(scope, id, { deleted_at: new Date().toISOString() }, row.version);
}

export async function listActivities(scope: TenantScope, user: CrmUser, q: ActivityListQuery, now = new Date()): Promise<{ items: Activity[] }> {
  const assigneeId = q.assignee === 'me' ? user.id : (q.assignee ?? null);
  return { items: (await repo.listActivities(scope, q, assigneeId, now)).map(toActivity) };
}

export async function timeline(scope: TenantScope, of: { clientId: string } | { dealId: string }, q: TimelineQuery): Promise<Page<Activity>> {
  const rows = await repo.timelinePage(scope, of, q, decodeCursor(q.cursor));
  return toPage(rows, q.limit, (r) => [r.occurred_at, r.id], toActivity);
}
