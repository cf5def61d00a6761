import { caseSchema, type ScenarioCase } from '../format/scenario.schema';
import { bestPercent, lint, pathCount, scoreRange, stronglyConnected } from './lint';
import { parseScenarioFile } from '../load/loader';
import { CASE_YAML, fakeRegistry } from '../testing/loader-fixtures';

type Steps = Record<string, unknown>;
const say = { 'es-MX': 'x', en: 'x' };
const fb = { 'es-MX': 'porque', en: 'because' };
const end = (outcome?: string) => ({ end: say, ...(outcome ? { outcome } : {}) });
const choice = (id: string, next: string, score: Record<string, number> = {}, extra: object = {}) => ({ id, text: say, next, score, feedback: fb, ...extra });

/** A case built in code: only the steps, start and rubric vary. */
function makeCase(steps: Steps, start = 'a', rubric: object = { pass: 60, weights: { communication: 50, privacy: 50 } }): ScenarioCase {
  return caseSchema.parse({
    format: 1, id: 'lint-case', title: say, summary: say, workflows: ['registration'], difficulty: 'basic', minutes: 5,
    region: 'urban', specialty: 'general', objectives: [say], clinic: 'c',
    people: { patient: { name: { given: 'A', first: 'B' }, birth: '1990-01-01', sex: 'H', birthState: 'DF' } },
    rubric, start, steps,
  });
}
const codes = (c: ScenarioCase) => lint(c).map((d) => [d.code, d.path.join('.')]);

describe('lint', () => {
  it('finds nothing wrong in a clean case', () => {
    const c = makeCase({ a: { choose: [choice('x', 'z', { communication: 2, privacy: 1 }), choice('y', 'z', { communication: -1 })] }, z: end() });
    expect(lint(c)).toEqual([]);
  });

  it('reports unreachable steps', () => {
    const c = makeCase({ a: { choose: [choice('x', 'z', { communication: 1, privacy: 1 })] }, lost: { say, next: 'z' }, z: end() });
    expect(codes(c)).toEqual([['unreachable-step', 'steps.lost']]);
  });

  it('reports steps with no way to an end', () => {
    const c = makeCase({ a: { choose: [choice('x', 'z', { communication: 1, privacy: 1 }), choice('y', 'b')] }, b: { say, next: 'c' }, c: { say, next: 'd' }, d: { say, next: 'b' }, z: end() });
    const found = codes(c);
    expect(found).toContainEqual(['cycle-without-exit', 'steps.b']);
    expect(found.filter(([code]) => code === 'no-way-to-end')).toEqual([]);
  });

  it('reports a dead end that is not a cycle', () => {
    const c = makeCase({ a: { choose: [choice('x', 'z', { communication: 1, privacy: 1 }), choice('y', 'b')] }, b: { say, next: 'c' }, c: { say, next: 'b' }, z: end() }, 'a');
    expect(codes(c)).toContainEqual(['cycle-without-exit', 'steps.b']);
    const d = makeCase({ a: { choose: [choice('x', 'z', { communication: 1, privacy: 1 }), choice('y', 'b')] }, b: { choose: [choice('q', 'c')] }, c: { choose: [choice('r', 'b'), choice('s', 'a')] }, z: end() });
    expect(codes(d).filter(([code]) => code !== 'choice-without-feedback')).toEqual([]);
  });

  it('reports choices without feedback', () => {
    const c = makeCase({ a: { choose: [{ id: 'x', text: say, next: 'z', score: { communication: 1, privacy: 1 } }] }, z: end() });
    expect(codes(c)).toEqual([['choice-without-feedback', 'steps.a.choose.0']]);
  });

  it('reports a pass mark no path can reach', () => {
    const c = makeCase(
      { a: { choose: [choice('x', 'b', { communication: 2 }), choice('y', 'c', { privacy: 2 })] }, b: end(), c: end() },
      'a',
      { pass: 60, weights: { communication: 50, privacy: 50 } },
    );
    expect(bestPercent(c).overall).toBe(50);
    expect(codes(c)).toEqual([['pass-unreachable', 'rubric.pass']]);
  });

  it('reports a non-failure ending that can never pass, but not a failure ending', () => {
    const steps = { a: { choose: [choice('x', 'good', { communication: 2, privacy: 2 }), choice('y', 'bad', { communication: -2 })] }, good: end('success'), bad: end() };
    expect(codes(makeCase(steps))).toEqual([['end-cannot-pass', 'steps.bad']]);
    expect(codes(makeCase({ ...steps, bad: end('failure') }))).toEqual([]);
  });

  it('reports weights on categories no path can earn', () => {
    const c = makeCase({ a: { choose: [choice('x', 'z', { communication: 2 })] }, z: end() }, 'a', { pass: 50, weights: { communication: 50, safety: 50 } });
    expect(codes(c)).toEqual([['weight-without-points', 'rubric.weights.safety']]);
  });

  it('reports critical checks that no path reaches', () => {
    const c = makeCase({
      a: { choose: [choice('x', 'z', { communication: 1, privacy: 1 })] },
      t: { task: 'registration', checks: [{ observe: 'registration.saved', points: { privacy: 1 }, critical: true, feedback: fb }], next: 'z' },
      z: end(),
    });
    expect(codes(c)).toEqual([['unreachable-step', 'steps.t'], ['critical-unreachable', 'steps.t.checks.0']]);
  });

  it("uses the loader's lines", () => {
    const r = parseScenarioFile(CASE_YAML.replace('        feedback: { es-MX: "Bien.", en: "Good." }\n', ''), { path: 'caso-prueba.yaml', workflows: fakeRegistry });
    const c = r.document?.data as ScenarioCase;
    expect(lint(c)).toMatchObject([{ code: 'choice-without-feedback', file: 'caso-prueba.yaml', line: 31 }]);
  });
});

describe('scoreRange, pathCount, bestPercent', () => {
  const c = makeCase({
    a: { choose: [choice('x', 'b', { communication: 2 }), choice('y', 'b', { communication: -1 }), choice('w', 'z', { privacy: -3 })] },
    b: { task: 'registration', checks: [{ observe: 'registration.saved', points: { privacy: 4, communication: -1 }, feedback: fb }], next: [{ when: 'registration.saved', next: 'z' }, { next: 'y' }] },
    y: end(),
    z: end(),
  });

  it('gives min and max per category over paths to an end', () => {
    const r = scoreRange(c);
    expect(r.communication).toEqual({ min: -2, max: 2 });
    expect(r.privacy).toEqual({ min: -3, max: 4 });
    expect(r.safety).toEqual({ min: 0, max: 0 });
  });

  it('counts paths choice by choice and branch by branch', () => {
    expect(pathCount(c)).toEqual({ count: 5, capped: false, cyclic: false });
    expect(pathCount(c, 3)).toEqual({ count: 3, capped: true, cyclic: false });
  });

  it('computes the best percent', () => {
    // x (+2 communication) then the check (+4 privacy, -1 communication): 50*1/2 + 50*4/4 = 75.
    expect(bestPercent(c).overall).toBe(75);
  });

  it('counts each item in a cycle once, so ranges stay finite', () => {
    const loop = makeCase({ a: { choose: [choice('again', 'a', { communication: 1 }), choice('out', 'z', { privacy: 1 })] }, z: end() });
    expect(scoreRange(loop).communication).toEqual({ min: 0, max: 1 });
    expect(pathCount(loop).cyclic).toBe(true);
  });
});

describe('stronglyConnected', () => {
  it('groups cycles and returns sinks first', () => {
    const e = (to: number) => ({ to, points: {}, path: [] });
    const { comps } = stronglyConnected({ edges: [[e(1)], [e(2)], [e(1), e(3)], []] });
    expect(comps.map((c) => [...c].sort())).toEqual([[3], [1, 2], [0]]);
  });

  it('handles long chains without recursion', () => {
    const n = 50_000;
    const edges = Array.from({ length: n }, (_, i) => (i + 1 < n ? [{ to: i + 1, points: {}, path: [] }] : []));
    expect(stronglyConnected({ edges }).comps).toHaveLength(n);
  });
});
