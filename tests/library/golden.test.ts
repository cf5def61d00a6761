/**
 * Golden fixtures: a scenario, a log and the expected result, each file named after the scoring
 * rule it pins (tests/fixtures/golden/<rule>.json; scenarios in tests/fixtures/golden/cases/).
 * They run over the fake "form" workflow so they do not move when the real machines change.
 * After a deliberate rule change, rewrite the expectations with UPDATE_GOLDEN=1 and review the diff.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatDiagnostic } from '../../src/engine/format/diagnostics';
import { parseScenarioFile } from '../../src/engine/load/loader';
import { replayPersisted } from '../../src/engine/run/replay';
import { fakeWorkflows } from '../../src/engine/testing/run-fixtures';
import type { ScenarioCase } from '../../src/engine/format/scenario.schema';

const dir = join(import.meta.dirname, '../fixtures/golden');
const update = process.env.UPDATE_GOLDEN === '1';

interface Golden {
  rule: string;
  case: string;
  log: unknown;
  expected: unknown;
}

function loadCase(id: string): ScenarioCase {
  const path = join(dir, 'cases', `${id}.yaml`);
  const parsed = parseScenarioFile(readFileSync(path, 'utf8'), { path, workflows: fakeWorkflows });
  const errors = parsed.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0 || parsed.document?.kind !== 'case') {
    throw new Error(`${id} does not load:\n${errors.map((d) => formatDiagnostic(d, 'en')).join('\n')}`);
  }
  return parsed.document.data;
}

const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();

describe('golden fixtures', () => {
  it('exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)('%s', (file) => {
    const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Golden;
    const replayed = replayPersisted(loadCase(golden.case), golden.log, { workflows: fakeWorkflows });
    if (!replayed.ok) throw new Error(`the log is rejected at ${replayed.index}: ${replayed.reason.en}`);
    replayed.run.stop();
    const actual = JSON.parse(JSON.stringify(replayed.result)) as unknown;
    if (update) writeFileSync(join(dir, file), `${JSON.stringify({ ...golden, expected: actual }, null, 2)}\n`);
    else expect(actual).toEqual(golden.expected);
  });
});
