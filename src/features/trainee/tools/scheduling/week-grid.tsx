import { addDays, weekday, workingStretches } from '../../../../domain/calendar';
import { doctorsFor } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import { memo } from 'react';
import type { PartOf } from '../tool-props';
import { appointmentsOf, longDate, mondayOf, shortDate, useTr, type GRID_PART } from './agenda';
import { AppointmentList, GridNotice } from './appointment-button';

/** The week of the doctors shown: a row per doctor, a column per working day. */

export const WeekGrid = memo(function WeekGrid(props: {
  ctx: PartOf<typeof GRID_PART>;
  lang: Lang;
  selectedId: string | null;
  onOpen: (id: string) => void;
  onOpenDay: (date: string) => void;
}) {
  const tr = useTr();
  const { clinic, selection } = props.ctx;
  const monday = mondayOf(selection.date);
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i)).filter((d) => clinic.hours.days.includes(weekday(d)));
  const doctors = doctorsFor(clinic, { doctorId: selection.doctorId ?? undefined, specialty: selection.specialty ?? undefined });
  const caption = tr('tools.scheduling.grid.weekCaption', {
    from: longDate(days[0] ?? monday, props.lang),
    to: longDate(days[days.length - 1] ?? addDays(monday, 6), props.lang),
  });
  if (doctors.length === 0) {
    return <GridNotice caption={caption} text={tr('tools.scheduling.grid.noDoctors')} />;
  }
  return (
    <div className="scheduling-tool__grid-wrap" role="region" aria-label={caption} tabIndex={0}>
      <table className="scheduling-tool__grid scheduling-tool__grid--week">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{tr('tools.scheduling.grid.doctor')}</th>
            {days.map((d) => (
              <th key={d} scope="col" aria-current={d === selection.date ? 'date' : undefined}>
                <button
                  type="button"
                  className="scheduling-tool__day-link"
                  aria-label={tr('tools.scheduling.grid.openDay', { date: longDate(d, props.lang) })}
                  onClick={() => props.onOpenDay(d)}
                >
                  {shortDate(d, props.lang)}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {doctors.map((doctor) => (
            <tr key={doctor.id}>
              <th scope="row">{doctor.name}</th>
              {days.map((d) => {
                const list = appointmentsOf(clinic, doctor.id, d);
                const works = workingStretches(doctor, d).length > 0;
                return (
                  <td key={d} className={`scheduling-tool__cell${works ? '' : ' scheduling-tool__cell--off'}`}>
                    {list.length > 0 ? (
                      <AppointmentList appointments={list} selectedId={props.selectedId} onOpen={props.onOpen} tr={tr} />
                    ) : works ? (
                      tr('tools.scheduling.grid.noAppointments')
                    ) : (
                      tr('tools.scheduling.grid.offDuty')
                    )}
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
