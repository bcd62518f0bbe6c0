import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import type { CrmUser } from '../users/users.repository.js';
import { checkFilingTargets } from './filing-targets.js';
import type { FilingIntent, FilingIntentInput } from './emails.schemas.js';

/**
 * "File this once sent", chosen on a message being written. Outlook gives a draft no internet
 * message id, so the choice is kept by conversation id for its author, and used up by the first
 * message of that conversation sent after it that the author files (DESIGN.md section 6).
 */
const maxAgeMs = 30 * 86_400_000;
/** Outlook stamps the sent time on its own clock; allow for a small skew against ours. */
const clockSkewMs = 5 * 60_000;

const ageLimit = () => new Date(Date.now() - maxAgeMs).toISOString();

async function intentRow(scope: TenantScope, actor: CrmUser, by: { id: string } | { conversationId: string }) {
  let q = scope
    .selectFrom('email_filing_intents')
    .innerJoin('clients', (j) => j.onRef('clients.id', '=', 'email_filing_intents.client_id').onRef('clients.tenant_id', '=', 'email_filing_intents.tenant_id'))
    .select(['email_filing_intents.id', 'conversation_id', 'subject', 'client_id', 'clients.name', 'deal_id', 'contact_ids', 'email_filing_intents.created_at'])
    .where('email_filing_intents.created_by', '=', actor.id)
    .where('email_filing_intents.created_at', '>=', ageLimit())
    .where('clients.deleted_at', 'is', null);
  q = 'id' in by ? q.where('email_filing_intents.id', '=', by.id) : q.where('conversation_id', '=', by.conversationId);
  const row = await q.executeTakeFirst();
  return row
    ? ({ id: row.id, conversationId: row.conversation_id, subject: row.subject, clientId: row.client_id, clientName: row.name, dealId: row.deal_id, contactIds: JSON.parse(row.contact_ids), createdAt: row.created_at } satisfies FilingIntent)
    : null;
}

/** Keeps the caller's choice for a conversation, replacing an earlier one for it. */
export async function chooseFilingIntent(scope: TenantScope, actor: CrmUser, input: FilingIntentInput): Promise<FilingIntent> {
  assertCan(actor, 'email.file');
  await checkFilingTargets(scope, input);
  await scope.transaction(async (tx) => {
    await tx
      .deleteFrom('email_filing_intents')
      .where('created_by', '=', actor.id)
      .where((eb) => eb.or([eb('conversation_id', '=', input.conversationId), eb('created_at', '<', ageLimit())]))
      .execute();
    await tx.insert('email_filing_intents', {
      ...tx.newAppendOnly(),
      conversation_id: input.conversationId,
      subject: input.subject,
      client_id: input.clientId,
      deal_id: input.dealId ?? null,
      contact_ids: JSON.stringify(input.contactIds),
    });
  });
  return (await intentRow(scope, actor, { conversationId: input.conversationId }))!;
}

export const filingIntentFor = (scope: TenantScope, actor: CrmUser, conversationId: string) => intentRow(scope, actor, { conversationId });

/** The caller's choice that applies to a message: same conversation, and sent after it was made. */
export async function applicableIntent(scope: TenantScope, actor: CrmUser, message: { conversationId?: string | null; sentAt: string }): Promise<FilingIntent | null> {
  if (!message.conversationId) return null;
  const intent = await filingIntentFor(scope, actor, message.conversationId);
  return intent && new Date(message.sentAt).getTime() >= new Date(intent.createdAt).getTime() - clockSkewMs ? intent : null;
}

/** Checks that a filing may use up this choice; the caller deletes it in its own transaction. */
export async function intentToUse(scope: TenantScope, actor: CrmUser, intentId: string, message: { conversationId?: string | null; sentAt: string }): Promise<FilingIntent> {
  const intent = await applicableIntent(scope, actor, message);
  if (!intent || intent.id !== intentId) throw new AppError('unprocessable', 'That filing choice is not for this message.', [{ path: 'intentId', message: 'Not your choice for this conversation, or made after this message was sent' }]);
  return intent;
}

export async function cancelFilingIntent(scope: TenantScope, actor: CrmUser, id: string): Promise<void> {
  assertCan(actor, 'email.file');
  const result = await scope.deleteFrom('email_filing_intents').where('id', '=', id).where('created_by', '=', actor.id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound('The filing choice');
}
