/** A case's references between its own parts, followed over unvalidated data. */
import type { LocalizedText } from '../../domain/text';
import { formatPath, type DocPath } from '../format/diagnostics';
import { has, isObj, str } from './raw-values';
import { REFERENCE_KINDS as WHAT, type Reporter } from './reporter';

/**
 * The case's references between its own parts: start, next, branches, who, for, guardian, choice
 * ids. Written over unvalidated data (only strings are followed) so these errors show up together
 * with schema errors instead of one round later.
 */
export function checkCaseReferences(raw: Record<string, unknown>, rep: Reporter): void {
  const steps = isObj(raw['steps']) ? raw['steps'] : {};
  const peopleObj = isObj(raw['people']) ? raw['people'] : {};
  const stepIds = Object.keys(steps);
  const people = Object.keys(peopleObj);
  const hasStep = (id: string): boolean => has(steps, id);
  const hasPerson = (id: string): boolean => has(peopleObj, id);
  const ref = (path: DocPath, value: unknown, what: LocalizedText, ok: (id: string) => boolean, known: string[]): void => {
    const v = str(value);
    if (v !== undefined && !ok(v)) rep.dangling(path, v, what, known);
  };

  if (isObj(raw['steps'])) ref(['start'], raw['start'], WHAT.step, hasStep, stepIds);
  for (const [pid, person] of Object.entries(peopleObj)) {
    if (!isObj(person)) continue;
    const g = str(person['guardian']);
    if (g === undefined) continue;
    if (!hasPerson(g)) rep.dangling(['people', pid, 'guardian'], g, WHAT.person, people);
    else if (g === pid) {
      rep.error(['people', pid, 'guardian'], 'self-reference', {
        'es-MX': `${pid} no puede ser su propio tutor (guardian)`,
        en: `${pid} cannot be their own guardian`,
      });
    }
  }

  const choiceIds = new Map<string, DocPath>();
  for (const [sid, step] of Object.entries(steps)) {
    if (!isObj(step)) continue;
    const sp: DocPath = ['steps', sid];
    const say = step['say'];
    const lines = Array.isArray(say) ? say : say === undefined ? [] : [say];
    lines.forEach((line, i) => {
      if (!isObj(line)) return;
      const who = str(line['who']);
      if (who !== undefined && who !== 'narrator' && !hasPerson(who)) {
        const path: DocPath = Array.isArray(say) ? [...sp, 'say', i, 'who'] : [...sp, 'say', 'who'];
        rep.dangling(path, who, { 'es-MX': 'persona de people (ni narrator)', en: 'person in people (nor narrator)' }, ['narrator', ...people]);
      }
    });
    const choose = Array.isArray(step['choose']) ? step['choose'] : [];
    choose.forEach((choice, i) => {
      if (!isObj(choice)) return;
      const cp: DocPath = [...sp, 'choose', i];
      const id = str(choice['id']);
      if (id !== undefined) {
        const prior = choiceIds.get(id);
        if (prior) {
          rep.error([...cp, 'id'], 'duplicate-id', {
            'es-MX': `el id de opción "${id}" ya se usa en ${formatPath(prior)}: los ids de opción son únicos en el caso (el registro los anota)`,
            en: `the choice id "${id}" is already used at ${formatPath(prior)}: choice ids are unique in a case (the log records them)`,
          }, { found: id });
        } else choiceIds.set(id, cp);
      }
      ref([...cp, 'next'], choice['next'], WHAT.step, hasStep, stepIds);
    });
    const next = step['next'];
    if (Array.isArray(next)) {
      next.forEach((b, i) => {
        if (isObj(b)) ref([...sp, 'next', i, 'next'], b['next'], WHAT.step, hasStep, stepIds);
      });
    } else ref([...sp, 'next'], next, WHAT.step, hasStep, stepIds);
    if (step['task'] !== undefined) {
      const forId = step['for'] ?? 'patient';
      if (str(forId) !== undefined && isObj(raw['people'])) {
        ref([...sp, step['for'] === undefined ? 'task' : 'for'], forId, WHAT.person, hasPerson, people);
      }
    }
  }
}
