/**
 * Repaint latency and first load, measured on the built app (dist/) in Chromium.
 *
 * - First load: gzipped JavaScript of the home route (bundle-size.ts's measureFirstLoad) and of the
 *   library, case-page and desk routes (entry + the route's lazy chunks and their static imports +
 *   the es-MX strings + the scenario documents the route loads, per Vite's manifest), against the
 *   130 KB budget; plus what Chromium really fetched on a direct load of each (cache off), which
 *   counts what the desk loads on demand (tools, the engine, persona data) too.
 * - Repaint: with 4x CPU throttling (CDP), the time from the input event (pointerdown or keydown) to
 *   next frame, for dialogue choices and for tool actions, against the 50 ms budget at p95. Event
 *   Timing (input to next paint, reported from 16 ms, as INP counts) is the figure; an interaction it
 *   does not report took under 16 ms and falls back to a rAF probe: a requestAnimationFrame after the
 *   action, then a message task, which runs right after that frame is painted (a second rAF would add
 *   up to a whole idle frame to every sample). That frame shows the acknowledgement (the desk's update
 *   bar); the desk draws the action's whole result in the frames after it (ui/update-mark.ts), and
 *   the time to that frame is printed too, as "until the whole result is drawn". Each interaction
 *   starts after the previous one's whole result is drawn. A click is taken as a hand makes it: the
 *   pointer moves onto the control, that frame (the hover's restyle and repaint) is drawn, then the
 *   press is measured (REPAINT_NO_HOVER=1 moves and presses in the same millisecond instead).
 * - Shift desk: the same at the busiest shift's desk with ten patients waiting (a seeded attempt at
 *   08:10, eleven arrived, one attended): serving from the queue, choices and tool actions in the
 *   attended case, and pausing them back into the queue.
 *
 * Skips with a printed line when dist/ or Chromium is missing (`npm run bench` builds first).
 * BENCH_VERBOSE=1 prints each sample as it is taken (on stderr).
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { chromium, type CDPSession, type Locator, type Page } from 'playwright-core';
import { parse } from 'yaml';
import { fromFileLog, type LogEntry } from '../../src/engine/format/log';
import { CHROMIUM_ARGS } from '../browser/browser';
import { seedAttempt as seedStored } from '../browser/seed-attempt';
import { fetchedScripts, totalBytes } from '../browser/fetched-scripts';
import { createStaticServer, findChromium } from '../browser/global-setup';
import type { Bench, Figure } from './bench';
import { BUDGET_BYTES, firstLoadChunks, measureFirstLoad } from './bundle-size';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** The built app; DIST_DIR points elsewhere (several builds side by side, e.g. `vite build --outDir`). */
const DIST = process.env.DIST_DIR ? resolve(process.env.DIST_DIR) : join(ROOT, 'dist');
const CASES = join(ROOT, 'scenarios', 'cases');
/** The case whose page and desk are measured for first load: a typical desk, with the registration tool. */
const FIRST_LOAD_CASE = 'registro-primera-vez-imss';
const FIRST_LOAD_WORKFLOW = 'registration';

/** Interactions measured per group (the issue asks for at least 40). */
const SAMPLES = 40;
/**
 * The budget's condition is 4x. REPAINT_SLOWDOWN=1 (or 2...) measures the same interactions at another
 * slowdown, to see how much of a figure is the slowdown; the goal printed stays the 4x one.
 */
const CPU_SLOWDOWN = Number(process.env.REPAINT_SLOWDOWN ?? 4) || 4;
const REPAINT_GOAL = CPU_SLOWDOWN === 4 ? '< 50 ms at p95' : '< 50 ms at p95 at 4x; this run is not at 4x';
/** The case with the longest run of dialogue steps (five choices on its first path, no tool). */
const DIALOGUE_CASE = 'derechos-arco-paciente';
/** One case per tool whose best log reaches it: [workflow, case id]. */
const TOOL_CASES: Array<[string, string]> = [
  ['registration', 'registro-primera-vez-imss'],
  ['scheduling', 'cita-primera-vez-vs-subsecuente'],
  ['room-prep', 'preparacion-consultorio-general'],
];

/**
 * REPAINT=floor,choices,registration,scheduling,room-prep,shift measures only those groups (default: all),
 * for quick A/B runs of two builds (DIST_DIR) while working on one screen.
 */
const ONLY = process.env.REPAINT ? new Set(process.env.REPAINT.split(',').map((w) => w.trim())) : null;
const wanted = (group: string): boolean => ONLY === null || ONLY.has(group);

/**
 * Clicks move the pointer onto the control and let that frame be drawn before pressing (clickOn).
 * REPAINT_NO_HOVER=1 clicks as Playwright does on its own, moving and pressing in the same
 * millisecond, to compare with figures taken that way (before decision 0015).
 */
const HOVER_FIRST = !process.env.REPAINT_NO_HOVER;

const T0 = performance.now();
const lap = (what: string): void => void (process.env.BENCH_VERBOSE && console.error(`[${((performance.now() - T0) / 1000).toFixed(1)} s] ${what}`));
const kb = (bytes: number): number => bytes / 1024;
const gzipKb = (file: string): number => kb(gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length);

// ---------------------------------------------------------------------------------------------
// First load
// ---------------------------------------------------------------------------------------------

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
}
type Manifest = Record<string, ManifestChunk>;

/** The chunks every trainee route loads: its loader (with the library's catalogue) and the es-MX strings. */
const TRAINEE_CHUNKS = ['src/app/trainee-data.ts', 'src/app/i18n/es-MX.json', 'src/features/trainee/strings/trainee.es-MX.json'];

/** Manifest key of a scenario document's chunk (build/scenario-library-plugin.ts makes one per document). */
export const documentKey = (kind: 'case' | 'shift' | 'clinic', id: string): string => `virtual:scenario/${kind}/${id}`;

/** Gzipped KB of a route's first load per the manifest: entry, `lazy` chunks and the static imports of both, each once. */
export function routeKb(manifest: Manifest, lazy: readonly string[]): number {
  const entry = Object.keys(manifest).find((key) => manifest[key]?.isEntry);
  if (!entry) throw new Error('manifest has no entry chunk');
  const keys = new Set([entry, ...lazy].flatMap((key) => firstLoadChunks(manifest, key)));
  return [...keys].reduce((sum, key) => sum + gzipKb((manifest[key] as ManifestChunk).file), 0);
}

/** Gzipped KB of the library route's first load per the manifest: entry, the route's lazy chunks, their static imports, es-MX strings. */
export function libraryRouteKb(manifest: Manifest): number {
  return routeKb(manifest, ['src/features/trainee/library-page.tsx', ...TRAINEE_CHUNKS]);
}

/** Chunks of a case's page (or desk, with `page`): the route, the trainee chunks, the case's and its clinic's documents. */
export function caseRouteChunks(manifest: Manifest, page: string, caseId: string): string[] {
  const clinic = readCase(caseId).clinic;
  const documents = [documentKey('case', caseId), documentKey('clinic', clinic)];
  // A build from before the precompiled library has no document chunks: measure what it has.
  return [page, ...TRAINEE_CHUNKS, ...documents.filter((key) => key in manifest)];
}

const budget = `<= ${kb(BUDGET_BYTES)} KB gzip`;

/** First-load figures from dist/ and its manifest. */
export const firstLoadBench: Bench = {
  name: 'first load (JavaScript, gzip level 9)',
  run: async () => {
    if (!existsSync(join(DIST, '.vite', 'manifest.json'))) {
      console.log('  skipped: dist/.vite/manifest.json not found; run `npx vite build` first (npm run bench builds).');
      return [];
    }
    const manifest = JSON.parse(readFileSync(join(DIST, '.vite', 'manifest.json'), 'utf8')) as Manifest;
    const home = measureFirstLoad(DIST);
    const figures: Figure[] = [
      { label: `home route: entry + static imports (${home.files.length} files)`, value: kb(home.total), unit: 'KB', goal: budget },
      { label: 'library route: entry + route chunks + their static imports + es-MX strings (manifest)', value: libraryRouteKb(manifest), unit: 'KB', goal: budget },
      {
        label: `case page /case/${FIRST_LOAD_CASE}: the same + the case's and its clinic's documents (manifest)`,
        value: routeKb(manifest, caseRouteChunks(manifest, 'src/features/trainee/case-page.tsx', FIRST_LOAD_CASE)),
        unit: 'KB',
        goal: budget,
      },
      {
        label: `desk of ${FIRST_LOAD_CASE}: desk route + documents + static imports (manifest; tools and persona data load on demand, see Chromium below)`,
        value: routeKb(manifest, caseRouteChunks(manifest, 'src/features/trainee/desk-page.tsx', FIRST_LOAD_CASE)),
        unit: 'KB',
      },
    ];
    return [...figures, ...(await fetchedFigures())];
  },
};

/** The JavaScript Chromium fetched on direct loads of /, /library, a case page and a desk; none when Chromium is missing. */
async function fetchedFigures(): Promise<Figure[]> {
  let executablePath: string;
  try {
    executablePath = findChromium();
  } catch (e) {
    console.log(`  Chromium figures skipped: ${e instanceof Error ? e.message : String(e)}`);
    return [];
  }
  if (!existsSync(join(DIST, 'index.html'))) return [];
  const server: Server = createStaticServer(DIST);
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => done());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  try {
    const fetched = (path: string, what: string, ready: (page: Page) => Promise<unknown>, seed?: (page: Page) => Promise<string>) =>
      fetchedScripts(browser, origin, path, ready, seed ? { seed } : {}).then(
        (sizes): Figure => ({ label: `${what} as fetched by Chromium (${sizes.size} JS files)`, value: kb(totalBytes(sizes)), unit: 'KB gzip', goal: budget }),
      );
    const title = readCase(FIRST_LOAD_CASE).title['es-MX'];
    return [
      await fetched('/', 'first load of /', (page) => page.getByRole('heading', { level: 1 }).waitFor()),
      await fetched('/library', 'first load of /library (catalogue included)', (page) => page.locator('.case-card').first().waitFor()),
      await fetched(`/case/${FIRST_LOAD_CASE}`, `first load of /case/${FIRST_LOAD_CASE} (its documents included)`, (page) =>
        page.getByRole('heading', { level: 1, name: title, exact: true }).waitFor(),
      ),
      {
        ...(await fetched(
          '/desk/',
          `first load of a desk of ${FIRST_LOAD_CASE} at its ${FIRST_LOAD_WORKFLOW} tool (the engine, the tool and persona data load on demand)`,
          (page) => page.locator('.tool button').first().waitFor(),
          (page) => {
            const { entries, seed } = logBefore(FIRST_LOAD_CASE, FIRST_LOAD_WORKFLOW);
            return seedAttempt(page, FIRST_LOAD_CASE, seed, entries);
          },
        )),
        goal: undefined,
      },
    ];
  } finally {
    await browser.close();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

// ---------------------------------------------------------------------------------------------
// Repaint: the probe installed in the page
// ---------------------------------------------------------------------------------------------

/** One interaction as the page saw it. */
interface Sample {
  /** Milliseconds from the input event to the frame after the action, by the rAF probe. */
  raf: number;
  /** Longest Event Timing duration of the interaction's events, when one was reported (>= 16 ms). */
  eventTiming: number | null;
  /** Of that, the time spent in the page's event handlers (React's render and commit for a discrete event), per Event Timing. */
  handlers: number | null;
  /** Of that, the wait before the first event's handlers ran (Event Timing's input delay): the page was busy with something else. */
  delay: number | null;
  /**
   * Milliseconds from the input event to the frame that shows the action's whole result: the desk
   * draws an accepted action's new view in the frames after the acknowledgement (ui/update-mark.ts),
   * and this is the frame after its root stopped being `aria-busy`.
   */
  complete: number;
}

/** Runs in the page before its scripts: records input starts, probes the next paint, buffers Event Timing entries. */
function installProbe(): void {
  interface Pending {
    start: number;
    end: number | null;
    done: number | null;
  }
  interface Probe {
    current: Pending | null;
    entries: Array<{ start: number; duration: number; id: number; handlers: number; delay: number }>;
    observer: PerformanceObserver | null;
  }
  const probe: Probe = { current: null, entries: [], observer: null };
  (window as unknown as { __repaint: Probe }).__repaint = probe;
  const keep = (list: PerformanceEntryList) => {
    for (const e of list as PerformanceEventTiming[]) probe.entries.push({ start: e.startTime, duration: e.duration, id: e.interactionId, handlers: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
  };
  try {
    probe.observer = new PerformanceObserver((list) => keep(list.getEntries()));
    probe.observer.observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  } catch {
    probe.observer = null;
  }
  const begin = (e: Event) => {
    if (e.isTrusted) probe.current = { start: e.timeStamp, end: null, done: null };
  };
  addEventListener('pointerdown', begin, true);
  addEventListener('keydown', begin, true);
  // After the app's handlers (window is last in the bubble path): the DOM update is done or queued.
  /** Right after the frame that follows this rAF callback is painted. */
  const afterPaint = (then: (at: number) => void) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => then(performance.now());
    channel.port2.postMessage(null);
  };
  // The desks' roots are articles; the placeholders of parts drawn after the result are not.
  const busy = () => document.querySelector('article[aria-busy="true"]') !== null;
  const after = () => {
    const pending = probe.current;
    if (!pending) return;
    requestAnimationFrame(() =>
      afterPaint((at) => {
        pending.end ??= at;
      }),
    );
    // Frame after frame until the desk is no longer marked busy: that frame shows the whole result.
    const settle = () =>
      requestAnimationFrame(() => {
        if (busy()) settle();
        else
          afterPaint((at) => {
            pending.done ??= at;
          });
      });
    settle();
  };
  for (const type of ['click', 'keydown', 'input', 'change', 'submit']) addEventListener(type, after);
}

/**
 * Does one interaction and returns its sample, or null when the page showed no frame after it.
 * It starts from a settled page, as a person who reads before acting would: the desk draws a new
 * patient's document cards and a new task's form a frame after the action that brought them (their
 * placeholders are `aria-busy`), and a click landing while those are drawn would measure the previous
 * action's deferred work along with its own.
 */
async function measure(page: Page, act: () => Promise<unknown>, approach?: () => Promise<unknown>): Promise<Sample | null> {
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null, undefined, { timeout: 5000, polling: 'raf' }).catch(() => undefined);
  if (approach) {
    await approach();
    // The frame that draws the hover is done before the press, as it is for a hand that moves and then clicks.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  }
  await page.evaluate(() => {
    (window as unknown as { __repaint: { current: unknown } }).__repaint.current = null;
  });
  await act();
  try {
    await page.waitForFunction(() => (window as unknown as { __repaint: { current: { done: number | null } | null } }).__repaint.current?.done != null, undefined, {
      timeout: 5000,
      polling: 20,
    });
  } catch {
    return null;
  }
  return page.evaluate(async () => {
    const probe = (window as unknown as {
      __repaint: { current: { start: number; end: number; done: number } | null; entries: Array<{ start: number; duration: number; id: number; handlers: number; delay: number }>; observer: PerformanceObserver | null };
    }).__repaint;
    // Event Timing entries are delivered after the paint they measure: give them a moment.
    await new Promise((done) => setTimeout(done, 60));
    for (const e of (probe.observer?.takeRecords() ?? []) as PerformanceEventTiming[]) probe.entries.push({ start: e.startTime, duration: e.duration, id: e.interactionId, handlers: e.processingEnd - e.processingStart, delay: e.processingStart - e.startTime });
    const current = probe.current;
    if (!current) return null;
    const inWindow = probe.entries.filter((e) => e.start >= current.start - 0.5 && e.start <= current.end);
    const ids = new Set(inWindow.map((e) => e.id).filter((id) => id > 0));
    const mine = probe.entries.filter((e) => inWindow.includes(e) || ids.has(e.id));
    probe.entries = probe.entries.filter((e) => e.start > current.end && !ids.has(e.id));
    probe.current = null;
    const complete = current.done - current.start;
    if (mine.length === 0) return { raf: current.end - current.start, eventTiming: null, handlers: null, delay: null, complete };
    const first = mine.reduce((a, e) => (e.start < a.start ? e : a));
    return { raf: current.end - current.start, eventTiming: Math.max(...mine.map((e) => e.duration)), handlers: mine.reduce((sum, e) => sum + e.handlers, 0), delay: first.delay, complete };
  });
}

// ---------------------------------------------------------------------------------------------
// Repaint: the interactions
// ---------------------------------------------------------------------------------------------

interface CaseFile {
  id: string;
  clinic: string;
  title: { 'es-MX': string };
  tests?: Array<{ seed?: number; mode?: string; log: unknown[]; expect: { rejectedAt?: number } }>;
}

const readCase = (id: string): CaseFile => parse(readFileSync(join(CASES, `${id}.yaml`), 'utf8')) as CaseFile;

/** The case's best-log entries before its first action of `workflow`, and the log's seed. */
function logBefore(id: string, workflow: string): { entries: LogEntry[]; seed: number } {
  const test = readCase(id).tests?.find((t) => t.expect.rejectedAt === undefined && (t.mode ?? 'practice') === 'practice');
  const read = test ? fromFileLog(test.log) : null;
  if (!test || !read?.ok) throw new Error(`case ${id} has no accepted practice test log`);
  const first = read.entries.findIndex((e) => e.type.startsWith(`${workflow}.`));
  if (first < 0) throw new Error(`the best log of ${id} never uses ${workflow}`);
  return { entries: read.entries.slice(0, first), seed: test.seed ?? 0 };
}

/** Stores an unfinished practice attempt at a case (or a shift) in the app's IndexedDB and returns its id. */
export const seedAttempt = (page: Page, caseId: string, seed: number, entries: LogEntry[], kind: 'case' | 'shift' = 'case'): Promise<string> =>
  seedStored(page, { id: `bench-${caseId}`, caseId, seed, entries, kind });

/** A page context: the page and its CDP session for switching the CPU slowdown on (measuring) and off (navigating). */
export interface Bench4x {
  page: Page;
  cdp: CDPSession;
  origin: string;
}

const throttle = (b: Bench4x, rate: number) => b.cdp.send('Emulation.setCPUThrottlingRate', { rate });

/** Dialogue choices: from the library, open the dialogue case, start practice, choose until the end; restart until enough samples. */
async function measureChoices(b: Bench4x): Promise<Sample[]> {
  const { page } = b;
  const title = readCase(DIALOGUE_CASE).title['es-MX'];
  await page.goto(`${b.origin}/library`, { waitUntil: 'load' });
  await page.getByRole('link', { name: title, exact: true }).click();
  const samples: Sample[] = [];
  for (let round = 0; samples.length < SAMPLES && round < 30; round++) {
    // Back to the case page inside the app (no reload: the library stays loaded), then a new attempt.
    if (round > 0) await page.goBack();
    await page.getByRole('button', { name: 'Empezar práctica' }).click();
    const choices = page.locator('.choices button.choice');
    await choices.first().waitFor();
    lap(`round ${round} started`);
    await throttle(b, CPU_SLOWDOWN);
    // Rotate through the choices so wrong answers (feedback, retries) are measured too.
    for (let i = 0; samples.length < SAMPLES && (await choices.count()) > 0; i++) {
      const count = await choices.count();
      const target = choices.nth((round + i) % count);
      const sample = await clickOn(page, target);
      if (sample) samples.push(sample);
      lap(`choice ${samples.length}: ${sample ? latency(sample).toFixed(0) : 'none'}`);
      if (i > 40) break;
    }
    await throttle(b, 1);
  }
  return samples;
}

/**
 * The floor: the same desk, but the clicked control is a bare button added for the bench whose
 * handler changes its own text (no React, no engine), and the keys go to a bare text field. What it
 * measures is the browser's own cost of an input and a frame at this slowdown on this machine, the
 * part no change to the app can remove (React's listener at the root still sees the events, as it
 * sees every event on the page).
 */
async function measureFloor(b: Bench4x): Promise<{ clicks: Sample[]; keys: Sample[] }> {
  const { page } = b;
  await page.goto(`${b.origin}/case/${DIALOGUE_CASE}`, { waitUntil: 'load' });
  await page.getByRole('button', { name: 'Empezar práctica' }).click();
  await page.locator('.choices button.choice').first().waitFor();
  await page.evaluate(() => {
    const button = document.createElement('button');
    button.type = 'button';
    button.id = 'bench-floor';
    button.textContent = '0';
    button.addEventListener('click', () => {
      button.textContent = String(Number(button.textContent) + 1);
    });
    document.querySelector('.choices')?.before(button);
    // And a bare text field for keystrokes: the browser's own cost of a key typed into a field.
    const input = document.createElement('input');
    input.id = 'bench-floor-input';
    input.setAttribute('aria-label', 'bench');
    document.querySelector('.choices')?.before(input);
  });
  const button = page.locator('#bench-floor');
  const clicks: Sample[] = [];
  const keys: Sample[] = [];
  await throttle(b, CPU_SLOWDOWN);
  for (let i = 0; clicks.length < SAMPLES && i < SAMPLES * 2; i++) {
    const sample = await clickOn(page, button);
    if (sample) clicks.push(sample);
  }
  const input = page.locator('#bench-floor-input');
  for (let i = 0; keys.length < SAMPLES && i < SAMPLES * 2; i++) {
    // The same keys as in the registration field: two, then the field is emptied (unmeasured).
    if (i % 2 === 0) await input.fill('');
    const sample = await measure(page, () => page.keyboard.press('Pr'[i % 2] as string));
    if (sample) keys.push(sample);
  }
  await throttle(b, 1);
  return { clicks, keys };
}

/** Opens the desk of a seeded attempt at the tool of `workflow` and waits for the tool. */
export async function openTool(b: Bench4x, workflow: string, caseId: string): Promise<void> {
  const { entries, seed } = logBefore(caseId, workflow);
  await b.page.goto(`${b.origin}/`, { waitUntil: 'load' });
  const id = await seedAttempt(b.page, caseId, seed, entries);
  await b.page.goto(`${b.origin}/desk/${id}`, { waitUntil: 'load' });
  await b.page.locator('.tool').waitFor();
  await b.page.locator('.tool button').first().waitFor();
}

/** A sample as BENCH_VERBOSE prints it. */
const describe = (s: Sample): string =>
  `${latency(s).toFixed(0)} ms (rAF probe ${s.raf.toFixed(0)}, handlers ${s.handlers?.toFixed(1) ?? '-'}, input delay ${s.delay?.toFixed(1) ?? '-'}, whole result ${s.complete.toFixed(0)})`;

/**
 * Clicks a control, measured. The pointer is moved onto it first, unmeasured: a person's pointer
 * reaches a control frames before it presses it, and the restyle and repaint of the hover are not the
 * press's (clicking straight away, the press waited for the hover's frame).
 */
function clickOn(page: Page, locator: Locator): Promise<Sample | null> {
  return measure(
    page,
    () => locator.click(),
    HOVER_FIRST ? () => locator.hover() : undefined,
  );
}

/** Tool actions: registration field commits (Enter), scheduling day changes, room-prep disposals and steps. Keystrokes are kept apart. */
async function measureTools(b: Bench4x): Promise<{ actions: Sample[]; keys: Sample[]; perTool: Record<string, Sample[]> }> {
  const { page } = b;
  const actions: Sample[] = [];
  const keys: Sample[] = [];
  const perTool: Record<string, Sample[]> = {};
  const push = (workflow: string, s: Sample | null) => {
    lap(`${workflow}: ${s ? describe(s) : 'none'}`);
    if (!s) return;
    actions.push(s);
    (perTool[workflow] ??= []).push(s);
  };
  /** Up to `wanted` actions in the open tool; fewer when the tool has no more to do (room prep). */
  const actIn = async (workflow: string, wanted: number) => {
    if (workflow === 'registration') {
      const fields = ['Nombre(s)', 'Primer apellido', 'Segundo apellido', 'Domicilio'].map((name) => page.getByLabel(name, { exact: true }));
      for (let i = 0; i < wanted; i++) {
        const field = fields[i % fields.length] as Locator;
        await field.fill('');
        // Keystrokes are measured apart from the commits. The field has the focus (fill gave it), and the
        // keys go to the focused element as a typist's do: the locator is not looked up again before
        // each one (that lookup scans the page's labels, about 13 ms at 4x, right before the key).
        for (const ch of keys.length < SAMPLES ? 'Pr' : '') {
          const k = await measure(page, () => page.keyboard.press(ch));
          if (k) keys.push(k);
        }
        await field.fill(`Prueba ${i}`);
        push(workflow, await measure(page, () => field.press('Enter')));
      }
    } else if (workflow === 'scheduling') {
      const next = page.getByRole('button', { name: /^(Día|Semana) siguiente$/ });
      const previous = page.getByRole('button', { name: /^(Día|Semana) anterior$/ });
      for (let i = 0; i < wanted; i++) push(workflow, await clickOn(page, i % 4 < 2 ? next : previous));
    } else {
      let done = 0;
      // Dispose every pending waste item (the container is picked unmeasured, "Desechar" is the action).
      for (let guard = 0; done < wanted && guard < 12; guard++) {
        const row = page.locator('.room-prep-tool__waste-row').first();
        if ((await row.count()) === 0) break;
        await row.locator('select').selectOption({ index: 1 + (guard % 3) });
        push(workflow, await clickOn(page, row.getByRole('button')));
        done++;
      }
      // Then the cleaning steps in order, then restocking, while there is an enabled one to press.
      const steps = page.getByRole('list', { name: 'Pasos de limpieza' }).getByRole('button');
      const restock = page.getByRole('button', { name: /^Resurtir/ });
      for (let i = 0; done < wanted && i <= 30; i++, done++) {
        const stepCount = await steps.count();
        const restocks = await restock.count();
        if (i >= stepCount && restocks === 0) break;
        const target = i < stepCount ? steps.nth(i) : restock.nth((i - stepCount) % restocks);
        if (!(await target.isEnabled())) break;
        push(workflow, await clickOn(page, target));
      }
    }
  };
  for (const [workflow, caseId] of TOOL_CASES) {
    if (!wanted(workflow)) continue;
    // SAMPLES actions per tool, so each tool's p95 is a p95; a tool that runs out of actions is opened
    // again on a fresh attempt (its first action there is measured too).
    for (let opening = 0; (perTool[workflow]?.length ?? 0) < SAMPLES && opening < 6; opening++) {
      await openTool(b, workflow, caseId);
      lap(`${workflow} tool open`);
      await throttle(b, CPU_SLOWDOWN);
      await actIn(workflow, SAMPLES - (perTool[workflow]?.length ?? 0));
      await throttle(b, 1);
    }
  }
  return { actions, keys, perTool };
}

/** The library's busiest shift: eleven at the desk within ten minutes of opening (issue 5: "10 patients waiting"). */
const SHIFT_ID = 'turno-sala-llena-umf-cdmx';
/** Simulated seconds let pass before measuring: by 08:10 everyone has arrived and nobody has been served. */
const SHIFT_WAIT = 600;
const WAITING_GOAL = 10;

/** Shift desk samples: serving from the queue, choices and tool actions in the attended case, setting the case aside. */
interface ShiftSamples {
  serve: Sample[];
  actions: Sample[];
  pause: Sample[];
  /** The fewest patients the queue showed while a sample was taken (waiting, with one attended). */
  minWaiting: number;
}

/**
 * Opens the shift desk of a seeded attempt at 08:10 (eleven waiting), then rounds of: serve the
 * patient in the queue's next row (queue selection), one or two actions in their case (a choice, or
 * a tool button), and pause them back into the queue; every gesture measured at 4x slowdown.
 */
async function measureShiftDesk(b: Bench4x): Promise<ShiftSamples> {
  const { page } = b;
  const rows = page.locator('.shift-queue__row');
  // A fresh desk at 08:10 (unthrottled): eleven waiting, nobody attended.
  const openDesk = async () => {
    await throttle(b, 1);
    await page.goto(`${b.origin}/`, { waitUntil: 'load' });
    const id = await seedAttempt(page, SHIFT_ID, 0, [{ type: 'wait', seconds: SHIFT_WAIT }], 'shift');
    await page.goto(`${b.origin}/shift-desk/${id}`, { waitUntil: 'load' });
    await rows.nth(WAITING_GOAL).waitFor();
    lap('shift desk open');
    await throttle(b, CPU_SLOWDOWN);
  };
  const out: ShiftSamples = { serve: [], actions: [], pause: [], minWaiting: Infinity };
  const waitingNow = async () => {
    out.minWaiting = Math.min(out.minWaiting, await rows.count());
  };
  await openDesk();
  for (let round = 0; out.serve.length < SAMPLES && round < SAMPLES * 2; round++) {
    // A case the rotating choices brought to its end leaves the queue for good: start again from 08:10.
    if ((await rows.count()) <= WAITING_GOAL) await openDesk();
    const count = await rows.count();
    const serve = rows.nth(round % count).getByRole('button');
    const served = await clickOn(page, serve);
    lap(`shift serve ${out.serve.length}: ${served ? describe(served) : 'none'}`);
    if (served) out.serve.push(served);
    await page.locator('.shift-desk__case').waitFor();
    await waitingNow();
    for (let i = 0; i < 2; i++) {
      const choice = page.locator('.shift-desk__case .choices button.choice');
      const tool = page.locator('.shift-desk__case .tool button:not([disabled])');
      const target = (await choice.count()) > 0 ? choice.nth(round % (await choice.count())) : (await tool.count()) > 0 ? tool.first() : null;
      if (!target) break;
      const acted = await clickOn(page, target);
      lap(`shift action ${out.actions.length}: ${acted ? describe(acted) : 'none'}`);
      if (acted) out.actions.push(acted);
      // A case that ended here leaves ten waiting and nobody attended: still ten waiting when it was measured.
      await waitingNow();
      if ((await page.locator('.shift-desk__case').count()) === 0) break;
    }
    const pause = page.getByRole('button', { name: 'Pausar para atender a alguien más' });
    if ((await pause.count()) === 0) continue;
    const paused = await clickOn(page, pause);
    if (paused) out.pause.push(paused);
    await page.locator('.shift-desk__case').waitFor({ state: 'detached' });
  }
  await throttle(b, 1);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Figures
// ---------------------------------------------------------------------------------------------

/** Nearest-rank percentile of a non-empty list. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** The latency of a sample: Event Timing when reported, else the rAF probe (then under 16 ms). */
const latency = (s: Sample): number => s.eventTiming ?? s.raf;

function figures(group: string, samples: Sample[]): Figure[] {
  if (samples.length === 0 && ONLY !== null) return [];
  if (samples.length === 0) return [{ label: `${group}: no interaction could be measured`, value: 0, unit: 'samples' }];
  const values = samples.map(latency);
  const timed = samples.filter((s) => s.eventTiming !== null).length;
  const raf = samples.map((s) => s.raf);
  const complete = samples.map((s) => Math.max(s.complete, latency(s)));
  const handlers = samples.flatMap((s) => (s.handlers === null ? [] : [s.handlers]));
  return [
    { label: `${group}: p50 (n=${samples.length}, ${timed} by Event Timing, rest by rAF)`, value: percentile(values, 50), unit: 'ms' },
    { label: `${group}: p95`, value: percentile(values, 95), unit: 'ms', goal: REPAINT_GOAL },
    { label: `${group}: max`, value: Math.max(...values), unit: 'ms' },
    { label: `${group}: p95 by the rAF probe alone (cross-check)`, value: percentile(raf, 95), unit: 'ms' },
    {
      label: `${group}: until the whole result is drawn (desk no longer busy), p50 / p95`,
      value: percentile(complete, 50),
      unit: `ms / ${percentile(complete, 95).toFixed(0)} ms`,
    },
    ...(handlers.length > 0 ? [{ label: `${group}: p50 time in event handlers (render + commit; Event Timing processing)`, value: percentile(handlers, 50), unit: 'ms' }] : []),
  ];
}


export const repaintBench: Bench = {
  name: `repaint latency in Chromium (${CPU_SLOWDOWN}x CPU slowdown, input to next frame)`,
  run: async () => {
    if (!existsSync(join(DIST, 'index.html'))) {
      console.log('  skipped: dist/index.html not found; run `npx vite build` first (npm run bench builds).');
      return [];
    }
    let executablePath: string;
    try {
      executablePath = findChromium();
    } catch (e) {
      console.log(`  skipped: ${e instanceof Error ? e.message : String(e)}`);
      return [];
    }
    const server: Server = createStaticServer(DIST);
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(0, '127.0.0.1', () => done());
    });
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
    try {
      lap('browser launched');
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'es-MX', reducedMotion: 'reduce' });
      // tsx (esbuild keepNames) wraps named functions in __name(): give the page a no-op one.
      await context.addInitScript({ content: `var __name = (f) => f; (${installProbe.toString()})();` });
      const page = await context.newPage();
      // The first desk of a run loads its chunks and prepares the case: slow on a busy machine.
      page.setDefaultTimeout(120_000);
      const b: Bench4x = { page, cdp: await context.newCDPSession(page), origin };
      const floor = wanted('floor') ? await measureFloor(b) : { clicks: [], keys: [] };
      const choices = wanted('choices') ? await measureChoices(b) : [];
      const tools = await measureTools(b);
      const shift: ShiftSamples = wanted('shift') ? await measureShiftDesk(b) : { serve: [], actions: [], pause: [], minWaiting: 0 };
      await context.close();
      const perTool = Object.entries(tools.perTool)
        .map(([w, list]) => `${w} ${list.length}`)
        .join(', ');
      return [
        ...figures('floor: a bare button changing its own text on the desk (no app handler)', floor.clicks).map(({ goal: _, ...f }) => f),
        ...figures('floor: keystrokes in a bare text field on the desk (no app handler)', floor.keys)
          .filter((f) => !f.label.includes('cross-check'))
          .map(({ goal: _, ...f }) => f),
        ...figures('dialogue choices', choices),
        ...figures(`tool actions (${perTool})`, tools.actions),
        ...Object.entries(tools.perTool).flatMap(([w, list]) => [
          { label: `  ${w} tool actions: p95`, value: percentile(list.map(latency), 95), unit: 'ms', goal: REPAINT_GOAL },
          // The first action in a tool meets code the browser has not run yet; the rest show what a trainee feels once working.
          { label: `  ${w} tool (n=${list.length}): first action / p50 and p95 of the others`, value: latency(list[0] as Sample), unit: `ms / ${percentile(list.slice(1).map(latency), 50).toFixed(0)} / ${percentile(list.slice(1).map(latency), 95).toFixed(0)} ms` },
        ]),
        ...figures('keystrokes in a registration field (not log actions)', tools.keys).filter((f) => !f.label.includes('cross-check')),
        ...(wanted('shift') ? [{ label: `shift desk (${SHIFT_ID} at 08:10): fewest patients waiting in the queue while measuring`, value: shift.minWaiting, unit: 'patients', goal: `>= ${WAITING_GOAL}` }] : []),
        ...figures('shift desk: queue selection (serve a waiting patient)', shift.serve),
        ...figures('shift desk: choice and tool actions in the attended case', shift.actions),
        ...figures('shift desk: pause the attended patient back into the queue', shift.pause),
      ];
    } finally {
      await browser.close();
      await new Promise<void>((done) => server.close(() => done()));
    }
  },
};
