/**
 * A short shift in Chromium over the built app and the shipped library, the way a trainee plays it:
 * /shifts -> the shift's page (fixed seed) -> start practice -> serve the first patient and play
 * their case through with the case's own best-path log (tests/browser/drivers/, accessible roles
 * and names only), reloading in the middle (the shift resumes at the same clock and queue) ->
 * wait until the end of the shift -> the debrief. A shadow shift in Node walks beside the browser
 * and gives the drivers the case view the desk shows. axe runs on every shift route.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { loadLibrary, type SourceFile } from '../../src/engine/library';
import { fromFileLog, type LogEntry } from '../../src/engine/log';
import { createShift, prepareShift } from '../../src/engine/shift';
import { axeViolations, launchBrowser, openPage, type TrackedPage } from './browser';
import { playEntry } from './drivers';
import { tr, type DriverContext } from './drivers/support';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = join(ROOT, 'docs/screenshots/');
const SHIFT_STRINGS = JSON.parse(readFileSync(join(ROOT, 'src/app/i18n/shift.es-MX.json'), 'utf8')) as Record<string, Record<string, string>>;
/** A shift string in es-MX with {{vars}} filled. */
const st = (group: string, key: string, vars: Record<string, string | number> = {}): string =>
  (SHIFT_STRINGS[group]?.[key] ?? `missing ${group}.${key}`).replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(vars[name] ?? ''));

const walk = (dir: string): string[] =>
  readdirSync(dir)
    .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]))
    .filter((path) => /\.ya?ml$/.test(path));
const sources: SourceFile[] = walk(join(ROOT, 'scenarios')).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, 'utf8') }));
const library = loadLibrary(sources);

const SHIFT_ID = 'turno-matutino-umf-cdmx';
const SEED = 0;

let browser: Browser;
let tracked: TrackedPage | null = null;

beforeAll(async () => {
  browser = await launchBrowser();
  mkdirSync(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await tracked?.context.close();
  await browser?.close();
});

/** The desk's queue as text (names, arrival times, waits), to compare before and after a reload. */
const queueText = async (page: Page): Promise<string> => (await page.locator('.shift-queue').textContent()) ?? '';

describe('shift desk in Chromium', () => {
  it('plays a short shift to its end with a reload in the middle, accessible on every route', { timeout: 240_000 }, async () => {
    const shift = library.shifts.get(SHIFT_ID);
    expect(shift, `the library has ${SHIFT_ID}`).toBeDefined();
    const prepared = await prepareShift(shift!, library, SEED);
    const firstCase = prepared.cases[0]!.scenario;
    const test = firstCase.tests?.find((t) => t.expect.rejectedAt === undefined && (t.mode ?? 'practice') === 'practice' && t.expect.percent === 100);
    expect(test, `${firstCase.id} has a best-path test log`).toBeDefined();
    const read = fromFileLog(test!.log);
    if (!read.ok) throw new Error(`${firstCase.id}: its best-path log does not read`);
    const caseLog: LogEntry[] = read.entries;

    tracked = await openPage(browser, '/shifts');
    const { page } = tracked;
    await page.getByRole('heading', { level: 1, name: st('list', 'title') }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: shift!.title['es-MX'] }).click();
    await page.waitForURL(`**/shift/${SHIFT_ID}`);
    await page.getByRole('heading', { level: 1, name: shift!.title['es-MX'] }).waitFor();
    expect(await axeViolations(page)).toEqual([]);
    // The seed link gives the same people as the shadow shift below.
    await page.goto(new URL(`/shift/${SHIFT_ID}?seed=${SEED}`, page.url()).toString());
    await page.getByRole('button', { name: st('details', 'startPractice') }).click();
    await page.waitForURL('**/shift-desk/**');
    await page.getByRole('timer').waitFor();
    expect(await page.getByRole('timer').textContent()).toContain(shift!.start);
    expect(await axeViolations(page)).toEqual([]);

    // The shadow: the same shift in Node, driven with the same entries.
    const shadow = createShift(prepared, { mode: 'practice' });
    const patient = prepared.cases[0]!.data.people.patient!;
    const name = [patient.name.given, patient.name.first, patient.name.second].filter(Boolean).join(' ');
    await page.getByRole('button', { name: st('desk', 'serve', { name }) }).click();
    expect(shadow.send({ type: 'shift.serve', arrival: 0 }).ok).toBe(true);
    await page.getByText(st('desk', 'activeWho', { name, channel: st('common', 'desk') })).waitFor();

    const half = Math.floor(caseLog.length / 2);
    for (const [i, entry] of caseLog.entries()) {
      if (i === half) {
        const clock = await page.getByRole('timer').textContent();
        const queue = await queueText(page);
        const url = page.url();
        await page.reload({ waitUntil: 'load' });
        await page.getByText(tr('desk.progress', { actions: i }), { exact: true }).waitFor();
        expect(page.url()).toBe(url);
        expect(await page.getByRole('timer').textContent()).toBe(clock);
        expect(await queueText(page)).toBe(queue);
        expect(await axeViolations(page)).toEqual([]);
        await page.screenshot({ path: `${SCREENSHOTS}shift-desk.png`, fullPage: true });
      }
      const run = shadow.activeRun();
      if (!run) throw new Error(`the shadow shift attends nobody before entry ${i}`);
      const ctx: DriverContext = { page, keyboard: false, data: run.context().data, scenario: run.context().scenario, view: run.snapshot(), upcoming: caseLog.slice(i + 1) };
      await playEntry(ctx, entry);
      const sent = shadow.send(entry);
      expect(sent.ok, `entry ${i} (${entry.type}) fits the shadow shift`).toBe(true);
      if (shadow.activeRun()) await page.getByText(tr('desk.progress', { actions: i + 1 }), { exact: true }).waitFor({ timeout: 15_000 });
    }
    // The case is closed: nobody is being attended, and the shift counts it.
    await page.getByText(st('desk', 'idle')).waitFor();
    await page.getByText(st('desk', 'progress', { done: 1, total: prepared.plan.length })).first().waitFor();

    // Let the rest of the shift pass: the others stay unserved, the shift ends at its end time.
    const endHeading = page.getByRole('heading', { name: st('desk', 'finishedHeading') });
    for (let guard = 0; guard < 20 && !(await endHeading.isVisible()); guard++) {
      await page.getByRole('button', { name: /^Esperar (hasta la siguiente novedad|al final del turno)/ }).click();
    }
    await endHeading.waitFor();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole('link', { name: st('desk', 'seeDebrief') }).click();
    await page.waitForURL('**/shift-debrief/**');
    await page.getByRole('heading', { level: 1, name: st('debrief', 'title', { title: shift!.title['es-MX'] }) }).waitFor();
    await page.getByRole('img', { name: st('debrief', 'timeline') }).waitFor();
    await page.getByRole('link', { name: firstCase.title['es-MX'] }).first().waitFor();
    expect(await page.locator('.shift-replay li').count()).toBeGreaterThan(caseLog.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}shift-debrief.png`, fullPage: true });
    expect(tracked.consoleErrors).toEqual([]);
    shadow.stop();
  });
});
