import type { ReactNode } from 'react';

/** The class names a screen styles its fields with (each tool keeps its own look). */
export interface FieldClasses {
  field: string;
  hint: string;
  error: string;
}

/** Props of LabelledField. */
export interface LabelledFieldProps {
  /** The control's id: the label points at it, the hint and error hang from it. */
  id: string;
  label: ReactNode;
  /** Shown below the control and read with it. */
  hint?: string | undefined;
  /** Shown below the control; the control should then be marked aria-invalid. */
  error?: string | undefined;
  classes: FieldClasses;
  /** Draws the control, given the ids that describe it. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** `aria-describedby` from the ids present, or undefined when none is. */
export const describedBy = (...ids: Array<string | false | null | undefined>): string | undefined => ids.filter(Boolean).join(' ') || undefined;

/** A labelled control with its hint and error tied to it by aria-describedby. */
export function LabelledField({ id, label, hint, error, classes, children }: LabelledFieldProps) {
  return (
    <div className={classes.field}>
      <label htmlFor={id}>{label}</label>
      {children(describedBy(hint && `${id}-hint`, error && `${id}-error`))}
      {hint && (
        <p id={`${id}-hint`} className={classes.hint}>
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className={classes.error}>
          {error}
        </p>
      )}
    </div>
  );
}
