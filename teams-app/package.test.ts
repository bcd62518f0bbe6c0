import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { botCommands, messageExtensionCommandId } from '../bot/src/commands/command-list.js';
import { PackageError, renderPackage } from './scripts/package.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-package-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const good = {
  APP_VERSION: '1.2.3',
  TEAMS_APP_ID: '11111111-2222-4333-8444-555555555555',
  DEVELOPER_NAME: 'Contoso CRM',
  TAB_ENDPOINT: 'https://crm.contoso.example',
  TAB_DOMAIN: 'crm.contoso.example',
  BOT_ID: '66666666-7777-4888-8999-000000000000',
  AAD_APP_CLIENT_ID: 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  OUTLOOK_ADDIN_ID: '99999999-2222-4333-8444-555555555555',
};
function envFile(name: string, values: Record<string, string>) {
  fs.writeFileSync(path.join(dir, `.env.${name}`), Object.entries(values).map(([k, v]) => `${k}=${v}`).join('\n'));
}

describe('the Teams app package', () => {
  it('when rendered for an environment, then the manifest passes the bundled schema and the zip holds the right files and icons', async () => {
    envFile('test', good);
    const { manifest, zipPath } = await renderPackage('test', { envDir: dir, outDir: dir });
    const zip = await JSZip.loadAsync(fs.readFileSync(zipPath));
    expect(Object.keys(zip.files).sort()).toEqual(['color.png', 'cs.json', 'manifest.json', 'outline.png', 'pl.json', 'ro.json']);
    const color = PNG.sync.read(await zip.file('color.png')!.async('nodebuffer'));
    const outline = PNG.sync.read(await zip.file('outline.png')!.async('nodebuffer'));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect([outline.width, outline.height]).toEqual([32, 32]);
    // The outline icon is white on transparency only.
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = [outline.data[i], outline.data[i + 1], outline.data[i + 2], outline.data[i + 3]];
      expect(a === 0 || (r === 255 && g === 255 && b === 255), `pixel ${i / 4}`).toBe(true);
    }
    expect(outline.data[3]).toBe(0);

    const urls = JSON.stringify(manifest).match(/"https?:\/\/[^"]+"/g)!.map((u) => JSON.parse(u) as string);
    for (const u of urls.filter((u) => !u.startsWith('https://developer.microsoft.com/'))) {
      expect(u, u).toMatch(/^https:\/\/crm\.contoso\.example(\/|$)/);
    }
    expect(manifest.validDomains).toEqual(['crm.contoso.example']);
    expect(manifest.webApplicationInfo).toEqual({ id: good.AAD_APP_CLIENT_ID, resource: `api://crm.contoso.example/${good.AAD_APP_CLIENT_ID}` });
    const bots = manifest.bots as { commandLists: { commands: { title: string }[] }[] }[];
    expect(bots[0]!.commandLists[0]!.commands.map((c) => c.title)).toEqual(botCommands.map((c) => c.title));
    const extensions = manifest.composeExtensions as { commands: { id: string }[] }[];
    expect(extensions[0]!.commands.map((c) => c.id)).toEqual([messageExtensionCommandId]);
  });

  it('when a value is missing or malformed, then it fails naming the variable and the file, and writes no zip', async () => {
    const { TEAMS_APP_ID: _drop, ...missing } = good;
    envFile('missing', missing);
    await expect(renderPackage('missing', { envDir: dir, outDir: dir })).rejects.toThrow(new RegExp(`TEAMS_APP_ID is missing in .*\\.env\\.missing`));
    envFile('plainhttp', { ...good, TAB_ENDPOINT: 'http://crm.contoso.example', TAB_DOMAIN: 'crm.contoso.example' });
    await expect(renderPackage('plainhttp', { envDir: dir, outDir: dir })).rejects.toThrow(/TAB_ENDPOINT in .*\.env\.plainhttp must be an https URL/);
    envFile('otherdomain', { ...good, TAB_DOMAIN: 'evil.example' });
    await expect(renderPackage('otherdomain', { envDir: dir, outDir: dir })).rejects.toThrow(/TAB_DOMAIN .* must be the host of TAB_ENDPOINT/);
    envFile('badguid', { ...good, BOT_ID: 'not-a-guid' });
    await expect(renderPackage('badguid', { envDir: dir, outDir: dir })).rejects.toBeInstanceOf(PackageError);
    for (const name of ['missing', 'plainhttp', 'otherdomain', 'badguid']) expect(fs.existsSync(path.join(dir, `appPackage.${name}.zip`))).toBe(false);
  });

  it('when a manifest breaks the schema, then the validator names the path of the error', async () => {
    envFile('schema', good);
    const { manifest } = await renderPackage('schema', { envDir: dir, outDir: dir });
    const schema = JSON.parse(fs.readFileSync('node_modules/@microsoft/app-manifest/build/json-schemas/teams/v1.22/MicrosoftTeams.schema.json', 'utf8'));
    const broken = { ...manifest, staticTabs: [{ entityId: 'x', scopes: ['nowhere'] }] };
    const errors = await AppManifestUtils.validateAgainstSchema(broken as never, schema);
    expect(errors.join('\n')).toMatch(/staticTabs/);
  });

  it('when the local environment file is rendered, then it is valid too', async () => {
    const { manifest } = await renderPackage('local', { outDir: dir });
    expect(manifest.id).toBe('00000000-0000-4000-8000-00000000c0de');
  });
});
