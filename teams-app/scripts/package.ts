import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import dotenv from 'dotenv';
import JSZip from 'jszip';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { botCommands } from '../../bot/src/commands/command-list.js';

/**
 * `npm run package -- --env <name>`: fills the `${{NAME}}` placeholders of the Teams app
 * manifest from teams-app/env/.env.<name>, validates it against the manifest JSON schema that
 * ships in @microsoft/app-manifest (offline), and zips it with the icons and translations into
 * build/appPackage.<name>.zip. Any missing or malformed value stops it before a zip is written.
 */
const appDir = path.resolve('teams-app/appPackage');
const schemaVersion = 'v1.22';
const files = ['manifest.json', 'color.png', 'outline.png', 'cs.json', 'pl.json', 'ro.json'];

export class PackageError extends Error {}

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const rules: Record<string, (value: string, env: Record<string, string>, local: boolean) => string | null> = {
  APP_VERSION: (v) => (/^\d+\.\d+\.\d+$/.test(v) ? null : 'must be a version like 1.0.0'),
  TEAMS_APP_ID: (v) => (guid.test(v) ? null : 'must be a GUID'),
  BOT_ID: (v) => (guid.test(v) ? null : 'must be a GUID (the Azure Bot’s Entra app id)'),
  AAD_APP_CLIENT_ID: (v) => (guid.test(v) ? null : 'must be a GUID (the CRM’s Entra app id)'),
  OUTLOOK_ADDIN_ID: (v) => (guid.test(v) ? null : 'must be a GUID (the Outlook add-in’s id)'),
  DEVELOPER_NAME: (v) => (v.trim() && v.length <= 32 ? null : 'must be 1–32 characters'),
  TAB_ENDPOINT: (v, _e, local) => {
    try {
      const url = new URL(v);
      if (url.protocol !== 'https:') return 'must be an https URL (Teams loads tabs over https only)';
      if (!local && /^(localhost|127\.)/.test(url.hostname)) return 'must be a public host outside the local environment';
      return url.pathname === '/' && !v.endsWith('/') ? null : 'must be an origin without a path or trailing slash';
    } catch {
      return 'must be an https URL';
    }
  },
  TAB_DOMAIN: (v, env) => (env.TAB_ENDPOINT && new URL(env.TAB_ENDPOINT).host === v ? null : 'must be the host of TAB_ENDPOINT'),
};

export interface Rendered {
  manifest: Record<string, unknown>;
  zipPath: string;
}

/** The values of teams-app/env/.env.<name>, each checked; throws PackageError naming the variable and the file. */
export function loadEnv(envName: string, envDir = 'teams-app/env'): { env: Record<string, string>; envFile: string } {
  if (!/^[a-z0-9-]{1,20}$/.test(envName)) throw new PackageError(`--env must be a short name like local or dev (got "${envName}")`);
  const envFile = path.join(envDir, `.env.${envName}`);
  if (!fs.existsSync(envFile)) throw new PackageError(`${envFile} does not exist`);
  const env = dotenv.parse(fs.readFileSync(envFile));
  const local = envName === 'local';
  for (const [name, check] of Object.entries(rules)) {
    const value = env[name];
    if (value === undefined || value === '') throw new PackageError(`${name} is missing in ${envFile}`);
    const problem = check(value, env, local);
    if (problem) throw new PackageError(`${name} in ${envFile} ${problem} (got "${value}")`);
  }
  return { env, envFile };
}

function fill(template: string, env: Record<string, string>, envFile: string, escape: (v: string) => string): string {
  return template.replace(/\$\{\{([A-Z0-9_]+)\}\}/g, (_m, name: string) => {
    const value = env[name];
    if (value === undefined) throw new PackageError(`${name} is used by a manifest but missing in ${envFile}`);
    return escape(value);
  });
}

const xmlEscape = (v: string) => v.replace(/[<>&'"]/g, (c) => `&#${c.charCodeAt(0)};`);

/** The Outlook add-in's XML manifest from the same values: build/outlook-manifest.xml. */
export function renderOutlookManifest(envName: string, options: { envDir?: string; outDir?: string } = {}): string {
  const { env, envFile } = loadEnv(envName, options.envDir);
  const xml = fill(fs.readFileSync(path.resolve('manifest/outlook-manifest.template.xml'), 'utf8'), env, envFile, xmlEscape);
  const outDir = options.outDir ?? 'build';
  fs.mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, 'outlook-manifest.xml');
  fs.writeFileSync(out, xml);
  return out;
}

/** Renders, validates and zips the package for `envName`, and renders the Outlook manifest beside it. */
export async function renderPackage(envName: string, options: { envDir?: string; outDir?: string } = {}): Promise<Rendered> {
  const { env, envFile } = loadEnv(envName, options.envDir);
  const commands = JSON.stringify(botCommands.map((c) => ({ title: c.title, description: c.description })));
  const template = fs.readFileSync(path.join(appDir, 'manifest.json'), 'utf8').replace('"${{BOT_COMMANDS}}"', commands);
  const filled = fill(template, env, envFile, (v) => JSON.stringify(v).slice(1, -1));
  const manifest = JSON.parse(filled) as Record<string, unknown>;

  const schema = JSON.parse(fs.readFileSync(path.resolve(`node_modules/@microsoft/app-manifest/build/json-schemas/teams/${schemaVersion}/MicrosoftTeams.schema.json`), 'utf8'));
  const errors = await AppManifestUtils.validateAgainstSchema(manifest as never, schema);
  if (errors.length) throw new PackageError(`The rendered manifest does not match the ${schemaVersion} schema:\n  ${errors.join('\n  ')}`);

  const zip = new JSZip();
  zip.file('manifest.json', JSON.stringify(manifest, null, 2));
  for (const f of files.slice(1)) zip.file(f, fs.readFileSync(path.join(appDir, f)));
  const outDir = options.outDir ?? 'build';
  fs.mkdirSync(outDir, { recursive: true });
  const zipPath = path.join(outDir, `appPackage.${envName}.zip`);
  fs.writeFileSync(zipPath, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
  renderOutlookManifest(envName, options);
  return { manifest, zipPath };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { values } = parseArgs({ options: { env: { type: 'string', default: 'local' }, 'outlook-only': { type: 'boolean', default: false } } });
  const work = values['outlook-only'] ? Promise.resolve().then(() => renderOutlookManifest(values.env!)) : renderPackage(values.env!).then((r) => `${r.zipPath} and build/outlook-manifest.xml`);
  work.then(
    (written) => console.log(`Wrote ${written}`),
    (err: Error) => {
      console.error(err instanceof PackageError ? err.message : err);
      process.exit(1);
    },
  );
}
