import { afterEach, describe, expect, it } from 'vitest';
import { OfficeMockObject } from 'office-addin-mock';
import { readItem } from './mail-item.js';

/** Office.js as office-addin-mock builds it, installed as the global the pane reads. */
function mailbox(item: Record<string, unknown>) {
  (globalThis as { Office?: unknown }).Office = new OfficeMockObject({ host: 'outlook', context: { mailbox: { item } } }) as unknown;
}
afterEach(() => {
  delete (globalThis as { Office?: unknown }).Office;
});

const item = {
  internetMessageId: '<abc@dvorak-syn.example>',
  conversationId: 'AAQk',
  subject: 'Nabídka',
  from: { displayName: 'Jiří Dvořák', emailAddress: 'Jiri.Dvorak@Dvorak-Syn.example' },
  to: [{ displayName: 'Ioana', emailAddress: 'ioana@demo.example' }, { displayName: 'Broken', emailAddress: 'not an address' }],
  cc: [],
  dateTimeCreated: new Date('2026-11-23T08:15:00Z'),
  attachments: [{ id: 'a1', name: 'nabidka.pdf', contentType: 'application/pdf', size: 1200, isInline: false }],
};

describe('reading the open message', () => {
  it('when a message is open, then its addresses, ids, date and attachments come out as plain checked data', () => {
    mailbox(item);
    expect(readItem()).toEqual({
      internetMessageId: '<abc@dvorak-syn.example>',
      conversationId: 'AAQk',
      subject: 'Nabídka',
      from: { name: 'Jiří Dvořák', email: 'jiri.dvorak@dvorak-syn.example' },
      to: [{ name: 'Ioana', email: 'ioana@demo.example' }],
      cc: [],
      sentAt: '2026-11-23T08:15:00.000Z',
      attachments: [{ id: 'a1', name: 'nabidka.pdf', contentType: 'application/pdf', size: 1200, isInline: false }],
    });
  });

  it('when the message has no internet message id or no usable sender, then there is nothing to file', () => {
    mailbox({ ...item, internetMessageId: '' });
    expect(readItem()).toBeNull();
    mailbox({ ...item, from: { displayName: 'X', emailAddress: 'nope' } });
    expect(readItem()).toBeNull();
  });

  it('when values are too long, then they are cut to what the API accepts', () => {
    mailbox({ ...item, subject: 'x'.repeat(900), attachments: Array.from({ length: 30 }, (_, i) => ({ id: `a${i}`, name: `f${i}.pdf`, contentType: 'application/pdf', size: 1, isInline: false })) });
    const read = readItem()!;
    expect(read.subject).toHaveLength(500);
    expect(read.attachments).toHaveLength(20);
  });
});
