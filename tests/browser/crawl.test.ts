/**
 * The built app crawled from its home page the way a visitor would find it: every same-origin link
 * reachable from "/" is opened directly (as a bookmark or a shared link would be), and each page must
 * show its heading, pass axe (WCAG 2.2 AA) and log no console error. Then one page of each kind is
 * checked again in English.
 */
import type { Browser, Page } from 'playwright-core';
import { appUrl, axeViolations, launchBrowser, openPage, type TrackedPage } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

/** More pages than the app has; a crawl that finds more is following something it should not. */
const MAX_PAGES = 150;

/** Waits until the route's lazy parts have arrived and the page shows its level-1 heading. */
async function settle(page: Page): Promise<string> {
  await page.waitForLoadState('networkidle');
  const heading = page.getByRole('heading', { level: 1 }).first();
  await heading.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 30_000 });
  return (await heading.textContent())?.trim() ?? '';
}

/** Same-origin paths linked from the page (no hash; the query kept, since filters are part of an address). */
async function linksOf(page: Page): Promise<string[]> {
  const origin = new URL(appUrl('/')).origin;
  const hrefs = await page.$$eval('a[href]', (anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
  return hrefs.flatMap((href) => {
    const url = new URL(href);
    return url.origin === origin ? [url.pathname + url.search] : [];
  });
}

interface Visit {
  path: string;
  heading: string;
  problems: string[];
}

async function visit(path: string, lang: 'es-MX' | 'en'): Promise<Visit & { links: string[] }> {
  const tracked: TrackedPage = await openPage(browser, '/');
  const { page, context } = tracked;
  try {
    if (lang === 'en') {
      await settle(page);
      await page.getByRole('button', { name: 'English' }).click();
      await page.waitForFunction(() => document.documentElement.lang === 'en');
    }
    await page.goto(appUrl(path), { waitUntil: 'load' });
    const heading = await settle(page);
    const problems = [...(await axeViolations(page)), ...tracked.consoleErrors];
    if ((await page.evaluate(() => document.documentElement.lang)) !== lang) problems.push(`page language is not ${lang}`);
    return { path, heading, problems, links: await linksOf(page) };
  } finally {
    await context.close();
  }
}

describe('the built app crawled from its home page', () => {
  it('opens every linked page directly, accessible and without console errors, in Spanish and (one of each kind) in English', { timeout: 900_000 }, async () => {
    const seen = new Set<string>(['/']);
    const queue = ['/'];
    const visits: Visit[] = [];
    while (queue.length > 0 && visits.length < MAX_PAGES) {
      const path = queue.shift() as string;
      const { links, ...result } = await visit(path, 'es-MX');
      visits.push(result);
      for (const link of links) {
        if (!seen.has(link)) {
          seen.add(link);
          queue.push(link);
        }
      }
    }
    expect(visits.length, 'the crawl reached no more than the home page').toBeGreaterThan(10);
    expect(queue, 'the crawl found more pages than it may visit').toEqual([]);

    // One page of each kind (first path segment) in English.
    const kinds = new Map<string, string>();
    for (const v of visits) {
      const kind = v.path.split(/[/?]/)[1] ?? '';
      if (!kinds.has(kind)) kinds.set(kind, v.path);
    }
    for (const path of kinds.values()) visits.push(await visit(path, 'en'));

    const failing = visits.filter((v) => v.problems.length > 0 || v.heading === '').map((v) => `${v.path} (${v.heading || 'no heading'}): ${v.problems.join(' | ')}`);
    expect(failing).toEqual([]);
    // Every kind of trainee page was reached by links alone.
    expect([...kinds.keys()]).toEqual(expect.arrayContaining(['', 'library', 'case', 'shifts']));
  });
});
