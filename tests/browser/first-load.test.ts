/**
 * The first-load budget of the trainee routes (shared/design/architecture.md, issue 4): at most
 * 130 KB of gzipped JavaScript for /, /library and a case page, counted as Chromium fetches them on
 * a first visit (cache off, every script the page pulls in until the network is idle, the catalogue
 * and the case's documents included). Sizes of a given build do not vary from run to run, so this
 * is a test; `npm run bench` prints the same figures with the desk's.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { appUrl, launchBrowser } from './browser';

/** The budget, in bytes (KB = 1,024 bytes, as Vite and the bench print it). */
const BUDGET = 130 * 1024;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Gzipped bytes (level 9) of every JavaScript file a first visit to `path` downloads, by file. */
async function firstLoad(path: string, ready: (page: Page) => Promise<unknown>): Promise<Map<string, number>> {
  const context = await browser.newContext({ locale: 'es-MX' });
  try {
    const page = await context.newPage();
    await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    const sizes = new Map<string, number>();
    const reading: Array<Promise<void>> = [];
    page.on('response', (response) => {
      const file = new URL(response.url()).pathname;
      if (!file.endsWith('.js')) return;
      reading.push(response.body().then((body) => void sizes.set(file, gzipSync(body, { level: 9 }).length)));
    });
    await page.goto(appUrl(path), { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(reading);
    return sizes;
  } finally {
    await context.close();
  }
}

const total = (sizes: Map<string, number>) => [...sizes.values()].reduce((a, b) => a + b, 0);
const report = (sizes: Map<string, number>) => `${(total(sizes) / 1024).toFixed(1)} KB in ${sizes.size} files: ${[...sizes.keys()].join(', ')}`;

describe('first load of the trainee routes', () => {
  it('/ fetches at most 130 KB of gzipped JavaScript', async () => {
    const sizes = await firstLoad('/', (page) => page.getByRole('heading', { level: 1 }).waitFor());
    expect(total(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });

  it('/library, with the catalogue, fetches at most 130 KB', async () => {
    const sizes = await firstLoad('/library', (page) => page.locator('.case-card').first().waitFor());
    expect(total(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });

  it('a case page, with its documents, fetches at most 130 KB', async () => {
    const sizes = await firstLoad('/case/registro-primera-vez-imss', (page) => page.getByRole('button', { name: 'Empezar práctica' }).waitFor());
    expect(total(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });
});
