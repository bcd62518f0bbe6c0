/**
 * What the pane reads from the open message through Office.js, as plain data. Every value
 * comes from outside (the mailbox), so it is checked before it reaches the API.
 */
export interface Address {
  name: string | null;
  email: string;
}

export interface MailItem {
  internetMessageId: string;
  conversationId: string | null;
  subject: string;
  from: Address;
  to: Address[];
  cc: Address[];
  sentAt: string;
  attachments: { id: string; name: string; contentType: string; size: number; isInline: boolean }[];
}

const emailLike = /^[^\s@]+@[^\s@]+$/;
const toAddress = (a: Office.EmailAddressDetails | undefined): Address | null =>
  a && typeof a.emailAddress === 'string' && emailLike.test(a.emailAddress) ? { name: a.displayName || null, email: a.emailAddress.toLowerCase() } : null;

export function readItem(): MailItem | null {
  const item = Office.context?.mailbox?.item as Office.MessageRead | undefined;
  if (!item || !item.internetMessageId) return null;
  const from = toAddress(item.from);
  if (!from) return null;
  const list = (xs: Office.EmailAddressDetails[] | undefined) => (xs ?? []).map(toAddress).filter((a): a is Address => a !== null).slice(0, 200);
  return {
    internetMessageId: String(item.internetMessageId).slice(0, 500),
    conversationId: item.conversationId ? String(item.conversationId).slice(0, 500) : null,
    subject: String(item.subject ?? '').slice(0, 500),
    from,
    to: list(item.to),
    cc: list(item.cc),
    sentAt: new Date(item.dateTimeCreated ?? Date.now()).toISOString(),
    attachments: (item.attachments ?? []).slice(0, 20).map((a) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: a.isInline })),
  };
}

export function bodyHtml(): Promise<string> {
  return new Promise((resolve, reject) =>
    (Office.context.mailbox.item as Office.MessageRead).body.getAsync(Office.CoercionType.Html, (r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error.message)))),
  );
}

export function attachmentBase64(id: string): Promise<string> {
  return new Promise((resolve, reject) =>
    (Office.context.mailbox.item as Office.MessageRead).getAttachmentContentAsync(id, (r) => {
      if (r.status !== Office.AsyncResultStatus.Succeeded) return reject(new Error(r.error.message));
      if (r.value.format !== Office.MailboxEnums.AttachmentContentFormat.Base64) return reject(new Error('Only file attachments can be filed'));
      resolve(r.value.content);
    }),
  );
}
