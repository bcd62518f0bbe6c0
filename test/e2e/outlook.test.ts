import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { demoBrowserSuite, screenshot, signedIn } from '../support/browser.js';
import { demoUsers } from '../../api/src/db/seed/demo-people.js';

/**
 * The task pane in headless Chromium. No Outlook runs here, so office.js is replaced by a small
 * stand-in that speaks the Office.js surface the pane uses (onReady, mailbox.item, body.getAsync,
 * getAttachmentContentAsync), with a message from a demo contact and a PDF attachment.
 */
const jiri = { name: 'Jiří Dvořák', email: 'jiri.dvorak@dvorak-syn.example' };
const officeStandIn = (messageId: string, { from = jiri, to = { name: 'Ioana Popescu', email: 'ioana.popescu@demo.example' }, conversationId = 'AAQkDemo', sentAt = '2026-11-23T08:15:00Z' } = {}) => `
window.Office = {
  HostType: { Outlook: 'Outlook' },
  CoercionType: { Html: 'html' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  MailboxEnums: { AttachmentContentFormat: { Base64: 'base64' } },
  context: { mailbox: { userProfile: { emailAddress: 'ioana.popescu@demo.example' }, item: {
    internetMessageId: '${messageId}',
    conversationId: '${conversationId}',
    subject: 'Poptávka – servisní smlouva',
    from: { displayName: '${from.name}', emailAddress: '${from.email}' },
    to: [{ displayName: '${to.name}', emailAddress: '${to.email}' }],
    cc: [],
    dateTimeCreated: new Date('${sentAt}'),
    attachments: [{ id: 'att-1', name: 'poptavka.pdf', contentType: 'application/pdf', size: 60, isInline: false }],
    body: { getAsync: (type, cb) => cb({ status: 'succeeded', value: '<p>Dobrý den, <b>posíláme poptávku</b>.</p><script>alert(1)</script>' }) },
    getAttachmentContentAsync: (id, cb) => cb({ status: 'succeeded', value: { format: 'base64', content: btoa('%PDF-1.4\\n%%EOF\\n') } }),
  } } },
  onReady(cb) { const info = { host: 'Outlook', platform: 'OfficeOnline' }; setTimeout(() => cb && cb(info), 0); return Promise.resolve(info); },
};`;

/** A reply being written in Czech Outlook: subject and recipients come through callbacks, as in compose mode. */
const composeStandIn = (conversationId: string) => `
window.Office = {
  HostType: { Outlook: 'Outlook' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  context: { displayLanguage: 'cs-CZ', mailbox: { item: {
    conversationId: '${conversationId}',
    subject: { getAsync: (cb) => cb({ status: 'succeeded', value: 'RE: Poptávka – servisní smlouva' }) },
    to: { getAsync: (cb) => cb({ status: 'succeeded', value: [{ displayName: '${jiri.name}', emailAddress: '${jiri.email}' }] }) },
    cc: { getAsync: (cb) => cb({ status: 'succeeded', value: [] }) },
    saveAsync: (cb) => cb({ status: 'succeeded', value: 'draft-id' }),
  } } },
  onReady(cb) { const info = { host: 'Outlook', platform: 'OfficeOnline' }; setTimeout(() => cb && cb(info), 0); return Promise.resolve(info); },
};`;

const ioana = demoUsers.find((u) => u.name === 'Ioana Popescu')!;
const suite = demoBrowserSuite(() => {
  if (fs.existsSync('dist/outlook/taskpane.html')) return;
  const built = spawnSync('npx', ['vite', 'build', '--config', 'outlook-addin/vite.config.ts'], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('The task pane did not build');
});

describe('the Outlook task pane', () => {
  it('when office.js is the real package outside Outlook, then the pane loads without errors and asks for a message', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana);
    await page.getByText('Open an email in Outlook to file it into the CRM.').waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('when an email from a known contact is open, then the pane suggests the client, files it with its attachment, and shows who filed it', async () => {
    const messageId = `<pane-${crypto.randomUUID()}@dvorak-syn.example>`;
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana, {
      viewport: { width: 380, height: 900 },
      before: async (context) => {
        await context.route('**/outlook/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStandIn(messageId) }));
      },
    });
    await expect.poll(() => page.getByRole('combobox').first().inputValue()).toBe('Dvořák & syn s.r.o.');
    await page.getByRole('checkbox', { name: /Link Jiří Dvořák/ }).waitFor();
    const axe = await new AxeBuilder({ page }).exclude('[data-tabster-dummy]').analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await page.getByRole('button', { name: 'File email' }).click();
    await page.getByText('Filed to Dvořák & syn s.r.o.').waitFor();
    await page.getByText(/Filed by Ioana Popescu on/).waitFor();
    await screenshot(page, 'outlook-pane-filed');
    expect(errors).toEqual([]);

    const lookup = await suite.server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent(messageId)}`, { as: ioana });
    expect(lookup.body.filed).toBe(true);
    const email = (await suite.server.call('GET', `/api/v1/emails/${lookup.body.emailId}`, { as: ioana })).body;
    expect(email.bodyHtml).toContain('posíláme poptávku');
    expect(email.bodyHtml).not.toContain('script');
    expect(email.documentIds).toHaveLength(1);
    expect(email.links.some((l: { contactId: string | null }) => l.contactId !== null)).toBe(true);

    await page.getByRole('button', { name: 'Task from this email' }).click();
    await page.getByText('Follow-up task created.').waitFor();
    const tasks = (await suite.server.call('GET', '/api/v1/activities?assignee=me&type=task&open=true&limit=200', { as: ioana })).body.items;
    expect(tasks.map((t: { subject: string }) => t.subject)).toContain('Follow up: Poptávka – servisní smlouva');

    // Reopening the same message shows that it is filed, and by whom.
    await page.reload();
    await page.getByText(/Filed by Ioana Popescu on .* in Dvořák & syn s\.r\.o\./).waitFor();
    await screenshot(page, 'outlook-pane-reopened');

    // The Teams tab shows it on the client's timeline, with the attachment among the documents.
    const tab = await page.context().newPage();
    tab.setDefaultTimeout(8000);
    await tab.goto(`${suite.server.url}/tab/#/clients/${email.links[0].clientId}`);
    await tab.getByRole('button', { name: `Sign in: ${ioana.name}` }).click();
    await tab.getByRole('heading', { name: 'Dvořák & syn s.r.o.' }).waitFor();
    await tab.getByText('Poptávka – servisní smlouva').first().waitFor();
    await tab.getByRole('tab', { name: 'Related' }).click();
    await tab.getByText('poptavka.pdf').waitFor();
    await screenshot(tab, 'tab-filed-email');
    await tab.close();

    await page.getByRole('button', { name: 'Unfile from Dvořák & syn s.r.o.' }).click();
    await page.getByText('Unfiled.').waitFor();
    expect((await suite.server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent(messageId)}`, { as: ioana })).body.filed).toBe(false);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('when the open message has no internet message id, then the pane says it cannot be filed and offers nothing to click', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana, {
      viewport: { width: 380, height: 600 },
      before: async (context) => {
        await context.route('**/outlook/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: officeStandIn('') }));
      },
    });
    await page.getByRole('alert').filter({ hasText: 'has no internet message id' }).waitFor();
    expect(await page.getByRole('button', { name: 'File email' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('when the sender is not a contact yet, then the pane offers to create one at the suggested client', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana, {
      viewport: { width: 380, height: 900 },
      before: async (context) => {
        await context.route('**/outlook/office/office.js', (route) =>
          route.fulfill({ contentType: 'text/javascript', body: officeStandIn(`<new-${crypto.randomUUID()}@dvorak-syn.example>`, { from: { name: 'Karel Nový', email: 'karel.novy@dvorak-syn.example' } }) }),
        );
      },
    });
    await expect.poll(() => page.getByRole('combobox').first().inputValue()).toBe('Dvořák & syn s.r.o.');
    await page.getByRole('button', { name: 'Create contact Karel Nový at Dvořák & syn s.r.o.' }).click();
    await page.getByRole('checkbox', { name: /Link Karel Nový/ }).waitFor();
    expect(errors).toEqual([]);
    const contacts = (await suite.server.call('GET', '/api/v1/contacts?q=karel.novy@dvorak-syn.example', { as: ioana })).body.items;
    expect(contacts).toEqual([expect.objectContaining({ firstName: 'Karel', lastName: 'Nový', email: 'karel.novy@dvorak-syn.example' })]);
    await page.context().close();
  });

  it('when a reply is being written in Czech Outlook, then the pane keeps the chosen client, and the sent message is filed there when it is opened', async () => {
    const conversationId = `AAQk-${crypto.randomUUID()}`;
    const compose = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana, {
      viewport: { width: 380, height: 700 },
      locale: 'cs-CZ',
      before: async (context) => {
        await context.route('**/outlook/office/office.js', (route) => route.fulfill({ contentType: 'text/javascript', body: composeStandIn(conversationId) }));
      },
    });
    await expect.poll(() => compose.page.getByRole('combobox').first().inputValue()).toBe('Dvořák & syn s.r.o.');
    await compose.page.getByRole('checkbox', { name: /Propojit s Jiří Dvořák/ }).waitFor();
    await compose.page.getByRole('button', { name: 'Založit po odeslání' }).click();
    await compose.page.getByText('Dvořák & syn s.r.o.: zpráva se založí po odeslání.').waitFor();
    await screenshot(compose.page, 'outlook-pane-compose');
    expect(compose.errors).toEqual([]);
    await compose.page.context().close();

    // The sent message, opened from Sent Items: same conversation, sent after the choice.
    const messageId = `<sent-${crypto.randomUUID()}@demo.example>`;
    const sent = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana, {
      viewport: { width: 380, height: 900 },
      before: async (context) => {
        await context.route('**/outlook/office/office.js', (route) =>
          route.fulfill({ contentType: 'text/javascript', body: officeStandIn(messageId, { from: { name: ioana.name, email: 'ioana.popescu@demo.example' }, to: jiri, conversationId, sentAt: new Date(Date.now() + 60_000).toISOString() }) }),
        );
      },
    });
    await sent.page.getByText('Filed to Dvořák & syn s.r.o., as you chose while writing it.').waitFor();
    await sent.page.getByText(/Filed by Ioana Popescu on .* in Dvořák & syn s\.r\.o\./).waitFor();
    await screenshot(sent.page, 'outlook-pane-filed-once-sent');
    // The sender is the mailbox's owner: no offer to make her a contact of the client.
    expect(await sent.page.getByRole('button', { name: /Create contact/ }).count()).toBe(0);
    const filed = (await suite.server.call('GET', `/api/v1/emails/lookup?internetMessageId=${encodeURIComponent(messageId)}`, { as: ioana })).body;
    expect(filed.links.map((l: { contactId: string | null }) => l.contactId === null)).toEqual([true, false]);
    expect((await suite.server.call('GET', `/api/v1/emails/intents?conversationId=${conversationId}`, { as: ioana })).body).toEqual({ intent: null });
    // Reopening it does not file it a second time.
    await sent.page.reload();
    await sent.page.getByText(/Filed by Ioana Popescu/).waitFor();
    await expect.poll(async () => (await suite.server.call('GET', `/api/v1/emails/${filed.emailId}`, { as: ioana })).body.links.length).toBe(2);
    expect(sent.errors).toEqual([]);
    await sent.page.context().close();
  });
});
