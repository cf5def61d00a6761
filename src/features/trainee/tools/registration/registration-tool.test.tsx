// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type { Lang, LocalizedText } from '../../../../domain/text';
import type { Person } from '../../../../domain/types';
import { registrationInput, registrationWorkflow } from '../../../../machines/registration/definition';
import type { ClinicRecord, RegistrationOptions } from '../../../../machines/registration/types';
import { gloria, juan, makeCase, sofia } from '../../../../machines/test-fixtures';
import type { WorkflowCase } from '../../../../machines/workflow';
import RegistrationTool from './registration-tool';
import { renderTool } from '../tool-harness';
import type { ToolEvent } from '../tool-props';

// A full desk screen in jsdom renders slowly on a busy machine: allow more than the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

// ---------------------------------------------------------------------------------------------
// Harness: a real registration actor; `send` validates like the run does, forwards and re-renders.
// ---------------------------------------------------------------------------------------------

/** Gloria's own record (EXP-0202) and a namesake born in 1970 (EXP-0101). */
const RECORDS: ClinicRecord[] = [
  { recordId: 'EXP-0101', name: { given: 'Gloria', first: 'Hernández', second: 'García' }, birth: '1970-08-12', curp: 'HEGG700812MDFRRL04' },
  {
    recordId: 'EXP-0202',
    name: { given: 'Gloria', first: 'Hernández', second: 'García' },
    birth: '1956-04-27',
    curp: 'HEGG560427MVZRRL04',
    sex: 'M',
    address: 'Calle 5 de Mayo 12, Col. Centro, Ciudad de México',
  },
];

interface Setup {
  patient?: Person;
  people?: Person[];
  options?: RegistrationOptions;
  lang?: Lang;
  /** Makes the run refuse an event, as the engine does for a finished case. */
  refuse?: (e: ToolEvent) => LocalizedText | null;
}

function setup({ patient = gloria(), people = [], options = { records: RECORDS }, lang = 'es-MX', refuse }: Setup = {}) {
  const c: WorkflowCase<RegistrationOptions> = makeCase(patient, options, { people });
  return renderTool(RegistrationTool, { ...registrationWorkflow, input: registrationInput }, c, { lang, ...(refuse ? { refuse } : {}) });
}

const field = (name: string | RegExp) => screen.getByRole('textbox', { name });

// ---------------------------------------------------------------------------------------------

describe('RegistrationTool', () => {
  describe('when searching the records', () => {
    it('lists namesakes with record id, birth date and CURP, and opening one fills the form', async () => {
      const { user, context } = setup();
      await user.type(screen.getByRole('searchbox', { name: 'Nombre o CURP' }), 'Gloria Hernández{Enter}');

      const table = screen.getByRole('table', { name: /Resultados para «Gloria Hernández»: 2/ });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((r) => within(r).getByRole('rowheader').textContent)).toEqual(['EXP-0101', 'EXP-0202']);
      expect(within(rows[0]!).getByText('HEGG700812MDFRRL04')).toBeInTheDocument();
      expect(within(rows[0]!).getByText('12 de agosto de 1970')).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent('2 expedientes encontrados');

      await user.click(screen.getByRole('button', { name: 'Abrir expediente EXP-0202' }));
      expect(context().lookup.openedRecordId).toBe('EXP-0202');
      expect(screen.getByText('Expediente abierto: EXP-0202')).toBeInTheDocument();
      expect(field('Nombre(s)')).toHaveValue('Gloria');
      expect(field('CURP')).toHaveValue('HEGG560427MVZRRL04');
    });

    it('can open the namesake too: the tool does not stop the mistake', async () => {
      const { user, context } = setup();
      await user.type(screen.getByRole('searchbox', { name: 'Nombre o CURP' }), 'Gloria{Enter}');
      await user.click(screen.getByRole('button', { name: 'Abrir expediente EXP-0101' }));
      expect(context().lookup.openedRecordId).toBe('EXP-0101');
      expect(field('Fecha de nacimiento')).toHaveValue('1970-08-12');
    });

    it('closes an open record to start a new one', async () => {
      const { user, context } = setup();
      await user.type(screen.getByRole('searchbox', { name: 'Nombre o CURP' }), 'Gloria{Enter}');
      await user.click(screen.getByRole('button', { name: 'Abrir expediente EXP-0202' }));
      await user.click(screen.getByRole('button', { name: 'Cerrar este expediente y crear uno nuevo' }));
      expect(context().lookup.openedRecordId).toBeNull();
      expect(field('Nombre(s)')).toHaveValue('');
      expect(field('Nombre(s)')).toHaveFocus();
    });

    it('shows the machine’s refusal of an empty search', async () => {
      const { user } = setup();
      await user.click(screen.getByRole('button', { name: 'Buscar' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Escriba un nombre o una CURP para buscar.');
    });
  });

  describe('when typing the CURP', () => {
    it('checks it live but sends one `enter` only when the field is left', async () => {
      const { user, sent, context } = setup();
      const curp = field('CURP');
      await user.type(curp, 'HEGG560427MVZRRL05');
      // Wrong check digit: the problem is on screen while the trainee is still in the field.
      expect(curp).toHaveAccessibleDescription(/dígito verificador/i);
      expect(screen.getByText(/Verificación de la CURP: 1 observación/)).toBeInTheDocument();
      expect(sent.filter((e) => e.type === 'registration.enter')).toEqual([]);

      await user.tab();
      expect(sent.filter((e) => e.type === 'registration.enter')).toEqual([{ type: 'registration.enter', field: 'curp', value: 'HEGG560427MVZRRL05' }]);
      expect(context().curpCheck?.valid).toBe(false);
    });

    it('commits on Enter and shows the state the CURP names', async () => {
      const { user, context } = setup();
      await user.type(field('CURP'), 'HEGG560427MVZRRL04{Enter}');
      expect(context().form.curp).toBe('HEGG560427MVZRRL04');
      expect(screen.getByText(/Estructura y dígito verificador sin observaciones/)).toBeInTheDocument();
      expect(screen.getByText('Entidad de nacimiento según la CURP: Veracruz (VZ)')).toBeInTheDocument();
    });

    it('does not resend a value that did not change', async () => {
      const { user, sent } = setup();
      await user.type(field('Primer apellido'), 'Hernández');
      await user.tab();
      await user.click(field('Primer apellido'));
      await user.tab();
      expect(sent.filter((e) => e.type === 'registration.enter')).toHaveLength(1);
    });
  });

  describe('privacy notice and consent', () => {
    it('shows the notice with necessary and voluntary purposes once it is handed over', async () => {
      const { user, context } = setup();
      expect(screen.queryByRole('article', { name: 'Aviso de privacidad integral' })).toBeNull();
      await user.click(screen.getByRole('button', { name: 'Entregar y explicar el aviso de privacidad' }));
      const notice = screen.getByRole('article', { name: 'Aviso de privacidad integral' });
      expect(within(notice).getByRole('heading', { name: /Finalidades necesarias/ })).toBeInTheDocument();
      expect(within(notice).getByRole('heading', { name: /Finalidades voluntarias/ })).toBeInTheDocument();
      // A public IMSS unit: the general law for public bodies, with the private-sector law named.
      expect(notice).toHaveTextContent('LGPDPPSO');
      expect(notice).toHaveTextContent('LFPDPPP');
      expect(notice).toHaveTextContent('UMF 12 Centro');
      expect(context().privacyNotice).not.toBeNull();
    });

    it('records who signs and whether the voluntary purposes are accepted', async () => {
      const { user, context } = setup({ patient: sofia(), people: [juan()] });
      const signer = screen.getByRole('group', { name: '¿Quién firma?' });
      await user.click(within(signer).getByRole('radio', { name: 'Juan López Pérez (padre)' }));
      await user.click(screen.getByRole('radio', { name: 'Las acepta' }));
      await user.click(screen.getByRole('button', { name: 'Registrar consentimiento firmado' }));
      expect(context().consent).toMatchObject({ signedBy: 'guardian', voluntaryPurposes: true });
      expect(screen.getByText('Consentimiento firmado por Juan López Pérez; finalidades voluntarias: aceptadas.')).toBeInTheDocument();
    });

    it('lets the trainee type health data before consent (the machine records it) and marks those fields sensitive', async () => {
      const { user, context } = setup();
      const allergies = field(/Alergias/);
      expect(allergies).toHaveAccessibleName('Alergias (dato sensible)');
      expect(screen.getByRole('group', { name: /SENSIBLE Datos de salud/ })).toBeInTheDocument();
      await user.type(allergies, 'Penicilina');
      await user.tab();
      expect(context().entries).toEqual([expect.objectContaining({ field: 'allergies', sensitive: true, afterConsent: false })]);
    });
  });

  describe('official ID', () => {
    it('shows the documents handed over and records the trainee’s verdict', async () => {
      const { user, context } = setup({ patient: sofia(), people: [juan()] });
      await user.click(screen.getByRole('button', { name: 'Pedir identificación a Juan' }));
      expect(screen.getByRole('figure', { name: /Credencial para votar \(INE\)/ })).toHaveTextContent('LOPJ880115HDFPRN06');
      const verdict = screen.getByRole('group', { name: 'Dictamen de la identificación de Juan López Pérez' });
      await user.click(within(verdict).getByRole('button', { name: 'No coincide' }));
      expect(context().identity.idVerdicts).toEqual([expect.objectContaining({ personId: 'guardian', verdict: 'mismatch' })]);
      expect(screen.getByText('Dictamen registrado: no coincide.')).toBeInTheDocument();
    });
  });

  describe('when saving', () => {
    it('shows the per-field errors the machine records on a rejected save, tied to each field', async () => {
      const { user, context } = setup();
      await user.click(screen.getByRole('button', { name: 'Guardar registro' }));
      expect(context().saveAttempts).toBe(1);
      expect(screen.getByRole('alert')).toHaveTextContent('No se pudo guardar: revise los campos marcados.');
      expect(field('Nombre(s)')).toHaveAccessibleDescription('Escriba el nombre.');
      expect(field('Nombre(s)')).toBeInvalid();
      expect(screen.getByRole('group', { name: /El sistema no guardó: 7 campos por corregir/ })).toBeInTheDocument();
      expect(screen.getByRole('group', { name: 'Consentimiento expreso' })).toHaveAccessibleDescription(/Falta el consentimiento expreso/);

      // Fixing a field clears its error on screen.
      await user.type(field('Nombre(s)'), 'Gloria{Enter}');
      expect(field('Nombre(s)')).not.toBeInvalid();
    });

    it('asks for the guardian when the birth date typed is a minor’s', async () => {
      const { user } = setup({ patient: sofia(), people: [juan()] });
      expect(screen.getByText('Obligatorio cuando el paciente es menor de edad.')).toBeInTheDocument();
      await user.type(field(/^Fecha de nacimiento/), '2015-03-10{Enter}');
      expect(screen.getByText(/Obligatorio: según la fecha de nacimiento capturada, el paciente es menor de edad/)).toBeInTheDocument();
    });

    it('completes a whole registration with the keyboard alone', async () => {
      const { user, context } = setup();
      const typeInto = async (name: string | RegExp, value: string) => {
        field(name).focus();
        await user.keyboard(`${value}{Enter}`);
      };
      screen.getByRole('button', { name: 'Entregar y explicar el aviso de privacidad' }).focus();
      await user.keyboard('{Enter}');
      screen.getByRole('button', { name: 'Registrar consentimiento firmado' }).focus();
      await user.keyboard('{Enter}');
      await typeInto('Nombre(s)', 'Gloria');
      await typeInto('Primer apellido', 'Hernández');
      await typeInto('Segundo apellido', 'García');
      await typeInto(/^Fecha de nacimiento/, '1956-04-27');
      screen.getByRole('combobox', { name: 'Sexo' }).focus();
      await user.selectOptions(screen.getByRole('combobox', { name: 'Sexo' }), 'M');
      await typeInto('CURP', 'HEGG560427MVZRRL04');
      await typeInto('Domicilio', 'Calle 5 de Mayo 12, Col. Centro, Ciudad de México');
      screen.getByRole('button', { name: 'Leer los datos al paciente' }).focus();
      await user.keyboard('{Enter}');
      expect(screen.getByText('Datos leídos al paciente: 1 vez.')).toBeInTheDocument();
      await user.tab();
      expect(screen.getByRole('button', { name: 'Guardar registro' })).toHaveFocus();
      await user.keyboard('{Enter}');

      expect(context().saved).toMatchObject({ createdNew: true });
      expect(screen.getByText(/Registro guardado: se creó el expediente new-3/)).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Guardar registro' })).toBeDisabled();
    });

    it('asks before cancelling', async () => {
      const { user, actor } = setup();
      await user.click(screen.getByRole('button', { name: 'Cancelar registro' }));
      expect(screen.getByRole('button', { name: 'Sí, cancelar' })).toHaveFocus();
      await user.keyboard('{Enter}');
      expect(actor.getSnapshot().value).toBe('cancelled');
      expect(screen.getByText('El registro se canceló. No se guardó ningún dato.')).toBeInTheDocument();
    });
  });

  it('requests an interpreter in the chosen language', async () => {
    const { user, context } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Lengua' }), 'Tsotsil');
    await user.click(screen.getByRole('button', { name: 'Solicitar intérprete' }));
    expect(context().interpreter?.language).toBe('tzo');
    expect(screen.getByText('Intérprete solicitado: Tsotsil.')).toBeInTheDocument();
  });

  it('shows a refusal from the run instead of swallowing it', async () => {
    const { user } = setup({ refuse: () => ({ 'es-MX': 'El caso ya terminó.', en: 'The case has already ended.' }) });
    await user.click(screen.getByRole('button', { name: 'Leer los datos al paciente' }));
    // Shown beside the tool; the desk's alert is the one that announces it (desk-refusal.test.tsx).
    expect(screen.getByText('No se aceptó la acción: El caso ya terminó.')).toBeVisible();
    expect(screen.getByRole('alert')).not.toHaveTextContent('El caso ya terminó.');
  });

  it('speaks English when the interface is in English', async () => {
    const { user } = setup({ lang: 'en' });
    expect(screen.getByRole('heading', { name: 'Record search' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save record' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not save: check the highlighted fields.');
    expect(field('Given name(s)')).toHaveAccessibleDescription('Enter the given name.');
  });
});
