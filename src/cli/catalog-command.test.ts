import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { memoryFileSystem } from '../engine/load/library';
import { CASE_YAML, CLINIC_YAML, fakeRegistry } from '../engine/testing/loader-fixtures';
import { CATALOG_PATH, catalogText, createCatalogCommand } from './catalog-command';
import type { CliContext } from './cli-context';

const root = join(import.meta.dirname, '../..');

function context(lang: CliContext['lang'] = 'en', cwd = '/') {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: CliContext = { lang, cwd, out: (l) => out.push(l), err: (l) => err.push(l) };
  return { ctx, out, err };
}

describe('scenarios catalog', () => {
  it('matches the committed docs/library.md', async () => {
    const built = await catalogText(root);
    if (!built.ok) throw new Error(`the library does not load:\n${built.errors.join('\n')}`);
    const committed = readFileSync(join(root, CATALOG_PATH), 'utf8');
    expect(committed, 'docs/library.md is stale: run `npm run scenarios -- catalog`').toBe(built.text);
  });

  it('writes the file, then says it is up to date', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-catalog-'));
    try {
      const fs = memoryFileSystem({ '/lib/scenarios/clinics/umf-prueba.yaml': CLINIC_YAML, '/lib/scenarios/cases/caso-prueba.yaml': CASE_YAML });
      const command = createCatalogCommand({ fs, workflows: fakeRegistry });
      const out = join(dir, 'docs', 'library.md');
      const first = context('en', '/lib');
      expect(await command({ positionals: [], flags: { out } }, first.ctx)).toBe(0);
      expect(first.out).toEqual([`${out} written`]);
      const text = readFileSync(out, 'utf8');
      expect(text).toContain('| Caso de prueba | [`caso-prueba`](');
      const second = context('es-MX', '/lib');
      expect(await command({ positionals: [], flags: { out } }, second.ctx)).toBe(0);
      expect(second.out).toEqual([`${out} al día`]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('links ids relative to where the catalogue is written', async () => {
    const fs = memoryFileSystem({ '/p/scenarios/clinics/umf-prueba.yaml': CLINIC_YAML, '/p/scenarios/cases/caso-prueba.yaml': CASE_YAML });
    const built = await catalogText('/p', { fs, workflows: fakeRegistry });
    expect(built.ok && built.text).toContain('[`caso-prueba`](../scenarios/cases/caso-prueba.yaml)');
  });

  it('refuses to write a catalogue of a library with errors and exits 1', async () => {
    const fs = memoryFileSystem({ '/lib/scenarios/cases/caso-prueba.yaml': CASE_YAML });
    const { ctx, out, err } = context('en', '/lib');
    expect(await createCatalogCommand({ fs, workflows: fakeRegistry })({ positionals: [], flags: { out: '/nonexistent/never.md' } }, ctx)).toBe(1);
    expect(out).toEqual([]);
    expect(err[0]).toMatch(/^\/lib\/scenarios\/cases\/caso-prueba\.yaml:12:9: error: .*umf-prueba/);
    expect(err.at(-1)).toBe('/nonexistent/never.md not written: the library has errors');
  });
});
