import { fakeCase, fakeShift, fakeWorkflows } from '../testing/run-fixtures';
import { createRun } from './run';
import { withSceneTime } from './scene-time';
import { createShift, prepareShift } from '../shift/shift';
import { prepareCase } from './variants';

/** The fake case, opening with a narrator line that tells the time with the token. */
const timedCase = () => {
  const base = fakeCase();
  const saludo = base.steps.saludo!;
  return {
    ...base,
    steps: {
      ...base.steps,
      saludo: {
        ...saludo,
        say: [{ who: 'narrator', mood: undefined, 'es-MX': 'Lunes, {time}. Recepción.', en: 'Monday, {time}. Front desk.' }, saludo.say as never],
      },
    },
  } as ReturnType<typeof fakeCase>;
};

const firstLine = (lines: ReadonlyArray<{ 'es-MX': string; en: string }>) => lines[0];

describe('the scene time in authored lines', () => {
  it('fills {time} in both languages and leaves the other lines and steps untouched', () => {
    const original = timedCase();
    const filled = withSceneTime(original, '09:05');
    const say = filled.steps.saludo!.say as Array<{ 'es-MX': string; en: string }>;
    expect(say[0]).toMatchObject({ 'es-MX': 'Lunes, 9:05. Recepción.', en: 'Monday, 9:05. Front desk.' });
    expect(say[1]).toMatchObject({ 'es-MX': 'Buenos días.' });
    expect(filled.steps.pasillo).toBe(original.steps.pasillo);
    expect(original.steps.saludo!.say).toContainEqual(expect.objectContaining({ en: 'Monday, {time}. Front desk.' }));
    expect(withSceneTime(timedCase(), '14:30').steps.saludo!.say).toContainEqual(expect.objectContaining({ en: 'Monday, 14:30. Front desk.' }));
  });

  it('returns the same case when no line uses the token', () => {
    const plain = fakeCase();
    expect(withSceneTime(plain, '10:00')).toBe(plain);
  });

  it('shows the case’s own time when the case is played alone', async () => {
    const prepared = await prepareCase(timedCase(), 0);
    const run = createRun(prepared, { workflows: fakeWorkflows });
    expect(firstLine(run.snapshot().lines)).toMatchObject({ 'es-MX': 'Lunes, 9:00. Recepción.' });
    run.stop();
  });

  it('shows the shift’s clock when the trainee serves the patient in a shift', async () => {
    const shift = fakeShift({ arrivals: [{ at: '08:00', case: 'caso-prueba' }] });
    const prepared = await prepareShift(shift, { cases: new Map([['caso-prueba', timedCase()]]), clinics: new Map() }, 0);
    const run = createShift(prepared, { workflows: fakeWorkflows });
    expect(run.send({ type: 'wait', seconds: 7 * 60 }).ok).toBe(true);
    expect(run.send({ type: 'shift.serve', arrival: 0 }).ok).toBe(true);
    const active = run.snapshot().active;
    expect(firstLine(active?.run.lines ?? [])).toMatchObject({ 'es-MX': expect.stringMatching(/^Lunes, 8:0[78]\. Recepción\.$/), en: expect.stringMatching(/^Monday, 8:0[78]\./) });
    run.stop();
  });
});
