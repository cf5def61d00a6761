/**
 * Storage and tabs in Chromium over the built app, with the faults a tester tried: one attempt open
 * in two tabs of one browser, a journal copy that would overwrite a finished attempt, stored values
 * that cannot be read (also under keys that are not strings), a forged summary, a full localStorage
 * and, with IndexedDB refused as well, closing the tab. Stored data is seeded through page.evaluate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { parse } from 'yaml';
import { fromFileLog, type LogEntry } from '../../src/engine/format/log';
import { JOURNAL_PREFIX } from '../../src/stores/attempt-storage';
import { appUrl, launchBrowser } from './browser';
import { seedAttempt } from './seed-attempt';

const CASES = fileURLToPath(new URL('../../scenarios/cases/', import.meta.url));

interface CaseFile {
  id: string;
  title: { 'es-MX': string; en: string };
  start: string;
  steps: Record<string, { choose?: Array<{ id: string; text: { 'es-MX': string; en: string }; next?: string }> }>;
  tests?: Array<{ seed?: number; mode?: string; log: unknown[]; expect: { passed?: boolean; rejectedAt?: number } }>;
}

const cases: CaseFile[] = readdirSync(CASES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => parse(readFileSync(`${CASES}${f}`, 'utf8')) as CaseFile);

/** A case's first self-test log that is accepted whole and passes, in internal form. */
const passingLog = (c: CaseFile): { entries: LogEntry[]; seed: number } | null => {
  const test = c.tests?.find((t) => t.expect.rejectedAt === undefined && t.expect.passed === true && (t.mode ?? 'practice') === 'practice');
  if (!test) return null;
  const read = fromFileLog(test.log);
  return read.ok ? { entries: read.entries, seed: test.seed ?? 0 } : null;
};

let browser: Browser;
let contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(async () => {
  await Promise.all(contexts.map((c) => c.close()));
  contexts = [];
});

/** A fresh browser profile (its own storage); `init` runs in every page before the app. */
async function newContext(init?: () => void): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, reducedMotion: 'reduce', locale: 'es-MX' });
  if (init) await context.addInitScript(init);
  contexts.push(context);
  return context;
}

async function openIn(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  await page.goto(appUrl(path), { waitUntil: 'load' });
  return page;
}

/** The newest copy of an attempt the browser holds: the journal's when there is one, else the database's. */
const storedAttempt = (page: Page, id: string) =>
  page.evaluate(
    async ({ id, journal }) => {
      const pending = localStorage.getItem(journal + id);
      if (pending) return JSON.parse(pending) as { log: { entries: Array<{ type: string; choice?: string }> } };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('mesa-clinica');
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      const value = await new Promise<unknown>((resolve) => {
        const req = db.transaction('attempts').objectStore('attempts').get(id);
        req.onsuccess = () => resolve(req.result);
      });
      db.close();
      return value as { log: { entries: Array<{ type: string; choice?: string }> } } | undefined;
    },
    { id, journal: JOURNAL_PREFIX },
  );

/** Counts of the app database's stores. */
const storeCounts = (page: Page) =>
  page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('mesa-clinica');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const count = (name: string) =>
      new Promise<number>((resolve) => {
        const req = db.transaction(name).objectStore(name).count();
        req.onsuccess = () => resolve(req.result);
      });
    const counts = { attempts: await count('attempts'), setAside: await count('set-aside') };
    db.close();
    return counts;
  });

/** Fills localStorage until the browser refuses more, as a full profile does. */
const fillLocalStorage = (page: Page) =>
  page.evaluate(() => {
    let size = 1 << 20;
    let i = 0;
    while (size >= 1) {
      try {
        localStorage.setItem(`relleno-${i++}`, 'x'.repeat(size));
      } catch {
        size = Math.floor(size / 2);
      }
    }
  });

describe('one attempt in two tabs', () => {
  /** The case whose first choices chain through five dialogue steps, and those choices. */
  const c = cases.find((k) => k.id === 'derechos-arco-paciente')!;
  const chain: Array<{ id: string; text: string; en: string }> = [];
  for (let step: string | undefined = c.start; step && chain.length < 5; ) {
    const first: { id: string; text: { 'es-MX': string; en: string }; next?: string } | undefined = c.steps[step]?.choose?.[0];
    if (!first) break;
    chain.push({ id: first.id, text: first.text['es-MX'], en: first.text.en });
    step = first.next;
  }

  it('lets one tab own the attempt: the other says so, accepts nothing, and takes over with every action kept in order', async () => {
    expect(chain).toHaveLength(5);
    const context = await newContext();
    const a = await openIn(context, `/case/${c.id}`);
    await a.getByRole('button', { name: 'Empezar práctica' }).click();
    const play = async (page: Page, n: number, actions = 'Acciones') => {
      await page.getByRole('button', { name: chain[n - 1]!.text }).click();
      await page.getByText(`${actions}: ${n}`).waitFor();
    };
    await play(a, 1);
    const id = new URL(a.url()).pathname.replace('/desk/', '');

    const b = await openIn(context, `/desk/${id}`);
    await b.getByText('Otra pestaña tiene abierto este intento').waitFor();
    const takeOverB = b.getByRole('button', { name: 'Tomar el control aquí' });
    await takeOverB.waitFor();
    // Even a click that reaches the read-only desk is refused, and says why.
    await b.locator('.choice').first().evaluate((button: HTMLElement) => button.click());
    await b.getByText(/No se aceptó la acción: otra pestaña tiene abierto este intento/).waitFor();

    await play(a, 2);
    await takeOverB.click(); // at once: A's second action may still be waiting to be saved
    await b.getByText('Acciones: 2').waitFor();
    await a.getByText('Otra pestaña tiene abierto este intento').waitFor();
    await play(b, 3);

    await a.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
    await a.getByText('Another tab has this attempt open').waitFor();
    await a.getByRole('button', { name: 'Take over here' }).click();
    await a.getByText('Actions: 3').waitFor();
    await b.getByText('Otra pestaña tiene abierto este intento').waitFor();
    await a.getByRole('button', { name: chain[3]!.en }).click();
    await a.getByText('Actions: 4').waitFor();

    await takeOverB.click();
    await b.getByText('Acciones: 4').waitFor();
    await play(b, 5);
    await b.waitForTimeout(1500); // the database write of the last action
    const stored = await storedAttempt(b, id);
    expect(stored?.log.entries.map((e) => e.choice)).toEqual(chain.map((k) => k.id));
  });
});

describe('one shift in two tabs', () => {
  const SHIFT_ID = 'turno-matutino-umf-cdmx';
  /** The first desk patient's case and its first two choices (by id and es-MX text). */
  const first = cases.find((k) => k.id === 'registro-primera-vez-imss')!;
  const choice = (id: string) => Object.values(first.steps).flatMap((s) => s.choose ?? []).find((ch) => ch.id === id)!.text['es-MX'];

  it('lets one tab own the shift; the other says so and takes it over with every action kept in order, and the first then is read-only', async () => {
    const context = await newContext();
    const a = await openIn(context, '/');
    const id = await seedAttempt(a, { id: 'turno-dos-pestanas', caseId: SHIFT_ID, seed: 0, entries: [], kind: 'shift' });
    await a.goto(appUrl(`/shift-desk/${id}`));
    await a.locator('.shift-desk').waitFor();
    const b = await openIn(context, `/shift-desk/${id}`);
    await b.getByText('Otra pestaña tiene abierto este turno').waitFor();
    expect(await a.getByText('Otra pestaña tiene abierto este turno').count()).toBe(0);

    // Tab A serves the first desk patient and makes a choice in her case.
    await a.getByRole('button', { name: /^Atender a / }).first().click();
    await a.getByText('Acciones: 0', { exact: true }).waitFor();
    await a.getByRole('button', { name: choice('pide-identificacion') }).click();
    await a.getByText('Acciones: 1', { exact: true }).waitFor();

    await b.getByRole('button', { name: 'Tomar el control aquí' }).click(); // at once: A's last action may still wait for its save
    await a.getByText('Otra pestaña tiene abierto este turno').waitFor();
    await b.getByText('Otra pestaña tiene abierto este turno').waitFor({ state: 'detached' });
    expect(await a.locator('.tab-guard').getAttribute('inert')).not.toBeNull();
    expect(await b.locator('.tab-guard').getAttribute('inert')).toBeNull();
    // Tab B carries on from A's actions: the same patient's case, one action in.
    await b.getByText('Acciones: 1', { exact: true }).waitFor();
    await b.getByRole('button', { name: choice('domicilio-actual') }).click();
    await b.getByText('Acciones: 2', { exact: true }).waitFor();

    await b.waitForTimeout(1500); // the database write of the last action
    const stored = await storedAttempt(b, id);
    expect(stored?.log.entries.map((e) => (e.type === 'choose' ? e.choice : e.type))).toEqual(['shift.serve', 'pide-identificacion', 'domicilio-actual']);
  });

  it("shows a shift attempt's result from its log, not from a forged summary", async () => {
    const context = await newContext();
    const page = await openIn(context, '/');
    await seedAttempt(page, { id: 'turno-falso', caseId: SHIFT_ID, seed: 0, entries: [], kind: 'shift', summary: { finished: true, percent: 100, passed: true } });
    await page.goto(appUrl(`/shift/${SHIFT_ID}`));
    const attempts = page.getByRole('region', { name: 'Sus intentos' });
    await attempts.getByRole('link', { name: 'Continuar' }).waitFor();
    expect(await attempts.getByText(/Aprobado|100 %/).count()).toBe(0);
    expect(await attempts.getByRole('link', { name: /Ver resultado/ }).count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Turnos', exact: true }).click();
    await page.locator('.case-card').first().waitFor();
    expect(await page.getByText(/Aprobado|100 %/).count()).toBe(0);
  });
});

describe('set-aside data in a read-only tab', () => {
  it('lets the tab that does not own the attempt discard what was set aside', async () => {
    const c = cases.find((k) => k.id === 'derechos-arco-paciente')!;
    const context = await newContext();
    const a = await openIn(context, '/');
    const id = await seedAttempt(a, { id: 'abierto', caseId: c.id, seed: 0, entries: [] });
    await a.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('mesa-clinica', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('attempts', 'readwrite');
        tx.objectStore('attempts').put('basura', 'roto');
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
    await a.goto(appUrl(`/desk/${id}`));
    await a.getByText(/estaban dañados y se apartaron/).waitFor();
    const b = await openIn(context, `/desk/${id}`);
    await b.getByText('Otra pestaña tiene abierto este intento').waitFor();
    await b.getByText(/estaban dañados y se apartaron/).waitFor();
    await b.getByRole('button', { name: 'Descartar lo apartado' }).click({ timeout: 5000 });
    await b.getByText(/se apartaron/).waitFor({ state: 'detached' });
    expect(await storeCounts(b)).toEqual({ attempts: 1, setAside: 0 });
    // Still read-only: the discard did not take the attempt over.
    expect(await b.locator('.tab-guard').getAttribute('inert')).not.toBeNull();
  });
});

describe('stored attempts against faults', () => {
  const c = cases.find((k) => (passingLog(k)?.entries.length ?? 0) >= 5)!;

  it('never lets a journal copy with a date that is not a date replace a finished attempt, and sets it aside', async () => {
    const { entries, seed } = passingLog(c)!;
    const context = await newContext();
    const page = await openIn(context, '/');
    const id = await seedAttempt(page, { id: 'terminado', caseId: c.id, seed, entries, finished: true });
    await page.evaluate(
      ({ key, caseId, seed }) => {
        const log = { version: 1, scenarioId: caseId, seed, mode: 'practice', entries: [] };
        const copy = { version: 1, id: 'terminado', caseId, createdAt: 'zzzz', updatedAt: 'zzzz', log, summary: { finished: false, percent: 0, passed: false } };
        localStorage.setItem(key, JSON.stringify(copy));
      },
      { key: JOURNAL_PREFIX + id, caseId: c.id, seed },
    );
    await page.goto(appUrl(`/debrief/${id}`));
    await page.getByRole('heading', { level: 1, name: `Resultado: ${c.title['es-MX']}` }).waitFor();
    expect((await storedAttempt(page, id))?.log.entries).toHaveLength(entries.length);
    await page.getByRole('navigation').getByRole('link', { name: 'Casos', exact: true }).click();
    await page.getByText(`Una copia sin guardar de «${c.title['es-MX']}»`).waitFor();
  });

  it('sets unreadable values aside once (also under a key that is not a string), lists them, and discards them for good', async () => {
    const context = await newContext();
    const page = await openIn(context, '/');
    await seedAttempt(page, { id: 'bueno', caseId: c.id, seed: 0, entries: [] });
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const req = indexedDB.open('mesa-clinica', 1);
        req.onsuccess = () => resolve(req.result);
        req.onerror = () => reject(req.error);
      });
      await new Promise<void>((resolve) => {
        const tx = db.transaction('attempts', 'readwrite');
        tx.objectStore('attempts').put({ version: 1, id: 'x', nonsense: true }, 5);
        tx.objectStore('attempts').put('basura', 'roto');
        tx.oncomplete = () => resolve();
      });
      db.close();
    });
    await page.goto(appUrl('/library'));
    await page.getByText(/estaban dañados y se apartaron \(2\)/).waitFor();
    expect(await page.locator('.set-aside-list li').count()).toBe(2);
    for (let visit = 0; visit < 2; visit++) {
      await page.reload();
      await page.getByText(/estaban dañados y se apartaron \(2\)/).waitFor();
      expect(await storeCounts(page)).toEqual({ attempts: 1, setAside: 2 });
    }
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Descargar lo apartado (JSON)' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('intentos-apartados.json');
    const saved = JSON.parse(readFileSync(await file.path(), 'utf8')) as Array<{ key: string; reason: string }>;
    expect(saved.map((s) => s.key).sort()).toEqual(['5', 'roto']);
    await page.getByRole('button', { name: 'Descartar lo apartado' }).click();
    await page.getByText(/se apartaron/).waitFor({ state: 'detached' });
    await page.reload();
    await page.locator('.case-card').first().waitFor();
    await page.waitForTimeout(300);
    expect(await page.getByText(/se apartaron/).count()).toBe(0);
    expect(await storeCounts(page)).toEqual({ attempts: 1, setAside: 0 });
  });

  it("shows the library's status from the log, not from a forged summary", async () => {
    const context = await newContext();
    const page = await openIn(context, '/');
    await page.evaluate(
      async ({ caseId }) => {
        const db = await new Promise<IDBDatabase>((resolve, reject) => {
          const req = indexedDB.open('mesa-clinica', 1);
          req.onupgradeneeded = () => {
            req.result.createObjectStore('attempts');
            req.result.createObjectStore('set-aside');
          };
          req.onsuccess = () => resolve(req.result);
          req.onerror = () => reject(req.error);
        });
        const now = new Date().toISOString();
        const record = {
          version: 1, id: 'falso', caseId, createdAt: now, updatedAt: now,
          log: { version: 1, scenarioId: caseId, seed: 0, mode: 'practice', entries: [] },
          summary: { finished: true, percent: 100, passed: true },
        };
        await new Promise<void>((resolve) => {
          const tx = db.transaction('attempts', 'readwrite');
          tx.objectStore('attempts').put(record, 'falso');
          tx.oncomplete = () => resolve();
        });
        db.close();
      },
      { caseId: c.id },
    );
    await page.goto(appUrl('/library'));
    const card = page.locator('.case-card', { has: page.getByRole('link', { name: c.title['es-MX'], exact: true }) });
    await card.locator('.status-badge', { hasText: 'En curso' }).waitFor();
    expect(await card.locator('.status-badge').textContent()).toBe('En curso');
    expect(await page.getByText('Aprobado (mejor: 100 %)').count()).toBe(0);
  });

  it('re-scores every stored attempt when the library loads, and reports how long it took', async () => {
    const context = await newContext();
    const page = await openIn(context, '/');
    const seeded = cases.flatMap((k) => {
      const log = passingLog(k);
      return log ? [{ id: `s-${k.id}`.slice(0, 80), caseId: k.id, seed: log.seed, entries: log.entries, finished: true }] : [];
    });
    for (const attempt of seeded) await seedAttempt(page, attempt);
    await page.goto(appUrl('/library'));
    await page.locator('.case-card').first().waitFor();
    await page.waitForFunction(() => document.querySelectorAll('.status-badge--checking').length === 0 && document.querySelectorAll('.status-badge--passed').length > 0);
    const passed = await page.locator('.status-badge--passed').count();
    const [ms, withDownloads] = await page.evaluate(() =>
      ['mesa-clinica:rescore', 'mesa-clinica:rescore-with-downloads'].map((name) => performance.getEntriesByName(name).reduce((sum, m) => sum + m.duration, 0)),
    );
    console.info(`library re-scoring: ${seeded.length} attempts replayed in ${ms!.toFixed(0)} ms (${withDownloads!.toFixed(0)} ms with the engine's and the cases' downloads); ${passed} cases passed`);
    expect(passed).toBe(seeded.length);
    expect(ms).toBeGreaterThan(0);
  });
});

describe('when the browser refuses to store', () => {
  it('says a language switch was not saved when localStorage is full', async () => {
    const context = await newContext();
    const page = await openIn(context, '/');
    await fillLocalStorage(page);
    await page.getByRole('group', { name: 'Idioma' }).getByRole('button', { name: 'English' }).click();
    await page.getByText('Your language choice could not be saved').waitFor();
  });

  it('asks before the tab closes while actions are held only in memory (IndexedDB refused, localStorage full)', async () => {
    const context = await newContext(() => {
      IDBFactory.prototype.open = () => {
        throw new DOMException('The database could not be opened', 'InvalidStateError');
      };
    });
    const c = cases.find((k) => k.id === 'derechos-arco-paciente')!;
    const page = await openIn(context, `/case/${c.id}`);
    await fillLocalStorage(page);
    await page.getByRole('button', { name: 'Empezar práctica' }).click();
    await page.getByRole('button', { name: c.steps[c.start]!.choose![0]!.text['es-MX'] }).click();
    await page.getByText('Acciones: 1').waitFor();
    await page.getByText(/no permite guardar los intentos/).waitFor();
    const dialog = page.waitForEvent('dialog', { timeout: 5000 });
    await page.close({ runBeforeUnload: true });
    const asked = await dialog;
    expect(asked.type()).toBe('beforeunload');
    await asked.dismiss();
    expect(page.isClosed()).toBe(false);
  });
});
