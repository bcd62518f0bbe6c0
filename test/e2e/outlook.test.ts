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
const officeStandIn = (messageId: string, from = { name: 'Jiří Dvořák', email: 'jiri.dvorak@dvorak-syn.example' }) => `
window.Office = {
  HostType: { Outlook: 'Outlook' },
  CoercionType: { Html: 'html' },
  AsyncResultStatus: { Succeeded: 'succeeded', Failed: 'failed' },
  MailboxEnums: { AttachmentContentFormat: { Base64: 'base64' } },
  context: { mailbox: { item: {
    internetMessageId: '${messageId}',
    conversationId: 'AAQkADemo',
    subject: 'Poptávka – servisní smlouva',
    from: { displayName: '${from.name}', emailAddress: '${from.email}' },
    to: [{ displayName: 'Ioana Popescu', emailAddress: 'ioana.popescu@demo.example' }],
    cc: [],
    dateTimeCreated: new Date('2026-11-23T08:15:00Z'),
    attachments: [{ id: 'att-1', name: 'poptavka.pdf', contentType: 'application/pdf', size: 60, isInline: false }],
    body: { getAsync: (type, cb) => cb({ status: 'succeeded', value: '<p>Dobrý den, <b>posíláme poptávku</b>.</p><script>alert(1)</script>' }) },
    getAttachmentContentAsync: (id, cb) => cb({ status: 'succeeded', value: { format: 'base64', content: btoa('%PDF-1.4\\n%%EOF\\n') } }),
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

  it('when the sender is not a contact yet, then the pane offers to create one at the suggested client', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/outlook/taskpane.html`, ioana, {
      viewport: { width: 380, height: 900 },
      before: async (context) => {
        await context.route('**/outlook/office/office.js', (route) =>
          route.fulfill({ contentType: 'text/javascript', body: officeStandIn(`<new-${crypto.randomUUID()}@dvorak-syn.example>`, { name: 'Karel Nový', email: 'karel.novy@dvorak-syn.example' }) }),
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
});
