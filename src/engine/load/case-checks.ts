/** A validated case: its identifiers, workflows, observations and options. */
import { checkCurp } from '../../domain/curp';
import { checkNss } from '../../domain/nss';
import { checkRfc } from '../../domain/rfc';
import type { Problem } from '../../domain/text';
import type { WorkflowRegistry } from '../../machines/registry';
import { formatPath, type DocPath } from '../format/diagnostics';
import { LIMITS, type PersonSpec, type ScenarioCase } from '../format/scenario.schema';
import type { Reporter } from './reporter';
import { issuesToDiagnostics } from './schema-issues';
import { checkCaseTests } from './test-log-checks';

function identifierProblems(rep: Reporter, path: DocPath, label: string, problems: Problem[]): void {
  for (const p of problems) {
    rep.add(p.severity, path, p.severity === 'error' ? 'bad-identifier' : 'identifier-warning', {
      'es-MX': `${label} no válido en ${formatPath(path)}: ${p.message['es-MX']}`,
      en: `invalid ${label} in ${formatPath(path)}: ${p.message.en}`,
    });
  }
}

/** People's own identifiers must pass their checks; documents' too unless marked `deliberate`. */
function checkPersonIdentifiers(id: string, p: PersonSpec, today: string, rep: Reporter): void {
  const base: DocPath = ['people', id];
  const year = Number(today.slice(0, 4));
  const birthYear = p.birth ? Number(p.birth.slice(0, 4)) : undefined;
  const nssOpts = birthYear !== undefined ? { birthYear, currentYear: year } : { currentYear: year };
  if (p.curp !== undefined) identifierProblems(rep, [...base, 'curp'], 'CURP', checkCurp(p.curp, { today }).problems);
  if (p.rfc !== undefined) identifierProblems(rep, [...base, 'rfc'], 'RFC', checkRfc(p.rfc).problems);
  if (p.coverage?.nss !== undefined) identifierProblems(rep, [...base, 'coverage', 'nss'], 'NSS', checkNss(p.coverage.nss, nssOpts).problems);
  p.documents.forEach((d, i) => {
    const dpath: DocPath = [...base, 'documents', i];
    const exempt = new Set(d.deliberate ?? []);
    if (d.curp !== undefined && !exempt.has('curp')) identifierProblems(rep, [...dpath, 'curp'], 'CURP', checkCurp(d.curp, { today }).problems);
    if (d.rfc !== undefined && !exempt.has('rfc')) identifierProblems(rep, [...dpath, 'rfc'], 'RFC', checkRfc(d.rfc).problems);
    if (d.nss !== undefined && !exempt.has('nss')) identifierProblems(rep, [...dpath, 'nss'], 'NSS', checkNss(d.nss, nssOpts).problems);
    for (const field of exempt) {
      if (d[field] === undefined) {
        rep.warning([...dpath, 'deliberate'], 'deliberate-unused', {
          'es-MX': `deliberate menciona ${field}, pero el documento no tiene ${field}`,
          en: `deliberate lists ${field}, but the document has no ${field}`,
        });
      }
    }
  });
}

/** The case's workflows, observations, options, identifiers and test logs (after the schema passed). */
export function checkCase(c: ScenarioCase, rep: Reporter, workflows: WorkflowRegistry): void {
  const stepIds = Object.keys(c.steps);
  if (stepIds.length > LIMITS.steps) {
    rep.error(['steps'], 'too-many-steps', {
      'es-MX': `demasiados pasos: se esperaban como máximo ${LIMITS.steps} y hay ${stepIds.length}`,
      en: `too many steps: expected at most ${LIMITS.steps}, found ${stepIds.length}`,
    });
  }
  for (const [pid, person] of Object.entries(c.people)) {
    if (!person.generate) checkPersonIdentifiers(pid, person, c.today, rep);
  }

  const choiceIds = new Map<string, DocPath>();
  const endSteps: string[] = [];
  const criticalIds = new Set<string>();

  for (const [sid, step] of Object.entries(c.steps)) {
    const sp: DocPath = ['steps', sid];
    if (step.end) endSteps.push(sid);
    step.choose?.forEach((choice, i) => {
      if (!choiceIds.has(choice.id)) choiceIds.set(choice.id, [...sp, 'choose', i]);
      if (choice.critical) criticalIds.add(choice.id);
    });
    if (step.task === undefined) continue;
    const def = workflows[step.task];
    if (!c.workflows.includes(step.task)) {
      rep.warning([...sp, 'task'], 'workflow-not-listed', {
        'es-MX': `la tarea usa el flujo ${step.task}, que no está en "workflows" del caso`,
        en: `the task uses workflow ${step.task}, which is not listed in the case's "workflows"`,
      });
    }
    if (!def) {
      const known = Object.keys(workflows);
      rep.error([...sp, 'task'], 'unknown-workflow', {
        'es-MX': `el flujo de trabajo "${step.task}" no está disponible en esta versión; disponibles: ${known.join(', ') || 'ninguno'}`,
        en: `the workflow "${step.task}" is not available in this version; available: ${known.join(', ') || 'none'}`,
      }, { expected: known.join('|'), found: step.task });
      continue;
    }
    const published = new Set(def.observations.map((o) => o.id));
    const checkObservation = (path: DocPath, id: string): void => {
      if (published.has(id)) return;
      const list = [...published];
      rep.error(path, 'unknown-observation', {
        'es-MX': `el flujo ${def.id} no publica la observación "${id}"; publica: ${list.join(', ') || 'ninguna'}`,
        en: `workflow ${def.id} publishes no observation "${id}"; it publishes: ${list.join(', ') || 'none'}`,
      }, { expected: list.join('|'), found: id });
    };
    step.checks?.forEach((check, i) => {
      checkObservation([...sp, 'checks', i, 'observe'], check.observe);
      if (check.critical) criticalIds.add(check.observe);
    });
    if (Array.isArray(step.next)) {
      const branches = step.next;
      branches.forEach((b, i) => {
        if (b.when !== undefined) checkObservation([...sp, 'next', i, 'when'], b.when);
        if (b.when === undefined && i !== branches.length - 1) {
          rep.warning([...sp, 'next', i], 'branch-shadows', {
            'es-MX': 'una rama sin "when" atrapa todo: las ramas que la siguen nunca se toman',
            en: 'a branch without "when" catches everything: the branches after it are never taken',
          });
        }
      });
    }
    const opts = def.options.safeParse(step.with ?? {}, { reportInput: true });
    if (!opts.success) {
      const taskPos = rep.positions.keyAt([...sp, 'task']);
      rep.list.push(
        ...issuesToDiagnostics(opts.error.issues, { file: rep.file, positions: rep.positions, schema: def.options, prefix: [...sp, 'with'] })
          .map((d) => (step.with === undefined ? { ...d, line: taskPos.line, col: taskPos.col } : d)),
      );
    }
  }

  checkCaseTests(c, rep, workflows, { choiceIds, endSteps, criticalIds });
}
