/**
 * Hostile text in a scenario stays inert in the real app. The build ships the library precompiled
 * (build/scenario-library-plugin.ts): a catalogue inside the trainee chunks, its titles and summaries
 * as a lazy chunk per language, and each case as a lazy chunk of validated JSON. This test intercepts
 * them with Playwright's page.route() and serves the same case with hostile strings
 * (tests/fixtures/hostile/) in its title (catalogue and case), a spoken line, a choice and that
 * choice's feedback. The app must load the case, show every string
 * literally, create no element from it, run no script and open no dialog.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { parse, stringify } from 'yaml';
import { loadLibrary } from '../../src/engine/load/library';
import { appUrl, launchBrowser } from './browser';

const CASE_ID = 'empleador-pregunta-diagnostico';
const read = (path: string) => readFileSync(fileURLToPath(new URL(path, import.meta.url)), 'utf8');
const hostile = parse(read('../fixtures/hostile/texts.yaml')) as { title: string; line: string; choice: string; feedback: string };

interface Step {
  say?: Array<{ who: string; 'es-MX': string }>;
  choose?: Array<{ text: { 'es-MX': string }; feedback?: { 'es-MX': string } }>;
}
const doc = parse(read(`../../scenarios/cases/${CASE_ID}.yaml`)) as { title: { 'es-MX': string }; start: string; steps: Record<string, Step> };
const first = doc.steps[doc.start]!;
doc.title['es-MX'] = hostile.title;
first.say!.at(-1)!['es-MX'] = hostile.line;
first.choose![0]!.text['es-MX'] = hostile.choice;
first.choose![0]!.feedback!['es-MX'] = hostile.feedback;
const hostileYaml = stringify(doc);
const clinicSource = { path: 'scenarios/clinics/umf-centro-cdmx.yaml', text: read('../../scenarios/clinics/umf-centro-cdmx.yaml') };
const hostileLibrary = loadLibrary([{ path: `scenarios/cases/${CASE_ID}.yaml`, text: hostileYaml }], { context: [clinicSource] });
/** The case's title in the built chunk of the catalogue's es-MX texts, whatever quotes the minifier chose. */
const catalogTitle = new RegExp(`([\`"']${CASE_ID}[\`"']:\\s*\\{\\s*[\`"']?title[\`"']?:\\s*)(\`[^\`]*\`|"(?:[^"\\\\]|\\\\.)*")`);

/** What the screen shows of a text: RichText drops the ** markers, and whitespace collapses. */
const shown = (text: string) => text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/\s+/g, ' ').trim();

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('hostile text in a scenario', () => {
  it('is a valid case for the loader (so the app shows it rather than rejecting it)', () => {
    expect(hostileLibrary.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(hostileLibrary.cases.get(CASE_ID)?.title['es-MX']).toBe(hostile.title);
  });

  it('stays inert in Chromium: shown literally, no element, no script, no dialog', async () => {
    const context = await browser.newContext({ locale: 'es-MX', reducedMotion: 'reduce' });
    const page = await context.newPage();
    const dialogs: string[] = [];
    const errors: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on('pageerror', (e) => errors.push(e.message));
    let served = 0;
    let catalogues = 0;
    await page.route('**/assets/*.js', async (route) => {
      if (new URL(route.request().url()).pathname.startsWith(`/assets/${CASE_ID}-`)) {
        served++;
        // What the plugin would emit for this case: its validated document as JSON.
        await route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: `export default ${JSON.stringify(hostileLibrary.cases.get(CASE_ID))};` });
        return;
      }
      const response = await route.fetch();
      const body = await response.text();
      if (!catalogTitle.test(body)) return route.fulfill({ response, body });
      catalogues++;
      await route.fulfill({ response, body: body.replace(catalogTitle, (_, head: string) => head + JSON.stringify(hostile.title)) });
    });

    await page.goto(appUrl('/library'), { waitUntil: 'load' });
    const link = page.getByRole('link', { name: shown(hostile.title), exact: true });
    await link.waitFor();
    expect(catalogues).toBeGreaterThan(0);
    await link.click();
    await page.getByRole('heading', { level: 1, name: shown(hostile.title), exact: true }).waitFor();
    expect(served).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Empezar práctica', exact: true }).click();
    await page.getByText(shown(hostile.line), { exact: true }).waitFor();
    await page.getByRole('button', { name: shown(hostile.choice), exact: true }).click();
    // The feedback item reads "Correcto: <feedback>" (or "A mejorar: …"): the text is a part of it.
    await page.getByText(shown(hostile.feedback)).waitFor();

    const found = await page.evaluate(() => ({
      pwned: (window as unknown as { __pwned?: unknown }).__pwned,
      scripts: document.querySelectorAll('main script, article script').length,
      elements: document.querySelectorAll('article img, article iframe, article svg[onload], article [onerror], article [onload]').length,
      jsLinks: [...document.querySelectorAll('a')].filter((a) => a.getAttribute('href')?.trim().toLowerCase().startsWith('javascript:')).length,
    }));
    expect(found).toEqual({ pwned: undefined, scripts: 0, elements: 0, jsLinks: 0 });
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
