import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { axeViolations, launchBrowser, openPage, screenshotWholePage, type TrackedPage } from './browser';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let browser: Browser;
let opened: TrackedPage[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

afterEach(async () => {
  await Promise.all(opened.map((p) => p.context.close()));
  opened = [];
});

const open = async (path: string): Promise<TrackedPage> => {
  const tracked = await openPage(browser, path);
  opened.push(tracked);
  return tracked;
};

const htmlLang = (tracked: TrackedPage) => tracked.page.evaluate(() => document.documentElement.lang);

describe('app shell in Chromium', () => {
  it('loads the home page in Spanish, accessible and without console errors', async () => {
    const tracked = await open('/');
    const { page } = tracked;
    await page.getByRole('heading', { level: 1, name: /Practique la recepción/ }).waitFor();

    expect(await page.title()).toBe('Mesa Clínica — simulador de recepción clínica');
    expect(await htmlLang(tracked)).toBe('es-MX');
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWholePage(page, `${SCREENSHOTS}home-es.png`);
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('offers a skip link as the first tab stop that moves focus to the main content', async () => {
    const { page, consoleErrors } = await open('/');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Saltar al contenido principal' });
    expect(await skip.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    expect(consoleErrors).toEqual([]);
  });

  it('switches to English, and the choice survives a reload', async () => {
    const tracked = await open('/');
    const { page } = tracked;
    await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /Practice a clinic's front desk/ }).waitFor();
    expect(await htmlLang(tracked)).toBe('en');
    expect(await page.title()).toBe('Mesa Clínica — clinic front-desk simulator');

    await page.reload({ waitUntil: 'load' });
    await page.getByRole('heading', { level: 1, name: /Practice a clinic's front desk/ }).waitFor();
    expect(await htmlLang(tracked)).toBe('en');
    expect(await page.title()).toBe('Mesa Clínica — clinic front-desk simulator');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWholePage(page, `${SCREENSHOTS}home-en.png`);
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('shows a 404 page with a way home at an unknown address', async () => {
    const tracked = await open('/esta/pagina/no-existe');
    const { page } = tracked;
    await page.getByRole('heading', { level: 1, name: 'No encontramos esta página' }).waitFor();
    expect(await page.title()).toBe('Página no encontrada — Mesa Clínica');
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Volver al inicio' }).click();
    await page.getByRole('heading', { level: 1, name: /Practique la recepción/ }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('loads the "how it works" page on demand, directly and from the navigation', async () => {
    const direct = await open('/como-funciona');
    await direct.page.getByRole('heading', { level: 1, name: 'Cómo funciona' }).waitFor();
    expect(await axeViolations(direct.page)).toEqual([]);
    expect(direct.consoleErrors).toEqual([]);

    const fromHome = await open('/');
    await fromHome.page.getByRole('navigation', { name: 'Navegación principal' }).getByRole('link', { name: 'Cómo funciona' }).click();
    await fromHome.page.getByRole('heading', { level: 1, name: 'Cómo funciona' }).waitFor();
    expect(await fromHome.page.title()).toBe('Cómo funciona — Mesa Clínica');
    expect(fromHome.consoleErrors).toEqual([]);
  });

  it('fits a phone screen without horizontal scrolling', async () => {
    const tracked = await openPage(browser, '/', { viewport: { width: 360, height: 740 } });
    opened.push(tracked);
    await tracked.page.getByRole('heading', { level: 1 }).waitFor();
    const overflow = await tracked.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(tracked.page)).toEqual([]);
  });
});
