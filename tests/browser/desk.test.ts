/**
 * The trainee's path in Chromium over the built app and the shipped library: library, case, desk
 * (choose, resume after a reload, language switch mid-run), the tool of every workflow, and the
 * debrief. Attempts that need the tools to advance are seeded into IndexedDB from the cases' own
 * self-test logs (the log is the truth: a seeded log is exactly what playing would have stored).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Locator, Page } from 'playwright-core';
import { parse } from 'yaml';
import { fromFileLog, type LogEntry } from '../../src/engine/format/log';
import { seedAttempt as seedStored } from './seed-attempt';
import { axeViolations, launchBrowser, openPage, screenshotWholePage, type TrackedPage } from './browser';

const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));
const CASES = fileURLToPath(new URL('../../scenarios/cases/', import.meta.url));

interface CaseFile {
  id: string;
  title: { 'es-MX': string; en: string };
  workflows: string[];
  start: string;
  steps: Record<string, { choose?: Array<{ id: string; text: { 'es-MX': string; en: string } }> }>;
  tests?: Array<{ name: string; seed?: number; mode?: string; log: unknown[]; expect: { passed?: boolean; rejectedAt?: number } }>;
}

const cases: CaseFile[] = readdirSync(CASES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(`${CASES}${f}`, 'utf8')) as CaseFile);

/** A case's first self-test log that is accepted whole, in internal form. */
const bestLog = (c: CaseFile): { entries: LogEntry[]; seed: number } | null => {
  const test = c.tests?.find((t) => t.expect.rejectedAt === undefined && (t.mode ?? 'practice') === 'practice');
  if (!test) return null;
  const read = fromFileLog(test.log);
  return read.ok ? { entries: read.entries, seed: test.seed ?? 0 } : null;
};

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

/** Writes an attempt straight into the app's IndexedDB (same shape the app stores). */
const seedAttempt = (page: Page, caseId: string, seed: number, entries: LogEntry[], finished: boolean): Promise<string> =>
  seedStored(page, { id: `seed-${caseId}-${entries.length}`, caseId, seed, entries, finished });

/** Starts practice of the first case that opens on a dialogue step, from its page; `choice` is that step's first choice. */
const startDialogueCase = async (): Promise<{ c: CaseFile; choice: Locator; tracked: TrackedPage }> => {
  const c = cases.find((k) => (k.steps[k.start]?.choose?.length ?? 0) > 0)!;
  const first = c.steps[c.start]!.choose![0]!;
  const tracked = await open(`/case/${c.id}`);
  await tracked.page.getByRole('button', { name: 'Empezar práctica' }).click();
  return { c, choice: tracked.page.getByRole('button', { name: first.text['es-MX'] }), tracked };
};

describe('trainee desk in Chromium', () => {
  it('lists the library, accessible, with working filters', async () => {
    const tracked = await open('/library');
    const { page } = tracked;
    await page.getByRole('heading', { level: 1, name: 'Biblioteca de casos' }).waitFor();
    await page.getByRole('link', { name: cases[0]!.title['es-MX'] }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWholePage(page, `${SCREENSHOTS}library.png`);
    await page.getByLabel('Flujo de trabajo').selectOption('room-prep');
    expect(new URL(page.url()).search).toBe('?workflow=room-prep');
    await page.waitForFunction(() => [...document.querySelectorAll('.case-card')].every((card) => card.textContent?.includes('Consultorios')));
    const shown = await page.locator('.case-card').count();
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(cases.length);
    expect(await page.locator('.library__count').textContent()).toBe(shown === 1 ? '1 caso' : `${shown} casos`);
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('starts a case from its page, resumes it after a reload at the same step and score, and switches language mid-run', async () => {
    const { c, choice, tracked } = await startDialogueCase();
    const { page } = tracked;
    await choice.click();
    await page.getByText('Acciones: 1').waitFor();
    const heading = await page.locator('#step-heading').textContent();
    const clock = await page.getByRole('timer').textContent();
    const deskUrl = page.url();

    await page.reload({ waitUntil: 'load' });
    await page.getByText('Acciones: 1').waitFor();
    expect(page.url()).toBe(deskUrl);
    expect(await page.locator('#step-heading').textContent()).toBe(heading);
    expect(await page.getByRole('timer').textContent()).toBe(clock);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
    await page.getByText('Actions: 1').waitFor();
    expect(await page.getByRole('timer').textContent()).toContain(clock?.replace(/\D+/g, '').slice(0, 2) ?? '');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(c.title.en);
    expect(tracked.consoleErrors).toEqual([]);
  });

  it('acknowledges a choice on the next frame with the update bar, then shows the next step and hides the bar', async () => {
    const { choice, tracked } = await startDialogueCase();
    const { page } = tracked;
    await choice.waitFor();
    // What the first frame after the click holds: the bar, the desk's busy state, and the action count.
    await page.evaluate(() => {
      addEventListener(
        'click',
        () =>
          requestAnimationFrame(() => {
            const desk = document.querySelector('article.desk');
            const bar = document.querySelector('article.desk > .update-bar');
            (window as unknown as { __ack: unknown }).__ack = {
              bar: bar ? getComputedStyle(bar).opacity : null,
              busy: desk?.getAttribute('aria-busy') ?? null,
              actions: document.querySelector('.desk__actions')?.textContent ?? null,
            };
          }),
        { once: true },
      );
    });
    await choice.click();
    await page.getByText('Acciones: 1').waitFor();
    expect(await page.evaluate(() => (window as unknown as { __ack: unknown }).__ack)).toEqual({ bar: '1', busy: 'true', actions: 'Acciones: 0' });
    expect(await page.locator('article.desk').getAttribute('aria-busy')).toBeNull();
    expect(await page.locator('article.desk > .update-bar').evaluate((bar) => getComputedStyle(bar).opacity)).toBe('0');
    expect(tracked.consoleErrors).toEqual([]);
  });

  it.each(['registration', 'coverage', 'scheduling', 'room-prep'])('shows the %s tool at its task step, accessible', async (workflow) => {
    {
      const c = cases.find((k) => k.workflows.includes(workflow) && bestLog(k) !== null && bestLog(k)!.entries.some((e) => e.type.startsWith(`${workflow}.`)));
      expect(c, `a case with a self-test log that uses ${workflow}`).toBeDefined();
      const { entries, seed } = bestLog(c!)!;
      const before = entries.slice(0, entries.findIndex((e) => e.type.startsWith(`${workflow}.`)));
      const tracked = await open('/');
      const id = await seedAttempt(tracked.page, c!.id, seed, before, false);
      await tracked.page.goto(new URL(`/desk/${id}`, tracked.page.url()).toString());
      await tracked.page.locator('.tool').waitFor();
      await tracked.page.waitForTimeout(300);
      expect(await axeViolations(tracked.page)).toEqual([]);
      // The desk keeps the page's content width (72rem), like every other page, inside its tab guard.
      const deskWidth = await tracked.page.locator('.desk__grid').evaluate((el) => el.getBoundingClientRect().width);
      expect(deskWidth).toBeLessThanOrEqual(72 * 16);
      await screenshotWholePage(tracked.page, `${SCREENSHOTS}desk-${workflow}.png`);
      expect(tracked.consoleErrors).toEqual([]);
    }
  });

  it('shows the debrief of a finished attempt, accessible, with its replay', async () => {
    const c = cases.find((k) => bestLog(k) !== null)!;
    const { entries, seed } = bestLog(c)!;
    const tracked = await open('/');
    const id = await seedAttempt(tracked.page, c.id, seed, entries, true);
    await tracked.page.goto(new URL(`/debrief/${id}`, tracked.page.url()).toString());
    const { page } = tracked;
    await page.getByRole('heading', { level: 1, name: `Resultado: ${c.title['es-MX']}` }).waitFor();
    await page.getByRole('region', { name: 'Por categoría' }).waitFor();
    await page.getByRole('button', { name: 'Anterior' }).click();
    await page.getByText(`Acción ${entries.length - 1} de ${entries.length}`).first().waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await screenshotWholePage(page, `${SCREENSHOTS}debrief.png`);
    expect(tracked.consoleErrors).toEqual([]);
  });
});
