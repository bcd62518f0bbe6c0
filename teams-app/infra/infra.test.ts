import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import YAML from 'yaml';

/**
 * No Bicep CLI can be installed offline here (it is a binary download), so the Bicep is linted
 * structurally: every parameter it declares is given by the parameters file or has a default,
 * the resources the deployment needs are there, and no secret is written into it.
 * `az bicep build --file teams-app/infra/main.bicep` compiles it on a machine with the CLI.
 */
const bicep = fs.readFileSync('teams-app/infra/main.bicep', 'utf8');
const parameters = JSON.parse(fs.readFileSync('teams-app/infra/main.parameters.json', 'utf8')).parameters as Record<string, unknown>;

describe('the Azure infrastructure', () => {
  it('when the Bicep is read, then every parameter without a default comes from the parameters file', () => {
    const declared = [...bicep.matchAll(/^param (\w+) (\w+)( = .+)?$/gm)].map((m) => ({ name: m[1]!, hasDefault: Boolean(m[3]) }));
    expect(declared.length).toBeGreaterThan(5);
    for (const p of declared.filter((d) => !d.hasDefault)) expect(Object.keys(parameters), p.name).toContain(p.name);
    for (const name of Object.keys(parameters)) expect(declared.map((d) => d.name), name).toContain(name);
  });

  it('when the Bicep is read, then it has the App Service on Node 22, SQL, Key Vault, insights and the bot with its Teams channel', () => {
    for (const type of ['Microsoft.Web/serverfarms', 'Microsoft.Web/sites', 'Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases', 'Microsoft.KeyVault/vaults', 'Microsoft.Insights/components', 'Microsoft.BotService/botServices', 'Microsoft.BotService/botServices/channels']) {
      expect(bicep, type).toContain(`'${type}@`);
    }
    expect(bicep).toContain("linuxFxVersion: 'NODE|22-lts'");
    expect(bicep).toContain("healthCheckPath: '/healthz'");
    expect(bicep).toContain("channelName: 'MsTeamsChannel'");
    // Braces balance: a cheap guard against a broken edit.
    expect((bicep.match(/\{/g) ?? []).length).toBe((bicep.match(/\}/g) ?? []).length);
  });

  it('when settings hold secrets, then they are Key Vault references, never literals', () => {
    for (const name of ['AAD_CLIENT_SECRET', 'BOT_CLIENT_SECRET', 'DATABASE_URL']) {
      expect(bicep).toMatch(new RegExp(`name: '${name}', value: '@Microsoft\\.KeyVault\\(`));
    }
    expect(bicep).not.toMatch(/password\s*[:=]\s*'[^@$]/i);
  });

  it('when the toolkit file is read, then provision validates and zips the package and deploy ships the build', () => {
    const project = YAML.parse(fs.readFileSync('teams-app/teamsapp.yml', 'utf8')) as { provision: { uses: string }[]; deploy: { uses: string }[] };
    const steps = project.provision.map((s) => s.uses);
    expect(steps).toEqual(expect.arrayContaining(['aadApp/create', 'botAadApp/create', 'arm/deploy', 'teamsApp/validateManifest', 'teamsApp/zipAppPackage', 'teamsApp/validateAppPackage']));
    expect(steps.indexOf('teamsApp/validateManifest')).toBeLessThan(steps.indexOf('teamsApp/zipAppPackage'));
    expect(project.deploy.map((s) => s.uses)).toContain('azureAppService/zipDeploy');
  });

  it('when the Dockerfile is read, then it builds in stages, installs production dependencies only, runs as non-root and checks /healthz', () => {
    const docker = fs.readFileSync('Dockerfile', 'utf8');
    expect(docker.match(/^FROM /gm)?.length).toBeGreaterThanOrEqual(2);
    expect(docker).toContain('npm ci --omit=dev');
    expect(docker).toMatch(/^USER node$/m);
    expect(docker).toMatch(/^HEALTHCHECK .*\/healthz/m);
  });
});
