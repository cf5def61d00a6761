/**
 * What a first visit downloads: the gzipped size (level 9, as most servers precompress) of every
 * JavaScript file Chromium fetches for a page, with the HTTP cache off, until the page is ready and
 * the network idle. Used by the first-load test and by `npm run bench`.
 */
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';

/** Options of fetchedScripts. */
export interface FetchOptions {
  /** Runs first on the app's home page in the same context (e.g. stores an attempt) and returns a suffix for the path. */
  seed?: (page: Page) => Promise<string>;
}

/** Gzipped bytes of every JavaScript file a first visit to `origin + path` downloads, by path. */
export async function fetchedScripts(browser: Browser, origin: string, path: string, ready: (page: Page) => Promise<unknown>, options: FetchOptions = {}): Promise<Map<string, number>> {
  const context = await browser.newContext({ locale: 'es-MX' });
  try {
    let suffix = '';
    if (options.seed) {
      const home = await context.newPage();
      await home.goto(new URL('/', origin).toString(), { waitUntil: 'load' });
      suffix = await options.seed(home);
      await home.close();
    }
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    // A seeding page fills the HTTP cache: a first load downloads everything again.
    await (await context.newCDPSession(page)).send('Network.setCacheDisabled', { cacheDisabled: true });
    const sizes = new Map<string, number>();
    const reading: Array<Promise<void>> = [];
    page.on('response', (response) => {
      const file = new URL(response.url()).pathname;
      if (!file.endsWith('.js')) return;
      reading.push(response.body().then((body) => void sizes.set(file, gzipSync(body, { level: 9 }).length)));
    });
    await page.goto(new URL(`${path}${suffix}`, origin).toString(), { waitUntil: 'load' });
    await ready(page);
    await page.waitForLoadState('networkidle');
    await Promise.all(reading);
    return sizes;
  } finally {
    await context.close();
  }
}

/** The total of fetchedScripts' sizes, in bytes. */
export const totalBytes = (sizes: ReadonlyMap<string, number>): number => [...sizes.values()].reduce((a, b) => a + b, 0);
