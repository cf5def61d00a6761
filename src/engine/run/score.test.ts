import { bestLog, fakeCase, fakeWorkflows } from '../testing/run-fixtures';
import { caseSchema, type ScenarioCase } from '../format/scenario.schema';
import { scoreRange } from '../analysis/lint';
import { scoreRun } from './score';

const opts = { workflows: fakeWorkflows };
const tx = (s: string) => ({ 'es-MX': s, en: s });

/** A dialogue-only case from steps and a rubric. */
function dialogue(steps: Record<string, unknown>, rubric: unknown, start = 'a'): ScenarioCase {
  return caseSchema.parse({ ...fakeCase(), rubric, start, steps });
}

const twoQuestions = dialogue(
  {
    a: {
      choose: [
        { id: 'a1', text: tx('a1'), score: { accuracy: 4, communication: 1 }, next: 'b' },
        { id: 'a2', text: tx('a2'), score: { accuracy: 1, communication: 3 }, next: 'b' },
        { id: 'a3', text: tx('a3'), score: { accuracy: -6 }, next: 'b' },
      ],
    },
    b: {
      choose: [
        { id: 'b1', text: tx('b1'), score: { accuracy: 6 }, next: 'end' },
        { id: 'b2', text: tx('b2'), score: { communication: 2 }, next: 'end' },
      ],
    },
    end: { end: tx('end') },
  },
  { pass: 60, weights: { accuracy: 75, communication: 25 } },
);

describe('the best per category', () => {
  it("is the linter's range over every path", () => {
    const r = scoreRun(twoQuestions, [{ type: 'choose', choice: 'a1' }, { type: 'choose', choice: 'b1' }], opts);
    expect(scoreRange(twoQuestions).accuracy).toEqual({ min: -6, max: 10 });
    expect(r.categories.accuracy.max).toBe(10);
    expect(r.categories.communication.max).toBe(5);
    expect(r.percent).toBe(75 + 25 * (1 / 5));
  });
});

describe('scoreRun', () => {
  it('weights each category by earned / best over all paths', () => {
    const r = scoreRun(twoQuestions, [{ type: 'choose', choice: 'a2' }, { type: 'choose', choice: 'b2' }], opts);
    // accuracy 1/10, communication 5/5 -> 75*0.1 + 25*1 = 32.5
    expect(r.points).toEqual({ accuracy: 1, communication: 5 });
    expect(r.percent).toBe(32.5);
    expect(r.passed).toBe(false);
  });

  it('floors a negative category total at zero', () => {
    const r = scoreRun(twoQuestions, [{ type: 'choose', choice: 'a3' }, { type: 'choose', choice: 'b2' }], opts);
    expect(r.categories.accuracy.earned).toBe(-6);
    expect(r.percent).toBe(10);
  });

  it('reports the best achievable on the path taken beside the overall best', () => {
    const r = scoreRun(twoQuestions, [{ type: 'choose', choice: 'a3' }, { type: 'choose', choice: 'b1' }], opts);
    expect(r.categories.accuracy).toEqual({ earned: 0, bestOnPath: 10, max: 10, weight: 75 });
    expect(r.categories.communication).toEqual({ earned: 0, bestOnPath: 5, max: 5, weight: 25 });
  });

  it('leaves out a weighted category that no path can earn points in', () => {
    const s = dialogue(
      { a: { choose: [{ id: 'x', text: tx('x'), score: { accuracy: 2 }, next: 'end' }] }, end: { end: tx('end') } },
      { pass: 50, weights: { accuracy: 50, safety: 50 } },
    );
    expect(scoreRun(s, [{ type: 'choose', choice: 'x' }], opts).percent).toBe(100);
  });

  it('passes at exactly the pass mark', () => {
    const s = dialogue(
      {
        a: { choose: [{ id: 'x', text: tx('x'), score: { accuracy: 7 }, next: 'end' }, { id: 'y', text: tx('y'), score: { accuracy: 10 }, next: 'end' }] },
        end: { end: tx('end') },
      },
      { pass: 70, weights: { accuracy: 100 } },
    );
    expect(scoreRun(s, [{ type: 'choose', choice: 'x' }], opts)).toMatchObject({ percent: 70, passed: true });
  });

  it('never passes an attempt that did not reach an end', () => {
    const r = scoreRun(twoQuestions, [{ type: 'choose', choice: 'a1' }], opts);
    expect(r).toMatchObject({ finished: false, passed: false, end: null });
  });

  it('lists every scored item with the action that caused it', () => {
    const r = scoreRun(fakeCase(), [{ type: 'hint' }, ...bestLog], opts);
    expect(r.items.map((i) => [i.kind, i.id, i.stepId, i.actionIndex])).toEqual([
      ['choice', 'formal', 'saludo', 1],
      ['check', 'form.consentFirst', 'registro', 4],
      ['check', 'form.nameMatches', 'registro', 4],
    ]);
    expect(r.hints).toBe(1);
    expect(r.percent).toBe(100);
  });

  it('scores a log up to its first bad action and says where it stopped', () => {
    const r = scoreRun(fakeCase(), [{ type: 'choose', choice: 'formal' }, { type: 'choose', choice: 'formal' }], opts);
    expect(r.rejected?.index).toBe(1);
    expect(r.actions).toBe(1);
  });

  it('is a pure function of the scenario and the log', () => {
    const a = scoreRun(fakeCase(), [...bestLog], { ...opts, mode: 'assessment' });
    const b = scoreRun(fakeCase(), [...bestLog], { ...opts, mode: 'assessment' });
    expect(a).toEqual(b);
  });
});
