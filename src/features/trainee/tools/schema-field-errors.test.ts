import { z } from 'zod';
import { noErrors, schemaFieldErrors } from './schema-field-errors';

const booking = z.object({ doctorId: z.string().min(1), start: z.string().regex(/^\d{2}:\d{2}$/), minutes: z.number().int().min(5).optional() }).strict();
const messages = { doctorId: 'Elija un médico.', start: 'Escriba la hora.', minutes: 'Duración no válida.' };

describe('schemaFieldErrors', () => {
  it('gives each field the schema refuses its own message, and none to the fields it accepts', () => {
    const errors = schemaFieldErrors(booking, { doctorId: '', start: '10:00', minutes: 7.5 }, messages);
    expect(errors).toEqual({ doctorId: 'Elija un médico.', minutes: 'Duración no válida.' });
    expect(noErrors(errors)).toBe(false);
  });

  it('finds nothing wrong in params the schema accepts', () => {
    expect(noErrors(schemaFieldErrors(booking, { doctorId: 'dra-vega', start: '10:00' }, messages))).toBe(true);
  });

  it('leaves to the run what no field of the form stands for', () => {
    expect(schemaFieldErrors(booking, { doctorId: 'dra-vega', start: '10:00', room: 3 }, messages)).toEqual({});
  });
});
