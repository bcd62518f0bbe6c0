import { afterEach, describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { emailFile } from '../../api/src/contract/index.js';
import { addressesOf, filingRequest, lookupPath } from './filing-request.js';
import { itemMode, readDraft, readItem, saveDraft } from './mail-item.js';

/** Office.js as office-addin-mock builds it, with the callback methods the pane calls. */
function mailbox(item?: Record<string, unknown>) {
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject({
    host: 'outlook',
    AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
    CoercionType: { Html: 'html' },
    MailboxEnums: { AttachmentContentFormat: { Base64: 'base64', Url: 'url' } },
    context: { mailbox: item ? { item } : {} },
  }) as unknown;
}
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

const ok = <T,>(value: T) => ({ status: 'succeeded', value });
const received = {
  internetMessageId: '<offer-7@kowalski.example>',
  conversationId: 'AAQkConv',
  subject: 'Oferta',
  from: { displayName: 'Anna Kowalska', emailAddress: 'anna@kowalski.example' },
  to: [{ displayName: 'Ioana', emailAddress: 'ioana@demo.example' }],
  cc: [{ displayName: 'Anna again', emailAddress: 'ANNA@kowalski.example' }],
  dateTimeCreated: new Date('2026-11-23T08:15:00Z'),
  attachments: [
    { id: 'a1', name: 'oferta.pdf', contentType: 'application/pdf', size: 1200, isInline: false },
    { id: 'a2', name: 'logo.png', contentType: 'image/png', size: 300, isInline: true },
    { id: 'a3', name: 'cennik.xlsx', contentType: '', size: 900, isInline: false },
  ],
  body: { getAsync: (_type: string, done: (r: unknown) => void) => done(ok('<p>Dzień dobry</p>')) },
  getAttachmentContentAsync: (id: string, done: (r: unknown) => void) => done(ok({ format: 'base64', content: btoa(`content of ${id}`) })),
};
const targets = { clientId: '0193a000-0000-7000-8000-000000000001', dealId: null, contactIds: ['0193a000-0000-7000-8000-000000000002'] };

describe('building the filing request', () => {
  it('when a received message is filed with attachments, then the request carries its data, body and file attachments and passes the API schema', async () => {
    mailbox(received);
    const item = readItem()!;
    const request = await filingRequest(item, targets, { withAttachments: true });
    expect(request).toMatchObject({ internetMessageId: '<offer-7@kowalski.example>', conversationId: 'AAQkConv', bodyHtml: '<p>Dzień dobry</p>', sentAt: '2026-11-23T08:15:00.000Z', ...targets });
    expect(request.attachments).toEqual([
      { name: 'oferta.pdf', contentType: 'application/pdf', contentBase64: btoa('content of a1') },
      { name: 'cennik.xlsx', contentType: 'application/octet-stream', contentBase64: btoa('content of a3') },
    ]);
    expect(request).not.toHaveProperty('intentId');
    expect(emailFile.safeParse(request).success).toBe(true);
  });

  it('when attachments are left out or a choice made while writing is used, then the request says so', async () => {
    mailbox(received);
    const request = await filingRequest(readItem()!, targets, { withAttachments: false, intentId: '0193a000-0000-7000-8000-000000000003' });
    expect(request.attachments).toEqual([]);
    expect(request.intentId).toBe('0193a000-0000-7000-8000-000000000003');
  });

  it('when an attachment is a link to a cloud file, then filing fails with a readable reason', async () => {
    mailbox({ ...received, getAttachmentContentAsync: (_id: string, done: (r: unknown) => void) => done(ok({ format: 'url', content: 'https://x' })) });
    await expect(filingRequest(readItem()!, targets, { withAttachments: true })).rejects.toThrow('Only file attachments can be filed');
  });

  it('when Outlook refuses to give the body, then its message comes through', async () => {
    mailbox({ ...received, body: { getAsync: (_t: string, done: (r: unknown) => void) => done({ status: 'failed', error: { message: 'The item was deleted.' } }) } });
    await expect(filingRequest(readItem()!, targets, { withAttachments: false })).rejects.toThrow('The item was deleted.');
  });

  it('when matching, then sender and recipients go once each, and the lookup asks about the conversation too', () => {
    mailbox(received);
    const item = readItem()!;
    expect(addressesOf(item)).toEqual(['anna@kowalski.example', 'ioana@demo.example']);
    expect(lookupPath(item)).toBe('/emails/lookup?internetMessageId=%3Coffer-7%40kowalski.example%3E&sentAt=2026-11-23T08%3A15%3A00.000Z&conversationId=AAQkConv');
  });
});

describe('reading a message being written', () => {
  // office-addin-mock cannot hold a null, so a new message's missing conversation id is left out.
  const draft = (conversationId: string | null) => ({
    ...(conversationId ? { conversationId } : {}),
    subject: { getAsync: (done: (r: unknown) => void) => done(ok('Nabídka servisu')) },
    to: { getAsync: (done: (r: unknown) => void) => done(ok([{ displayName: 'Jiří', emailAddress: 'Jiri@Dvorak-Syn.example' }, { displayName: 'x', emailAddress: 'broken' }])) },
    cc: { getAsync: (done: (r: unknown) => void) => done(ok([])) },
    saveAsync(this: { conversationId: string | null }, done: (r: unknown) => void) {
      this.conversationId = 'AAQkSaved';
      done(ok('draft-item-id'));
    },
  });

  it('when a message is being written, then the pane sees compose mode and reads subject and recipients through callbacks', async () => {
    mailbox(draft('AAQkReply'));
    expect(itemMode()).toBe('compose');
    expect(await readDraft()).toEqual({ conversationId: 'AAQkReply', subject: 'Nabídka servisu', to: [{ name: 'Jiří', email: 'jiri@dvorak-syn.example' }], cc: [] });
  });

  it('when a new message has no conversation yet, then saving the draft gives it one', async () => {
    mailbox(draft(null));
    expect((await readDraft()).conversationId).toBeNull();
    expect(await saveDraft()).toBe('AAQkSaved');
  });

  it('when a received message is open, then the pane sees read mode; with no item, neither', () => {
    mailbox(received);
    expect(itemMode()).toBe('read');
    mailbox();
    expect(itemMode()).toBe(null);
  });
});
