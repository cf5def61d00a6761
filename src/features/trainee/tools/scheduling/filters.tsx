import { memo, useId } from 'react';
import type { Slot } from '../../../../domain/calendar';
import { doctorsFor, SPECIALTY_NAMES, visitTypesOf } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import { useDraft } from '../../../../ui/use-draft';
import type { PartOf } from '../tool-props';
import { say } from '../tool-text';
import { agendaPart, doctorName, longDate, SPECIALTIES, useTr, type Dispatch, type GRID_PART } from './agenda';

/** What the free times read. */
export const RESULTS_PART = agendaPart('clinic', 'searched', 'selection', 'slots');

/** The agenda's filters (specialty, doctor, visit type) and the search for free times. */

export const Filters = memo(function Filters({ ctx, lang, dispatch }: { ctx: PartOf<typeof GRID_PART>; lang: Lang; dispatch: Dispatch }) {
  const tr = useTr();
  const id = useId();
  const { clinic, selection } = ctx;
  const doctors = doctorsFor(clinic, { specialty: selection.specialty ?? undefined });
  // Each picker shows the trainee's pick at once, until the agenda's new selection is drawn (ui/use-draft.ts).
  const [specialty, setSpecialty] = useDraft(selection.specialty ?? '');
  const [doctorId, setDoctorId] = useDraft(selection.doctorId ?? '');
  const [visitType, setVisitType] = useDraft(selection.visitType ?? '');
  return (
    <fieldset className="scheduling-tool__group">
      <legend>{tr('tools.scheduling.filters.legend')}</legend>
      <div className="scheduling-tool__field">
        <label htmlFor={`${id}-specialty`}>{tr('tools.scheduling.filters.specialty')}</label>
        <select
          id={`${id}-specialty`}
          value={specialty}
          onChange={(e) => {
            const picked = SPECIALTIES.find((s) => s === e.target.value);
            if (!picked) return;
            setSpecialty(picked);
            dispatch({ type: 'scheduling.selectSpecialty', specialty: picked });
          }}
        >
          {selection.specialty === null && <option value="">{tr('tools.scheduling.filters.anySpecialty')}</option>}
          {SPECIALTIES.map((s) => (
            <option key={s} value={s}>
              {say(SPECIALTY_NAMES[s], lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="scheduling-tool__field">
        <label htmlFor={`${id}-doctor`}>{tr('tools.scheduling.filters.doctor')}</label>
        <select
          id={`${id}-doctor`}
          value={doctorId}
          onChange={(e) => {
            if (!e.target.value) return;
            setDoctorId(e.target.value);
            dispatch({ type: 'scheduling.selectDoctor', doctorId: e.target.value });
          }}
        >
          {selection.doctorId === null && <option value="">{tr('tools.scheduling.filters.anyDoctor')}</option>}
          {doctors.map((d) => (
            <option key={d.id} value={d.id}>
              {d.name} — {say(SPECIALTY_NAMES[d.specialty], lang)}
            </option>
          ))}
        </select>
      </div>
      <div className="scheduling-tool__field">
        <label htmlFor={`${id}-visit`}>{tr('tools.scheduling.filters.visitType')}</label>
        <select
          id={`${id}-visit`}
          value={visitType}
          onChange={(e) => {
            if (!e.target.value) return;
            setVisitType(e.target.value);
            dispatch({ type: 'scheduling.selectVisitType', visitType: e.target.value });
          }}
        >
          {selection.visitType === null && <option value="">{tr('tools.scheduling.filters.chooseVisitType')}</option>}
          {visitTypesOf(clinic).map((v) => (
            <option key={v.id} value={v.id}>
              {tr('tools.scheduling.filters.visitTypeOption', { name: say(v.name, lang), minutes: v.minutes })}
            </option>
          ))}
        </select>
      </div>
      <button type="button" className="button" onClick={() => dispatch({ type: 'scheduling.searchSlots' })}>
        {tr('tools.scheduling.filters.search')}
      </button>
    </fieldset>
  );
});

/** The free times found, each a button that fills the booking form. */
export const SlotResults = memo(function SlotResults({ ctx, lang, onChoose }: { ctx: PartOf<typeof RESULTS_PART>; lang: Lang; onChoose: (slot: Slot) => void }) {
  const tr = useTr();
  const id = useId();
  return (
    <section className="scheduling-tool__group scheduling-tool__results" aria-labelledby={`${id}-results`}>
      <h3 id={`${id}-results`}>{tr('tools.scheduling.results.heading')}</h3>
      {!ctx.searched ? (
        <p className="scheduling-tool__muted">{tr('tools.scheduling.results.notSearched')}</p>
      ) : ctx.slots.length === 0 ? (
        <p>{tr('tools.scheduling.results.none')}</p>
      ) : (
        <>
          <p className="scheduling-tool__muted">{longDate(ctx.selection.date, lang)}</p>
          <ul className="scheduling-tool__slots">
            {ctx.slots.map((s) => (
              <li key={`${s.doctorId}-${s.date}-${s.start}`}>
                <button type="button" className="scheduling-tool__slot" onClick={() => onChoose(s)}>
                  {tr('tools.scheduling.results.slot', { time: s.start, doctor: doctorName(ctx.clinic, s.doctorId), minutes: s.minutes })}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
});
