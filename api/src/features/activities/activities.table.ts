import type { RecordColumns } from '../../db/columns.js';

export interface ActivitiesTable extends RecordColumns {
  type: 'note' | 'call' | 'task' | 'meeting' | 'email' | 'system';
  subject: string;
  body: string | null;
  client_id: string;
  deal_id: string | null;
  contact_id: string | null;
  /** When it happened (or was logged); the timeline's sort key. */
  occurred_at: string;
  due_at: string | null;
  reminder_at: string | null;
  completed_at: string | null;
  priority: 'low' | 'normal' | 'high' | null;
  assignee_id: string | null;
  call_direction: 'inbound' | 'outbound' | null;
  call_duration_seconds: number | null;
  call_outcome: string | null;
  /** System events: 'stage-change', 'owner-change', 'won', 'lost', 'registry-refresh', … */
  event: string | null;
  meeting_id: string | null;
  email_id: string | null;
  /** Task reminders: which process claimed it, until when, and when it went out (bot reminders). */
  reminder_claimed_by: string | null;
  reminder_lease_until: string | null;
  reminder_sent_at: string | null;
}
