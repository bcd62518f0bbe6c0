import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoBrowserSuite, ensureTabBuilt, screenshot, signedIn } from '../support/browser.js';
import { startRegistries } from '../standins/registries/registries.js';
import { demoUsers } from '../../api/src/db/seed/demo-people.js';

let registries: Awaited<ReturnType<typeof startRegistries>>;
beforeAll(async () => {
  registries = await startRegistries();
});
afterAll(async () => {
  await registries?.stop();
});
const suite = demoBrowserSuite(ensureTabBuilt, () => registries.env);
const alena = demoUsers.find((u) => u.name === 'Alena Nováková')!;

describe('loading a company from a registry', () => {
  it('when an IČO is loaded from ARES in the create-client dialog, then the client is created with the official data', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/tab/#/clients`, alena, { locale: 'cs-CZ' });
    await page.getByRole('button', { name: 'Nový klient' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Země').fill('CZ');
    await dialog.getByLabel('IČO').fill('27182819');
    await dialog.getByRole('button', { name: 'Načíst z ARES' }).click();
    await dialog.getByRole('checkbox', { name: 'Název: Dvořák & syn s.r.o.' }).waitFor();
    // Field by field: keep the name and VAT data, leave the registered address out.
    await dialog.getByRole('checkbox', { name: 'Sídlo: Křenová 1127/58, 602 00, Brno' }).uncheck();
    await screenshot(page, 'tab-registry-ares');
    await page.getByRole('button', { name: 'Použít tyto údaje' }).click();
    await expect.poll(() => dialog.getByLabel('Název').inputValue()).toBe('Dvořák & syn s.r.o.');
    await dialog.getByRole('button', { name: 'Vytvořit' }).click();
    await page.getByRole('heading', { name: 'Dvořák & syn s.r.o.' }).waitFor();
    expect(errors).toEqual([]);
    const id = new URL(page.url()).hash.split('/').pop()!;
    const created = (await suite.server.call('GET', `/api/v1/clients/${id}`, { as: alena })).body;
    expect(created).toMatchObject({ companyId: '27182819', vatId: 'CZ27182819', vatPayer: true, country: 'CZ' });
    expect(created.addresses).toEqual([]);
    await page.context().close();
  });

  it('when the IČO fails its checksum, then the dialog says why and nothing is asked of ARES', async () => {
    const before = registries.state.calls;
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/tab/#/clients`, alena, { expectedErrors: [/status of 422/] });
    await page.getByRole('button', { name: 'New client' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Country').fill('CZ');
    await dialog.getByLabel(/Company id/).fill('12345678');
    await dialog.getByRole('button', { name: 'Load from ARES' }).click();
    await page.getByText('The IČO check digit does not match (weighted mod 11)').waitFor();
    expect(registries.state.calls).toBe(before);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('when an existing client is refreshed from its card, then the registry data lands and the timeline says so', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/tab/#/clients`, alena);
    await page.getByRole('searchbox').fill('strojirny vysocina');
    await page.getByRole('link', { name: 'Strojírny Vysočina a.s.' }).click();
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Load from ARES' }).click();
    await page.getByRole('status').filter({ hasText: 'ARES:' }).waitFor();
    expect(errors).toEqual([]);
    const client = (await suite.server.call('GET', '/api/v1/clients?q=strojirny%20vysocina%20a', { as: alena })).body.items.find((c: { companyId: string }) => c.companyId === '26141591');
    const tl = (await suite.server.call('GET', `/api/v1/clients/${client.id}/timeline?type=system`, { as: alena })).body.items;
    expect(tl.map((a: { subject: string }) => a.subject)).toContain('Updated from ARES');
    await page.context().close();
  });

  it('when a Polish client is refreshed from its card, then its bank accounts show under billing', async () => {
    const { page, errors } = await signedIn(suite.browser, `${suite.server.url}/tab/#/clients`, alena);
    await page.getByRole('searchbox').fill('lodzkie');
    await page.getByRole('link', { name: /Łódzkie Zakłady/ }).click();
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByRole('button', { name: 'Load from registry' }).click();
    await page.getByText('61109010140000071219812874').waitFor();
    await screenshot(page, 'tab-registry-bank-accounts');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
