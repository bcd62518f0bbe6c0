import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startTestServer, type TestServer } from './server.js';

/**
 * Debian's Chromium, headless, with the flags this offline machine needs (no background calls
 * home). Playwright gives every launch a fresh, empty profile of its own.
 */
export async function launchChromium(): Promise<{ browser: Browser; close: () => Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { browser, close: () => browser.close() };
}

/** Builds the tab when `dist/tab` is missing (npm test builds it first; this covers single-file runs). */
export function ensureTabBuilt(): void {
  if (fs.existsSync('dist/tab/index.html')) return;
  const result = spawnSync('npx', ['vite', 'build', '--config', 'tab/vite.config.ts'], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error('The tab did not build');
}

/**
 * Collects console errors and page errors: any of them fails the test that owns the page,
 * except the few a test provokes on purpose and names in `expected`.
 */
export function watchErrors(page: Page, expected: RegExp[] = []): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.some((e) => e.test(m.text()))) errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync('test-results', { recursive: true });
  const file = path.join('test-results', `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

export type { Browser, BrowserContext, Page };

/**
 * One real server with demo data and one Chromium for a test file: registers the hooks and
 * returns the handles, filled in before the first test runs.
 */
export function demoBrowserSuite(build: () => void = ensureTabBuilt, env: () => Record<string, string> = () => ({})): { server: TestServer; browser: Browser } {
  const suite = {} as { server: TestServer; browser: Browser };
  let close: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    build();
    suite.server = await startTestServer({ SEED_DEMO: 'true', ...env() });
    ({ browser: suite.browser, close } = await launchChromium());
  }, 120_000);
  afterAll(async () => {
    await close?.();
    await suite.server?.stop();
  });
  return suite;
}

/** A fresh browser context signed in as a demo person through the development sign-in on `path`. */
export async function signedIn(
  browser: Browser,
  url: string,
  person: { name: string },
  options: { viewport?: { width: number; height: number }; locale?: string; expectedErrors?: RegExp[]; before?: (context: BrowserContext) => Promise<void> } = {},
): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport: options.viewport ?? { width: 1300, height: 900 }, locale: options.locale ?? 'en-GB' });
  await options.before?.(context);
  const page = await context.newPage();
  // A missing element fails its step with the locator's name, well before the test's own timeout.
  page.setDefaultTimeout(8_000);
  const errors = watchErrors(page, options.expectedErrors);
  await page.goto(url);
  // "Sign in: <name>" in English, "Přihlášení: <name>" in Czech …
  await page.getByRole('button', { name: new RegExp(`: ${person.name}$`) }).click();
  return { page, errors };
}
