/**
 * The first-load budget of the trainee routes (shared/design/architecture.md, issue 4): at most
 * 130 KB of gzipped JavaScript for /, /library, a case page and a shift's page, counted as Chromium
 * fetches them on a first visit (cache off, every script the page pulls in until the network is
 * idle, the catalogue and the page's documents included). Sizes of a given build do not vary from run to run, so this
 * is a test; `npm run bench` prints the same figures with the desk's.
 */
import type { Browser, Page } from 'playwright-core';
import { BUDGET_BYTES as BUDGET } from '../bench/bundle-size';
import { baseUrl, launchBrowser } from './browser';
import { fetchedScripts, totalBytes } from './fetched-scripts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Gzipped bytes of every JavaScript file a first visit to `path` downloads, by file. */
const firstLoad = (path: string, ready: (page: Page) => Promise<unknown>) => fetchedScripts(browser, baseUrl(), path, ready);

const report = (sizes: Map<string, number>) => `${(totalBytes(sizes) / 1024).toFixed(1)} KB in ${sizes.size} files: ${[...sizes.keys()].join(', ')}`;

describe('first load of the trainee routes', () => {
  it('/ fetches at most 130 KB of gzipped JavaScript', async () => {
    const sizes = await firstLoad('/', (page) => page.getByRole('heading', { level: 1 }).waitFor());
    expect(totalBytes(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });

  it('/library, with the catalogue, fetches at most 130 KB', async () => {
    const sizes = await firstLoad('/library', (page) => page.locator('.case-card').first().waitFor());
    expect(totalBytes(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });

  it('a case page, with its documents, fetches at most 130 KB', async () => {
    const sizes = await firstLoad('/case/registro-primera-vez-imss', (page) => page.getByRole('button', { name: 'Empezar práctica' }).waitFor());
    expect(totalBytes(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });

  it("a shift's page, with its documents, fetches at most 130 KB", async () => {
    const sizes = await firstLoad('/shift/turno-matutino-umf-cdmx', (page) => page.getByRole('button', { name: 'Empezar turno de práctica' }).waitFor());
    expect(totalBytes(sizes), report(sizes)).toBeLessThanOrEqual(BUDGET);
  });
});
