import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.js';
import { ensureTabBuilt, launchChromium, screenshot, watchErrors, type Browser } from '../support/browser.js';
import { demoUsers } from '../../api/src/db/seed/demo-people.js';

let server: TestServer;
let browser: Browser;
let closeBrowser: () => Promise<void>;
const ioana = demoUsers.find((u) => u.name === 'Ioana Popescu')!;

beforeAll(async () => {
  ensureTabBuilt();
  server = await startTestServer({ SEED_DEMO: 'true' });
  ({ browser, close: closeBrowser } = await launchChromium());
}, 120_000);
afterAll(async () => {
  await closeBrowser?.();
  await server?.stop();
});

describe('documents and meetings on the client card', () => {
  it('when a file is uploaded and a meeting scheduled from the card, then both show there and in the API', async () => {
    const context = await browser.newContext({ viewport: { width: 1300, height: 1000 } });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors = watchErrors(page);
    await page.goto(`${server.url}/tab/`);
    await page.getByRole('button', { name: `Sign in: ${ioana.name}` }).click();
    await page.getByRole('searchbox').fill('dvorak');
    await page.getByRole('link', { name: 'Dvořák & syn s.r.o.' }).click();
    await page.getByRole('tab', { name: 'Related' }).click();

    await page.locator('input[type=file]').setInputFiles({ name: 'nabídka 2027.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n%%EOF\n') });
    await page.getByText('nabídka 2027.pdf').waitFor();

    await page.getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByLabel('Subject').fill('Prohlídka haly B');
    await page.getByRole('checkbox', { name: /Jiří Dvořák/ }).check();
    await page.getByRole('dialog').getByRole('button', { name: 'Schedule meeting' }).click();
    await page.getByText('Prohlídka haly B').first().waitFor();
    await page.getByText('Calendar file (.ics)').waitFor();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await screenshot(page, 'tab-documents-meetings');
    expect(errors).toEqual([]);

    const client = (await server.call('GET', '/api/v1/clients?q=dvorak', { as: ioana })).body.items[0];
    const docs = (await server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: ioana })).body.items;
    expect(docs.map((d: { name: string }) => d.name)).toContain('nabídka 2027.pdf');
    const meetings = (await server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: ioana })).body.items;
    expect(meetings).toEqual([expect.objectContaining({ subject: 'Prohlídka haly B', attendees: [expect.objectContaining({ email: 'jiri.dvorak@dvorak-syn.example' })] })]);
    await context.close();
  });
});
