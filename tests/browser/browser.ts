/**
 * Helpers for browser tests: launch the system Chromium with playwright-core, open pages of the
 * served build while recording console errors, and run axe with the WCAG 2.2 AA rule set.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { inject } from 'vitest';

/** Flags that keep Chromium quiet and self-contained in containers and CI (no sandbox as root, no GPU, no network chatter). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** WCAG rule tags checked on every page. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Origin of the served build (from global-setup). */
export const baseUrl = (): string => inject('baseUrl');

/** Absolute URL of an app path such as "/" or "/como-funciona". */
export const appUrl = (path: string): string => new URL(path, baseUrl()).toString();

/** Launches the Chromium found by global-setup, headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: inject('chromiumPath'), args: CHROMIUM_ARGS });
}

/** A page with the console errors and uncaught exceptions it produced since it was opened. */
export interface TrackedPage {
  page: Page;
  context: BrowserContext;
  /** Console messages of type "error" and uncaught page errors, as readable lines. */
  consoleErrors: string[];
}

/** Opens a page in a fresh context (its own storage), records its errors, and navigates to path. */
export async function openPage(
  browser: Browser,
  path: string,
  options: { viewport?: { width: number; height: number }; reducedMotion?: 'reduce' | 'no-preference' } = {},
): Promise<TrackedPage> {
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 860 },
    reducedMotion: options.reducedMotion ?? 'reduce',
    locale: 'es-MX',
  });
  const page = await context.newPage();
  const consoleErrors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') {
      const { url, lineNumber } = message.location();
      consoleErrors.push(`console.error: ${message.text()}${url ? ` (${url}:${lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  await page.goto(appUrl(path), { waitUntil: 'load' });
  return { page, context, consoleErrors };
}

/**
 * Runs axe on the page as it is now and returns one readable line per violation and element
 * (rule, impact, what to fix, where), so a failing expect(...).toEqual([]) explains itself.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map(
      (node) =>
        `${violation.id} [${violation.impact ?? 'n/a'}] ${violation.help} at ${node.target.join(' ')}` +
        (node.failureSummary ? ` -- ${node.failureSummary.replace(/\s+/g, ' ').trim()}` : ''),
    ),
  );
}

/**
 * A full-page screenshot as a person scrolling down the page sees it: the viewport is made as tall as
 * the page first, because parts drawn only near the viewport (the scheduling grid's rows use
 * content-visibility: auto) would otherwise show empty in the picture.
 */
export async function screenshotWholePage(page: Page, path: string): Promise<void> {
  const size = page.viewportSize();
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  if (size) await page.setViewportSize({ width: size.width, height: Math.max(size.height, height) });
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.screenshot({ path, fullPage: true });
  if (size) await page.setViewportSize(size);
}
