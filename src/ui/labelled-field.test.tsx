// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { LabelledField } from './labelled-field';
import { Select } from './select';

const classes = { field: 'f', hint: 'h', error: 'e' };
const DOCTORS = [
  { value: 'dra-vega', label: 'Dra. Vega' },
  { value: 'dr-ortiz', label: 'Dr. Ortiz' },
];

describe('LabelledField with a Select', () => {
  it('labels the control and ties its hint and error to it', () => {
    render(
      <LabelledField id="doc" label="Médico" hint="El de su unidad." error="Elija un médico." classes={classes}>
        {(describedBy) => <Select id="doc" value="" options={DOCTORS} placeholder="Elija…" describedBy={describedBy} invalid onChange={() => {}} />}
      </LabelledField>,
    );
    const select = screen.getByRole('combobox', { name: 'Médico' });
    expect(select).toBeInvalid();
    expect(select).toHaveAccessibleDescription('El de su unidad. Elija un médico.');
    expect(screen.getAllByRole('option').map((o) => o.textContent)).toEqual(['Elija…', 'Dra. Vega', 'Dr. Ortiz']);
  });

  it('describes nothing and marks nothing when there is no hint or error', () => {
    render(
      <LabelledField id="doc" label="Médico" classes={classes}>
        {(describedBy) => <Select id="doc" value="dr-ortiz" options={DOCTORS} describedBy={describedBy} onChange={() => {}} />}
      </LabelledField>,
    );
    const select = screen.getByRole('combobox', { name: 'Médico' });
    expect(select).not.toHaveAttribute('aria-describedby');
    expect(select).toBeValid();
    expect(select).toHaveDisplayValue('Dr. Ortiz');
  });
});
