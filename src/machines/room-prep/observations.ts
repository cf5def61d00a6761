import { checkCleaningOrder, HAND_HYGIENE_MOMENTS, missingEquipment } from '../../domain/rooms';
import { CONTAINER_IDS, CONTAINERS, isOverFilled, isRpbi, WASTE_ITEMS, type ContainerId, type WasteItemId } from '../../domain/rpbi';
import { t } from '../../domain/text';
import type { Observation } from '../workflow';
import type { RoomPrepSnapshot } from './room-prep.machine';
import { fullContainers, missingSteps, privacyMissing, suppliesStillLow } from './rules';
import type { RoomPrepContext } from './types';

const isRpbiContainer = (id: ContainerId) => CONTAINERS[id].rpbi;

const observation = (
  name: string,
  esMX: string,
  en: string,
  evaluate: (c: RoomPrepContext, s: RoomPrepSnapshot) => boolean,
): Observation<RoomPrepSnapshot> => ({
  id: `roomPrep.${name}`,
  description: t(esMX, en),
  evaluate: (s) => evaluate(s.context, s),
});

/** The room-prep observation catalogue; scenarios score against these ids. */
export const roomPrepObservations: Observation<RoomPrepSnapshot>[] = [
  observation(
    'handHygieneBefore',
    'Hizo higiene de manos antes de empezar a trabajar en el consultorio.',
    'Performed hand hygiene before starting work in the room.',
    (c) => c.history[0] === 'room-prep.handHygiene',
  ),
  observation(
    'handHygieneAfter',
    'Terminó con higiene de manos después del último contacto con el consultorio.',
    'Finished with hand hygiene after the last contact with the room.',
    (c) => c.hands === 'clean' && c.handHygiene.length > 0,
  ),
  observation(
    'handHygieneAfterFluids',
    'Después de exponerse a sangre o RPBI se lavó las manos antes de tocar algo limpio o terminar (momento 3).',
    'After exposure to blood or RPBI, cleaned hands before touching anything clean or finishing (moment 3).',
    (c) => c.hands !== 'contaminated' && !c.uncleanHandling.some((u) => u.hands === 'contaminated'),
  ),
  observation(
    'cleanItemsWithCleanHands',
    'Manejó insumos, equipo y elementos de privacidad solo con las manos limpias.',
    'Handled supplies, equipment and privacy items only with clean hands.',
    (c) => c.uncleanHandling.length === 0,
  ),
  observation(
    'handHygieneMomentsRight',
    'Nombró momentos de la OMS que aplican a la preparación del consultorio (3 tras líquidos corporales, 5 tras el entorno).',
    "Named WHO moments that apply to room preparation (3 after body fluids, 5 after the surroundings).",
    (c) => {
      const named = c.handHygiene.filter((h) => h.moment !== null);
      return (
        named.length > 0 &&
        named.every(
          (h) =>
            h.moment !== null &&
            HAND_HYGIENE_MOMENTS[h.moment].appliesToRoomPrep &&
            (h.handsBefore !== 'contaminated' || h.moment === 'after-body-fluid'),
        )
      );
    },
  ),
  observation(
    'cleaningOrderCorrect',
    'Limpió en el orden correcto: materia orgánica primero, de arriba abajo, de lo limpio a lo sucio, de adentro hacia afuera.',
    'Cleaned in the right order: organic matter first, top to bottom, clean to dirty, inside to outside.',
    (c) => c.cleaning.done.length > 0 && checkCleaningOrder(c.cleaning.done).length === 0,
  ),
  observation(
    'organicMatterFirst',
    'Retiró la materia orgánica visible antes de cualquier otra limpieza.',
    'Removed visible organic matter before any other cleaning.',
    (c) => !c.cleaning.organicMatter || c.cleaning.done[0] === 'remove-organic-matter',
  ),
  observation(
    'cleaningComplete',
    'Hizo todos los pasos de limpieza requeridos.',
    'Did every required cleaning step.',
    (c) => missingSteps(c).length === 0,
  ),
  observation(
    'equipmentComplete',
    'El consultorio tiene todo el equipo que requiere la especialidad.',
    'The room has all the equipment its specialty requires.',
    (c) => missingEquipment(c.specialty, c.equipment.present).length === 0,
  ),
  observation(
    'suppliesRestocked',
    'Resurtió los insumos que se estaban acabando.',
    'Restocked the supplies that were running out.',
    (c) => suppliesStillLow(c).length === 0,
  ),
  observation(
    'sharpsInRedContainer',
    'Todos los punzocortantes quedaron en el recipiente rígido rojo.',
    'Every sharp ended up in the red rigid container.',
    (c) => {
      const sharps = (id: WasteItemId) => WASTE_ITEMS[id].sharp && WASTE_ITEMS[id].unconfirmed !== true;
      return !c.waste.pending.some(sharps) && c.waste.disposals.every((d) => !sharps(d.item) || d.container === 'sharps');
    },
  ),
  observation(
    'noOrdinaryWasteInRpbi',
    'No echó basura común (papel, envolturas) en contenedores de RPBI.',
    'Put no ordinary waste (paper, wrappers) in RPBI containers.',
    (c) => !c.waste.disposals.some((d) => !d.unconfirmed && !isRpbi(d.item) && isRpbiContainer(d.container)),
  ),
  observation(
    'noRpbiInOrdinaryWaste',
    'No echó RPBI en la basura común.',
    'Put no RPBI in the ordinary waste.',
    (c) => !c.waste.disposals.some((d) => !d.unconfirmed && isRpbi(d.item) && !isRpbiContainer(d.container)),
  ),
  observation(
    'allWasteCorrect',
    'Desechó todos los residuos, cada uno en su contenedor (NOM-087-SEMARNAT-SSA1-2002).',
    'Disposed of all the waste, each item in its container (NOM-087-SEMARNAT-SSA1-2002).',
    (c) => c.waste.pending.length === 0 && c.waste.disposals.every((d) => d.problems.length === 0),
  ),
  observation(
    'noContainerOver80',
    'No llenó ningún contenedor de RPBI por encima del 80%.',
    'Filled no RPBI container beyond 80%.',
    (c) =>
      c.waste.disposals.every((d) => d.withinFillLimit) &&
      CONTAINER_IDS.every((id) => !isRpbiContainer(id) || !isOverFilled(c.containers.fill[id])),
  ),
  observation(
    'fullContainersReplaced',
    'Cerró y sustituyó los contenedores de RPBI que llegaron al 80%.',
    'Sealed and replaced the RPBI containers that reached 80%.',
    (c) => fullContainers(c).length === 0,
  ),
  observation(
    'privacyPrepared',
    'Preparó la privacidad del siguiente paciente.',
    "Prepared the next patient's privacy.",
    (c) => privacyMissing(c).length === 0,
  ),
  observation(
    'markedReadyWhenComplete',
    'Marcó el consultorio como listo cuando ya no faltaba nada.',
    'Marked the room ready only when nothing was missing.',
    (c) => c.readyProblems !== null && c.readyProblems.length === 0,
  ),
];
