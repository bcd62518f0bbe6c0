import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newUser, startTestServer, type TestServer } from '../../../../test/support/server.js';

let server: TestServer;
const tenant = crypto.randomUUID();
const seller = newUser(['User'], tenant);
const colleague = newUser(['User'], tenant);
const reader = newUser(['Reader'], tenant);
const outsider = newUser(['User']);
let clientId: string;
let contactId: string;
let dealId: string;

beforeAll(async () => {
  server = await startTestServer();
  clientId = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Dvořák & syn s.r.o.', website: 'https://www.dvorak-syn.example' } })).body.id;
  contactId = (await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId, firstName: 'Jiří', lastName: 'Dvořák', email: 'jiri@dvorak-syn.example' } })).body.id;
  dealId = (await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId, title: 'Hala' } })).body.id;
});
afterAll(async () => {
  await server?.stop();
});

const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n').toString('base64');
const message = (id: string, extra: Record<string, unknown> = {}) => ({
  internetMessageId: `<${id}@mail.dvorak-syn.example>`,
  conversationId: 'AAQkAGI2',
  subject: 'Nabídka – hala B',
  from: { name: 'Jiří Dvořák', email: 'Jiri@Dvorak-Syn.example' },
  to: [{ name: 'Ioana Popescu', email: 'ioana@demo.example' }],
  cc: [],
  sentAt: '2026-11-20T09:30:00+01:00',
  bodyHtml:
    '<p onclick="steal()">Dobrý den,<script>alert(1)</script> posílám nabídku.</p><img src="https://tracker.example/p.gif"><img src="data:image/png;base64,iVBORw0KGgo=" alt="logo"><a href="javascript:alert(1)">x</a>',
  clientId,
  dealId,
  contactIds: [contactId],
  attachments: [{ name: 'nabidka.pdf', contentType: 'application/pdf', contentBase64: pdf }],
  ...extra,
});

describe('filing emails', () => {
  it('when an email is filed, then it is stored sanitized with its attachment as a document and an email entry on the timeline', async () => {
    const res = await server.call('POST', '/api/v1/emails', { as: seller, body: message('first') });
    expect(res.status).toBe(201);
    const email = res.body;
    expect(email.bodyHtml).not.toMatch(/script|onclick|tracker\.example|javascript:/);
    expect(email.bodyHtml).toContain('data:image/png');
    expect(email.bodyHtml).toContain('posílám nabídku');
    expect(email.from.email).toBe('jiri@dvorak-syn.example');
    expect(email.links).toEqual([expect.objectContaining({ clientId, dealId, contactId: null, filedBy: seller.name }), expect.objectContaining({ contactId })]);
    expect(email.documentIds).toHaveLength(1);
    const doc = await server.call('GET', `/api/v1/documents/${email.documentIds[0]}`, { as: seller });
    expect(doc.body).toMatchObject({ name: 'nabidka.pdf', clientId, dealId });
    const tl = await server.call('GET', `/api/v1/clients/${clientId}/timeline?type=email`, { as: reader });
    expect(tl.body.items).toEqual([expect.objectContaining({ subject: 'Nabídka – hala B', emailId: email.id, dealId })]);
    expect((await server.call('GET', `/api/v1/emails/${email.id}`, { as: reader })).body.subject).toBe('Nabídka – hala B');
  });

  it('when the same email is filed again from another mailbox, then links are added and there is no second copy', async () => {
    const first = (await server.call('POST', '/api/v1/emails', { as: seller, body: message('twice') })).body;
    const again = await server.call('POST', '/api/v1/emails', { as: colleague, body: message('twice', { attachments: [], contactIds: [], dealId: null }) });
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.id);
    expect(again.body.links.map((l: { filedBy: string }) => l.filedBy)).toEqual([seller.name, seller.name, colleague.name]);
    expect(again.body.documentIds).toEqual(first.documentIds);
    const lookup = await server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent('<TWICE@mail.dvorak-syn.example>')}`, { as: colleague });
    expect(lookup.body).toMatchObject({ filed: true, emailId: first.id });
    const emails = (await server.call('GET', `/api/v1/clients/${clientId}/timeline?type=email&limit=200`, { as: seller })).body.items.filter((a: { emailId: string }) => a.emailId === first.id);
    expect(emails).toHaveLength(1);
  });

  it('when addresses are matched, then contacts come by exact email and clients by the domain of their website', async () => {
    const res = await server.call('POST', '/api/v1/emails/match', { as: seller, body: { addresses: ['JIRI@dvorak-syn.example', 'someone.else@dvorak-syn.example', 'x@gmail.com'] } });
    expect(res.body.contacts).toEqual([expect.objectContaining({ id: contactId, clientId })]);
    expect(res.body.clients).toEqual([expect.objectContaining({ id: clientId, matchedBy: 'contact' })]);
    const byDomain = await server.call('POST', '/api/v1/emails/match', { as: seller, body: { addresses: ['new.person@dvorak-syn.example'] } });
    expect(byDomain.body.clients).toEqual([expect.objectContaining({ id: clientId, matchedBy: 'domain' })]);
    expect((await server.call('GET', '/api/v1/emails/lookup?internetMessageId=%3Cnever%40x%3E', { as: seller })).body).toEqual({ filed: false, emailId: null, links: [], intent: null });
  });

  it('when an attachment is a program, then 415 and neither the email nor any document is written', async () => {
    const exe = Buffer.from('MZ\x90\x00 this is a windows program').toString('base64');
    const res = await server.call('POST', '/api/v1/emails', {
      as: seller,
      body: message('with-exe', { attachments: [{ name: 'ok.pdf', contentType: 'application/pdf', contentBase64: pdf }, { name: 'invoice.exe', contentType: 'application/x-msdownload', contentBase64: exe }] }),
    });
    expect(res.status).toBe(415);
    expect((await server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent('<with-exe@mail.dvorak-syn.example>')}`, { as: seller })).body.filed).toBe(false);
    const docs = (await server.call('GET', `/api/v1/clients/${clientId}/documents?limit=200`, { as: seller })).body.items.map((d: { name: string }) => d.name);
    expect(docs.filter((n: string) => n.startsWith('ok'))).toEqual([]);
  });

  it.each([
    ['a message id that is not one', { internetMessageId: 'hello' }, 400, 'internetMessageId'],
    ['a sender that is not an email', { from: { email: 'nobody' } }, 400, 'from.email'],
    ['a date that is not ISO', { sentAt: 'yesterday' }, 400, 'sentAt'],
    ['an unknown field', { spam: true }, 400, 'spam'],
    ['a contact of another client', { contactIds: ['CONTACT'] }, 422, 'contactIds.0'],
    ['a deal of another client', { dealId: 'DEAL' }, 422, 'dealId'],
  ])('when the email has %s, then %i and nothing is written', async (_l, extra, status, path) => {
    const other = (await server.call('POST', '/api/v1/clients', { as: seller, body: { kind: 'company', name: 'Other' } })).body.id;
    const otherContact = (await server.call('POST', '/api/v1/contacts', { as: seller, body: { clientId: other, firstName: 'A', lastName: 'B' } })).body.id;
    const otherDeal = (await server.call('POST', '/api/v1/deals', { as: seller, body: { clientId: other, title: 'X' } })).body.id;
    const resolved = JSON.parse(JSON.stringify(extra).replace('CONTACT', otherContact).replace('DEAL', otherDeal));
    const id = `bad-${crypto.randomUUID()}`;
    const res = await server.call('POST', '/api/v1/emails', { as: seller, body: message(id, resolved) });
    expect(res.status).toBe(status);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toContain(path);
    expect((await server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent(`<${id}@mail.dvorak-syn.example>`)}`, { as: seller })).body.filed).toBe(false);
  });

  it('when a Reader files, or another tenant files, reads or looks up, then 403 / 422 / 404 / not filed', async () => {
    expect((await server.call('POST', '/api/v1/emails', { as: reader, body: message('reader') })).status).toBe(403);
    const mine = (await server.call('POST', '/api/v1/emails', { as: seller, body: message('tenancy', { attachments: [] }) })).body;
    expect((await server.call('GET', `/api/v1/emails/${mine.id}`, { as: outsider })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent('<tenancy@mail.dvorak-syn.example>')}`, { as: outsider })).body.filed).toBe(false);
    expect((await server.call('POST', '/api/v1/emails', { as: outsider, body: message('tenancy', { attachments: [], contactIds: [], dealId: null }) })).status).toBe(422);
    expect((await server.call('POST', '/api/v1/emails/match', { as: outsider, body: { addresses: ['jiri@dvorak-syn.example'] } })).body).toEqual({ contacts: [], clients: [] });
  });
});

describe('filing emails with a big attachment', () => {
  it('when an attachment is over the upload limit, then the email is filed without it and the answer names it', async () => {
    const small = await startTestServer({ UPLOAD_LIMIT_MB: '1' });
    try {
      const u = newUser(['User']);
      const c = (await small.call('POST', '/api/v1/clients', { as: u, body: { kind: 'company', name: 'Limits s.r.o.' } })).body.id;
      const big = Buffer.alloc(1_200_000, 65).toString('base64');
      const res = await small.call('POST', '/api/v1/emails', {
        as: u,
        body: message('big', { clientId: c, dealId: null, contactIds: [], attachments: [{ name: 'ok.pdf', contentType: 'application/pdf', contentBase64: pdf }, { name: 'scan.pdf', contentType: 'application/pdf', contentBase64: big }] }),
      });
      expect(res.status).toBe(201);
      expect(res.body.skippedAttachments).toEqual([{ name: 'scan.pdf', reason: 'larger than the 1 MB limit' }]);
      expect(res.body.documentIds).toHaveLength(1);
    } finally {
      await small.stop();
    }
  });
});

describe('unfiling', () => {
  it('when an email is unfiled from its only client, then links, timeline entry, email and documents are gone; another tenant gets 404', async () => {
    const filed = (await server.call('POST', '/api/v1/emails', { as: seller, body: message('unfile') })).body;
    expect((await server.call('DELETE', `/api/v1/emails/${filed.id}/links?clientId=${clientId}`, { as: outsider })).status).toBe(404);
    const res = await server.call('DELETE', `/api/v1/emails/${filed.id}/links?clientId=${clientId}`, { as: seller });
    expect(res.body).toEqual({ filed: false });
    expect((await server.call('GET', `/api/v1/emails/${filed.id}`, { as: seller })).status).toBe(404);
    expect((await server.call('GET', `/api/v1/documents/${filed.documentIds[0]}`, { as: seller })).status).toBe(404);
    const tl = (await server.call('GET', `/api/v1/clients/${clientId}/timeline?type=email&limit=200`, { as: seller })).body.items;
    expect(tl.some((a: { emailId: string }) => a.emailId === filed.id)).toBe(false);
    expect((await server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent('<unfile@mail.dvorak-syn.example>')}`, { as: seller })).body.filed).toBe(false);
    expect((await server.call('DELETE', `/api/v1/emails/${filed.id}/links?clientId=not-a-uuid`, { as: seller })).status).toBe(400);
  });
});
