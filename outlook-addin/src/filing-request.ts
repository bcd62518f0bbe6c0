import type { z } from 'zod';
import type { emailFile } from '../../api/src/contract/index.js';
import { attachmentBase64, bodyHtml, type Address, type MailItem } from './mail-item.js';

/** Where the user files a message: a client, and optionally one of its deals and contacts (every field set). */
export type FilingTargets = Required<Pick<z.infer<typeof emailFile>, 'clientId' | 'dealId' | 'contactIds'>>;

/** The addresses the API matches to contacts and clients: sender and recipients, once each. */
export function addressesOf(message: { from?: Address; to: Address[]; cc: Address[] }): string[] {
  return [...new Set([...(message.from ? [message.from] : []), ...message.to, ...message.cc].map((a) => a.email))].slice(0, 100);
}

/** The lookup URL: with the conversation and date, the answer also says whether the user chose a client while writing it. */
export function lookupPath(item: MailItem): string {
  const params = new URLSearchParams({ internetMessageId: item.internetMessageId, sentAt: item.sentAt });
  if (item.conversationId) params.set('conversationId', item.conversationId);
  return `/emails/lookup?${params}`;
}

/** `POST /emails`: the item's data, its HTML body and (when asked) its file attachments as base64. */
export async function filingRequest(item: MailItem, targets: FilingTargets, options: { withAttachments: boolean; intentId?: string }): Promise<z.input<typeof emailFile>> {
  const files = options.withAttachments ? item.attachments.filter((a) => !a.isInline) : [];
  const attachments = await Promise.all(files.map(async (a) => ({ name: a.name, contentType: a.contentType || 'application/octet-stream', contentBase64: await attachmentBase64(a.id) })));
  return {
    internetMessageId: item.internetMessageId,
    conversationId: item.conversationId,
    subject: item.subject,
    from: item.from,
    to: item.to,
    cc: item.cc,
    sentAt: item.sentAt,
    bodyHtml: await bodyHtml(),
    clientId: targets.clientId,
    dealId: targets.dealId,
    contactIds: targets.contactIds,
    attachments,
    ...(options.intentId ? { intentId: options.intentId } : {}),
  };
}
