import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { loadLibrary, type SourceFile } from '../../src/engine/load/library';
import { PARSE_OPTIONS } from '../../src/engine/load/position-map';
import { readYaml } from '../../src/engine/load/yaml-positions';
import { fakeWorkflows } from '../../src/engine/testing/run-fixtures';
import { bestTime, type Bench } from './bench';

const cases = join(import.meta.dirname, '../fixtures/golden/cases');

/** 1,000 case files made from the golden case (each with its own id and a few different texts). */
export function generatedLibrary(count = 1000): SourceFile[] {
  const template = readFileSync(join(cases, 'registro-basico.yaml'), 'utf8');
  const files: SourceFile[] = [{ path: 'clinics/umf-prueba.yaml', text: readFileSync(join(cases, 'umf-prueba.yaml'), 'utf8') }];
  for (let i = 0; i < count; i++) {
    const id = `caso-${String(i).padStart(4, '0')}`;
    const text = template
      .replace('id: registro-basico', `id: ${id}`)
      .replace('minutes: 5', `minutes: ${1 + (i % 60)}`)
      .replace('"Buenos días."', `"Buenos días (${i})."`);
    files.push({ path: `cases/${id}.yaml`, text });
  }
  return files;
}

export const checkBench: Bench = {
  name: 'scenarios check',
  run: async () => {
    const files = generatedLibrary();
    const first = loadLibrary(files, { workflows: fakeWorkflows, lint: true });
    const errors = first.diagnostics.filter((d) => d.severity === 'error').length;
    if (errors > 0) throw new Error(`the generated library has ${errors} errors`);
    const ms = await bestTime(() => loadLibrary(files, { workflows: fakeWorkflows, lint: true }));
    // The share the YAML library takes by itself (the loader's options), and with our conversion to plain data.
    const yamlMs = await bestTime(() => {
      for (const f of files) parseAllDocuments(f.text, PARSE_OPTIONS);
    });
    const readMs = await bestTime(() => {
      for (const f of files) readYaml(f.text, f.path);
    });
    return [
      { label: `check and lint ${files.length} generated files (loader + linter, in memory)`, value: ms / 1000, unit: 's', goal: '< 3' },
      { label: '  of which: YAML parse alone (yaml library)', value: yamlMs / 1000, unit: 's' },
      { label: '  of which: YAML parse + conversion to plain data', value: readMs / 1000, unit: 's' },
      { label: '  YAML parse alone / whole check', value: yamlMs / ms, unit: 'ratio' },
    ];
  },
};
