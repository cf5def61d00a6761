/** Clock times ("HH:MM") in clinic hours and shifts: minutes since midnight, and start before end. */
import type { DocPath } from '../format/diagnostics';
import type { Reporter } from './reporter';

export const minutesOf = (clock: string): number => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export function checkClockOrder(rep: Reporter, path: DocPath, start: string, end: string): void {
  if (minutesOf(start) >= minutesOf(end)) {
    rep.error(path, 'bad-time-range', {
      'es-MX': `la hora final ${end} debe ser posterior a la inicial ${start}`,
      en: `the end time ${end} must be after the start time ${start}`,
    }, { expected: `> ${start}`, found: end });
  }
}
