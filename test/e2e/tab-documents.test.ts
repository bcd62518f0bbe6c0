import { describe, expect, it } from 'vitest';
import { demoBrowserSuite, screenshot, signedIn } from '../support/browser.js';
import { demoUsers } from '../../api/src/db/seed/demo-people.js';

const suite = demoBrowserSuite();
const ioana = demoUsers.find((u) => u.name === 'Ioana Popescu')!;

describe('documents and meetings on the client card', () => {
  it('when a file is uploaded and a meeting scheduled from the card, then both show there and in the API', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/tab/`, ioana, { viewport: { width: 1300, height: 1000 } });
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

    const client = (await suite.server.call('GET', '/api/v1/clients?q=dvorak', { as: ioana })).body.items[0];
    const docs = (await suite.server.call('GET', `/api/v1/clients/${client.id}/documents`, { as: ioana })).body.items;
    expect(docs.map((d: { name: string }) => d.name)).toContain('nabídka 2027.pdf');
    const meetings = (await suite.server.call('GET', `/api/v1/clients/${client.id}/meetings`, { as: ioana })).body.items;
    expect(meetings).toEqual([expect.objectContaining({ subject: 'Prohlídka haly B', attendees: [expect.objectContaining({ email: 'jiri.dvorak@dvorak-syn.example' })] })]);
    await page.context().close();
  });
});
