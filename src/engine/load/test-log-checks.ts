/** A case's tests: each logged action names a choice or a workflow event with valid params. */
import type { z } from 'zod';
import type { WorkflowRegistry } from '../../machines/registry';
import type { WorkflowDefinition } from '../../machines/workflow';
import { type DocPath } from '../format/diagnostics';
import { fromFileEntry } from '../format/log';
import type { ScenarioCase } from '../format/scenario.schema';
import { REFERENCE_KINDS as WHAT, type Reporter } from './reporter';
import { issuesToDiagnostics } from './schema-issues';

type EventIndex = Map<string, { def: WorkflowDefinition; params: z.ZodType }>;
const eventIndexes = new WeakMap<WorkflowRegistry, EventIndex>();

/** Every workflow event by type (built once per registry: a library check asks for it per file). */
function eventIndex(workflows: WorkflowRegistry): EventIndex {
  let events = eventIndexes.get(workflows);
  if (!events) {
    events = new Map();
    for (const def of Object.values(workflows)) {
      if (!def) continue;
      for (const [type, spec] of Object.entries(def.events)) events.set(type, { def, params: spec.params });
    }
    eventIndexes.set(workflows, events);
  }
  return events;
}

/** Checks the logs and expectations of a case's tests against its choices, end steps and workflows. */
export function checkCaseTests(
  c: ScenarioCase,
  rep: Reporter,
  workflows: WorkflowRegistry,
  known: { choiceIds: Map<string, DocPath>; endSteps: string[]; criticalIds: Set<string> },
): void {
  const events = eventIndex(workflows);
  c.tests.forEach((test, ti) => {
    const tp: DocPath = ['tests', ti];
    test.log.forEach((entry, li) => {
      const ep: DocPath = [...tp, 'log', li];
      const key = Object.keys(entry).find((k) => k !== 'at') ?? '';
      const parsed = fromFileEntry(entry);
      if (!parsed.ok) {
        rep.error(ep, 'bad-log-entry', {
          'es-MX': `acción ${li + 1} de la prueba "${test.name}": ${parsed.reason['es-MX']}`,
          en: `action ${li + 1} of test "${test.name}": ${parsed.reason.en}`,
        });
        return;
      }
      const e = parsed.entry;
      if (e.type === 'choose') {
        const choice = (e as { choice: string }).choice;
        if (!known.choiceIds.has(choice)) rep.dangling([...ep, 'choose'], choice, WHAT.choice, [...known.choiceIds.keys()]);
        return;
      }
      if (e.type === 'hint' || e.type === 'wait') return;
      const spec = events.get(e.type);
      if (!spec) {
        const list = [...events.keys()];
        rep.error([...ep, key], 'unknown-action', {
          'es-MX': `acción desconocida "${e.type}" en la prueba "${test.name}": se esperaba choose, hint, wait o un evento de un flujo registrado${list.length ? ` (${list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''})` : ''}`,
          en: `unknown action "${e.type}" in test "${test.name}": expected choose, hint, wait or an event of a registered workflow${list.length ? ` (${list.slice(0, 12).join(', ')}${list.length > 12 ? ', ...' : ''})` : ''}`,
        }, { at: 'key', found: e.type });
        return;
      }
      const { type: _type, at: _at, ...params } = e as Record<string, unknown>;
      const r = spec.params.safeParse(params, { reportInput: true });
      if (!r.success) {
        rep.list.push(...issuesToDiagnostics(r.error.issues, { file: rep.file, positions: rep.positions, schema: spec.params, prefix: [...ep, key] }));
      }
    });
    const end = test.expect.end;
    if (end !== undefined && !known.endSteps.includes(end)) rep.dangling([...tp, 'expect', 'end'], end, WHAT.endStep, known.endSteps);
    test.expect.critical?.forEach((id, i) => {
      if (!known.criticalIds.has(id)) rep.dangling([...tp, 'expect', 'critical', i], id, WHAT.critical, [...known.criticalIds]);
    });
  });
}
