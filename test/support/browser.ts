import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

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
