import { SPECIALTY_NAMES } from '../../../../domain/clinic';
import type { Lang } from '../../../../domain/text';
import type { Clinic } from '../../../../domain/types';
import { LabelledField, type FieldClasses } from '../../../../ui/labelled-field';
import { Select } from '../../../../ui/select';
import { say } from '../tool-text';
import { useTr, type Translate } from './agenda';

/** The agenda's fields are drawn with its own classes. */
export const FIELD_CLASSES: FieldClasses = { field: 'scheduling-tool__field', hint: 'scheduling-tool__hint', error: 'scheduling-tool__field-error' };

/** Where an appointment goes: the fields booking and moving share. */
export interface SlotDraft {
  doctorId: string;
  date: string;
  start: string;
}

export type SlotField = keyof SlotDraft | 'minutes';
export type SlotErrors = Partial<Record<SlotField, string>>;

/** The form's words for each field the booking or moving schema can refuse. */
export const slotMessages = (tr: Translate): Record<SlotField, string> => ({
  doctorId: tr('tools.scheduling.form.doctorRequired'),
  date: tr('tools.scheduling.form.dateInvalid'),
  start: tr('tools.scheduling.form.timeInvalid'),
  minutes: tr('tools.scheduling.form.minutesInvalid'),
});

/** Doctor, date and start time, each with its error. */
export function SlotFields(props: { id: string; clinic: Clinic; lang: Lang; value: SlotDraft; errors: SlotErrors; onChange: (patch: Partial<SlotDraft>) => void }) {
  const tr = useTr();
  const { id, value, errors, onChange } = props;
  const doctors = props.clinic.doctors.map((d) => ({ value: d.id, label: `${d.name} — ${say(SPECIALTY_NAMES[d.specialty], props.lang)}` }));
  return (
    <>
      <LabelledField id={`${id}-doctor`} label={tr('tools.scheduling.booking.doctor')} error={errors.doctorId} classes={FIELD_CLASSES}>
        {(describedBy) => (
          <Select
            id={`${id}-doctor`}
            value={value.doctorId}
            options={doctors}
            placeholder={tr('tools.scheduling.booking.chooseDoctor')}
            describedBy={describedBy}
            invalid={!!errors.doctorId}
            onChange={(doctorId) => onChange({ doctorId })}
          />
        )}
      </LabelledField>
      <LabelledField id={`${id}-date`} label={tr('tools.scheduling.booking.date')} error={errors.date} classes={FIELD_CLASSES}>
        {(describedBy) => (
          <input
            id={`${id}-date`}
            type="date"
            value={value.date}
            aria-describedby={describedBy}
            aria-invalid={!!errors.date || undefined}
            onChange={(e) => onChange({ date: e.target.value })}
          />
        )}
      </LabelledField>
      <LabelledField id={`${id}-start`} label={tr('tools.scheduling.booking.start')} error={errors.start} classes={FIELD_CLASSES}>
        {(describedBy) => (
          <input
            id={`${id}-start`}
            type="time"
            step={300}
            value={value.start}
            aria-describedby={describedBy}
            aria-invalid={!!errors.start || undefined}
            onChange={(e) => onChange({ start: e.target.value })}
          />
        )}
      </LabelledField>
    </>
  );
}
