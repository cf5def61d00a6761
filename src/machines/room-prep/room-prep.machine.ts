import { assertEvent, assign, raise, setup, type SnapshotFrom } from 'xstate';
import { CLEANING_STEPS, PRIVACY_ITEMS, REQUIRED_EQUIPMENT, SUPPLIES, standardCleaningSteps } from '../../domain/rooms';
import { CONTAINER_IDS, WASTE_ITEMS, canDeposit, checkDisposal, isContainer, isWasteItem, type ContainerId } from '../../domain/rpbi';
import { t } from '../../domain/text';
import { refusalOf } from '../workflow';
import type { RoomPrepEvent } from './events';
import { exposesToFluids, rejectionReason, roomReadinessProblems } from './rules';
import { DEFAULT_PRIVACY_ITEMS, type Disposal, type RoomPrepContext, type RoomPrepInput } from './types';

// The exam room as a chart. Events arrive parsed (see `accept` in definition.ts); what the room
// itself refuses (a full container, waste already thrown away) is recorded in `rejected`.

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
    refusal: null,
    history: [],
  };
}

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
      refusal: ({ context, event }) =>
        refusalOf(event.type, { code: 'room-prep.refused', severity: 'error', message: rejectionReason(context, event) ?? t('Acción no válida.', 'Invalid action.') }),
    }),
    /** Replays the event that moved a dirty room into `working`, so `working` handles it. */
    resend: raise(({ event }) => event),
    appendHistory: assign({ history: ({ context, event }) => [...context.history, event.type], refusal: null }),
    setBoardDirty: assign({ board: 'dirty' }),
    setBoardCleaning: assign({ board: 'cleaning' }),
    setBoardReady: assign({ board: 'ready' }),
    setHandsClean: assign({ hands: 'clean' }),
    setHandsSoiled: assign({ hands: 'soiled' }),
    setHandsContaminated: assign({ hands: 'contaminated' }),
    recordHandHygiene: assign(({ context, event }) => {
      assertEvent(event, 'room-prep.handHygiene');
      return { handHygiene: [...context.handHygiene, { moment: event.moment ?? null, handsBefore: context.hands }] };
    }),
    recordCleanStep: assign(({ context: { cleaning }, event }) => {
      assertEvent(event, 'room-prep.cleanStep');
      return { cleaning: { ...cleaning, done: [...cleaning.done, event.step] } };
    }),
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
      assertEvent(event, 'room-prep.restock');
      if (supplies.outOfStock.includes(event.item)) {
        return { supplies: { ...supplies, unavailable: [...supplies.unavailable, event.item] } };
      }
      if (supplies.restocked.includes(event.item)) return {};
      return { supplies: { ...supplies, restocked: [...supplies.restocked, event.item] } };
    }),
    recordEquipment: assign(({ context: { equipment }, event }) => {
      assertEvent(event, 'room-prep.placeEquipment');
      if (equipment.present.includes(event.equipment)) return {};
      return { equipment: { present: [...equipment.present, event.equipment], placed: [...equipment.placed, event.equipment] } };
    }),
    recordDisposal: assign(({ context, event }) => {
      assertEvent(event, 'room-prep.dispose');
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
      assertEvent(event, 'room-prep.replaceContainer');
      return {
        containers: {
          fill: { ...containers.fill, [event.container]: 0 },
          sealed: [...containers.sealed, { container: event.container, fill: containers.fill[event.container] }],
        },
      };
    }),
    recordPrivacy: assign(({ context: { privacy }, event }) => {
      assertEvent(event, 'room-prep.privacy');
      if (privacy.done.includes(event.item)) return {};
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
