/** From a case and options to the run machine's input: playable or not, its case data. */
import { t, type LocalizedText } from '../../domain/text';
import type { Clinic } from '../../domain/types';
import { workflows as registry, type WorkflowRegistry } from '../../machines/registry';
import { CaseDataError, caseDataSync, type CaseData, type PreparedCase } from './case-data';
import { type ClinicFile, type ScenarioCase } from '../format/scenario.schema';
import { observationsOf } from './run-steps';
import { type RunInput, type RunMode } from './run-types';

/** A case to run: a scenario whose people are all written out, or a case prepared for a seed. */
export type CaseSource = ScenarioCase | PreparedCase;

/** How to run a case. */
export interface RunOptions {
  /** The variant seed (ignored for a PreparedCase, which carries its own). Default 0. */
  seed?: number;
  mode?: RunMode;
  /** Workflow definitions; the registry by default (tests inject fakes). */
  workflows?: WorkflowRegistry;
  /** The case's clinic; a placeholder otherwise. */
  clinic?: ClinicFile | Clinic;
}

/** Problems that make a scenario unplayable with these workflows (the loader reports them with lines). */
export function unplayable(scenario: ScenarioCase, workflows: WorkflowRegistry): LocalizedText[] {
  const problems: LocalizedText[] = [];
  for (const [id, step] of Object.entries(scenario.steps)) {
    if (!step.task) continue;
    const def = workflows[step.task];
    if (!def) {
      problems.push(t(`Paso "${id}": el flujo "${step.task}" no está disponible.`, `Step "${id}": workflow "${step.task}" is not available.`));
      continue;
    }
    const known = observationsOf(def);
    const observed = [...(step.checks ?? []).map((c) => c.observe), ...(Array.isArray(step.next) ? step.next.flatMap((b) => (b.when ? [b.when] : [])) : [])];
    for (const o of observed) {
      if (!known.has(o)) problems.push(t(`Paso "${id}": ${step.task} no publica la observación "${o}".`, `Step "${id}": ${step.task} does not publish observation "${o}".`));
    }
  }
  return problems;
}

const playableCache = new WeakMap<ScenarioCase, WeakMap<WorkflowRegistry, LocalizedText | null>>();
const dataCache = new WeakMap<ScenarioCase, CaseData>();

/** The run machine's input for a case and options; throws CaseDataError when the case cannot be played. */
export function resolveRunInput(source: CaseSource, opts: RunOptions = {}): RunInput {
  const prepared = 'scenario' in source && 'data' in source;
  const scenario = prepared ? source.scenario : source;
  const workflows = opts.workflows ?? registry;
  // Replays run thousands of times over one scenario: check it and resolve its data once.
  let checked = playableCache.get(scenario);
  if (!checked) playableCache.set(scenario, (checked = new WeakMap()));
  if (!checked.has(workflows)) checked.set(workflows, unplayable(scenario, workflows)[0] ?? null);
  const problem = checked.get(workflows);
  if (problem) throw new CaseDataError(problem);
  let data: CaseData;
  if (prepared) data = source.data;
  else if (opts.clinic) data = caseDataSync(scenario, { clinic: opts.clinic });
  else {
    data = dataCache.get(scenario) ?? caseDataSync(scenario);
    dataCache.set(scenario, data);
  }
  return {
    scenario,
    data,
    mode: opts.mode ?? 'practice',
    seed: prepared ? source.seed : (opts.seed ?? 0),
    workflows,
  };
}
