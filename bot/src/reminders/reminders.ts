import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { App } from '@microsoft/teams.apps';
import type { Logger } from 'pino';
import type { Database } from '../../../api/src/db/database.js';
import type { TenantScope } from '../../../api/src/db/tenant-scope.js';
import { reminderCard, type AdaptiveCard } from '../cards/cards.js';
import { runPeriodically } from '../../../api/src/features/jobs/periodic.js';

export interface ConversationTarget {
  conversationId: string;
  serviceUrl: string;
}

/** How a reminder reaches Teams; tests and embedded mode use their own. */
export interface ReminderSender {
  send(to: ConversationTarget, card: AdaptiveCard): Promise<void>;
}

const attachment = (card: AdaptiveCard) => ({ type: 'message' as const, attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] });

/** With bot credentials: the Teams SDK's proactive send (it signs the call to the connector). */
export function teamsSender(app: App): ReminderSender {
  return { send: async (to, card) => void (await app.send(to.conversationId, attachment(card) as never)) };
}

/**
 * Without credentials (embedded mode, the Agents Playground or the Emulator on this machine):
 * the SDK refuses proactive sends, so the activity is posted to the conversation's service
 * URL the way those local hosts accept it, unauthenticated.
 */
export function localSender(): ReminderSender {
  return {
    async send(to, card) {
      const res = await fetch(`${to.serviceUrl.replace(/\/$/, '')}/v3/conversations/${encodeURIComponent(to.conversationId)}/activities`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(attachment(card)),
      });
      if (!res.ok) throw new Error(`The conversation's service answered ${res.status}`);
    },
  };
}

/** Keeps where to reach a person, each time they write to the bot. */
export async function rememberConversation(scope: TenantScope, target: ConversationTarget): Promise<void> {
  const existing = await scope.selectFrom('bot_conversations').select(['id', 'version', 'conversation_id', 'service_url']).where('user_id', '=', scope.actor.userId).executeTakeFirst();
  if (!existing) {
    await scope.insert('bot_conversations', { ...scope.newRecord(), user_id: scope.actor.userId, conversation_id: target.conversationId, service_url: target.serviceUrl }).catch(() => undefined);
    return;
  }
  if (existing.conversation_id !== target.conversationId || existing.service_url !== target.serviceUrl) {
    await scope
      .updateTable('bot_conversations')
      .set({ conversation_id: target.conversationId, service_url: target.serviceUrl, version: existing.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', existing.id)
      .execute();
  }
}

/**
 * Sends the reminders that are due, each once, even with several server processes: a process
 * first claims due reminders in the database with a lease (a claim nobody finished is taken
 * over when its lease runs out), then sends, then marks them sent. This is a system job over
 * all tenants; each reminder goes only to its own assignee's conversation in its own tenant.
 */
export async function sendDueReminders(db: Kysely<Database>, sender: ReminderSender, logger: Logger, now = new Date()): Promise<number> {
  const claim = randomUUID();
  const nowIso = now.toISOString();
  await db
    .updateTable('activities')
    .set({ reminder_claimed_by: claim, reminder_lease_until: new Date(now.getTime() + 60_000).toISOString() })
    .where('type', '=', 'task')
    .where('deleted_at', 'is', null)
    .where('completed_at', 'is', null)
    .where('reminder_sent_at', 'is', null)
    .where('reminder_at', '<=', nowIso)
    .where((eb) => eb.or([eb('reminder_claimed_by', 'is', null), eb('reminder_lease_until', '<', nowIso)]))
    .execute();
  const due = await db
    .selectFrom('activities')
    .leftJoin('bot_conversations', (j) =>
      j.onRef('bot_conversations.tenant_id', '=', 'activities.tenant_id').onRef('bot_conversations.user_id', '=', 'activities.assignee_id').on('bot_conversations.deleted_at', 'is', null),
    )
    .innerJoin('clients', (j) => j.onRef('clients.id', '=', 'activities.client_id').onRef('clients.tenant_id', '=', 'activities.tenant_id'))
    .select(['activities.id', 'activities.subject', 'activities.due_at', 'clients.name as client_name', 'bot_conversations.conversation_id', 'bot_conversations.service_url'])
    .where('activities.reminder_claimed_by', '=', claim)
    .where('activities.reminder_sent_at', 'is', null)
    .execute();
  let sent = 0;
  for (const task of due) {
    if (task.conversation_id && task.service_url) {
      try {
        await sender.send({ conversationId: task.conversation_id, serviceUrl: task.service_url }, reminderCard(task.id, task.subject, task.client_name, task.due_at));
        sent++;
      } catch (err) {
        // Left claimed: another attempt comes when the lease runs out.
        logger.warn({ err, taskId: task.id }, 'task reminder not delivered');
        continue;
      }
    }
    // Sent, or the assignee never talked to the bot (the task still shows in My tasks).
    await db.updateTable('activities').set({ reminder_sent_at: new Date().toISOString() }).where('id', '=', task.id).where('reminder_claimed_by', '=', claim).execute();
  }
  return sent;
}

export function startReminderScheduler(db: Kysely<Database>, sender: ReminderSender, logger: Logger, intervalMs = 30_000): { stop(): Promise<void> } {
  return runPeriodically('reminder run', () => sendDueReminders(db, sender, logger), intervalMs, logger);
}
