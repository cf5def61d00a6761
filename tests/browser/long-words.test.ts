/**
 * A 4,000-character word in a case stays inside the screen. Like hostile.test.ts, the built app's
 * case chunk and catalogue are intercepted with page.route() and serve a real case whose texts hold
 * the word: title and summary (library card, case page), objectives, a spoken line, a choice, its
 * feedback, a document's note and address (desk), the ending (desk and debrief). The case is played
 * to its end at 1280x800 and 390x844; on every screen the page must not scroll sideways and every
 * piece of the word must be drawn inside the viewport. Then each workflow's tool is opened at its
 * task step with every text of its case, and the names and addresses of its clinic, made long words;
 * and a shift so lengthened (its texts, its cases, its clinic) on the shift desk and its debrief.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { loadLibrary } from '../../src/engine/load/library';
import { fromFileLog } from '../../src/engine/format/log';
import { appUrl, launchBrowser } from './browser';
import { seedAttempt } from './seed-attempt';

const CASE_ID = 'empleador-pregunta-diagnostico';
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');

/** 4,000 characters without a space: the most a text may hold. */
const WORD = 'Otorrinolaringólogo'.repeat(211).slice(0, 4000);
/** An address holds at most 300 characters. */
const STREET = `Calle ${'Xochimilco'.repeat(29)}`;

interface Choice { text: { 'es-MX': string }; feedback: { 'es-MX': string } }
interface Step { say: Array<{ 'es-MX': string }> | { 'es-MX': string }; choose?: Choice[]; end?: { 'es-MX': string } }
const doc = parse(read(`../../scenarios/cases/${CASE_ID}.yaml`)) as {
  title: { 'es-MX': string }; summary: { 'es-MX': string }; objectives: Array<{ 'es-MX': string }>;
  people: { patient: { documents: Array<Record<string, unknown>> } }; steps: Record<string, Step>;
};
doc.title['es-MX'] = WORD;
doc.summary['es-MX'] = WORD;
doc.objectives[0]!['es-MX'] = WORD;
const { llamada, presion, ventanilla, fin } = doc.steps as Record<string, Step & { say: Array<{ 'es-MX': string }> }>;
llamada!.say.at(-1)!['es-MX'] = WORD;
llamada!.choose![0]!.text['es-MX'] = WORD;
llamada!.choose![0]!.feedback['es-MX'] = WORD;
ventanilla!.choose![0]!.text['es-MX'] = WORD;
fin!.end!['es-MX'] = WORD;
doc.people.patient.documents[0]!['address'] = STREET;
doc.people.patient.documents[0]!['note'] = { 'es-MX': WORD, en: 'A note.' };
const clinicSource = { path: 'scenarios/clinics/umf-centro-cdmx.yaml', text: read('../../scenarios/clinics/umf-centro-cdmx.yaml') };
const library = loadLibrary([{ path: `scenarios/cases/${CASE_ID}.yaml`, text: stringify(doc, { lineWidth: 0 }) }], { context: [clinicSource] });
const catalogTitle = new RegExp(`([\`"']${CASE_ID}[\`"']:\\s*\\{\\s*[\`"']?title[\`"']?:\\s*)(\`[^\`]*\`|"(?:[^"\\\\]|\\\\.)*")`);

const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Serves the long-word case in place of the built one (case chunk and catalogue title). */
async function serveLongWordCase(page: Page): Promise<void> {
  await page.route('**/assets/*.js', async (route) => {
    if (new URL(route.request().url()).pathname.startsWith(`/assets/${CASE_ID}-`)) {
      await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: `export default ${JSON.stringify(library.cases.get(CASE_ID))};` });
      return;
    }
    const response = await route.fetch();
    const body = await response.text();
    await route.fulfill({ response, body: catalogTitle.test(body) ? body.replace(catalogTitle, (_, head: string) => head + JSON.stringify(WORD)) : body });
  });
}

/**
 * How far the page scrolls sideways, and what is drawn outside the viewport: each line box of the
 * text nodes holding the long texts, and any element sticking out.
 */
async function overflow(page: Page, screen: string): Promise<{ screen: string; scrollWidth: number; viewport: number; outside: string[]; pieces: number }> {
  // Parts drawn after a paint (documents, tools) are busy until then; a tool's styles come with it.
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  return page.evaluate(
    ({ screen, needles }) => {
      const viewport = document.documentElement.clientWidth;
      const outside: string[] = [];
      let pieces = 0;
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      /** The part of a box a person sees: what a clipping ancestor hides (an ellipsis, a scroll box) is not drawn. */
      const seen = (el: Element | null, rect: { left: number; right: number }) => {
        let [left, right] = [rect.left, rect.right];
        for (let a = el; a; a = a.parentElement) {
          if (getComputedStyle(a).overflowX === 'visible') continue;
          const box = a.getBoundingClientRect();
          [left, right] = [Math.max(left, box.left), Math.min(right, box.right)];
        }
        return { left, right };
      };
      const sticksOut = (r: { left: number; right: number }) => r.right > r.left && (r.left < -1 || r.right > viewport + 1);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        if (!needles.some((n) => text.includes(n))) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) {
          const r = seen(node.parentElement, rect);
          if (r.right - r.left <= 0) continue;
          pieces++;
          if (sticksOut(r)) outside.push(`${node.parentElement?.tagName.toLowerCase()}.${node.parentElement?.className}: ${Math.round(r.left)}..${Math.round(r.right)}`);
        }
      }
      // The elements that stick out, innermost first: where a fix belongs when this fails.
      const out = (el: Element) => sticksOut(seen(el.parentElement, el.getBoundingClientRect()));
      const wide = [...document.body.querySelectorAll('*')]
        .filter((el) => out(el) && ![...el.children].some(out))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { screen, scrollWidth: document.documentElement.scrollWidth, viewport, outside: [...new Set([...outside, ...wide])].slice(0, 8), pieces };
    },
    { screen, needles: [WORD.slice(0, 60), STREET.slice(10, 70)] },
  );
}

describe('a 4,000-character word in a case', () => {
  it('loads as a valid case, with a warning at each long word', () => {
    expect(library.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(library.diagnostics.filter((d) => d.code === 'long-word').length).toBeGreaterThanOrEqual(8);
  });

  for (const viewport of VIEWPORTS) {
    it(`wraps inside the screen at ${viewport.width}x${viewport.height}: library, case page, desk and debrief`, async () => {
      const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce', viewport });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await serveLongWordCase(page);
      const seen: Awaited<ReturnType<typeof overflow>>[] = [];

      await page.goto(appUrl('/library'), { waitUntil: 'load' });
      const card = page.getByRole('link', { name: WORD, exact: true });
      await card.waitFor();
      seen.push(await overflow(page, 'library'));
      await card.click();
      await page.getByRole('heading', { level: 1, name: WORD, exact: true }).waitFor();
      await page.getByText(WORD, { exact: true }).nth(1).waitFor(); // the summary
      seen.push(await overflow(page, 'case page'));

      await page.getByRole('button', { name: 'Empezar práctica', exact: true }).click();
      const choice = page.getByRole('button', { name: WORD, exact: true });
      await choice.waitFor();
      seen.push(await overflow(page, 'desk: line and choice'));
      await choice.click();
      await page.getByRole('button', { name: presion!.choose![0]!.text['es-MX'], exact: true }).click();
      await page.getByText(STREET, { exact: true }).waitFor();
      seen.push(await overflow(page, 'desk: feedback, documents and choice'));
      await page.getByRole('button', { name: WORD, exact: true }).click();
      const result = page.getByRole('link', { name: 'Ver el resultado', exact: true });
      await result.waitFor();
      seen.push(await overflow(page, 'desk: ending'));
      await result.click();
      await page.getByRole('heading', { level: 1, name: `Resultado: ${WORD}`, exact: true }).waitFor();
      seen.push(await overflow(page, 'debrief'));

      for (const s of seen) {
        expect(s.viewport, s.screen).toBeLessThanOrEqual(viewport.width);
        expect(s.outside, `${s.screen}: drawn outside the viewport`).toEqual([]);
        expect(s.scrollWidth, `${s.screen}: the page is ${s.scrollWidth} px wide in a ${s.viewport} px viewport`).toBeLessThanOrEqual(s.viewport);
        expect(s.pieces, s.screen).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});

/** Every es-MX text of a document made WORD, and every name and address a long word of its field's size. */
function lengthen(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) return value.map((v) => lengthen(v));
  if (value === null || typeof value !== 'object') {
    if (typeof value !== 'string') return value;
    if (key === 'es-MX') return WORD;
    if (key === 'address') return STREET;
    if (key === 'name' || key === 'insurer') return `Dra. ${'Montemayor'.repeat(7)}`; // at most 80 characters
    return value;
  }
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, k === 'tests' ? v : lengthen(v, k)]));
}

/** Serves each document's chunk (the build names it `<id>-<hash>.js`) with the given content. */
async function serveDocuments(page: Page, served: Map<string, unknown>): Promise<void> {
  await page.route('**/assets/*.js', async (route) => {
    const path = new URL(route.request().url()).pathname;
    const id = [...served.keys()].find((k) => new RegExp(`^/assets/${k}-[\\w-]{8}\\.js$`).test(path));
    if (id === undefined) return route.continue();
    await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: `export default ${JSON.stringify(served.get(id))};` });
  });
}

interface CaseFile { id: string; clinic: string; workflows: string[]; tests?: Array<{ mode?: string; seed?: number; log: unknown[]; expect: { rejectedAt?: number } }> }
const CASES = fileURLToPath(new URL('../../scenarios/cases/', import.meta.url));
const allCases = readdirSync(CASES).filter((f) => f.endsWith('.yaml')).map((f) => parse(readFileSync(`${CASES}${f}`, 'utf8')) as CaseFile);

describe('long words in the tools', () => {
  for (const workflow of ['registration', 'coverage', 'scheduling', 'room-prep']) {
    it(`${workflow}: every text of its case and its clinic's names as long words stay inside 390x844 and 1280x800`, async () => {
      const c = allCases.find((k) => k.workflows.includes(workflow) && k.tests?.some((t) => (t.mode ?? 'practice') === 'practice' && t.expect.rejectedAt === undefined && JSON.stringify(t.log).includes(`"${workflow}.`)))!;
      const test = c.tests!.find((t) => (t.mode ?? 'practice') === 'practice' && t.expect.rejectedAt === undefined && JSON.stringify(t.log).includes(`"${workflow}.`))!;
      const log = fromFileLog(test.log);
      if (!log.ok) throw new Error(`${c.id}: its self-test log does not read`);
      const before = log.entries.slice(0, log.entries.findIndex((e) => e.type.startsWith(`${workflow}.`)));
      const clinicText = read(`../../scenarios/clinics/${c.clinic}.yaml`);
      const long = loadLibrary(
        [
          { path: `scenarios/cases/${c.id}.yaml`, text: stringify(lengthen(parse(read(`../../scenarios/cases/${c.id}.yaml`))), { lineWidth: 0 }) },
          { path: `scenarios/clinics/${c.clinic}.yaml`, text: stringify(lengthen(parse(clinicText)), { lineWidth: 0 }) },
        ],
        {},
      );
      expect(long.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      const served = new Map<string, unknown>([[c.id, long.cases.get(c.id)], [c.clinic, long.clinics.get(c.clinic)]]);

      for (const viewport of [...VIEWPORTS].reverse()) {
        const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce', viewport });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        await serveDocuments(page, served);
        await page.goto(appUrl('/'), { waitUntil: 'load' });
        const id = await seedAttempt(page, { id: `long-${workflow}`, caseId: c.id, seed: test.seed ?? 0, entries: before });
        await page.goto(appUrl(`/desk/${id}`), { waitUntil: 'load' });
        await page.locator('.tool').waitFor();
        await page.getByText(WORD.slice(0, 60)).first().waitFor();
        const s = await overflow(page, `${workflow} at ${viewport.width}`);
        expect(s.outside, `${s.screen}: drawn outside the viewport`).toEqual([]);
        expect(s.scrollWidth, `${s.screen}: the page is ${s.scrollWidth} px wide in a ${s.viewport} px viewport`).toBeLessThanOrEqual(s.viewport);
        expect(errors).toEqual([]);
        await context.close();
      }
    });
  }
});

describe('long words in a shift', () => {
  const SHIFT_ID = 'turno-bienestar-oaxaca';
  const shiftDoc = parse(read(`../../scenarios/shifts/${SHIFT_ID}.yaml`)) as { clinic: string; arrivals: Array<{ case: string }>; events: Array<{ case?: string }>; tests: Array<{ seed?: number; log: unknown[] }> };
  const caseIds = [...new Set([...shiftDoc.arrivals.map((a) => a.case), ...shiftDoc.events.flatMap((e) => e.case ?? [])])];
  const lengthened = (path: string) => ({ path, text: stringify(lengthen(parse(read(`../../${path}`))), { lineWidth: 0 }) });
  const long = loadLibrary([lengthened(`scenarios/shifts/${SHIFT_ID}.yaml`), lengthened(`scenarios/clinics/${shiftDoc.clinic}.yaml`), ...caseIds.map((id) => lengthened(`scenarios/cases/${id}.yaml`))], {});
  const served = new Map<string, unknown>([[SHIFT_ID, long.shifts.get(SHIFT_ID)], [shiftDoc.clinic, long.clinics.get(shiftDoc.clinic)], ...caseIds.map((id) => [id, long.cases.get(id)] as [string, unknown])]);
  const log = fromFileLog(shiftDoc.tests[0]!.log);

  it('loads with its cases and clinic, a warning at the long words of each', () => {
    expect(long.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const warned = new Set(long.diagnostics.filter((d) => d.code === 'long-word').map((d) => d.file));
    expect([...warned].sort()).toEqual([`scenarios/clinics/${shiftDoc.clinic}.yaml`, `scenarios/shifts/${SHIFT_ID}.yaml`, ...caseIds.map((id) => `scenarios/cases/${id}.yaml`)].sort());
    expect(log.ok).toBe(true);
  });

  for (const viewport of VIEWPORTS) {
    it(`stays inside ${viewport.width}x${viewport.height} on the shift desk and the shift debrief`, async () => {
      if (!log.ok) throw new Error('the shift self-test log does not read');
      const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce', viewport });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await serveDocuments(page, served);
      await page.goto(appUrl('/'), { waitUntil: 'load' });
      const seed = shiftDoc.tests[0]!.seed ?? 0;
      // Mid-shift: the second patient served, the first one paused, an event noted.
      const midway = log.entries.findIndex((e, i) => i > 0 && e.type === 'shift.serve' && log.entries.slice(0, i).some((p) => p.type === 'shift.pause')) + 2;
      const deskId = await seedAttempt(page, { id: 'long-shift-desk', caseId: SHIFT_ID, seed, entries: log.entries.slice(0, midway), kind: 'shift' });
      const debriefId = await seedAttempt(page, { id: 'long-shift-debrief', caseId: SHIFT_ID, seed, entries: log.entries, finished: true, kind: 'shift' });

      await page.goto(appUrl(`/shift-desk/${deskId}`), { waitUntil: 'load' });
      await page.getByRole('timer').waitFor();
      await page.getByText(WORD.slice(0, 60)).first().waitFor();
      const desk = await overflow(page, 'shift desk');
      await page.goto(appUrl(`/shift-debrief/${debriefId}`), { waitUntil: 'load' });
      await page.getByRole('heading', { level: 1 }).getByText(WORD.slice(0, 60)).waitFor();
      for (const summary of await page.locator('details > summary').all()) await summary.click(); // the tables a person can open
      const debrief = await overflow(page, 'shift debrief');
      for (const s of [desk, debrief]) {
        expect(s.outside, `${s.screen}: drawn outside the viewport`).toEqual([]);
        expect(s.scrollWidth, `${s.screen}: the page is ${s.scrollWidth} px wide in a ${s.viewport} px viewport`).toBeLessThanOrEqual(s.viewport);
        expect(s.pieces, s.screen).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      await context.close();
    });
  }
});
