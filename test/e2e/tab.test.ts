import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { AxeBuilder } from '@axe-core/playwright';
import { demoBrowserSuite, screenshot, signedIn, type Page } from '../support/browser.js';
import { demoUsers } from '../../api/src/db/seed/demo-people.js';

const suite = demoBrowserSuite();
let page: Page;
let errors: string[];

const ioana = demoUsers.find((u) => u.name === 'Ioana Popescu')!;
const piotr = demoUsers.find((u) => u.name === 'Piotr Wiśniewski')!;

async function signedInPage(hash = '', locale = 'en-GB', expectedErrors: RegExp[] = []): Promise<Page> {
  const signed = await signedIn(suite.browser, `${suite.server.url}/tab/${hash}`, ioana, { locale, expectedErrors });
  errors = signed.errors;
  await signed.page.getByText(ioana.name, { exact: true }).waitFor();
  return signed.page;
}

afterEach(async () => {
  expect(errors, 'console or page errors').toEqual([]);
  await page?.context().close();
});

async function openDvorak(p: Page) {
  await p.getByRole('searchbox').fill('dvorak');
  await p.getByRole('link', { name: 'Dvořák & syn s.r.o.' }).click();
  await p.getByRole('heading', { name: 'Dvořák & syn s.r.o.' }).waitFor();
}

async function axeSerious(p: Page) {
  // Fluent's focus manager (Tabster) inserts aria-hidden focus guards on purpose; axe cannot tell them from mistakes.
  const result = await new AxeBuilder({ page: p }).exclude('[data-tabster-dummy]').analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`).slice(0, 3).join(' | ')}`);
}

describe('the Teams tab in a plain browser', () => {
  it('when a person signs in and searches "dvorak", then the Dvořák client card opens', async () => {
    page = await signedInPage();
    await page.getByRole('searchbox').fill('dvorak');
    await expect.poll(() => page.getByRole('link', { name: 'Dvořák & syn s.r.o.' }).count()).toBe(1);
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'tab-clients-search');
    await openDvorak(page);
    await page.getByText('Jiří Dvořák', { exact: false }).first().waitFor();
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'tab-client-card');
  });

  it('when a field is edited and a note added, then the card and the timeline show them', async () => {
    page = await signedInPage();
    await openDvorak(page);
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Industry').fill('Steel structures');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Steel structures').waitFor();
    await page.getByRole('tab', { name: 'Summary' }).click();
    await page.getByLabel('Subject').fill('Visited the Brno plant');
    await page.getByPlaceholder('What happened?').fill('They want delivery before March.');
    await page.getByRole('button', { name: 'Add note' }).last().click();
    await page.getByRole('listitem').filter({ hasText: 'Visited the Brno plant' }).waitFor();
    await screenshot(page, 'tab-note-added');
  });

  it('when someone else saved meanwhile, then the edit shows who and offers a reload instead of overwriting', async () => {
    // Chromium logs every non-2xx fetch; the 412 is the answer this test provokes.
    page = await signedInPage('', 'en-GB', [/status of 412/]);
    await openDvorak(page);
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    const client = (await suite.server.call('GET', '/api/v1/clients?q=dvorak', { as: { ...piotr, roles: ['Manager'] } })).body.items[0];
    const other = await suite.server.call('PATCH', `/api/v1/clients/${client.id}`, { as: { ...piotr, roles: ['Manager'] }, body: { description: 'Changed by Piotr' } });
    expect(other.status).toBe(200);
    await page.getByLabel('Industry').fill('Mine wins?');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Changed meanwhile').waitFor();
    await page.getByText(/Piotr Wiśniewski changed this record meanwhile/).waitFor();
    await screenshot(page, 'tab-etag-conflict');
    await page.getByRole('button', { name: 'Reload' }).click();
    await page.getByText('Changed by Piotr').waitFor();
    expect((await suite.server.call('GET', `/api/v1/clients/${client.id}`, { as: { ...piotr, roles: ['Manager'] } })).body.industry).not.toBe('Mine wins?');
  });

  it('when a deal is created and dragged to the next stage (and another moved by keyboard), then the API has it there', async () => {
    page = await signedInPage('#/deals');
    await page.getByRole('button', { name: 'New deal' }).click();
    await page.getByRole('combobox').pressSequentially('Dvo');
    await page.getByRole('option', { name: 'Dvořák & syn s.r.o.' }).click();
    await page.getByLabel('Title').fill('Playwright hall');
    await page.getByLabel('Estimated value').fill('125000');
    await page.getByRole('button', { name: 'Create' }).click();
    const card = page.locator('[data-deal]').filter({ hasText: 'Playwright hall' });
    await card.waitFor();
    await card.dragTo(page.locator('section[data-stage="develop"]'));
    await page.getByRole('status').filter({ hasText: 'Moved to Develop' }).waitFor();
    const deals = (await suite.server.call('GET', '/api/v1/deals?view=all&limit=200', { as: ioana })).body.items;
    const created = deals.find((d: { title: string }) => d.title === 'Playwright hall');
    expect(created).toMatchObject({ stage: 'develop', estimatedValue: { amountMinor: 12_500_000, currency: 'CZK' } });
    const moved = page.locator('section[data-stage="develop"] [data-deal]').filter({ hasText: 'Playwright hall' });
    await moved.focus();
    await page.keyboard.press('ArrowRight');
    await page.getByRole('status').filter({ hasText: 'Moved to Propose' }).waitFor();
    expect((await suite.server.call('GET', `/api/v1/deals/${created.id}`, { as: ioana })).body.stage).toBe('propose');
    expect(await axeSerious(page)).toEqual([]);
    await screenshot(page, 'tab-pipeline');
  });

  it('when the language is switched to Czech, then the labels are Czech', async () => {
    page = await signedInPage('#/settings');
    await page.getByRole('radio', { name: 'Čeština' }).check();
    await page.getByRole('tab', { name: 'Klienti' }).click();
    await page.getByRole('heading', { name: 'Klienti' }).waitFor();
    await page.getByRole('tab', { name: 'Obchodní případy' }).click();
    await page.getByRole('region', { name: 'Zpracování' }).waitFor();
    await screenshot(page, 'tab-czech');
  });

  it('when a deep link to a deal is opened directly, then the deal card shows after sign-in', async () => {
    const deal = (await suite.server.call('GET', '/api/v1/deals?view=open&limit=1', { as: ioana })).body.items[0];
    page = await signedInPage(`#/deals/${deal.id}`);
    await page.getByRole('heading', { name: deal.title }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: deal.title }).waitFor();
    await screenshot(page, 'tab-deep-link');
  });

  it('when the dark theme is chosen, then the client card and pipeline render for the README', async () => {
    page = await signedInPage('#/settings');
    await page.getByRole('radio', { name: 'Dark' }).check();
    await page.goto(`${suite.server.url}/tab/#/clients`);
    await openDvorak(page);
    fs.mkdirSync('docs/screenshots', { recursive: true });
    await page.screenshot({ path: 'test-results/tab-client-card-dark.png', fullPage: true });
    await page.goto(`${suite.server.url}/tab/#/deals`);
    await page.getByRole('region', { name: 'Qualify' }).waitFor();
    await page.screenshot({ path: 'test-results/tab-pipeline-dark.png' });
    expect(await axeSerious(page)).toEqual([]);
  });
});
