import { memo, useId, useState, type FormEvent, type RefObject } from 'react';
import type { Lang } from '../../../../domain/text';
import { LabelledField } from '../../../../ui/labelled-field';
import { noErrors, schemaFieldErrors } from '../schema-field-errors';
import { paramsOf, useTr, type Dispatch, type SchedulingContext } from './agenda';
import { FIELD_CLASSES, slotMessages, SlotFields, type SlotDraft, type SlotErrors } from './slot-fields';

/** The booking form's values as typed (the length may be left empty: the visit type's). */
export interface BookingDraft extends SlotDraft {
  minutes: string;
}

/** The booking form: filled by a chosen free time or typed, checked with the booking event's schema. */
export const BookingForm = memo(function BookingForm({
  buttonRef,
  ...props
}: {
  clinic: SchedulingContext['clinic'];
  lang: Lang;
  value: BookingDraft;
  onChange: (value: BookingDraft) => void;
  dispatch: Dispatch;
  buttonRef: RefObject<HTMLButtonElement | null>;
}) {
  const tr = useTr();
  const id = useId();
  const [errors, setErrors] = useState<SlotErrors>({});
  const { value, onChange, lang } = props;
  const set = (patch: Partial<BookingDraft>) => onChange({ ...value, ...patch });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const minutes = value.minutes.trim() === '' ? undefined : Number(value.minutes);
    const params = { doctorId: value.doctorId, date: value.date, start: value.start, ...(minutes === undefined ? {} : { minutes }) };
    const found = schemaFieldErrors(paramsOf('scheduling.book'), params, slotMessages(tr));
    setErrors(found);
    if (noErrors(found)) props.dispatch({ type: 'scheduling.book', ...params });
  };

  return (
    <form className="scheduling-tool__group" onSubmit={submit} noValidate aria-labelledby={`${id}-legend`}>
      <h3 id={`${id}-legend`}>{tr('tools.scheduling.booking.legend')}</h3>
      <SlotFields id={id} clinic={props.clinic} lang={lang} value={value} errors={errors} onChange={set} />
      <LabelledField
        id={`${id}-minutes`}
        label={tr('tools.scheduling.booking.minutes')}
        hint={tr('tools.scheduling.booking.minutesHint')}
        error={errors.minutes}
        classes={FIELD_CLASSES}
      >
        {(describedBy) => (
          <input
            id={`${id}-minutes`}
            type="number"
            inputMode="numeric"
            min={5}
            max={240}
            step={5}
            value={value.minutes}
            aria-describedby={describedBy}
            aria-invalid={!!errors.minutes || undefined}
            onChange={(e) => set({ minutes: e.target.value })}
          />
        )}
      </LabelledField>
      <button ref={buttonRef} type="submit" className="button button--primary">
        {tr('tools.scheduling.booking.book')}
      </button>
    </form>
  );
});
