import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { connectDatabase } from '../api/src/db/connect.js';
import { migrateToLatest } from '../api/src/db/migrate.js';
import { generateClients } from '../api/src/db/seed/generate.js';
import { rssMb, spawnServer, type ChildServer } from './processes.js';
import { measureTab } from './tab-budget.js';
import { botFindRoundTrips } from './bot-find.js';

/**
 * `npm run bench`: generates the data set once (cached in bench/data/), runs the budgets of
 * DESIGN.md section 9 as ratios and percentiles in one run, prints a table and writes
 * bench/results.json. Sizes can be lowered for a quick look: BENCH_CLIENTS=10000.
 */
const clients = Number(process.env.BENCH_CLIENTS ?? 100_000);
const contactsPerClient = 10;
const activitiesPerClient = 20;
const dealEvery = 5;
const seconds = Number(process.env.BENCH_SECONDS ?? 8);
const connections = 50;
const tenantId = '0bench00-0000-4000-8000-000000000001'.replace('0bench00', '0be0c400');
const dataFile = path.resolve(`bench/data/crm-${clients}-v3.sqlite`);

interface Row {
  scenario: string;
  value: string;
  target: string;
  pass: boolean | null;
}
const rows: Row[] = [];
const results: Record<string, unknown> = {};

async function prepareData(): Promise<string[]> {
  const fresh = !fs.existsSync(dataFile);
  fs.mkdirSync(path.dirname(dataFile), { recursive: true });
  const database = connectDatabase(`sqlite:${dataFile}`);
  try {
    await migrateToLatest(database.db);
    if (fresh) {
      const started = Date.now();
      console.log(
        `Generating ${clients} clients, ${clients * contactsPerClient} contacts, ${clients * activitiesPerClient} activities, ${clients / dealEvery} deals (once, cached in ${path.relative('.', dataFile)})…`,
      );
      await generateClients(database, {
        tenantId,
        clients,
        contactsPerClient,
        activitiesPerClient,
        dealEvery,
        progress: (done) => done % 10_000 === 0 && process.stdout.write(`\r  ${done} / ${clients}`),
      });
      console.log(`\n  done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
    }
    const all = await database.db.selectFrom('clients').select('id').where('tenant_id', '=', tenantId).execute();
    if (all.length === 0) throw new Error(`${dataFile} has no clients of the bench tenant: delete it and run again`);
    return Array.from({ length: 2000 }, () => all[Math.floor(Math.random() * all.length)]!.id);
  } finally {
    await database.db.destroy();
  }
}

async function tokenFor(server: ChildServer): Promise<string> {
  const res = await fetch(`${server.url}/auth/dev/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenantId, userId: '00000000-0000-4000-8000-00000000b001', name: 'Bulk Owner', email: 'bulk.owner@bench.example', roles: ['Manager'] }),
  });
  return ((await res.json()) as { access_token: string }).access_token;
}

interface Load {
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  peakRssMb: number;
}

/** Runs autocannon against `paths` (picked at random per request), sampling the server's RSS. */
async function load(server: ChildServer, paths: string[], headers: Record<string, string> = {}): Promise<Load> {
  let peak = rssMb(server.pid);
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb(server.pid));
  }, 250);
  const result = await autocannon({
    url: server.url,
    connections,
    duration: seconds,
    headers,
    requests: [{ setupRequest: (req) => ({ ...req, path: paths[Math.floor(Math.random() * paths.length)]! }) }],
  });
  clearInterval(sampler);
  if (result.non2xx || result.errors || result.timeouts) {
    console.warn(`  ${paths[0]}…: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors, peakRssMb: peak };
}

function record(scenario: string, value: string, target: string, pass: boolean | null, detail: unknown) {
  rows.push({ scenario, value, target, pass });
  results[scenario] = detail;
}

async function main() {
  if (spawnSync('npm', ['run', '--silent', 'build:api'], { stdio: 'inherit' }).status !== 0) throw new Error('npm run build:api failed');
  const ids = await prepareData();
  const env = { DATABASE_URL: `sqlite:${dataFile}` };
  const bare = await spawnServer('bare');
  const crm = await spawnServer('crm', env);
  try {
    const auth = { authorization: `Bearer ${await tokenFor(crm)}` };
    const clientPaths = ids.map((id) => `/api/v1/clients/${id}`);
    // Warm both (JIT, SQLite page cache), then alternate so drift in machine load hits both alike.
    await load(bare, ['/constant']);
    await load(crm, clientPaths, auth);
    const bareRuns = [await load(bare, ['/constant'])];
    const crmRuns = [await load(crm, clientPaths, auth)];
    bareRuns.push(await load(bare, ['/constant']));
    crmRuns.push(await load(crm, clientPaths, auth));
    const bareRps = bareRuns.reduce((s, r) => s + r.rps, 0) / bareRuns.length;
    const crmRps = crmRuns.reduce((s, r) => s + r.rps, 0) / crmRuns.length;
    const ratio = crmRps / bareRps;
    record('GET /clients/{id} with auth vs bare Express', `${ratio.toFixed(2)} (${crmRps.toFixed(0)} vs ${bareRps.toFixed(0)} req/s)`, '≥ 0.80', ratio >= 0.8, {
      ratio,
      crmRps,
      bareRps,
      non2xx: crmRuns.reduce((s, r) => s + r.non2xx, 0),
    });

    const queries = ['dvor', 'novak', 'stroj', 'popescu', 'lukasz', 'stefanescu', 'kowal', 'agrotex', 'jana nov', 'wojcik', 'zolkiewski', 'murese', 'cerny', 'hor', 'bal'];
    const search = await load(crm, queries.map((q) => `/api/v1/search?q=${encodeURIComponent(q)}`), auth);
    record('search p50 / p99 (50 connections)', `${search.p50} / ${search.p99} ms`, 'p99 ≤ 20 ms', search.p99 <= 20, search);

    const list = await load(crm, queries.map((q) => `/api/v1/clients?q=${encodeURIComponent(q)}&limit=50`), auth);
    record('client list with q p50 / p99', `${list.p50} / ${list.p99} ms`, '(no budget)', null, list);

    const timeline = await load(crm, ids.map((id) => `/api/v1/clients/${id}/timeline?limit=50`), auth);
    record('client timeline first page p50 / p99', `${timeline.p50} / ${timeline.p99} ms`, 'p99 ≤ 15 ms', timeline.p99 <= 15, timeline);

    const views = ['view=open', 'view=open&sort=value', 'view=open&sort=lastActivity', 'view=mine', 'view=inactive'].map((v) => `/api/v1/deals?${v}&limit=50`);
    const dealsView = await load(crm, views, auth);
    record('deal list views p50 / p99', `${dealsView.p50} / ${dealsView.p99} ms`, 'p99 ≤ 20 ms', dealsView.p99 <= 20, dealsView);

    const bot = await botFindRoundTrips(crm.url, { tenantId, oid: '00000000-0000-4000-8000-00000000b001' }, queries);
    record('bot find round trip p50 / p95 (sequential)', `${bot.p50} / ${bot.p95} ms`, 'p95 ≤ 200 ms', bot.p95 <= 200, bot);

    if (fs.existsSync('dist/tab/index.html')) {
      // The tab is measured on the demo data set (a person who sees clients), in its own server.
      const demoDir = fs.mkdtempSync(path.join(os.tmpdir(), 'crm-bench-tab-'));
      const demo = await spawnServer('crm', { DATABASE_URL: `sqlite:${path.join(demoDir, 'demo.sqlite')}`, SEED_DEMO: 'true' });
      try {
        const tab = await measureTab(demo.url);
        record('tab initial JavaScript (gzip)', `${tab.initialJsGzipKb} KB`, '≤ 300 KB', tab.initialJsGzipKb <= 300, { kb: tab.initialJsGzipKb });
        record('tab first client list painted', `${tab.firstClientListMs} ms`, '≤ 1000 ms', tab.firstClientListMs <= 1000, { ms: tab.firstClientListMs });
      } finally {
        await demo.stop();
        fs.rmSync(demoDir, { recursive: true, force: true });
      }
    } else {
      console.warn('dist/tab is not built: run npm run build:tab to measure the tab budgets');
    }

    const peak = Math.max(search.peakRssMb, list.peakRssMb, timeline.peakRssMb, dealsView.peakRssMb, ...crmRuns.map((r) => r.peakRssMb));
    record('server RSS under load', `${peak} MB`, '≤ 200 MB', peak <= 200, { peakRssMb: peak });
  } finally {
    await crm.stop();
    await bare.stop();
  }

  const width = Math.max(...rows.map((r) => r.scenario.length));
  console.log(`\n${'scenario'.padEnd(width)}  ${'measured'.padEnd(36)}  ${'budget'.padEnd(14)}  ok`);
  for (const r of rows) {
    console.log(`${r.scenario.padEnd(width)}  ${r.value.padEnd(36)}  ${r.target.padEnd(14)}  ${r.pass === null ? '-' : r.pass ? 'yes' : 'NO'}`);
  }
  const out = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, node: process.version },
    dataset: { clients, contacts: clients * contactsPerClient, activities: clients * activitiesPerClient, deals: clients / dealEvery },
    load: { connections, secondsPerRun: seconds },
    results,
  };
  fs.writeFileSync('bench/results.json', JSON.stringify(out, null, 2));
  console.log('\nWrote bench/results.json');
}

await main();
