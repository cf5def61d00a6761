/** A shift's own rules: its times in order and within the shift. */
import type { DocPath } from '../format/diagnostics';
import type { ShiftFile } from '../format/scenario.schema';
import { checkClockOrder, minutesOf } from './clock-order';
import type { Reporter } from './reporter';

/** A shift's own rules: times within the shift. References to cases and the clinic: library.ts. */
export function checkShift(s: ShiftFile, rep: Reporter): void {
  checkClockOrder(rep, ['end'], s.start, s.end);
  const within = (path: DocPath, at: string): void => {
    const m = minutesOf(at);
    if (m < minutesOf(s.start) || m > minutesOf(s.end)) {
      rep.warning(path, 'outside-shift', {
        'es-MX': `${at} queda fuera del turno (${s.start}-${s.end})`,
        en: `${at} falls outside the shift (${s.start}-${s.end})`,
      });
    }
  };
  s.arrivals.forEach((a, i) => within(['arrivals', i, 'at'], a.at));
  s.events.forEach((e, i) => within(['events', i, 'at'], e.at));
}
