import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { OfficeAddinManifest } from 'office-addin-manifest';
import { renderOutlookManifest } from '../teams-app/scripts/package.js';

/**
 * office-addin-manifest's `validate` posts the manifest to Microsoft's online service, which
 * this machine cannot reach; its local reader parses the XML, and the elements that matter
 * are checked here. `npx office-addin-manifest validate build/outlook-manifest.xml` does the
 * full check on a machine with network.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-outlook-manifest-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const values = {
  APP_VERSION: '2.1.0',
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  OUTLOOK_ADDIN_ID: '99999999-2222-4333-8444-555555555555',
  DEVELOPER_NAME: 'Contoso & Co',
  TAB_ENDPOINT: 'https://crm.contoso.example',
  TAB_DOMAIN: 'crm.contoso.example',
  BOT_ID: '66666666-7777-4888-8999-000000000000',
  AAD_APP_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
};

describe('the Outlook add-in manifest', () => {
  it('when rendered from the same env values as the Teams package, then it parses and has the right ids, surfaces, permissions and URLs', async () => {
    fs.writeFileSync(path.join(dir, '.env.test'), Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n'));
    const file = renderOutlookManifest('test', { envDir: dir, outDir: dir });
    const info = await OfficeAddinManifest.readManifestFile(file);
    expect(info).toMatchObject({ id: values.OUTLOOK_ADDIN_ID, officeAppType: 'MailApp', hosts: ['Mailbox'], permissions: 'ReadItem', version: '2.1.0.0', providerName: 'Contoso & Co' });
    const xml = fs.readFileSync(file, 'utf8');
    expect(xml).not.toMatch(/\$\{\{/);
    expect(xml).toContain('<Set Name="Mailbox" MinVersion="1.5"/>');
    expect(xml).toContain('xsi:type="MessageReadCommandSurface"');
    expect(xml).toContain('xsi:type="MessageComposeCommandSurface"');
    expect(xml).toContain(`<Id>${values.AAD_APP_CLIENT_ID}</Id>`);
    expect(xml).toContain(`<Resource>api://crm.contoso.example/${values.AAD_APP_CLIENT_ID}</Resource>`);
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\/crm\.contoso\.example\//);
    expect(urls).toContain('https://crm.contoso.example/outlook/taskpane.html');
  });

  it('when a value is missing, then rendering fails naming it and the file', () => {
    const { OUTLOOK_ADDIN_ID: _drop, ...rest } = values;
    fs.writeFileSync(path.join(dir, '.env.broken'), Object.entries(rest).map(([k, v]) => `${k}=${v}`).join('\n'));
    expect(() => renderOutlookManifest('broken', { envDir: dir, outDir: dir })).toThrow(/OUTLOOK_ADDIN_ID is missing in .*\.env\.broken/);
  });

  it('when the icons it names are served, then they exist in the task pane build', () => {
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(`outlook-addin/public/icon-${size}.png`)).toBe(true);
  });
});
