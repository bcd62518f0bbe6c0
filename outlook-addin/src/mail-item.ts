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

/** A message being written: Outlook gives it no internet message id, and a conversation id only once saved. */
export interface Draft {
  conversationId: string | null;
  subject: string;
  to: Address[];
  cc: Address[];
}

const emailLike = /^[^\s@]+@[^\s@]+$/;
const toAddress = (a: Office.EmailAddressDetails | undefined): Address | null =>
  a && typeof a.emailAddress === 'string' && emailLike.test(a.emailAddress) ? { name: a.displayName || null, email: a.emailAddress.toLowerCase() } : null;
const addressList = (xs: Office.EmailAddressDetails[] | undefined) => (xs ?? []).map(toAddress).filter((a): a is Address => a !== null).slice(0, 200);
const conversationOf = (id: unknown) => (id ? String(id).slice(0, 500) : null);

/** Office.js answers through callbacks; this turns one call into a promise. */
function officeCall<T>(call: (done: (r: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => call((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve(r.value) : reject(new Error(r.error?.message ?? 'Outlook refused the request')))));
}

/** Read mode has the subject as a string; compose mode as an object with getAsync. */
export function itemMode(): 'read' | 'compose' | null {
  const item = Office.context?.mailbox?.item;
  if (!item) return null;
  return typeof (item as Office.MessageRead).subject === 'string' ? 'read' : 'compose';
}

export function readItem(): MailItem | null {
  const item = Office.context?.mailbox?.item as Office.MessageRead | undefined;
  if (!item || !item.internetMessageId) return null;
  const from = toAddress(item.from);
  if (!from) return null;
  return {
    internetMessageId: String(item.internetMessageId).slice(0, 500),
    conversationId: conversationOf(item.conversationId),
    subject: String(item.subject ?? '').slice(0, 500),
    from,
    to: addressList(item.to),
    cc: addressList(item.cc),
    sentAt: new Date(item.dateTimeCreated ?? Date.now()).toISOString(),
    attachments: (item.attachments ?? []).slice(0, 20).map((a) => ({ id: a.id, name: a.name, contentType: a.contentType, size: a.size, isInline: a.isInline })),
  };
}

/** The signed-in mailbox's own address: a message from it is one the user sent. */
export function mailboxOwner(): string | null {
  const address = Office.context?.mailbox?.userProfile?.emailAddress;
  return typeof address === 'string' && emailLike.test(address) ? address.toLowerCase() : null;
}

export async function readDraft(): Promise<Draft> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  const [subject, to, cc] = await Promise.all([
    officeCall<string>((done) => item.subject.getAsync(done)),
    officeCall<Office.EmailAddressDetails[]>((done) => item.to.getAsync(done)),
    officeCall<Office.EmailAddressDetails[]>((done) => item.cc.getAsync(done)),
  ]);
  return { conversationId: conversationOf(item.conversationId), subject: String(subject ?? '').slice(0, 500), to: addressList(to), cc: addressList(cc) };
}

/** Saves the draft: a new message gets its conversation id from Outlook only then. */
export async function saveDraft(): Promise<string | null> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  await officeCall<string>((done) => item.saveAsync(done));
  return conversationOf(item.conversationId);
}

export function bodyHtml(): Promise<string> {
  return officeCall<string>((done) => (Office.context.mailbox.item as Office.MessageRead).body.getAsync(Office.CoercionType.Html, done));
}

export async function attachmentBase64(id: string): Promise<string> {
  const content = await officeCall<Office.AttachmentContent>((done) => (Office.context.mailbox.item as Office.MessageRead).getAttachmentContentAsync(id, done));
  if (content.format !== Office.MailboxEnums.AttachmentContentFormat.Base64) throw new Error('Only file attachments can be filed');
  return content.content;
}
