import { assign, raise, setup, type SnapshotFrom } from 'xstate';
import { z } from 'zod';
import {
  CLEANING_STEP_IDS,
  CLEANING_STEPS,
  EQUIPMENT,
  EQUIPMENT_IDS,
  HAND_HYGIENE_MOMENT_IDS,
  HAND_HYGIENE_MOMENTS,
  PRIVACY_ITEM_IDS,
  PRIVACY_ITEMS,
  REQUIRED_EQUIPMENT,
  SPECIALTIES,
  SUPPLIES,
  SUPPLY_IDS,
  checkCleaningOrder,
  missingEquipment,
  standardCleaningSteps,
  type CleaningStepId,
  type EquipmentId,
  type HandHygieneMoment,
  type PrivacyItemId,
  type SupplyId,
} from '../domain/rooms';
import {
  CONTAINER_IDS,
  CONTAINERS,
  FILL_RULE,
  WASTE_ITEM_IDS,
  WASTE_ITEMS,
  canDeposit,
  checkDisposal,
  isContainer,
  isOverFilled,
  isRpbi,
  isWasteItem,
  type ContainerId,
  type WasteItemId,
} from '../domain/rpbi';
import { t, type LocalizedText, type Problem } from '../domain/text';
import type { Room, Specialty } from '../domain/types';
import type { Observation, WorkflowCase, WorkflowDefinition, WorkflowEventSpec } from './workflow';

// Turning over an exam room between patients: hand hygiene, cleaning in the right order, RPBI
// waste in the right containers (NOM-087), equipment and supplies, privacy, and the room board's
// "ready". The context is the room as the trainee sees it, so the room board renders from it.
//
// Marking ready follows a real room board: the status can be set at any time, nothing blocks it.
// The machine records the checklist of what was still missing at that moment (`readyProblems`),
// and the observations report it. A blocking checklist would hide the mistake we want to teach.
//
// Hands are part of the state: `working.handsClean | handsSoiled | handsContaminated`. Work in the
// room soils them, blood and RPBI contaminate them, hand hygiene cleans them; handling clean items
// (supplies, equipment, privacy items) with unclean hands is recorded.

// ---------------------------------------------------------------------------------------------
// Options, input, context, events
// ---------------------------------------------------------------------------------------------

const percent = z.number().min(0).max(100);

/** The task step's `with:` settings. */
export const roomPrepOptionsSchema = z
  .object({
    /** Room of the clinic to prepare; default the first room of the specialty, else the first room. */
    roomId: z.string().min(1).max(40).optional(),
    /** Specialty the room is set up for; default the room's own. */
    specialty: z.enum(SPECIALTIES).optional(),
    /** Waste left from the last visit (repeat an id for several); default none. */
    waste: z.array(z.enum(WASTE_ITEM_IDS)).max(50).optional(),
    /** Equipment already in the room; default everything the specialty requires. */
    present: z.array(z.enum(EQUIPMENT_IDS)).max(50).optional(),
    /** Fill percent of each container at the start; default 0. */
    containers: z
      .object({
        redBag: percent.optional(),
        yellowBag: percent.optional(),
        sharps: percent.optional(),
        redHermetic: percent.optional(),
        yellowHermetic: percent.optional(),
        ordinary: percent.optional(),
      })
      .strict()
      .optional(),
    /** Privacy items the next patient needs; default curtain, sheet and a locked screen. */
    privacyItems: z.array(z.enum(PRIVACY_ITEM_IDS)).max(10).optional(),
    /** Visible blood or body fluids on surfaces; default false. */
    organicMatter: z.boolean().optional(),
    /** The cleaning steps this turnover requires; default the standard steps. */
    cleaningSteps: z.array(z.enum(CLEANING_STEP_IDS)).max(20).optional(),
    /** Supplies that are running out in the room; default none. */
    lowSupplies: z.array(z.enum(SUPPLY_IDS)).max(20).optional(),
    /** Supplies the stockroom does not have today; default none. */
    outOfStock: z.array(z.enum(SUPPLY_IDS)).max(20).optional(),
  })
  .strict();
export type RoomPrepOptions = z.infer<typeof roomPrepOptionsSchema>;

/** What the machine starts from: the room and the scenario's settings (defaults as in the options). */
export interface RoomPrepInput {
  room: Room;
  specialty?: Specialty;
  waste?: WasteItemId[];
  present?: EquipmentId[];
  containers?: Partial<Record<ContainerId, number>>;
  privacyItems?: PrivacyItemId[];
  organicMatter?: boolean;
  cleaningSteps?: CleaningStepId[];
  lowSupplies?: SupplyId[];
  outOfStock?: SupplyId[];
}

/** The trainee's hands: washed, soiled by the room, or exposed to blood and body fluids. */
export type Hands = 'clean' | 'soiled' | 'contaminated';

/** One piece of waste put in a container. */
export interface Disposal {
  item: WasteItemId;
  container: ContainerId;
  fillBefore: number;
  fillAfter: number;
  /** False when the container was already at the 80% limit (the deposit happened anyway). */
  withinFillLimit: boolean;
  /** Unconfirmed items are never judged. */
  unconfirmed: boolean;
  /** Why the container is wrong, empty when right. */
  problems: Problem[];
}

/** One hand hygiene: the moment the trainee named and the state of the hands before it. */
export interface HandHygieneRecord {
  moment: HandHygieneMoment | null;
  handsBefore: Hands;
}

/** A clean item handled with unclean hands. */
export interface UncleanHandling {
  type: 'room-prep.restock' | 'room-prep.placeEquipment' | 'room-prep.privacy';
  item: string;
  hands: Exclude<Hands, 'clean'>;
}

/** An event the machine ignored, with the message the screen shows. */
export interface Rejection {
  type: string;
  reason: LocalizedText;
}

/** Cleaning: what the turnover requires and what was done. */
export interface RoomCleaning {
  /** Visible organic matter at the start. */
  organicMatter: boolean;
  /** The cleaning steps this turnover requires. */
  required: CleaningStepId[];
  /** Cleaning steps in the order done (repeats kept). */
  done: CleaningStepId[];
}

/** Equipment in the room. */
export interface RoomEquipment {
  /** Equipment in the room now (start plus placed). */
  present: EquipmentId[];
  /** Equipment the trainee placed, in order. */
  placed: EquipmentId[];
}

/** Supplies: what ran low, what the stockroom lacks, and what the trainee fetched. */
export interface RoomSupplies {
  /** Supplies that were low at the start. */
  low: SupplyId[];
  /** Stockroom gaps the scenario set (read by the default stockroom). */
  outOfStock: SupplyId[];
  /** Supplies restocked (each once). */
  restocked: SupplyId[];
  /** Supplies the stockroom had none of when asked. */
  unavailable: SupplyId[];
}

/** Waste left from the last visit and where it went. */
export interface RoomWaste {
  /** Waste in the room at the start. */
  atStart: WasteItemId[];
  /** Waste still in the room. */
  pending: WasteItemId[];
  /** Every deposit, in order. */
  disposals: Disposal[];
}

/** The waste containers. */
export interface RoomContainers {
  /** Fill percent per container. */
  fill: Record<ContainerId, number>;
  /** Containers sealed and replaced, with their fill when sealed. */
  sealed: { container: ContainerId; fill: number }[];
}

/** Privacy for the next patient. */
export interface RoomPrivacy {
  /** Privacy items the next patient needs. */
  required: PrivacyItemId[];
  /** Privacy items prepared (each once). */
  done: PrivacyItemId[];
}

/**
 * The room as the trainee sees it, and what they did. Grouped by the room board's areas (each
 * holding what the case asked for beside what was done), so an event's assign copies one small
 * object and the top level stays few keys: see `context-shape.test.ts`.
 */
export interface RoomPrepContext {
  /** The room being turned over. */
  room: Room;
  /** Specialty the room is set up for (decides the required equipment). */
  specialty: Specialty;
  /** Status on the room board. */
  board: 'dirty' | 'cleaning' | 'ready';
  /** Mirrors the `working.hands*` state so the screen and the actions can read it. */
  hands: Hands;
  /** Cleaning steps required and done. */
  cleaning: RoomCleaning;
  /** Equipment present and placed. */
  equipment: RoomEquipment;
  /** Supplies low, out of stock, restocked and unavailable. */
  supplies: RoomSupplies;
  /** Waste at the start, still pending, and disposed of. */
  waste: RoomWaste;
  /** Container fills and the containers sealed. */
  containers: RoomContainers;
  /** Privacy items required and prepared. */
  privacy: RoomPrivacy;
  /** Every hand hygiene, in order. */
  handHygiene: HandHygieneRecord[];
  /** Clean items handled with unclean hands. */
  uncleanHandling: UncleanHandling[];
  /** What was missing when the room was marked ready; null until then. */
  readyProblems: Problem[] | null;
  /** Events the machine ignored, with the reason shown. */
  rejected: Rejection[];
  /** Accepted event types in order. */
  history: RoomPrepEvent['type'][];
}

export type RoomPrepEvent =
  | { type: 'room-prep.handHygiene'; moment?: HandHygieneMoment }
  | { type: 'room-prep.cleanStep'; step: CleaningStepId }
  | { type: 'room-prep.restock'; item: SupplyId }
  | { type: 'room-prep.placeEquipment'; equipment: EquipmentId }
  | { type: 'room-prep.dispose'; item: WasteItemId; container: ContainerId }
  | { type: 'room-prep.replaceContainer'; container: ContainerId }
  | { type: 'room-prep.privacy'; item: PrivacyItemId }
  | { type: 'room-prep.markReady' };

/** Privacy items asked for when the scenario names none. */
export const DEFAULT_PRIVACY_ITEMS: PrivacyItemId[] = ['curtain', 'sheet', 'screen-off'];

const emptyContainers = (): Record<ContainerId, number> =>
  Object.fromEntries(CONTAINER_IDS.map((c) => [c, 0])) as Record<ContainerId, number>;

/** Builds the starting context, applying the defaults. */
export function initialRoomPrepContext(input: RoomPrepInput): RoomPrepContext {
  const specialty = input.specialty ?? input.room.specialty;
  const organicMatter = input.organicMatter ?? false;
  // Unknown ids are dropped: the engine validates options, but a hand-built input must not break the room.
  const waste = (input.waste ?? []).filter(isWasteItem);
  const containers = emptyContainers();
  for (const [id, fill] of Object.entries(input.containers ?? {})) {
    if (isContainer(id) && typeof fill === 'number') containers[id] = Math.min(100, Math.max(0, fill));
  }
  return {
    room: input.room,
    specialty,
    board: 'dirty',
    hands: 'soiled',
    cleaning: {
      organicMatter,
      required: (input.cleaningSteps ?? standardCleaningSteps(organicMatter)).filter((s) => Object.hasOwn(CLEANING_STEPS, s)),
      done: [],
    },
    equipment: { present: [...(input.present ?? REQUIRED_EQUIPMENT[specialty])], placed: [] },
    supplies: {
      low: (input.lowSupplies ?? []).filter((s) => Object.hasOwn(SUPPLIES, s)),
      outOfStock: [...(input.outOfStock ?? [])],
      restocked: [],
      unavailable: [],
    },
    waste: { atStart: waste, pending: [...waste], disposals: [] },
    containers: { fill: containers, sealed: [] },
    privacy: {
      required: (input.privacyItems ?? DEFAULT_PRIVACY_ITEMS).filter((p) => Object.hasOwn(PRIVACY_ITEMS, p)),
      done: [],
    },
    handHygiene: [],
    uncleanHandling: [],
    readyProblems: null,
    rejected: [],
    history: [],
  };
}

// ---------------------------------------------------------------------------------------------
// Rules read by guards, actions, observations and the room board
// ---------------------------------------------------------------------------------------------

const names = (items: LocalizedText[]): LocalizedText =>
  t(items.map((i) => i['es-MX']).join(', '), items.map((i) => i.en).join(', '));

const problem = (code: string, es: string, en: string, list?: LocalizedText[]): Problem => {
  const l = list === undefined ? undefined : names(list);
  return {
    code,
    severity: 'error',
    message: l === undefined ? t(es, en) : t(`${es}: ${l['es-MX']}.`, `${en}: ${l.en}.`),
  };
};

/** Why the machine ignores this event, or null when it accepts it. */
export function rejectionReason(c: RoomPrepContext, e: RoomPrepEvent): LocalizedText | null {
  switch (e.type) {
    case 'room-prep.handHygiene':
      return e.moment === undefined || Object.hasOwn(HAND_HYGIENE_MOMENTS, e.moment)
        ? null
        : t('Ese no es uno de los 5 momentos de la OMS.', "That is not one of WHO's 5 moments.");
    case 'room-prep.cleanStep':
      return Object.hasOwn(CLEANING_STEPS, e.step) ? null : t('Paso de limpieza desconocido.', 'Unknown cleaning step.');
    case 'room-prep.restock':
      return Object.hasOwn(SUPPLIES, e.item) ? null : t('Insumo desconocido.', 'Unknown supply.');
    case 'room-prep.placeEquipment':
      return Object.hasOwn(EQUIPMENT, e.equipment) ? null : t('Equipo desconocido.', 'Unknown equipment.');
    case 'room-prep.dispose': {
      if (!isWasteItem(e.item) || !isContainer(e.container)) {
        return t('Residuo o contenedor desconocido.', 'Unknown waste item or container.');
      }
      if (!c.waste.pending.includes(e.item)) {
        return t(
          `No queda «${WASTE_ITEMS[e.item].name['es-MX']}» en el consultorio.`,
          `There is no "${WASTE_ITEMS[e.item].name.en}" left in the room.`,
        );
      }
      if (c.containers.fill[e.container] >= 100) {
        return t(
          `${CONTAINERS[e.container].name['es-MX']} está lleno y no cierra: sustitúyalo.`,
          `The ${CONTAINERS[e.container].name.en.toLowerCase()} is full and will not close: replace it.`,
        );
      }
      return null;
    }
    case 'room-prep.replaceContainer':
      return isContainer(e.container) ? null : t('Contenedor desconocido.', 'Unknown container.');
    case 'room-prep.privacy':
      return Object.hasOwn(PRIVACY_ITEMS, e.item) ? null : t('Elemento de privacidad desconocido.', 'Unknown privacy item.');
    case 'room-prep.markReady':
      return null;
  }
}

/** True when the event exposes the hands to blood or body fluids (moment 3 follows). */
export function exposesToFluids(e: RoomPrepEvent): boolean {
  switch (e.type) {
    case 'room-prep.cleanStep':
      return e.step === 'remove-organic-matter';
    case 'room-prep.dispose':
      return isWasteItem(e.item) && isRpbi(e.item);
    case 'room-prep.replaceContainer':
      return isContainer(e.container) && CONTAINERS[e.container].rpbi;
    default:
      return false;
  }
}

/** RPBI containers at or above the 80% limit. */
export const fullContainers = (c: RoomPrepContext): ContainerId[] =>
  CONTAINER_IDS.filter((id) => !canDeposit(id, c.containers.fill[id]));

/** Required cleaning steps not done yet. */
export const missingSteps = (c: RoomPrepContext): CleaningStepId[] =>
  c.cleaning.required.filter((s) => !c.cleaning.done.includes(s));

/** Low supplies not restocked yet. */
export const suppliesStillLow = (c: RoomPrepContext): SupplyId[] => c.supplies.low.filter((s) => !c.supplies.restocked.includes(s));

/** Privacy items not prepared yet. */
export const privacyMissing = (c: RoomPrepContext): PrivacyItemId[] =>
  c.privacy.required.filter((p) => !c.privacy.done.includes(p));

/** What keeps the room from being ready: the room board's checklist (empty when complete). */
export function roomReadinessProblems(c: RoomPrepContext): Problem[] {
  const out: Problem[] = [];
  const steps = missingSteps(c);
  if (steps.length > 0) {
    out.push(problem('roomPrep.cleaningIncomplete', 'Falta limpiar', 'Cleaning still to do', steps.map((s) => CLEANING_STEPS[s].name)));
  }
  const equipment = missingEquipment(c.specialty, c.equipment.present);
  if (equipment.length > 0) {
    out.push(problem('roomPrep.equipmentMissing', 'Falta equipo', 'Missing equipment', equipment.map((e) => EQUIPMENT[e].name)));
  }
  const low = suppliesStillLow(c);
  if (low.length > 0) {
    out.push(problem('roomPrep.suppliesLow', 'Faltan insumos', 'Supplies running out', low.map((s) => SUPPLIES[s].name)));
  }
  if (c.waste.pending.length > 0) {
    out.push(
      problem('roomPrep.wastePending', 'Quedan residuos', 'Waste still in the room', c.waste.pending.map((w) => WASTE_ITEMS[w].name)),
    );
  }
  const full = fullContainers(c);
  if (full.length > 0) {
    out.push(
      problem(
        'roomPrep.containerFull',
        `Contenedores al 80% o más (${FILL_RULE['es-MX']})`,
        `Containers at 80% or more (${FILL_RULE.en})`,
        full.map((f) => CONTAINERS[f].name),
      ),
    );
  }
  const privacy = privacyMissing(c);
  if (privacy.length > 0) {
    out.push(problem('roomPrep.privacyIncomplete', 'Falta privacidad', 'Privacy not prepared', privacy.map((p) => PRIVACY_ITEMS[p].name)));
  }
  if (c.hands !== 'clean') {
    out.push(problem('roomPrep.handsNotClean', 'Falta la higiene de manos final', 'Final hand hygiene not done'));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Machine
// ---------------------------------------------------------------------------------------------

/** The room-prep workflow machine: dirty -> working (hands clean | soiled | contaminated) -> ready. */
export const roomPrepMachine = setup({
  types: {
    context: {} as RoomPrepContext,
    events: {} as RoomPrepEvent,
    input: {} as RoomPrepInput,
  },
  guards: {
    isRejected: ({ context, event }) => rejectionReason(context, event) !== null,
    exposesToFluids: ({ event }) => exposesToFluids(event),
    handsContaminated: ({ context }) => context.hands === 'contaminated',
  },
  actions: {
    reject: assign({
      rejected: ({ context, event }) => [
        ...context.rejected,
        { type: event.type, reason: rejectionReason(context, event) ?? t('Acción no válida.', 'Invalid action.') },
      ],
    }),
    /** Replays the event that moved a dirty room into `working`, so `working` handles it. */
    resend: raise(({ event }) => event),
    appendHistory: assign({ history: ({ context, event }) => [...context.history, event.type] }),
    setBoardDirty: assign({ board: 'dirty' }),
    setBoardCleaning: assign({ board: 'cleaning' }),
    setBoardReady: assign({ board: 'ready' }),
    setHandsClean: assign({ hands: 'clean' }),
    setHandsSoiled: assign({ hands: 'soiled' }),
    setHandsContaminated: assign({ hands: 'contaminated' }),
    recordHandHygiene: assign({
      handHygiene: ({ context, event }) =>
        event.type !== 'room-prep.handHygiene'
          ? context.handHygiene
          : [...context.handHygiene, { moment: event.moment ?? null, handsBefore: context.hands }],
    }),
    recordCleanStep: assign(({ context: { cleaning }, event }) =>
      event.type !== 'room-prep.cleanStep' ? {} : { cleaning: { ...cleaning, done: [...cleaning.done, event.step] } },
    ),
    noteUncleanHands: assign({
      uncleanHandling: ({ context, event }) => {
        if (context.hands === 'clean') return context.uncleanHandling;
        switch (event.type) {
          case 'room-prep.restock':
          case 'room-prep.privacy':
            return [...context.uncleanHandling, { type: event.type, item: event.item, hands: context.hands }];
          case 'room-prep.placeEquipment':
            return [...context.uncleanHandling, { type: event.type, item: event.equipment, hands: context.hands }];
          default:
            return context.uncleanHandling;
        }
      },
    }),
    /** The stockroom service: answers from the scenario's `outOfStock`; swap it with provide(). */
    takeFromStockroom: assign(({ context: { supplies }, event }) => {
      if (event.type !== 'room-prep.restock') return {};
      if (supplies.outOfStock.includes(event.item)) {
        return { supplies: { ...supplies, unavailable: [...supplies.unavailable, event.item] } };
      }
      if (supplies.restocked.includes(event.item)) return {};
      return { supplies: { ...supplies, restocked: [...supplies.restocked, event.item] } };
    }),
    recordEquipment: assign(({ context: { equipment }, event }) => {
      if (event.type !== 'room-prep.placeEquipment' || equipment.present.includes(event.equipment)) return {};
      return { equipment: { present: [...equipment.present, event.equipment], placed: [...equipment.placed, event.equipment] } };
    }),
    recordDisposal: assign(({ context, event }) => {
      if (event.type !== 'room-prep.dispose') return {};
      const w = WASTE_ITEMS[event.item];
      const { waste, containers } = context;
      const fillBefore = containers.fill[event.container];
      const fillAfter = Math.min(100, fillBefore + w.fill);
      const at = waste.pending.indexOf(event.item);
      const disposal: Disposal = {
        item: event.item,
        container: event.container,
        fillBefore,
        fillAfter,
        withinFillLimit: canDeposit(event.container, fillBefore),
        unconfirmed: w.unconfirmed === true,
        problems: checkDisposal(event.item, event.container),
      };
      return {
        waste: { ...waste, pending: waste.pending.filter((_, i) => i !== at), disposals: [...waste.disposals, disposal] },
        containers: { ...containers, fill: { ...containers.fill, [event.container]: fillAfter } },
      };
    }),
    replaceContainer: assign(({ context: { containers }, event }) => {
      if (event.type !== 'room-prep.replaceContainer') return {};
      return {
        containers: {
          fill: { ...containers.fill, [event.container]: 0 },
          sealed: [...containers.sealed, { container: event.container, fill: containers.fill[event.container] }],
        },
      };
    }),
    recordPrivacy: assign(({ context: { privacy }, event }) => {
      if (event.type !== 'room-prep.privacy' || privacy.done.includes(event.item)) return {};
      return { privacy: { ...privacy, done: [...privacy.done, event.item] } };
    }),
    recordReady: assign({ readyProblems: ({ context }) => roomReadinessProblems(context) }),
  },
}).createMachine({
  id: 'roomPrep',
  context: ({ input }) => initialRoomPrepContext(input),
  initial: 'dirty',
  states: {
    dirty: {
      entry: 'setBoardDirty',
      on: {
        'room-prep.handHygiene': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.cleanStep': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.restock': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.placeEquipment': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.dispose': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.replaceContainer': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.privacy': [{ guard: 'isRejected', actions: 'reject' }, { target: 'working', actions: 'resend' }],
        'room-prep.markReady': { target: 'ready', actions: ['recordReady', 'appendHistory'] },
      },
    },
    working: {
      entry: 'setBoardCleaning',
      // Whoever walks in from the desk has not yet washed: hands start soiled.
      initial: 'handsSoiled',
      states: {
        handsClean: { entry: 'setHandsClean' },
        handsSoiled: { entry: 'setHandsSoiled' },
        handsContaminated: { entry: 'setHandsContaminated' },
      },
      on: {
        'room-prep.handHygiene': [
          { guard: 'isRejected', actions: 'reject' },
          { target: '.handsClean', actions: ['recordHandHygiene', 'appendHistory'] },
        ],
        'room-prep.cleanStep': [
          { guard: 'isRejected', actions: 'reject' },
          { guard: 'exposesToFluids', target: '.handsContaminated', actions: ['recordCleanStep', 'appendHistory'] },
          { guard: 'handsContaminated', actions: ['recordCleanStep', 'appendHistory'] },
          { target: '.handsSoiled', actions: ['recordCleanStep', 'appendHistory'] },
        ],
        'room-prep.dispose': [
          { guard: 'isRejected', actions: 'reject' },
          { guard: 'exposesToFluids', target: '.handsContaminated', actions: ['recordDisposal', 'appendHistory'] },
          { guard: 'handsContaminated', actions: ['recordDisposal', 'appendHistory'] },
          { target: '.handsSoiled', actions: ['recordDisposal', 'appendHistory'] },
        ],
        'room-prep.replaceContainer': [
          { guard: 'isRejected', actions: 'reject' },
          { guard: 'exposesToFluids', target: '.handsContaminated', actions: ['replaceContainer', 'appendHistory'] },
          { guard: 'handsContaminated', actions: ['replaceContainer', 'appendHistory'] },
          { target: '.handsSoiled', actions: ['replaceContainer', 'appendHistory'] },
        ],
        'room-prep.restock': [
          { guard: 'isRejected', actions: 'reject' },
          { actions: ['noteUncleanHands', 'takeFromStockroom', 'appendHistory'] },
        ],
        'room-prep.placeEquipment': [
          { guard: 'isRejected', actions: 'reject' },
          { actions: ['noteUncleanHands', 'recordEquipment', 'appendHistory'] },
        ],
        'room-prep.privacy': [
          { guard: 'isRejected', actions: 'reject' },
          { actions: ['noteUncleanHands', 'recordPrivacy', 'appendHistory'] },
        ],
        'room-prep.markReady': { target: 'ready', actions: ['recordReady', 'appendHistory'] },
      },
    },
    ready: { type: 'final', entry: 'setBoardReady' },
  },
});

export type RoomPrepSnapshot = SnapshotFrom<typeof roomPrepMachine>;

// ---------------------------------------------------------------------------------------------
// Observations
// ---------------------------------------------------------------------------------------------

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

// ---------------------------------------------------------------------------------------------
// Events and the workflow definition
// ---------------------------------------------------------------------------------------------

/** The events a trainee can send, their parameters and their cost in simulated seconds. */
export const roomPrepEvents: Record<RoomPrepEvent['type'], WorkflowEventSpec> = {
  'room-prep.handHygiene': {
    params: z.object({ moment: z.enum(HAND_HYGIENE_MOMENT_IDS).optional() }).strict(),
    cost: 30,
    description: t(
      'Higiene de manos con gel alcoholado (20-30 s), nombrando el momento de la OMS.',
      "Hand hygiene with alcohol rub (20-30 s), naming WHO's moment.",
    ),
  },
  'room-prep.cleanStep': {
    params: z.object({ step: z.enum(CLEANING_STEP_IDS) }).strict(),
    cost: 120,
    description: t('Hacer un paso de limpieza (1 a 3 minutos).', 'Do a cleaning step (1 to 3 minutes).'),
  },
  'room-prep.restock': {
    params: z.object({ item: z.enum(SUPPLY_IDS) }).strict(),
    cost: 60,
    description: t('Traer un insumo del almacén y resurtirlo.', 'Fetch a supply from the stockroom and restock it.'),
  },
  'room-prep.placeEquipment': {
    params: z.object({ equipment: z.enum(EQUIPMENT_IDS) }).strict(),
    cost: 60,
    description: t('Colocar un equipo en el consultorio.', 'Place an item of equipment in the room.'),
  },
  'room-prep.dispose': {
    params: z.object({ item: z.enum(WASTE_ITEM_IDS), container: z.enum(CONTAINER_IDS) }).strict(),
    cost: 15,
    description: t('Desechar un residuo en un contenedor.', 'Put a piece of waste in a container.'),
  },
  'room-prep.replaceContainer': {
    params: z.object({ container: z.enum(CONTAINER_IDS) }).strict(),
    cost: 90,
    description: t(
      'Cerrar, rotular y retirar un contenedor, y poner uno nuevo.',
      'Seal, label and remove a container, and put a new one in place.',
    ),
  },
  'room-prep.privacy': {
    params: z.object({ item: z.enum(PRIVACY_ITEM_IDS) }).strict(),
    cost: 20,
    description: t(
      'Preparar un elemento de privacidad (cortina, sábana, bata, pantalla bloqueada).',
      'Prepare a privacy item (curtain, sheet, gown, locked screen).',
    ),
  },
  'room-prep.markReady': {
    params: z.object({}).strict(),
    cost: 10,
    description: t('Marcar el consultorio como listo en el tablero.', 'Mark the room ready on the room board.'),
  },
};

/** Picks the room: the one named, else the first of the specialty, else the clinic's first. */
function pickRoom(c: WorkflowCase<RoomPrepOptions>): Room {
  const { roomId, specialty } = c.options;
  const rooms = c.clinic.rooms;
  const found =
    roomId !== undefined
      ? rooms.find((r) => r.id === roomId)
      : (rooms.find((r) => specialty === undefined || r.specialty === specialty) ?? rooms[0]);
  return found ?? { id: roomId ?? 'consultorio', name: roomId ?? 'Consultorio', specialty: specialty ?? 'general' };
}

/** The room-prep workflow, for the registry. */
export const roomPrepWorkflow: WorkflowDefinition<typeof roomPrepMachine, RoomPrepOptions> = {
  id: 'room-prep',
  title: t('Preparación del consultorio', 'Exam-room preparation'),
  machine: roomPrepMachine,
  options: roomPrepOptionsSchema,
  input: (c): RoomPrepInput => {
    const o = c.options;
    return {
      room: pickRoom(c),
      ...(o.specialty !== undefined && { specialty: o.specialty }),
      ...(o.waste !== undefined && { waste: o.waste }),
      ...(o.present !== undefined && { present: o.present }),
      ...(o.containers !== undefined && { containers: o.containers }),
      ...(o.privacyItems !== undefined && { privacyItems: o.privacyItems }),
      ...(o.organicMatter !== undefined && { organicMatter: o.organicMatter }),
      ...(o.cleaningSteps !== undefined && { cleaningSteps: o.cleaningSteps }),
      ...(o.lowSupplies !== undefined && { lowSupplies: o.lowSupplies }),
      ...(o.outOfStock !== undefined && { outOfStock: o.outOfStock }),
    };
  },
  events: roomPrepEvents,
  observations: roomPrepObservations,
  isDone: (s) => s.status === 'done',
};
