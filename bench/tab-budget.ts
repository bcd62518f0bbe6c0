import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/browser.js';

/**
 * The tab's two budgets (DESIGN.md section 9), measured against a running server:
 * - initialJsGzipKb: gzip size (level 6, what a compressing proxy sends) of the JavaScript the
 *   entry HTML loads before any route asks for more: its module scripts, modulepreloads and
 *   their static imports (dynamic `import()` chunks are excluded: they load per route);
 * - firstClientListMs: from navigation start to the first client row painted, in a fresh
 *   headless Chromium context (cold cache) already signed in as a demo person who has clients.
 */
export async function measureTab(baseUrl: string): Promise<{ initialJsGzipKb: number; firstClientListMs: number }> {
  const base = baseUrl.replace(/\/$/, '');
  const initialJsGzipKb = await initialJsGzip(`${base}/tab/`);
  const firstClientListMs = await firstClientList(base);
  return { initialJsGzipKb, firstClientListMs };
}

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

async function initialJsGzip(entryUrl: string): Promise<number> {
  const html = await text(entryUrl);
  const tags = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const queue = tags.map((m) => new URL(m[1]!, entryUrl).href);
  const seen = new Set<string>();
  let bytes = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = await text(url);
    bytes += gzipSync(code).length;
    // Static `import … from "x"`, `import "x"` and `export … from "x"`; `import("x")` never matches.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) queue.push(new URL(m[1]!, url).href);
  }
  if (seen.size === 0) throw new Error(`${entryUrl} loads no module script: is the tab built?`);
  return Math.round((bytes / 1024) * 10) / 10;
}

interface DemoUser {
  tenantId: string;
  userId: string;
  name: string;
  email: string;
  roles: string[];
}

/** The first demo person whose tenant has clients (a bench database may hold only some tenants). */
async function demoUserWithClients(base: string): Promise<DemoUser> {
  const { items } = JSON.parse(await text(`${base}/auth/dev/users`)) as { items: DemoUser[] };
  for (const user of items) {
    const res = await fetch(`${base}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
    const { access_token } = (await res.json()) as { access_token: string };
    const page = (await (await fetch(`${base}/api/v1/clients?limit=1`, { headers: { authorization: `Bearer ${access_token}` } })).json()) as { items: unknown[] };
    if (page.items.length > 0) return user;
  }
  throw new Error('No demo person sees any client: start the server with demo data (SEED_DEMO=true)');
}

/** Marks the first painted client row: the frame after the row enters the DOM has been presented. */
const watchFirstRow = `(() => {
  const found = () => document.querySelector('tr a[href*="#/clients/"], [role="row"] a[href*="#/clients/"]');
  const observer = new MutationObserver(() => {
    if (!found()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstClientRowMs = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function firstClientList(base: string): Promise<number> {
  const user = await demoUserWithClients(base);
  const { browser, close } = await launchChromium();
  try {
    // Sign in once through the tab itself, then carry its session storage to a cold context.
    const signIn = await browser.newContext();
    const page = await signIn.newPage();
    await page.goto(`${base}/tab/#/clients`);
    await page.getByRole('button', { name: new RegExp(user.name) }).click();
    await page.locator('tr a[href*="#/clients/"], [role="row"] a[href*="#/clients/"]').first().waitFor();
    const session = await page.evaluate(() => JSON.stringify(Object.entries(sessionStorage)));
    await signIn.close();

    const cold = await browser.newContext();
    await cold.addInitScript(`for (const [k, v] of ${session}) sessionStorage.setItem(k, v);`);
    await cold.addInitScript(watchFirstRow);
    const measured = await cold.newPage();
    await measured.goto(`${base}/tab/#/clients`);
    await measured.waitForFunction(() => typeof (window as { __firstClientRowMs?: number }).__firstClientRowMs === 'number', undefined, { timeout: 30_000 });
    const ms = await measured.evaluate(() => (window as unknown as { __firstClientRowMs: number }).__firstClientRowMs);
    await cold.close();
    return Math.round(ms);
  } finally {
    await close();
  }
}
