import { gzipSync } from 'node:zlib';
import { launchChromium } from '../test/support/browser.js';

/**
 * The tab's two budgets (DESIGN.md section 9):
 * - initial JavaScript: gzip size (level 6, what a compressing proxy sends) of the module
 *   scripts and modulepreloads of the entry HTML and their static imports; `import()` chunks
 *   load per route and are not counted;
 * - first client list: from navigation start to the first client row painted, in a fresh
 *   headless Chromium context (cold cache) already signed in; the median of three runs.
 */
export async function measureTab(baseUrl: string): Promise<{ initialJsGzipKb: number; firstClientListMs: number }> {
  const base = baseUrl.replace(/\/$/, '');
  const kb = await initialJsOverHttp(`${base}/tab/`);
  const token = await signInDemoUserWithClients(base);
  const runs = await firstClientListMs(base, token, 3);
  return { initialJsGzipKb: kb, firstClientListMs: runs.sort((x, y) => x - y)[1]! };
}

async function text(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

async function initialJsOverHttp(entryUrl: string): Promise<number> {
  const walk = initialJs(entryUrl, await text(entryUrl));
  let step = walk.next();
  while (!step.done) step = walk.next(await text(step.value));
  return step.value;
}

/** Walks the static module graph: yields each URL to read, is handed its code, returns the gzip KB. */
function* initialJs(entryUrl: string, html: string): Generator<string, number, string> {
  const tags = [...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g), ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g)];
  const queue = tags.map((m) => new URL(m[1]!, entryUrl).href);
  const seen = new Set<string>();
  let bytes = 0;
  while (queue.length > 0) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    const code = yield url;
    bytes += gzipSync(code).length;
    // Static `import … from "x"`, `import "x"` and `export … from "x"`; `import("x")` never matches.
    for (const m of code.matchAll(/\b(?:import|export)\s*(?:[\w$*{}\s,]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) queue.push(new URL(m[1]!, url).href);
  }
  if (seen.size === 0) throw new Error(`${entryUrl} loads no module script: is the tab built?`);
  return Math.round((bytes / 1024) * 10) / 10;
}

/** A token of the first demo person whose tenant has clients. */
async function signInDemoUserWithClients(base: string): Promise<string> {
  const { items } = JSON.parse(await text(`${base}/auth/dev/users`)) as { items: object[] };
  for (const user of items) {
    const res = await fetch(`${base}/auth/dev/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(user) });
    const { access_token } = (await res.json()) as { access_token: string };
    const page = (await (await fetch(`${base}/api/v1/clients?limit=1`, { headers: { authorization: `Bearer ${access_token}` } })).json()) as { items: unknown[] };
    if (page.items.length > 0) return access_token;
  }
  throw new Error('No demo person sees any client: start the server with demo data (SEED_DEMO=true)');
}

const firstRow = 'tr a[href*="#/clients/"], [role="row"] a[href*="#/clients/"]';

/** Marks the first painted client row: the frame after the row enters the DOM has been presented. */
const watchFirstRow = `(() => {
  const observer = new MutationObserver(() => {
    if (!document.querySelector(${JSON.stringify(firstRow)})) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.__firstClientRowMs = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

/** The tab keeps the dev sign-in in session storage (tab/src/app/dev-sign-in.ts); a run starts signed in. */
function sessionScript(token: string): string {
  const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { tid: string; oid: string; name?: string; email?: string; roles?: string[] };
  const user = { tenantId: claims.tid, userId: claims.oid, name: claims.name ?? '', email: claims.email ?? '', roles: claims.roles ?? [] };
  const session = JSON.stringify({ token, expiresAt: Date.now() + 3_600_000, user });
  return `sessionStorage.setItem('crm.devToken', ${JSON.stringify(session)});`;
}

/** `runs` cold navigations to `#/clients`, each in a new context: milliseconds to the first row painted. */
export async function firstClientListMs(baseUrl: string, token: string, runs = 5): Promise<number[]> {
  const base = baseUrl.replace(/\/$/, '');
  const { browser, close } = await launchChromium();
  try {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addInitScript(sessionScript(token));
      await context.addInitScript(watchFirstRow);
      const page = await context.newPage();
      await page.goto(`${base}/tab/#/clients`);
      const mark = () => (globalThis as { __firstClientRowMs?: number }).__firstClientRowMs;
      await page.waitForFunction(mark, undefined, { timeout: 30_000 });
      times.push(Math.round((await page.evaluate(mark))!));
      await context.close();
    }
    return times;
  } finally {
    await close();
  }
}
