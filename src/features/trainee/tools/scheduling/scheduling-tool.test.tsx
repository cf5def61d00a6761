// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang, LocalizedText } from '../../../../domain/text';
import type { Appointment, Clinic, Doctor, Person } from '../../../../domain/types';
import { schedulingWorkflow } from '../../../../machines/scheduling/definition';
import type { SchedulingOptions } from '../../../../machines/scheduling/schemas';
import { makeCase } from '../../../../machines/test-fixtures';
import type { WorkflowCase } from '../../../../machines/workflow';
import SchedulingTool from './scheduling-tool';
import { renderTool } from '../tool-harness';
import type { ToolEvent } from '../tool-props';

// A full agenda in jsdom renders slowly on a busy machine: allow more than the 5 s default.
vi.setConfig({ testTimeout: 30_000 });

// ---------------------------------------------------------------------------------------------
// Fixture: a UMF on Tuesday 2026-03-10 at 10:00; morning and evening shifts, one pediatrician.
// ---------------------------------------------------------------------------------------------

const TODAY = '2026-03-10';
const weekdays = [1, 2, 3, 4, 5];
const shift = (start: string, end: string) => weekdays.map((day) => ({ day, start, end }));
const doctors: Doctor[] = [
  { id: 'dra-mendez', name: 'Dra. Méndez', specialty: 'general', blocks: shift('08:00', '14:00') },
  { id: 'dr-ortiz', name: 'Dr. Ortiz', specialty: 'general', blocks: shift('14:00', '20:00') },
  { id: 'dra-vega', name: 'Dra. Vega', specialty: 'pediatrics', blocks: shift('08:00', '14:00') },
];
const appt = (id: string, start: string, extra: Partial<Appointment> = {}): Appointment => ({
  id,
  doctorId: 'dra-mendez',
  patientName: 'Rosa Díaz',
  date: TODAY,
  start,
  minutes: 15,
  visitType: 'follow-up',
  status: 'booked',
  ...extra,
});
const clinic = (): Clinic => ({
  id: 'umf-99',
  name: 'UMF 99 Centro',
  kind: 'imss-umf',
  region: 'urban',
  state: 'DF',
  city: 'Ciudad de México',
  address: 'Av. Juárez 10',
  umf: 99,
  hours: { days: weekdays, open: '08:00', close: '20:00' },
  doctors,
  visitTypes: [
    { id: 'first-visit', name: { 'es-MX': 'Primera vez', en: 'First visit' }, minutes: 30 },
    { id: 'follow-up', name: { 'es-MX': 'Subsecuente', en: 'Follow-up' }, minutes: 15 },
  ],
  rooms: [],
  appointments: [
    appt('e1', '10:30'),
    appt('p-later', '12:00', { patientId: 'patient', patientName: 'Gloria Hernández García' }),
    appt('w1', '09:00', { doctorId: 'dra-vega', date: '2026-03-12', patientName: 'Mateo Ruiz' }),
  ],
});
const patient = (overrides: Partial<Person> = {}): Person => ({
  id: 'patient',
  name: { given: 'Gloria', first: 'Hernández', second: 'García' },
  birth: '1956-04-27',
  sex: 'M',
  birthState: 'VZ',
  phone: '55 1234 5678',
  language: 'es',
  documents: [],
  ...overrides,
});

// ---------------------------------------------------------------------------------------------
// Harness: a real scheduling actor; `send` validates like the run does, forwards and re-renders.
// ---------------------------------------------------------------------------------------------

interface Setup {
  options?: SchedulingOptions;
  person?: Person;
  lang?: Lang;
  refuse?: (e: ToolEvent) => LocalizedText | null;
}

function setup({ options = {}, person = patient(), lang = 'es-MX', refuse }: Setup = {}) {
  const c: WorkflowCase<SchedulingOptions> = makeCase(person, options, { clinic: clinic(), today: TODAY, now: '10:00' });
  return renderTool(SchedulingTool, schedulingWorkflow, c, { lang, ...(refuse ? { refuse } : {}) });
}

type User = ReturnType<typeof userEvent.setup>;
const dayGrid = () => screen.getByRole('table', { name: /^Agenda del/ });
const cellsOfRow = (time: string) => within(within(dayGrid()).getByRole('rowheader', { name: time }).closest('tr') as HTMLElement).getAllByRole('cell');
const bookingForm = () => screen.getByRole('form', { name: 'Nueva cita para el paciente' });

async function chooseVisitType(user: User, name = 'Subsecuente (15 minutos)') {
  await user.selectOptions(screen.getByRole('combobox', { name: 'Tipo de consulta' }), name);
}

async function fillBooking(user: User, doctor: string, start: string) {
  const form = bookingForm();
  await user.selectOptions(within(form).getByRole('combobox', { name: 'Médico de la cita' }), doctor);
  const time = within(form).getByLabelText('Hora de inicio');
  await user.clear(time);
  await user.type(time, start);
}

// ---------------------------------------------------------------------------------------------

describe('SchedulingTool', () => {
  describe('the day agenda', () => {
    it('shows a column per doctor, the appointments by name, and who is off duty', () => {
      setup();
      expect(screen.getByRole('heading', { name: 'Agenda de citas — UMF 99 Centro' })).toBeInTheDocument();
      const grid = dayGrid();
      expect(grid).toHaveAccessibleName('Agenda del martes, 10 de marzo de 2026');
      const headers = within(grid).getAllByRole('columnheader').map((h) => h.textContent);
      expect(headers).toEqual(['Hora', 'Dra. Méndez Medicina familiar / general', 'Dr. Ortiz Medicina familiar / general', 'Dra. Vega Pediatría']);
      expect(cellsOfRow('10:30')[0]).toHaveTextContent('10:30 Rosa Díaz (15 minutos)');
      expect(cellsOfRow('08:00').map((c) => c.textContent)).toEqual(['Libre', 'Fuera de turno', 'Libre']);
      expect(cellsOfRow('15:00').map((c) => c.textContent)).toEqual(['Fuera de turno', 'Libre', 'Fuera de turno']);
    });

    it('moves to another day through the machine and says so', async () => {
      const { user, context } = setup();
      await user.click(screen.getByRole('button', { name: 'Día siguiente' }));
      expect(context().selection.date).toBe('2026-03-11');
      expect(dayGrid()).toHaveAccessibleName('Agenda del miércoles, 11 de marzo de 2026');
      expect(screen.getByRole('status')).toHaveTextContent('Agenda del miércoles, 11 de marzo de 2026.');
      await user.click(screen.getByRole('button', { name: 'Hoy' }));
      expect(context().selection.date).toBe(TODAY);
    });

    it('narrows the columns to the specialty chosen', async () => {
      const { user, context } = setup();
      await user.selectOptions(screen.getByRole('combobox', { name: 'Especialidad' }), 'Pediatría');
      expect(context().selection.specialty).toBe('pediatrics');
      expect(within(dayGrid()).getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Hora', 'Dra. Vega Pediatría']);
    });
  });

  describe('when the trainee searches and books a slot', () => {
    it('lists the free times as buttons, fills the form with the one chosen and books it on the grid', async () => {
      const { user, context } = setup();
      await chooseVisitType(user);
      await user.click(screen.getByRole('button', { name: 'Buscar horarios' }));
      const results = screen.getByRole('region', { name: 'Horarios libres' });
      const slots = within(results).getAllByRole('button');
      expect(slots[0]).toHaveAccessibleName('10:00 · Dra. Méndez · 15 minutos');
      expect(screen.getByRole('status')).toHaveTextContent('Horarios libres encontrados: 12.');

      await user.click(within(results).getByRole('button', { name: '10:15 · Dra. Vega · 15 minutos' }));
      const form = bookingForm();
      expect(within(form).getByRole('combobox', { name: 'Médico de la cita' })).toHaveValue('dra-vega');
      expect(within(form).getByLabelText('Hora de inicio')).toHaveValue('10:15');
      expect(within(form).getByRole('spinbutton', { name: 'Duración en minutos' })).toHaveValue(15);
      const book = within(form).getByRole('button', { name: 'Agendar cita' });
      expect(book).toHaveFocus();

      await user.keyboard('{Enter}');
      expect(context().record.changes).toMatchObject([{ kind: 'book', to: { doctorId: 'dra-vega', date: TODAY, start: '10:15', minutes: 15 } }]);
      expect(cellsOfRow('10:15')[2]).toHaveTextContent('10:15 Gloria Hernández García (15 minutos)');
      expect(screen.getByRole('status')).toHaveTextContent('Cita agendada: martes, 10 de marzo de 2026, 10:15, Dra. Vega.');
      expect(screen.getByRole('region', { name: 'Cita del paciente' })).toHaveTextContent('martes, 10 de marzo de 2026, 10:15 · Dra. Vega · 15 minutos · Agendada');
    });

    it('books a length the trainee typed, even one that is not the visit type (the machine warns)', async () => {
      const { user, sent } = setup();
      await chooseVisitType(user);
      await fillBooking(user, 'Dra. Méndez — Medicina familiar / general', '11:00');
      const minutes = within(bookingForm()).getByRole('spinbutton', { name: 'Duración en minutos' });
      await user.clear(minutes);
      await user.type(minutes, '40');
      await user.click(within(bookingForm()).getByRole('button', { name: 'Agendar cita' }));
      expect(sent.at(-1)).toEqual({ type: 'scheduling.book', doctorId: 'dra-mendez', date: TODAY, start: '11:00', minutes: 40 });
      expect(screen.getByRole('dialog', { name: 'Aviso del sistema de citas' })).toBeInTheDocument();
    });

    it('ties a missing doctor and a bad length to their fields and sends nothing', async () => {
      const { user, sent } = setup();
      const form = bookingForm();
      const minutes = within(form).getByRole('spinbutton', { name: 'Duración en minutos' });
      await user.type(minutes, '3');
      await user.click(within(form).getByRole('button', { name: 'Agendar cita' }));
      expect(within(form).getByRole('combobox', { name: 'Médico de la cita' })).toHaveAccessibleDescription('Elija un médico.');
      expect(minutes).toHaveAccessibleDescription(
        'Si la deja vacía, el sistema usa la duración del tipo de consulta. La duración es un número entero de 5 a 240 minutos.',
      );
      expect(minutes).toHaveAttribute('aria-invalid', 'true');
      expect(sent).toEqual([]);
    });

    it('shows the agenda’s own refusal, e.g. searching before choosing the visit type', async () => {
      const { user } = setup();
      await user.click(screen.getByRole('button', { name: 'Buscar horarios' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Elija el tipo de consulta para buscar horarios: de él depende la duración.');
    });

    it('shows a refusal from the desk instead of swallowing it', async () => {
      setup({ refuse: (e) => (e.type === 'scheduling.searchSlots' ? { 'es-MX': 'El caso ya terminó.', en: 'The case has already ended.' } : null) });
      await userEvent.setup().click(screen.getByRole('button', { name: 'Buscar horarios' }));
      // Shown beside the tool; the desk's alert is the one that announces it (desk-refusal.test.tsx).
      expect(screen.getByText('El caso ya terminó.')).toBeVisible();
      expect(screen.getByRole('alert')).not.toHaveTextContent('El caso ya terminó.');
    });
  });

  describe('when a booking lands on another appointment', () => {
    async function overbook(user: User) {
      await chooseVisitType(user);
      await fillBooking(user, 'Dra. Méndez — Medicina familiar / general', '10:30');
      await user.click(within(bookingForm()).getByRole('button', { name: 'Agendar cita' }));
    }

    it('opens the system’s warning as a modal dialog with focus inside, and books anyway on request', async () => {
      const { user, context } = setup();
      await overbook(user);
      const dialog = screen.getByRole('dialog', { name: 'Aviso del sistema de citas' });
      expect(dialog).toHaveAttribute('aria-modal', 'true');
      expect(dialog).toHaveAccessibleDescription(/El sistema pide confirmación antes de guardar:/);
      const back = within(dialog).getByRole('button', { name: 'Regresar sin guardar' });
      const anyway = within(dialog).getByRole('button', { name: 'Agendar de todos modos' });
      expect(back).toHaveFocus();
      await user.tab();
      expect(anyway).toHaveFocus();
      await user.tab();
      expect(back).toHaveFocus();

      await user.click(anyway);
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(within(bookingForm()).getByRole('button', { name: 'Agendar cita' })).toHaveFocus();
      expect(context().record.attempts.at(-1)?.outcome).toBe('overridden');
      const names = within(cellsOfRow('10:30')[0] as HTMLElement).getAllByRole('button').map((b) => b.textContent);
      expect(names).toEqual(['10:30 Gloria Hernández García (15 minutos)', '10:30 Rosa Díaz (15 minutos)']);
    });

    it('goes back without booking on Escape', async () => {
      const { user, context } = setup();
      await overbook(user);
      await user.keyboard('{Escape}');
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
      expect(context().record.attempts.at(-1)?.outcome).toBe('dismissed');
      expect(context().record.changes).toEqual([]);
      expect(screen.getByRole('status')).toHaveTextContent('No se guardó el cambio.');
      expect(within(bookingForm()).getByRole('button', { name: 'Agendar cita' })).toHaveFocus();
    });
  });

  describe('an existing appointment', () => {
    it('opens from the grid, moves to another time and is cancelled with a reason', async () => {
      const { user, context } = setup({ options: { existingAppointmentId: 'p-later' } });
      await user.click(within(dayGrid()).getByRole('button', { name: /12:00 Gloria Hernández García/ }));
      const detail = screen.getByRole('region', { name: 'Cita seleccionada: Gloria Hernández García' });
      expect(within(detail).getByRole('heading', { level: 3 })).toHaveFocus();

      const move = within(detail).getByRole('group', { name: 'Reprogramar a' });
      const time = within(move).getByLabelText('Hora de inicio');
      await user.clear(time);
      await user.type(time, '12:30');
      await user.click(within(move).getByRole('button', { name: 'Reprogramar cita' }));
      expect(context().record.changes).toMatchObject([{ kind: 'reschedule', appointmentId: 'p-later', to: { start: '12:30' } }]);
      expect(cellsOfRow('12:30')[0]).toHaveTextContent('12:30 Gloria Hernández García');
      expect(cellsOfRow('12:00')[0]).toHaveTextContent('Libre');

      const cancel = within(detail).getByRole('group', { name: 'Cancelación' });
      await user.click(within(cancel).getByRole('button', { name: 'Cancelar la cita' }));
      expect(within(cancel).getByRole('combobox', { name: 'Motivo de la cancelación' })).toHaveAccessibleDescription(
        'Elija el motivo de la cancelación.',
      );
      await user.selectOptions(within(cancel).getByRole('combobox', { name: 'Motivo de la cancelación' }), 'A petición del paciente');
      await user.click(within(cancel).getByRole('button', { name: 'Cancelar la cita' }));
      expect(context().record.changes.at(-1)).toMatchObject({ kind: 'cancel', appointmentId: 'p-later', reason: 'patient-request' });
      expect(cellsOfRow('12:30')[0]).toHaveTextContent('12:30 Gloria Hernández García (15 minutos, Cancelada)');
    });

    it('offers a freed time to the waiting list, who then appears on the grid', async () => {
      const { user, context } = setup({ options: { waitingList: [{ name: 'Ana Torres', phone: '55 0000 1111' }] } });
      expect(screen.getByRole('region', { name: 'Lista de espera' })).toHaveTextContent('Ana Torres · cualquier especialidad · 55 0000 1111');
      await user.click(within(dayGrid()).getByRole('button', { name: /10:30 Rosa Díaz/ }));
      const cancel = screen.getByRole('group', { name: 'Cancelación' });
      await user.selectOptions(within(cancel).getByRole('combobox', { name: 'Motivo de la cancelación' }), 'Otro motivo');
      await user.click(within(cancel).getByRole('button', { name: 'Cancelar la cita' }));
      const waiting = screen.getByRole('region', { name: 'Lista de espera' });
      expect(waiting).toHaveTextContent('martes, 10 de marzo de 2026, 10:30 · Dra. Méndez');
      await user.click(within(waiting).getByRole('button', { name: 'Ofrecer horario liberado a la lista de espera' }));
      expect(context().record.offers).toHaveLength(1);
      expect(screen.getByRole('status')).toHaveTextContent('Horario ofrecido a Ana Torres, que lo aceptó.');
      expect(within(cellsOfRow('10:30')[0] as HTMLElement).getByRole('button', { name: /10:30 Ana Torres/ })).toBeInTheDocument();
    });

    it('shows the doctor-late notice and records a no-show only when the machine allows it', async () => {
      const { user } = setup({ options: { existingAppointmentId: 'p-later', doctorLateMinutes: 40 } });
      expect(screen.getByRole('region', { name: 'Avisos de la clínica' })).toHaveTextContent('Dra. Méndez viene con 40 minutos de retraso');
      await user.click(within(dayGrid()).getByRole('button', { name: /12:00 Gloria/ }));
      await user.click(screen.getByRole('button', { name: 'Registrar inasistencia' }));
      expect(screen.getByRole('alert')).toHaveTextContent('no se marca inasistencia antes de su hora');
    });
  });

  describe('confirmation and reminders', () => {
    it('sends through the channel chosen and lists the message', async () => {
      const { user, context } = setup({ options: { existingAppointmentId: 'p-later' }, person: patient({ preferredChannel: 'whatsapp' }) });
      expect(screen.getByRole('region', { name: 'Paciente en atención' })).toHaveTextContent('Medio de contacto preferidoMensaje de WhatsApp');
      const confirm = screen.getByRole('group', { name: 'Confirmación' });
      const channel = within(confirm).getByRole('combobox', { name: 'Medio' });
      expect(channel).toHaveDisplayValue('Elija el medio');
      await user.selectOptions(channel, 'Mensaje SMS');
      await user.click(within(confirm).getByRole('button', { name: 'Confirmar cita' }));
      expect(context().record.messages).toMatchObject([{ kind: 'confirmation', channel: 'sms', appointmentId: 'p-later' }]);
      expect(screen.getByRole('status')).toHaveTextContent('Confirmación enviada: Mensaje SMS.');
      expect(screen.getByRole('region', { name: 'Cita del paciente' })).toHaveTextContent(
        'Confirmación · Mensaje SMS · martes, 10 de marzo de 2026, 12:00, Dra. Méndez',
      );
    });

    it('shows the agenda’s refusal when there is no appointment to confirm', async () => {
      const { user } = setup();
      const remind = screen.getByRole('group', { name: 'Recordatorio' });
      await user.selectOptions(within(remind).getByRole('combobox', { name: 'Medio' }), 'Llamada telefónica');
      await user.click(within(remind).getByRole('button', { name: 'Programar recordatorio' }));
      expect(screen.getByRole('alert')).toHaveTextContent('El paciente no tiene una cita vigente que confirmar o recordar.');
    });
  });

  describe('the week view', () => {
    it('shows the week per doctor and opens a day from its header', async () => {
      const { user, context } = setup();
      await user.click(screen.getByRole('button', { name: 'Semana', pressed: false }));
      const week = screen.getByRole('table', { name: 'Semana del lunes, 9 de marzo de 2026 al viernes, 13 de marzo de 2026' });
      const vega = within(week).getByRole('rowheader', { name: 'Dra. Vega' }).closest('tr') as HTMLElement;
      expect(within(vega).getByRole('button', { name: /09:00 Mateo Ruiz/ })).toBeInTheDocument();
      await user.click(within(week).getByRole('button', { name: 'Ver el día jueves, 12 de marzo de 2026' }));
      expect(context().selection.date).toBe('2026-03-12');
      expect(dayGrid()).toHaveAccessibleName('Agenda del jueves, 12 de marzo de 2026');
    });
  });

  describe('urgent escalation', () => {
    it('closes the agenda for the patient and leaves only "finish"', async () => {
      const { user, actor } = setup({ options: { urgent: true } });
      const urgent = screen.getByRole('group', { name: 'Urgencia' });
      await user.selectOptions(within(urgent).getByRole('combobox', { name: 'Canalizar a' }), 'Triage de urgencias');
      await user.click(within(urgent).getByRole('button', { name: 'Canalizar al paciente' }));
      expect(actor.getSnapshot().value).toBe('escalated');
      expect(screen.getByText(/Paciente canalizado a: Triage de urgencias/)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Buscar horarios' })).toBeDisabled();
      await user.click(screen.getByRole('button', { name: 'Terminar con la agenda' }));
      expect(actor.getSnapshot().status).toBe('done');
      expect(screen.getByText('Tarea de agenda terminada.')).toBeInTheDocument();
    });
  });

  describe('in English', () => {
    it('labels the screen in English and shows dates the English way', () => {
      setup({ lang: 'en' });
      expect(screen.getByRole('heading', { name: 'Appointment scheduler — UMF 99 Centro' })).toBeInTheDocument();
      expect(screen.getByRole('table', { name: 'Schedule for Tuesday, March 10, 2026' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Search for times' })).toBeInTheDocument();
      expect(screen.getByRole('combobox', { name: 'Visit type' })).toHaveDisplayValue('Choose the visit type');
    });
  });
});
