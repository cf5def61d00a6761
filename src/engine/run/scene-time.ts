/**
 * The scene's time in authored lines. A case played on its own starts at its `time`; inside a shift
 * it starts whenever the trainee serves that arrival, and an opening line that says "Lunes, 9:10"
 * would then contradict the shift's clock. Authors write `{time}` instead, and the line shows the
 * clock at which the case started: its own `time` alone, the shift's clock in a shift.
 */
import type { Line, ScenarioCase, Step } from '../format/scenario.schema';

/** The token replaced by the clock at which the case starts (same in both languages). */
export const SCENE_TIME_TOKEN = '{time}';

/** "09:10" → "9:10", as people write the time in a sentence. */
const spoken = (clock: string): string => clock.replace(/^0(\d:)/, '$1');

const hasToken = (line: Line): boolean => line['es-MX'].includes(SCENE_TIME_TOKEN) || line.en.includes(SCENE_TIME_TOKEN);

const fillLine = (line: Line, time: string): Line =>
  hasToken(line) ? { ...line, 'es-MX': line['es-MX'].replaceAll(SCENE_TIME_TOKEN, time), en: line.en.replaceAll(SCENE_TIME_TOKEN, time) } : line;

const mentions = (step: Step): boolean => {
  const say = step.say;
  if (!say) return false;
  return (Array.isArray(say) ? say : [say]).some(hasToken);
};

/**
 * The case with `{time}` in its lines replaced by `clock` ("HH:MM"). The same object when no line
 * uses the token, so cases without it cost nothing and keep their identity.
 */
export function withSceneTime(scenario: ScenarioCase, clock: string): ScenarioCase {
  const ids = Object.keys(scenario.steps).filter((id) => mentions(scenario.steps[id] as Step));
  if (ids.length === 0) return scenario;
  const time = spoken(clock);
  const steps: Record<string, Step> = { ...scenario.steps };
  for (const id of ids) {
    const step = steps[id] as Step;
    const say = step.say as NonNullable<Step['say']>;
    steps[id] = { ...step, say: Array.isArray(say) ? say.map((l) => fillLine(l, time)) : fillLine(say, time) };
  }
  return { ...scenario, steps };
}
