import { Readable } from 'node:stream';
import type { TenantScope } from '../../db/tenant-scope.js';
import { AppError, notFound } from '../../http/errors.js';
import { assertCan } from '../../auth/authenticate.js';
import { recordSystemEvent } from '../activities/activities.service.js';
import { deleteDocument, storeDocument } from '../documents/documents.service.js';
import { documentsRuntime, type DocumentActor } from '../documents/documents-runtime.js';
import { emailText, sanitizeEmailHtml } from './sanitize.js';
import type { Email, EmailFile, EmailLookup, EmailLookupQuery, EmailMatch } from './emails.schemas.js';
import { checkFilingTargets } from './filing-targets.js';
import { applicableIntent, intentToUse } from './filing-intents.js';
import type { CrmUser } from '../users/users.repository.js';

type Links = Email['links'];

async function linksOf(scope: TenantScope, emailId: string): Promise<Links> {
  const rows = await scope
    .selectFrom('email_links')
    .innerJoin('clients', (j) => j.onRef('clients.id', '=', 'email_links.client_id').onRef('clients.tenant_id', '=', 'email_links.tenant_id'))
    .leftJoin('users', (j) => j.onRef('users.id', '=', 'email_links.created_by').onRef('users.tenant_id', '=', 'email_links.tenant_id'))
    .select(['email_links.client_id', 'clients.name', 'email_links.deal_id', 'email_links.contact_id', 'users.display_name', 'email_links.created_at'])
    .where('email_links.email_id', '=', emailId)
    .orderBy('email_links.created_at')
    .execute();
  return rows.map((r) => ({ clientId: r.client_id, clientName: r.name, dealId: r.deal_id, contactId: r.contact_id, filedBy: r.display_name, filedAt: r.created_at }));
}

const normalizeMessageId = (id: string) => (id.startsWith('<') ? id : `<${id}>`).toLowerCase();

export async function getEmail(scope: TenantScope, id: string): Promise<Email> {
  const row = await scope.selectFrom('emails').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
  if (!row) throw notFound('The email');
  return {
    id: row.id,
    internetMessageId: row.internet_message_id,
    conversationId: row.conversation_id,
    subject: row.subject,
    from: { name: row.from_name, email: row.from_email },
    to: JSON.parse(row.to_json),
    cc: JSON.parse(row.cc_json),
    sentAt: row.sent_at,
    bodyHtml: row.body_html,
    bodyText: row.body_text,
    links: await linksOf(scope, row.id),
    documentIds: JSON.parse(row.document_ids),
  };
}

/** Whether (and where, by whom) an email is already filed in this tenant, and where its reader chose to file it. */
export async function lookupEmail(scope: TenantScope, actor: CrmUser, query: EmailLookupQuery): Promise<EmailLookup> {
  const row = await scope.selectFrom('emails').select('id').where('internet_message_id', '=', normalizeMessageId(query.internetMessageId)).where('deleted_at', 'is', null).executeTakeFirst();
  const intent = query.sentAt ? await applicableIntent(scope, actor, { conversationId: query.conversationId, sentAt: query.sentAt }) : null;
  return row ? { filed: true, emailId: row.id, links: await linksOf(scope, row.id), intent } : { filed: false, emailId: null, links: [], intent };
}

/**
 * Files an email: stored once per tenant by its internet message id (filing it again, from any
 * mailbox, only adds links), its HTML sanitized, attachments stored as the client's documents,
 * and one email entry on each newly linked client's timeline. Attachments are stored first; if
 * one is refused, the ones already stored are removed and nothing is written.
 */
export async function fileEmail(scope: TenantScope, actor: DocumentActor, input: EmailFile): Promise<{ email: Email; created: boolean; skipped: { name: string; reason: string }[] }> {
  assertCan(actor, 'email.file');
  await checkFilingTargets(scope, input);
  if (input.intentId) await intentToUse(scope, actor, input.intentId, input);
  const messageId = normalizeMessageId(input.internetMessageId);
  const existing = await scope.selectFrom('emails').select('id').where('internet_message_id', '=', messageId).where('deleted_at', 'is', null).executeTakeFirst();
  const documentIds: string[] = [];
  // An attachment over the upload limit is left out (and named), the email is still filed.
  const limit = documentsRuntime().config.uploadLimitBytes;
  const skipped = input.attachments.filter((a) => Math.floor((a.contentBase64.length * 3) / 4) > limit).map((a) => ({ name: a.name, reason: `larger than the ${Math.round(limit / 1024 / 1024)} MB limit` }));
  if (!existing) {
    try {
      for (const a of input.attachments.filter((x) => !skipped.some((s) => s.name === x.name))) {
        const bytes = Buffer.from(a.contentBase64, 'base64');
        const doc = await storeDocument(scope, actor, { clientId: input.clientId, dealId: input.dealId ?? null, name: a.name, contentType: a.contentType, size: bytes.length, stream: Readable.from(bytes) });
        documentIds.push(doc.id);
      }
    } catch (err) {
      for (const id of documentIds) await deleteDocument(scope, actor, id, undefined).catch(() => undefined);
      if (err instanceof AppError && err.errors) {
        throw new AppError(err.code, err.detail, err.errors.map((e) => ({ ...e, path: `attachments.${documentIds.length}.${e.path}` })));
      }
      throw err;
    }
  }
  try {
    const result = await scope.transaction(async (tx) => {
      let emailId = existing?.id;
      const created = !emailId;
      if (!emailId) {
        const bodyHtml = sanitizeEmailHtml(input.bodyHtml);
        const record = tx.newRecord();
        emailId = record.id;
        await tx.insert('emails', {
          ...record,
          internet_message_id: messageId,
          conversation_id: input.conversationId ?? null,
          subject: input.subject,
          from_name: input.from.name ?? null,
          from_email: input.from.email.toLowerCase(),
          to_json: JSON.stringify(input.to),
          cc_json: JSON.stringify(input.cc),
          sent_at: new Date(input.sentAt).toISOString(),
          body_html: bodyHtml,
          body_text: emailText(bodyHtml),
          document_ids: JSON.stringify(documentIds),
        });
      }
      const current = await linksOf(tx, emailId);
      const wanted = [{ contactId: null as string | null }, ...input.contactIds.map((contactId) => ({ contactId }))];
      const fresh = wanted.filter((w) => !current.some((l) => l.clientId === input.clientId && l.dealId === (input.dealId ?? null) && l.contactId === w.contactId));
      await tx.insert(
        'email_links',
        fresh.map((w) => ({ ...tx.newAppendOnly(), email_id: emailId, client_id: input.clientId, deal_id: input.dealId ?? null, contact_id: w.contactId })),
      );
      if (!current.some((l) => l.clientId === input.clientId)) {
        await recordSystemEvent(tx, {
          type: 'email',
          event: 'email-filed',
          clientId: input.clientId,
          dealId: input.dealId ?? null,
          contactId: input.contactIds[0] ?? null,
          subject: input.subject || '(no subject)',
          body: `From ${input.from.name ?? ''} <${input.from.email}>`.trim(),
          emailId,
          occurredAt: new Date(input.sentAt).toISOString(),
        });
      }
      if (input.intentId) await tx.deleteFrom('email_filing_intents').where('id', '=', input.intentId).where('created_by', '=', actor.id).execute();
      return { emailId, created };
    });
    return { email: await getEmail(scope, result.emailId), created: result.created, skipped };
  } catch (err) {
    for (const id of documentIds) await deleteDocument(scope, actor, id, undefined).catch(() => undefined);
    throw err;
  }
}

/**
 * Unfiles an email from a client: its links to that client (and the client's deals and
 * contacts) and the email entry on that client's timeline go. When no link is left, the email
 * and the documents its attachments became go too, so nothing is left orphaned.
 */
export async function unfileEmail(scope: TenantScope, actor: DocumentActor, id: string, clientId: string): Promise<{ filed: boolean }> {
  assertCan(actor, 'email.file');
  const email = await getEmail(scope, id);
  if (!email.links.some((l) => l.clientId === clientId)) throw new AppError('not-found', 'The email is not filed to this client.');
  const now = new Date().toISOString();
  const remaining = await scope.transaction(async (tx) => {
    await tx.deleteFrom('email_links').where('email_id', '=', id).where('client_id', '=', clientId).execute();
    await tx.updateTable('activities').set({ deleted_at: now, updated_at: now, updated_by: actor.id }).where('email_id', '=', id).where('client_id', '=', clientId).where('deleted_at', 'is', null).execute();
    const left = await tx.selectFrom('email_links').select('id').where('email_id', '=', id).executeTakeFirst();
    if (!left) await tx.updateTable('emails').set({ deleted_at: now, updated_at: now, updated_by: actor.id }).where('id', '=', id).execute();
    return Boolean(left);
  });
  if (!remaining) for (const doc of email.documentIds) await deleteDocument(scope, actor, doc, undefined).catch(() => undefined);
  return { filed: remaining };
}

/**
 * Addresses of an email → the CRM's contacts (exact email) and clients: the contacts' clients
 * first, then clients whose website or email has the address's domain.
 */
export async function matchAddresses(scope: TenantScope, addresses: string[]): Promise<EmailMatch> {
  const emails = [...new Set(addresses.map((a) => a.toLowerCase()))];
  const contacts = await scope.selectFrom('contacts').select(['id', 'client_id', 'first_name', 'last_name', 'email']).where('email', 'in', emails).where('deleted_at', 'is', null).execute();
  const clients = new Map<string, { id: string; name: string; matchedBy: 'contact' | 'domain' }>();
  const contactClients = await scope.selectFrom('clients').select(['id', 'name']).where('id', 'in', contacts.length ? contacts.map((c) => c.client_id) : ['']).where('deleted_at', 'is', null).execute();
  for (const c of contactClients) clients.set(c.id, { id: c.id, name: c.name, matchedBy: 'contact' });
  const free = new Set(['gmail.com', 'outlook.com', 'hotmail.com', 'yahoo.com', 'seznam.cz', 'email.cz', 'centrum.cz', 'wp.pl', 'o2.pl', 'onet.pl', 'interia.pl', 'yahoo.ro', 'icloud.com']);
  const domains = [...new Set(emails.map((e) => e.split('@')[1]!).filter((d) => d && !free.has(d)))];
  for (const domain of domains) {
    const byDomain = await scope
      .selectFrom('clients')
      .select(['id', 'name'])
      .where('deleted_at', 'is', null)
      .where((eb) => eb.or([eb('email', 'like', `%@${domain}`), eb('website', 'like', `%://${domain}%`), eb('website', 'like', `%://www.${domain}%`)]))
      .orderBy('sort_name')
      .execute();
    for (const c of byDomain) if (!clients.has(c.id)) clients.set(c.id, { id: c.id, name: c.name, matchedBy: 'domain' });
  }
  return {
    contacts: contacts.map((c) => ({ id: c.id, clientId: c.client_id, name: `${c.first_name} ${c.last_name}`, email: c.email! })),
    clients: [...clients.values()],
  };
}
