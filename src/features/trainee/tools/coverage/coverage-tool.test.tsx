// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import type userEvent from '@testing-library/user-event';
import type { Lang, LocalizedText } from '../../../../domain/text';
import type { Clinic, Coverage, Person } from '../../../../domain/types';
import { coverageInput, coverageWorkflow } from '../../../../machines/coverage/definition';
import type { CoverageOptions } from '../../../../machines/coverage/types';
import { gloria, makeCase, sampleClinic } from '../../../../machines/test-fixtures';
import type { ServiceStates, WorkflowCase } from '../../../../machines/workflow';
import CoverageTool from './coverage-tool';
import { renderTool } from '../tool-harness';
import type { ToolEvent } from '../tool-props';

// A full desk screen in jsdom renders slowly on a busy machine: allow more than the 5 s default.
vi.setConfig({ testTimeout: 20_000 });

// ---------------------------------------------------------------------------------------------
// Harness: a real coverage actor; `send` validates like the run does, forwards and re-renders.
// ---------------------------------------------------------------------------------------------

const PRIVATE_CLINIC: Clinic = sampleClinic({ id: 'clinica-del-valle', name: 'Clínica Privada del Valle', kind: 'private', umf: undefined });
const GNP: Coverage = { kind: 'private', insurer: 'GNP', policy: 'GMM-123456', inForce: true, inNetwork: true, deductible: 15000, coinsurance: 0.1 };
const insured = (coverage: Partial<Coverage> = {}): Person => gloria({ coverage: { ...GNP, ...coverage } });
const imss = (coverage: Partial<Coverage> = {}) => gloria({ coverage: { kind: 'imss', nss: '72795608040', status: 'active', umf: 12, ...coverage } });

interface Setup {
  patient?: Person;
  clinic?: Clinic;
  options?: CoverageOptions;
  services?: Partial<ServiceStates>;
  lang?: Lang;
  refuse?: (e: ToolEvent) => LocalizedText | null;
}

function setup({ patient = imss(), clinic, options = {}, services, lang = 'es-MX', refuse }: Setup = {}) {
  const c: WorkflowCase<CoverageOptions> = makeCase(patient, options, { ...(clinic ? { clinic } : {}), ...(services ? { services } : {}) });
  return renderTool(CoverageTool, { ...coverageWorkflow, input: coverageInput }, c, { lang, ...(refuse ? { refuse } : {}) });
}

const choosePayer = async (user: ReturnType<typeof userEvent.setup>, name: string) => {
  await user.click(screen.getByRole('radio', { name }));
  await user.click(screen.getByRole('button', { name: 'Registrar pagador' }));
};

// ---------------------------------------------------------------------------------------------

describe('CoverageTool', () => {
  it('offers every payer and opens the screen of the one chosen', async () => {
    const { user, context } = setup();
    const payers = within(screen.getByRole('group', { name: '¿Quién paga la atención?' })).getAllByRole('radio');
    expect(payers.map((r) => r.getAttribute('value'))).toEqual(['imss', 'issste', 'imss-bienestar', 'pemex', 'sedena', 'semar', 'private', 'none']);
    expect(screen.getByText(/Registre primero quién paga/)).toBeInTheDocument();

    await choosePayer(user, 'ISSSTE');
    expect(context().payer).toBe('issste');
    expect(screen.getByRole('heading', { name: 'Credencial de afiliación — ISSSTE' })).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Número de afiliación' }), 'ISS-000{Enter}');
    expect(screen.getByText(/ISS-000: no se encontró en el padrón/)).toBeInTheDocument();
  });

  it('says so when no payer was chosen instead of sending an empty one', async () => {
    const { user, sent } = setup();
    await user.click(screen.getByRole('button', { name: 'Registrar pagador' }));
    expect(screen.getByRole('group', { name: '¿Quién paga la atención?' })).toHaveAccessibleDescription('Elija quién paga antes de registrar.');
    expect(sent).toEqual([]);
  });

  describe('the IMSS rights portal', () => {
    it('shows the rights, the UMF and the portal’s note after a lookup', async () => {
      const { user, context } = setup({ patient: imss({ umf: 7 }) });
      await choosePayer(user, 'IMSS');
      await user.type(screen.getByRole('textbox', { name: 'CURP' }), 'HEGG560427MVZRRL04');
      await user.type(screen.getByRole('textbox', { name: /NSS/ }), '72795608040');
      await user.click(screen.getByRole('button', { name: 'Consultar vigencia' }));

      const result = screen.getByRole('region', { name: 'Resultado de la consulta' });
      expect(within(result).getByText('Vigente')).toBeInTheDocument();
      expect(within(result).getByText('UMF 7')).toBeInTheDocument();
      expect(screen.getByRole('status')).toHaveTextContent('Resultado de la consulta: Vigente.');

      // Telling the patient their own UMF.
      await user.type(screen.getByRole('textbox', { name: 'UMF de adscripción' }), '7{Enter}');
      expect(context().imss.umfReferral?.umf).toBe(7);
    });

    it('marks a UMF number the referral cannot take on its field, and sends nothing', async () => {
      const { user, context } = setup({ patient: imss({ umf: 7 }) });
      await choosePayer(user, 'IMSS');
      await user.type(screen.getByRole('textbox', { name: 'CURP' }), 'HEGG560427MVZRRL04');
      await user.type(screen.getByRole('textbox', { name: /NSS/ }), '72795608040{Enter}');
      // UMF numbers stop at 9999: the referral event's schema says so, and the form asks it.
      const umf = screen.getByRole('textbox', { name: 'UMF de adscripción' });
      await user.type(umf, '10000{Enter}');
      expect(umf).toBeInvalid();
      expect(umf).toHaveAccessibleDescription('Escriba el número de la UMF (solo dígitos).');
      expect(screen.queryByText(/No se aceptó la acción/)).not.toBeInTheDocument();
      expect(context().imss.umfReferral).toBeNull();
    });

    it('shows the format problems when the portal refuses the CURP or NSS', async () => {
      const { user } = setup();
      await choosePayer(user, 'IMSS');
      await user.type(screen.getByRole('textbox', { name: 'CURP' }), 'HEGG560427MVZRRL04');
      await user.type(screen.getByRole('textbox', { name: /NSS/ }), '72795608041{Enter}');
      const result = screen.getByRole('region', { name: 'Resultado de la consulta' });
      expect(within(result).getByText('El portal no aceptó los datos capturados:')).toBeInTheDocument();
      expect(within(result).getAllByRole('listitem').length).toBeGreaterThan(0);
    });

    it('shows conservation of rights with its end date', async () => {
      const { user } = setup({ patient: imss({ status: 'conservation', daysSinceLastContribution: 20 }) });
      await choosePayer(user, 'IMSS');
      await user.type(screen.getByRole('textbox', { name: 'CURP' }), 'HEGG560427MVZRRL04');
      await user.type(screen.getByRole('textbox', { name: /NSS/ }), '72795608040{Enter}');
      const result = screen.getByRole('region', { name: 'Resultado de la consulta' });
      expect(within(result).getByText('Conservación de derechos')).toBeInTheDocument();
      expect(within(result).getByText('Vigente hasta').nextSibling).toHaveTextContent(/de 2026/);
    });

    it('says "servicio no disponible" when the portal is down, with retry and the fallback', async () => {
      const { user, context } = setup({ services: { imssPortal: 'down' } });
      await choosePayer(user, 'IMSS');
      await user.type(screen.getByRole('textbox', { name: 'CURP' }), 'HEGG560427MVZRRL04');
      await user.type(screen.getByRole('textbox', { name: /NSS/ }), '72795608040{Enter}');
      expect(screen.getAllByText('Servicio no disponible. El portal no respondió.').length).toBeGreaterThan(0);

      await user.click(screen.getByRole('button', { name: 'Reintentar la consulta' }));
      expect(context().imss.lookups).toHaveLength(2);
      expect(context().imss.lookups[1]).toMatchObject({ curp: 'HEGG560427MVZRRL04', nss: '72795608040' });

      await user.click(screen.getByRole('button', { name: 'Anotar la falla y pedir la constancia de vigencia' }));
      expect(context().imss.constanciaRequested).not.toBeNull();
      expect(screen.getByText('Falla anotada; se pidió la constancia de vigencia.')).toBeInTheDocument();
    });
  });

  describe('private insurance', () => {
    const arrange: Setup = { patient: insured({ cap: 10000 }), clinic: PRIVATE_CLINIC, options: { bill: 150000 } };

    it('shows the policy terms from the insurer portal', async () => {
      const { user } = setup(arrange);
      await choosePayer(user, 'Seguro de gastos médicos');
      await user.type(screen.getByRole('combobox', { name: 'Aseguradora' }), 'GNP');
      await user.type(screen.getByRole('textbox', { name: 'Número de póliza' }), 'GMM-123456{Enter}');
      const result = screen.getByRole('region', { name: 'Datos de la póliza' });
      const value = (term: string) => within(result).getByText(term).nextSibling;
      expect(value('Póliza vigente')).toHaveTextContent('Sí');
      expect(value('Clínica en red')).toHaveTextContent('Sí');
      expect(value('Deducible')).toHaveTextContent('$15,000.00');
      expect(value('Coaseguro')).toHaveTextContent('10 %');
      expect(value('Tope de coaseguro')).toHaveTextContent('$10,000.00');
    });

    it('works out the share in MXN and records the amount the trainee quotes, then tells the patient', async () => {
      const { user, context } = setup(arrange);
      expect(screen.getByRole('textbox', { name: 'Importe (MXN)' })).toHaveValue('150000');
      const setValue = async (name: string, value: string) => {
        const input = screen.getByRole('textbox', { name });
        await user.clear(input);
        await user.type(input, value);
      };
      await setValue('Deducible (MXN)', '15,000');
      await setValue('Coaseguro (%)', '10');
      const calc = screen.getByRole('table', { name: 'Cálculo' });
      expect(within(calc).getByRole('row', { name: /Total a cargo del paciente/ })).toHaveTextContent('$28,500.00');
      expect(within(calc).getByRole('row', { name: /A cargo de la aseguradora/ })).toHaveTextContent('$121,500.00');

      await setValue('Tope del coaseguro (MXN)', '10000');
      expect(within(calc).getByRole('row', { name: /Total a cargo del paciente/ })).toHaveTextContent('$25,000.00');

      await user.click(screen.getByRole('button', { name: 'Usar este total como cantidad a cobrar' }));
      await user.click(screen.getByRole('button', { name: 'Registrar cantidad' }));
      expect(context().quote?.amount).toBe(25000);
      await user.click(screen.getByRole('button', { name: 'Informar la cantidad al paciente' }));
      expect(screen.getByText('Se informó al paciente: $25,000.00.')).toBeInTheDocument();
    });

    it('lets the trainee quote another amount than the calculator’s (the machine judges it)', async () => {
      const { user, context } = setup(arrange);
      await user.type(screen.getByRole('textbox', { name: 'Cantidad que paga el paciente (MXN)' }), '$150,000.00{Enter}');
      expect(context().quote?.amount).toBe(150000);
      await user.clear(screen.getByRole('textbox', { name: 'Cantidad que paga el paciente (MXN)' }));
      await user.type(screen.getByRole('textbox', { name: 'Cantidad que paga el paciente (MXN)' }), 'mucho{Enter}');
      expect(screen.getByRole('textbox', { name: 'Cantidad que paga el paciente (MXN)' })).toHaveAccessibleDescription(/Escriba una cantidad en pesos/);
    });

    it('records the authorisation letter, or says the patient has none', async () => {
      const { user, context } = setup(arrange);
      await choosePayer(user, 'Seguro de gastos médicos');
      await user.click(screen.getByRole('button', { name: 'Registrar la carta de autorización del paciente' }));
      expect(context().insurer.authorization?.letterOnFile).toBe(false);
      expect(screen.getByText('El paciente no presentó carta de autorización.')).toBeInTheDocument();
    });
  });

  it('sends the patient to care now and closes with the emergency route', async () => {
    const { user, actor, context } = setup({ options: { urgent: true } });
    await user.click(screen.getByRole('button', { name: 'Pasar a atención inmediata (urgencia)' }));
    expect(context().sentToCare).not.toBeNull();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vía de atención y pago' }), 'Urgencia: atención inmediata');
    await user.click(screen.getByRole('button', { name: 'Terminar verificación' }));
    expect(actor.getSnapshot().value).toBe('completed');
    expect(screen.getByText('Verificación terminada. Vía: Urgencia: atención inmediata.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Terminar verificación' })).toBeDisabled();
  });

  it('shows the machine’s refusal when closing without a payer', async () => {
    const { user } = setup();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Vía de atención y pago' }), 'Pago en caja');
    await user.click(screen.getByRole('button', { name: 'Terminar verificación' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Primero identifique quién paga.');
  });

  it('shows a refusal from the run instead of swallowing it', async () => {
    const { user } = setup({ refuse: () => ({ 'es-MX': 'El caso ya terminó.', en: 'The case has already ended.' }) });
    await user.click(screen.getByRole('button', { name: 'Informar la cantidad al paciente' }));
    // Shown beside the tool; the desk's alert is the one that announces it (desk-refusal.test.tsx).
    expect(screen.getByText('No se aceptó la acción: El caso ya terminó.')).toBeVisible();
    expect(screen.getByRole('alert')).not.toHaveTextContent('El caso ya terminó.');
  });

  it('works with the keyboard alone: payer, lookup and route', async () => {
    const { user, context } = setup();
    screen.getByRole('radio', { name: 'IMSS' }).focus();
    await user.keyboard(' ');
    // The radio group is one tab stop: the next one is the submit button.
    await user.tab();
    expect(screen.getByRole('button', { name: 'Registrar pagador' })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(context().payer).toBe('imss');
    screen.getByRole('textbox', { name: 'CURP' }).focus();
    await user.keyboard('HEGG560427MVZRRL04');
    await user.tab();
    await user.keyboard('72795608040{Enter}');
    expect(context().imss.answer).toMatchObject({ result: 'found', status: 'active' });
  });

  it('speaks English when the interface is in English', async () => {
    const { user } = setup({ lang: 'en' });
    await user.click(screen.getByRole('radio', { name: 'IMSS' }));
    await user.click(screen.getByRole('button', { name: 'Record the payer' }));
    expect(screen.getByRole('heading', { name: 'Rights check (vigencia de derechos) — IMSS' })).toBeInTheDocument();
    expect(screen.getByText('Payer recorded: IMSS.')).toBeInTheDocument();
  });
});
