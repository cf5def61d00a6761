// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Lang, LocalizedText } from '../../../../domain/text';
import { roomPrepWorkflow } from '../../../../machines/room-prep/definition';
import type { RoomPrepOptions } from '../../../../machines/room-prep/types';
import { gloria, makeCase } from '../../../../machines/test-fixtures';
import type { WorkflowCase } from '../../../../machines/workflow';
import RoomPrepTool from './room-prep-tool';
import { renderTool } from '../tool-harness';
import type { ToolEvent } from '../tool-props';

vi.setConfig({ testTimeout: 30_000 });

// ---------------------------------------------------------------------------------------------
// Harness: a real room-prep actor; `send` validates like the run does, forwards and re-renders.
// ---------------------------------------------------------------------------------------------

interface Setup {
  options?: RoomPrepOptions;
  lang?: Lang;
  refuse?: (e: ToolEvent) => LocalizedText | null;
}

function setup({ options = {}, lang = 'es-MX', refuse }: Setup = {}) {
  const c: WorkflowCase<RoomPrepOptions> = makeCase(gloria(), options);
  return renderTool(RoomPrepTool, roomPrepWorkflow, c, { lang, ...(refuse ? { refuse } : {}) });
}

type User = ReturnType<typeof userEvent.setup>;

// A room after a blood draw: visible blood, a needle, gauze, a wrapper, the sharps container at 85%.
const messy: RoomPrepOptions = {
  organicMatter: true,
  waste: ['needle', 'blood-soaked-gauze', 'wrapper'],
  containers: { sharps: 85 },
  lowSupplies: ['gloves'],
  outOfStock: ['table-paper'],
  present: ['adult-scale', 'thermometer', 'glucometer', 'bp-cuff', 'exam-table'],
};

const SHARPS = 'Recipiente rígido rojo (punzocortantes)';
const meter = (container: string) => screen.getByRole('meter', { name: `Llenado de: ${container}` });
const fact = (term: string) => screen.getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement;
const wasteList = () => screen.getByRole('region', { name: 'Residuos en el consultorio' });

async function dispose(user: User, item: string, container: string) {
  await user.selectOptions(within(wasteList()).getByRole('combobox', { name: `Contenedor para: ${item}` }), container);
  await user.click(within(wasteList()).getByRole('button', { name: `Desechar ${item}` }));
}

// ---------------------------------------------------------------------------------------------

describe('RoomPrepTool', () => {
  it('shows the room as found: board status, visible blood, waste, container fill', () => {
    setup({ options: messy });
    expect(screen.getByRole('heading', { name: 'Preparación de consultorio — Consultorio 1' })).toBeInTheDocument();
    expect(fact('Estado en el tablero')).toHaveTextContent('Sucio');
    expect(screen.getByText('Hay sangre o materia orgánica visible en las superficies.')).toBeInTheDocument();
    for (const item of ['Aguja usada', 'Gasa empapada de sangre', 'Envoltura de jeringa o gasa']) {
      // No container is preselected: choosing it is the exercise.
      expect(within(wasteList()).getByRole('combobox', { name: `Contenedor para: ${item}` })).toHaveDisplayValue('Elija el contenedor');
    }
    const sharps = meter(SHARPS);
    expect(sharps).toHaveAttribute('aria-valuenow', '85');
    expect(sharps).toHaveAttribute('aria-valuetext', '85 %');
    expect(sharps.parentElement).toHaveTextContent('85 %');
    expect(meter('Bolsa roja')).toHaveAttribute('aria-valuenow', '0');
  });

  describe('cleaning', () => {
    it('records the steps in the order pressed, wrong order included, and lists the steps neutrally', async () => {
      const { user, context } = setup({ options: messy });
      const steps = within(screen.getByRole('list', { name: 'Pasos de limpieza' })).getAllByRole('button');
      const names = steps.map((b) => b.textContent ?? '');
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'es-MX')));
      expect(names).toHaveLength(10);

      await user.click(screen.getByRole('button', { name: 'Trapear el piso de adentro hacia la puerta' }));
      await user.click(screen.getByRole('button', { name: 'Limpiar superficies altas (repisas, lámpara)' }));
      expect(context().cleaning.done).toEqual(['mop-floor', 'clean-high-surfaces']);
      const done = screen.getByRole('list', { name: 'Pasos realizados, en orden' });
      expect(within(done).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
        'Trapear el piso de adentro hacia la puerta',
        'Limpiar superficies altas (repisas, lámpara)',
      ]);
      expect(fact('Estado en el tablero')).toHaveTextContent('En limpieza');
      expect(screen.getByRole('status')).toHaveTextContent('Paso hecho: Limpiar superficies altas (repisas, lámpara).');
    });
  });

  describe('waste', () => {
    it('puts an item in the container chosen, fills the meter and leaves no verdict on screen', async () => {
      const { user, context } = setup({ options: messy });
      await dispose(user, 'Gasa empapada de sangre', 'Bolsa roja');
      expect(meter('Bolsa roja')).toHaveAttribute('aria-valuetext', '5 %');
      expect(within(wasteList()).queryByRole('combobox', { name: 'Contenedor para: Gasa empapada de sangre' })).not.toBeInTheDocument();
      expect(within(wasteList()).getByText('Gasa empapada de sangre → Bolsa roja')).toBeInTheDocument();
      expect(fact('Sus manos')).toHaveTextContent('Expuestas a sangre, líquidos o RPBI');

      // A wrong container is the trainee's to choose: recorded by the machine, not judged here.
      await dispose(user, 'Aguja usada', 'Bote de basura común');
      expect(context().waste.disposals.at(-1)).toMatchObject({ item: 'needle', container: 'ordinary' });
      expect(meter('Bote de basura común')).toHaveAttribute('aria-valuetext', '2 %');
      expect(screen.queryByText(/NOM-087/)).not.toBeInTheDocument();
      expect(screen.queryByRole('alert')).toBeEmptyDOMElement();
    });

    it('keeps the other rows as they were after a disposal, and moves focus to the next picker', async () => {
      const { user, context } = setup({ options: { waste: ['needle', 'needle', 'wrapper'] } });
      const pickers = () => within(wasteList()).getAllByRole('combobox', { name: 'Contenedor para: Aguja usada' });
      await user.selectOptions(pickers()[1]!, 'Bolsa roja');
      await user.selectOptions(pickers()[0]!, SHARPS);
      await user.click(within(wasteList()).getAllByRole('button', { name: 'Desechar Aguja usada' })[0]!);
      expect(context().waste.disposals).toMatchObject([{ item: 'needle', container: 'sharps' }]);
      // The second needle keeps the container the trainee had picked for it, and has the focus.
      expect(pickers()).toHaveLength(1);
      expect(pickers()[0]).toHaveDisplayValue('Bolsa roja');
      // The focus moves after the frame that acknowledges the action.
      await waitFor(() => expect(pickers()[0]).toHaveFocus());
    });

    it('asks for a container before disposing, tied to the picker, and sends nothing', async () => {
      const { user, sent } = setup({ options: messy });
      await user.click(within(wasteList()).getByRole('button', { name: 'Desechar Envoltura de jeringa o gasa' }));
      const picker = within(wasteList()).getByRole('combobox', { name: 'Contenedor para: Envoltura de jeringa o gasa' });
      expect(picker).toHaveAccessibleDescription('Elija un contenedor antes de desechar.');
      expect(picker).toHaveAttribute('aria-invalid', 'true');
      expect(sent).toEqual([]);
    });

    it('shows the refusal of a full container, then replaces it and empties the meter', async () => {
      const { user, context } = setup({ options: { waste: ['needle'], containers: { sharps: 100 } } });
      await dispose(user, 'Aguja usada', SHARPS);
      // The refusal is drawn with the action's new view, after the frame that acknowledges it.
      await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(`${SHARPS} está lleno y no cierra: sustitúyalo.`));
      expect(context().waste.pending).toEqual(['needle']);

      await user.click(screen.getByRole('button', { name: `Sustituir ${SHARPS}` }));
      expect(meter(SHARPS)).toHaveAttribute('aria-valuetext', '0 %');
      await waitFor(() => expect(screen.getByRole('alert')).toBeEmptyDOMElement());
      expect(screen.getByText(`${SHARPS}, cerrado al 100 %`)).toBeInTheDocument();
      await dispose(user, 'Aguja usada', SHARPS);
      expect(meter(SHARPS)).toHaveAttribute('aria-valuetext', '2 %');
      expect(screen.getByText('No quedan residuos a la vista.')).toBeInTheDocument();
    });
  });

  describe('hands, equipment, supplies and privacy', () => {
    it('performs hand hygiene with the moment named, or none', async () => {
      const { user, context } = setup({ options: messy });
      const hygiene = screen.getByRole('group', { name: 'Higiene de manos' });
      const moments = within(hygiene).getByRole('combobox', { name: 'Momento de la OMS' });
      expect(within(moments).getAllByRole('option')).toHaveLength(6);
      await user.click(within(hygiene).getByRole('button', { name: 'Hacer higiene de manos' }));
      await user.selectOptions(moments, '3. Después del riesgo de exposición a líquidos corporales');
      await user.click(within(hygiene).getByRole('button', { name: 'Hacer higiene de manos' }));
      expect(context().handHygiene.map((h) => h.moment)).toEqual([null, 'after-body-fluid']);
      expect(fact('Sus manos')).toHaveTextContent('Recién higienizadas');
    });

    it('places missing equipment, restocks supplies and says when the stockroom has none', async () => {
      const { user } = setup({ options: messy });
      const equipment = screen.getByRole('table', { name: 'Equipo del consultorio' });
      const stethoscope = within(equipment).getByRole('rowheader', { name: 'Estetoscopio' }).closest('tr') as HTMLElement;
      expect(stethoscope).toHaveTextContent('No está');
      await user.click(within(stethoscope).getByRole('button', { name: 'Colocar Estetoscopio' }));
      expect(stethoscope).toHaveTextContent('En el consultorio');
      expect(within(stethoscope).queryByRole('button')).not.toBeInTheDocument();

      const supplies = screen.getByRole('table', { name: 'Insumos' });
      const gloves = within(supplies).getByRole('rowheader', { name: 'Guantes desechables' }).closest('tr') as HTMLElement;
      expect(gloves).toHaveTextContent('Por agotarse');
      await user.click(within(gloves).getByRole('button', { name: 'Resurtir Guantes desechables' }));
      expect(gloves).toHaveTextContent('Resurtido');
      await user.click(within(supplies).getByRole('button', { name: 'Resurtir Rollo de papel para mesa de exploración' }));
      expect(screen.getByRole('status')).toHaveTextContent('Rollo de papel para mesa de exploración: el almacén no tiene existencia.');
      expect(within(supplies).getByRole('rowheader', { name: 'Rollo de papel para mesa de exploración' }).closest('tr')).toHaveTextContent(
        'Sin existencia en el almacén',
      );
    });

    it('prepares privacy items', async () => {
      const { user, context } = setup();
      const privacy = screen.getByRole('region', { name: 'Privacidad del siguiente paciente' });
      await user.click(within(privacy).getByRole('button', { name: 'Preparar Cortina o biombo en su lugar' }));
      expect(context().privacy.done).toEqual(['curtain']);
      const [curtain, sheet] = within(privacy).getAllByRole('listitem');
      expect(curtain).toHaveTextContent(/^Cortina o biombo en su lugar \(Preparado\)/);
      expect(sheet).toHaveTextContent(/^Sábana limpia para cubrir al paciente \(Sin preparar\)/);
    });
  });

  describe('marking the room ready', () => {
    it('is always possible, shows "Listo", closes the screen and shows no checklist verdict', async () => {
      const { user, actor } = setup({ options: messy });
      await user.click(screen.getByRole('button', { name: 'Marcar como lista' }));
      expect(actor.getSnapshot().status).toBe('done');
      expect(actor.getSnapshot().context.readyProblems?.length).toBeGreaterThan(0);
      expect(fact('Estado en el tablero')).toHaveTextContent('Listo');
      expect(screen.getByRole('status')).toHaveTextContent('Consultorio marcado como listo en el tablero.');
      expect(screen.getByRole('button', { name: 'Hacer higiene de manos' })).toBeDisabled();
      expect(screen.queryByText(/Falta|Quedan residuos/)).not.toBeInTheDocument();
    });

    it('shows a refusal from the desk instead of swallowing it', async () => {
      setup({ refuse: () => ({ 'es-MX': 'El caso ya terminó.', en: 'The case has already ended.' }) });
      await userEvent.setup().click(screen.getByRole('button', { name: 'Marcar como lista' }));
      // Shown beside the tool; the desk's alert is the one that announces it (desk-refusal.test.tsx).
      await waitFor(() => expect(screen.getByText('El caso ya terminó.')).toBeVisible());
      expect(screen.getByRole('alert')).not.toHaveTextContent('El caso ya terminó.');
    });
  });

  it('speaks English when the desk does', () => {
    setup({ options: messy, lang: 'en' });
    expect(screen.getByRole('heading', { name: 'Exam-room preparation — Consultorio 1' })).toBeInTheDocument();
    expect(screen.getByRole('meter', { name: 'Fill level of: Red rigid container (sharps)' })).toHaveAttribute('aria-valuetext', '85%');
    expect(screen.getByRole('button', { name: 'Mark as ready' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Dispose of Used needle' })).toBeInTheDocument();
  });
});
