import { useId, useState, type FormEvent } from 'react';
import type { z } from 'zod';
import { LabelledField } from '../../../../ui/labelled-field';
import { Select, type SelectOption } from '../../../../ui/select';
import { checkParams } from '../schema-field-errors';
import { FIELD_CLASSES } from './slot-fields';

/**
 * One choice and a button (a cancellation reason, a channel, who takes an urgent case): the choice
 * is checked with the event's schema, as `param`, before it is sent.
 */
export function ChoiceForm<S extends z.ZodType>(props: {
  legend: string;
  label: string;
  placeholder: string;
  options: readonly SelectOption[];
  /** What the form says when the schema refuses the choice (nothing chosen). */
  required: string;
  button: string;
  schema: S;
  param: string;
  /** The event's other params (the appointment's id). */
  with?: Record<string, unknown>;
  formClassName?: string;
  fieldsetClassName?: string;
  /** The params as the schema parsed them, typed as the event's. */
  onChoose: (params: z.infer<S>) => void;
}) {
  const id = useId();
  const [value, setValue] = useState('');
  const [error, setError] = useState<string | undefined>(undefined);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = checkParams(props.schema, { ...props.with, [props.param]: value }, { [props.param]: props.required });
    const found = checked.ok ? undefined : checked.errors[props.param];
    // Set only when it changes: a click that leaves it as it was draws nothing more.
    if (found !== error) setError(found);
    if (checked.ok) props.onChoose(checked.params);
  };
  return (
    <form className={props.formClassName} onSubmit={submit} noValidate>
      <fieldset className={props.fieldsetClassName ?? 'scheduling-tool__group'}>
        <legend>{props.legend}</legend>
        <LabelledField id={`${id}-choice`} label={props.label} error={error} classes={FIELD_CLASSES}>
          {(describedBy) => (
            <Select id={`${id}-choice`} value={value} options={props.options} placeholder={props.placeholder} describedBy={describedBy} invalid={!!error} onChange={setValue} />
          )}
        </LabelledField>
        <button type="submit" className="button">
          {props.button}
        </button>
      </fieldset>
    </form>
  );
}
