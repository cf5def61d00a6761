import { fromMinutes, isClockTime, isIsoDate, overlaps, toMinutes, weekday, workingStretches } from '../../../../domain/calendar';
import { doctorsFor, holdsTime, SPECIALTY_NAMES } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import { memo } from 'react';
import type { PartOf } from '../tool-props';
import { say } from '../tool-text';
import { appointmentsOf, isActive, longDate, ROW_MINUTES, useTr, type GRID_PART } from './agenda';
import { AppointmentList, GridNotice } from './appointment-button';

/** One day of the doctors shown: a row per quarter hour, a column per doctor. */

export const DayGrid = memo(function DayGrid(props: { ctx: PartOf<typeof GRID_PART>; lang: Lang; selectedId: string | null; onOpen: (id: string) => void }) {
  const tr = useTr();
  const { clinic, selection } = props.ctx;
  const date = selection.date;
  const doctors = doctorsFor(clinic, { doctorId: selection.doctorId ?? undefined, specialty: selection.specialty ?? undefined });
  const caption = tr('tools.scheduling.grid.dayCaption', { date: longDate(date, props.lang) });
  if (!isIsoDate(date) || !clinic.hours.days.includes(weekday(date))) {
    return <GridNotice caption={caption} text={tr('tools.scheduling.grid.closed')} />;
  }
  if (doctors.length === 0) {
    return <GridNotice caption={caption} text={tr('tools.scheduling.grid.noDoctors')} />;
  }
  const byDoctor = new Map(doctors.map((d) => [d.id, appointmentsOf(clinic, d.id, date)]));
  const open = isClockTime(clinic.hours.open) ? toMinutes(clinic.hours.open) : 0;
  const close = isClockTime(clinic.hours.close) ? toMinutes(clinic.hours.close) : 24 * 60;
  const rows: number[] = [];
  for (let m = Math.floor(open / ROW_MINUTES) * ROW_MINUTES; m < close; m += ROW_MINUTES) {
    const someoneWorks = doctors.some((d) => workingStretches(d, date).some(([s, e]) => m + ROW_MINUTES > s && m < e));
    const someAppointment = [...byDoctor.values()].some((list) =>
      list.some((a) => toMinutes(a.start) >= m && toMinutes(a.start) < m + ROW_MINUTES),
    );
    if (someoneWorks || someAppointment) rows.push(m);
  }
  // Translated and computed once per render, not once per cell: the grid has hundreds of cells and
  // redraws on every date change.
  const freeText = tr('tools.scheduling.grid.free');
  const offDutyText = tr('tools.scheduling.grid.offDuty');
  const stretches = new Map(doctors.map((d) => [d.id, workingStretches(d, date)]));
  const worksAt = (doctorId: string, m: number) => (stretches.get(doctorId) ?? []).some(([s, e]) => m >= s && m + ROW_MINUTES <= e);
  return (
    <div className="scheduling-tool__grid-wrap" role="region" aria-label={caption} tabIndex={0}>
      {/* Explicit roles: the day's table is laid out as rows of CSS grid (see the stylesheet), and a CSS display
          other than table makes some browsers stop exposing it as a table. */}
      <table className="scheduling-tool__grid scheduling-tool__grid--day" role="table">
        <caption>{caption}</caption>
        <thead role="rowgroup">
          <tr role="row">
            <th scope="col" role="columnheader">
              {tr('tools.scheduling.grid.time')}
            </th>
            {doctors.map((d) => (
              <th key={d.id} scope="col" role="columnheader">
                {d.name}
                <span className="scheduling-tool__muted"> {say(SPECIALTY_NAMES[d.specialty], props.lang)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody role="rowgroup">
          {rows.map((m) => (
            <tr key={m} role="row">
              <th scope="row" role="rowheader">
                {fromMinutes(m)}
              </th>
              {doctors.map((d) => {
                const list = byDoctor.get(d.id) ?? [];
                const starting = list.filter((a) => toMinutes(a.start) >= m && toMinutes(a.start) < m + ROW_MINUTES);
                if (starting.length > 0) {
                  return (
                    <td key={d.id} role="cell" className="scheduling-tool__cell scheduling-tool__cell--busy">
                      <AppointmentList appointments={starting} selectedId={props.selectedId} onOpen={props.onOpen} tr={tr} />
                    </td>
                  );
                }
                const running = list.find((a) => holdsTime(a) && isActive(a) && overlaps(toMinutes(a.start), a.minutes, m, ROW_MINUTES));
                if (running) {
                  return (
                    <td key={d.id} role="cell" className="scheduling-tool__cell scheduling-tool__cell--continues">
                      {tr('tools.scheduling.grid.continues', { name: running.patientName })}
                    </td>
                  );
                }
                const working = worksAt(d.id, m);
                return (
                  <td key={d.id} role="cell" className={`scheduling-tool__cell ${working ? 'scheduling-tool__cell--free' : 'scheduling-tool__cell--off'}`}>
                    {working ? freeText : offDutyText}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
});
