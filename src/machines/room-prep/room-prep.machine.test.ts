import { getShortestPaths, getStateNodes } from '@xstate/graph';
import { assign, createActor, type StateValue } from 'xstate';
import { standardCleaningSteps, type CleaningStepId, type HandHygieneMoment } from '../../domain/rooms';
import type { ContainerId, WasteItemId } from '../../domain/rpbi';
import type { Room } from '../../domain/types';
import { gloria, makeCase, sampleClinic } from '../test-fixtures';
import { roomPrepWorkflow } from './definition';
import { roomPrepEvents, type RoomPrepEvent } from './events';
import { roomPrepObservations } from './observations';
import { roomPrepMachine, type RoomPrepSnapshot } from './room-prep.machine';
import { roomReadinessProblems } from './rules';
import { DEFAULT_PRIVACY_ITEMS, roomPrepOptionsSchema, type RoomPrepInput } from './types';

const room: Room = { id: 'c1', name: 'Consultorio 1', specialty: 'general' };

function start(input: Partial<RoomPrepInput> = {}) {
  return createActor(roomPrepMachine, { input: { room, ...input } }).start();
}

/** Sends the log, stopping at the final state as the engine does. */
function run(input: Partial<RoomPrepInput>, events: RoomPrepEvent[]): RoomPrepSnapshot {
  const actor = start(input);
  for (const e of events) if (actor.getSnapshot().status === 'active') actor.send(e);
  return actor.getSnapshot();
}

function observe(id: string, snapshot: RoomPrepSnapshot): boolean {
  const o = roomPrepObservations.find((x) => x.id === `roomPrep.${id}`);
  if (o === undefined) throw new Error(`no observation ${id}`);
  return o.evaluate(snapshot);
}

const hygiene = (moment?: HandHygieneMoment): RoomPrepEvent =>
  moment === undefined ? { type: 'room-prep.handHygiene' } : { type: 'room-prep.handHygiene', moment };
const step = (s: CleaningStepId): RoomPrepEvent => ({ type: 'room-prep.cleanStep', step: s });
const dispose = (item: WasteItemId, container: ContainerId): RoomPrepEvent => ({ type: 'room-prep.dispose', item, container });
const READY: RoomPrepEvent = { type: 'room-prep.markReady' };

// A room after a visit with a blood draw: visible blood, a needle, gauze, a wrapper, a sharps
// container at 85%, gloves running out and the stethoscope missing.
const messyRoom: Partial<RoomPrepInput> = {
  organicMatter: true,
  waste: ['needle', 'blood-soaked-gauze', 'wrapper'],
  containers: { sharps: 85 },
  lowSupplies: ['gloves'],
  present: ['adult-scale', 'thermometer', 'glucometer', 'bp-cuff', 'exam-table'],
};

const DIRTY_WORK: RoomPrepEvent[] = [
  step('remove-organic-matter'),
  { type: 'room-prep.replaceContainer', container: 'sharps' },
  dispose('needle', 'sharps'),
  dispose('blood-soaked-gauze', 'redBag'),
  dispose('wrapper', 'ordinary'),
  ...standardCleaningSteps(false).map(step),
];
const CLEAN_WORK: RoomPrepEvent[] = [
  { type: 'room-prep.restock', item: 'gloves' },
  { type: 'room-prep.placeEquipment', equipment: 'stethoscope' },
  ...DEFAULT_PRIVACY_ITEMS.map((item): RoomPrepEvent => ({ type: 'room-prep.privacy', item })),
];
/** The turnover done right. */
const BEST: RoomPrepEvent[] = [hygiene('after-surroundings'), ...DIRTY_WORK, hygiene('after-body-fluid'), ...CLEAN_WORK, READY];

/** BEST with the events at `index` replaced by `replacement`. */
const variant = (index: number, ...replacement: RoomPrepEvent[]) => [...BEST.slice(0, index), ...replacement, ...BEST.slice(index + 1)];
const indexOf = (e: RoomPrepEvent) => BEST.findIndex((x) => JSON.stringify(x) === JSON.stringify(e));
/** BEST with two events' places exchanged. */
const swapped = (a: RoomPrepEvent, b: RoomPrepEvent) => BEST.map((e, i) => (i === indexOf(a) ? b : i === indexOf(b) ? a : e));

describe('room-prep machine', () => {
  describe('when it starts', () => {
    it('shows a dirty room with the defaults applied', () => {
      const s = start().getSnapshot();
      expect(s.matches('dirty')).toBe(true);
      expect(s.context.board).toBe('dirty');
      expect(s.context.hands).toBe('soiled');
      expect(s.context.specialty).toBe('general');
      expect(s.context.equipment.present).toContain('stethoscope');
      expect(s.context.privacy.required).toEqual(['curtain', 'sheet', 'screen-off']);
      expect(s.context.cleaning.required).toEqual(standardCleaningSteps(false));
      expect(s.context.containers.fill).toEqual({ redBag: 0, yellowBag: 0, sharps: 0, redHermetic: 0, yellowHermetic: 0, ordinary: 0 });
    });

    it('takes the scenario settings', () => {
      const s = start({ ...messyRoom, specialty: 'cardiology', containers: { sharps: 85, redBag: 140 } }).getSnapshot();
      expect(s.context.specialty).toBe('cardiology');
      expect(s.context.cleaning.required[0]).toBe('remove-organic-matter');
      expect(s.context.waste.pending).toEqual(['needle', 'blood-soaked-gauze', 'wrapper']);
      expect(s.context.containers.fill.sharps).toBe(85);
      expect(s.context.containers.fill.redBag).toBe(100);
    });
  });

  describe('when the first action is sent', () => {
    it('moves to working and handles the action exactly once', () => {
      const s = run({}, [step('clean-desk')]);
      expect(s.matches({ working: 'handsSoiled' })).toBe(true);
      expect(s.context.board).toBe('cleaning');
      expect(s.context.cleaning.done).toEqual(['clean-desk']);
      expect(s.context.history).toEqual(['room-prep.cleanStep']);
    });

    it('stays dirty when the action is rejected, recording why', () => {
      const s = run({}, [dispose('needle', 'sharps')]);
      expect(s.matches('dirty')).toBe(true);
      expect(s.context.history).toEqual([]);
      expect(s.context.refusal?.type).toBe('room-prep.dispose');
      expect(s.context.refusal?.problems[0]?.message.en).toContain('no "Used needle" left');
    });
  });

  describe('hands', () => {
    it('are cleaned by hand hygiene, soiled by cleaning, contaminated by blood and RPBI', () => {
      const actor = start({ waste: ['wrapper', 'needle'] });
      actor.send(hygiene());
      expect(actor.getSnapshot().matches({ working: 'handsClean' })).toBe(true);
      actor.send(dispose('wrapper', 'ordinary'));
      expect(actor.getSnapshot().matches({ working: 'handsSoiled' })).toBe(true);
      actor.send(dispose('needle', 'sharps'));
      expect(actor.getSnapshot().matches({ working: 'handsContaminated' })).toBe(true);
      actor.send(step('clean-desk'));
      expect(actor.getSnapshot().context.hands).toBe('contaminated');
      actor.send(hygiene('after-body-fluid'));
      expect(actor.getSnapshot().context.hands).toBe('clean');
      expect(actor.getSnapshot().context.handHygiene).toEqual([
        { moment: null, handsBefore: 'soiled' },
        { moment: 'after-body-fluid', handsBefore: 'contaminated' },
      ]);
    });

    it('removing organic matter and replacing an RPBI container contaminate them', () => {
      expect(run({}, [hygiene(), step('remove-organic-matter')]).context.hands).toBe('contaminated');
      expect(run({}, [hygiene(), { type: 'room-prep.replaceContainer', container: 'redBag' }]).context.hands).toBe('contaminated');
      expect(run({}, [hygiene(), { type: 'room-prep.replaceContainer', container: 'ordinary' }]).context.hands).toBe('soiled');
    });

    it('records clean items handled with unclean hands', () => {
      const s = run({}, [step('clean-desk'), { type: 'room-prep.placeEquipment', equipment: 'stethoscope' }, hygiene(), { type: 'room-prep.privacy', item: 'sheet' }]);
      expect(s.context.uncleanHandling).toEqual([{ type: 'room-prep.placeEquipment', item: 'stethoscope', hands: 'soiled' }]);
    });
  });

  describe('waste', () => {
    it('fills the container, removes one item from the room and judges the container', () => {
      const s = run({ waste: ['needle', 'needle'], containers: { redBag: 10 } }, [dispose('needle', 'redBag')]);
      expect(s.context.waste.pending).toEqual(['needle']);
      expect(s.context.containers.fill.redBag).toBe(12);
      expect(s.context.waste.disposals[0]).toMatchObject({ item: 'needle', container: 'redBag', fillBefore: 10, fillAfter: 12, withinFillLimit: true });
      expect(s.context.waste.disposals[0]?.problems[0]?.code).toBe('rpbi.sharpNotInSharps');
    });

    it('lets waste go into a container at 80% or more, and records the breach', () => {
      const s = run({ waste: ['needle'], containers: { sharps: 80 } }, [dispose('needle', 'sharps')]);
      expect(s.context.waste.disposals[0]?.withinFillLimit).toBe(false);
      expect(s.context.containers.fill.sharps).toBe(82);
    });

    it('refuses a container that is completely full', () => {
      const s = run({ waste: ['needle'], containers: { sharps: 100 } }, [hygiene(), dispose('needle', 'sharps')]);
      expect(s.context.waste.disposals).toEqual([]);
      expect(s.context.waste.pending).toEqual(['needle']);
      expect(s.context.refusal?.problems[0]?.message['es-MX']).toContain('sustitúyalo');
    });

    it('seals and replaces a container', () => {
      const s = run({ containers: { sharps: 85 } }, [{ type: 'room-prep.replaceContainer', container: 'sharps' }]);
      expect(s.context.containers.fill.sharps).toBe(0);
      expect(s.context.containers.sealed).toEqual([{ container: 'sharps', fill: 85 }]);
    });
  });

  describe('supplies, equipment and privacy', () => {
    it('restocks from the stockroom, which may not have the item', () => {
      const s = run({ lowSupplies: ['gloves', 'soap'], outOfStock: ['soap'] }, [
        { type: 'room-prep.restock', item: 'gloves' },
        { type: 'room-prep.restock', item: 'soap' },
      ]);
      expect(s.context.supplies.restocked).toEqual(['gloves']);
      expect(s.context.supplies.unavailable).toEqual(['soap']);
    });

    it('answers through a provided stockroom synchronously', () => {
      const closed = roomPrepMachine.provide({
        actions: {
          takeFromStockroom: assign(({ context: { supplies }, event }) =>
            event.type === 'room-prep.restock' ? { supplies: { ...supplies, unavailable: [...supplies.unavailable, event.item] } } : {},
          ),
        },
      });
      const actor = createActor(closed, { input: { room, lowSupplies: ['gloves'] } }).start();
      actor.send({ type: 'room-prep.restock', item: 'gloves' });
      expect(actor.getSnapshot().context.supplies.unavailable).toEqual(['gloves']);
      expect(actor.getSnapshot().context.supplies.restocked).toEqual([]);
    });

    it('places equipment once', () => {
      const s = run({ present: [] }, [
        { type: 'room-prep.placeEquipment', equipment: 'stethoscope' },
        { type: 'room-prep.placeEquipment', equipment: 'stethoscope' },
      ]);
      expect(s.context.equipment.present).toEqual(['stethoscope']);
      expect(s.context.equipment.placed).toEqual(['stethoscope']);
    });

    it('records privacy items once', () => {
      const s = run({}, [
        { type: 'room-prep.privacy', item: 'curtain' },
        { type: 'room-prep.privacy', item: 'curtain' },
      ]);
      expect(s.context.privacy.done).toEqual(['curtain']);
    });
  });

  describe('marking the room ready', () => {
    it('is allowed at once, like a room board, and records everything still missing', () => {
      const s = run(messyRoom, [READY]);
      expect(s.status).toBe('done');
      expect(s.context.board).toBe('ready');
      expect(s.context.readyProblems?.map((p) => p.code)).toEqual([
        'roomPrep.cleaningIncomplete',
        'roomPrep.equipmentMissing',
        'roomPrep.suppliesLow',
        'roomPrep.wastePending',
        'roomPrep.containerFull',
        'roomPrep.privacyIncomplete',
        'roomPrep.handsNotClean',
      ]);
    });

    it('records an empty checklist after a complete turnover', () => {
      const s = run(messyRoom, BEST);
      expect(s.matches('ready')).toBe(true);
      expect(s.context.readyProblems).toEqual([]);
      expect(roomReadinessProblems(s.context)).toEqual([]);
    });

    it('ignores events once the room is ready', () => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
      const actor = start();
      actor.send(READY);
      actor.send(step('clean-desk'));
      expect(warn).toHaveBeenCalledOnce();
      warn.mockRestore();
      expect(actor.getSnapshot().context.cleaning.done).toEqual([]);
      expect(actor.getSnapshot().context.history).toEqual(['room-prep.markReady']);
    });
  });

  describe('bad events', () => {
    it('do not compile, and are ignored or recorded at run time', () => {
      const actor = start();
      // The refusal on screen after each event: the room keeps the last one.
      const refused: Array<string | undefined> = [];
      const seen = () => refused.push(actor.getSnapshot().context.refusal?.type);
      // @ts-expect-error: unknown event type
      actor.send({ type: 'room-prep.nope' });
      seen();
      // @ts-expect-error: dispose needs a container
      actor.send({ type: 'room-prep.dispose', item: 'needle' });
      seen();
      // @ts-expect-error: unknown cleaning step
      actor.send({ type: 'room-prep.cleanStep', step: 'wash-car' });
      seen();
      // @ts-expect-error: a prototype key is not a privacy item
      actor.send({ type: 'room-prep.privacy', item: 'toString' });
      seen();
      const s = actor.getSnapshot();
      expect(s.matches('dirty')).toBe(true);
      expect(s.context.history).toEqual([]);
      expect(refused).toEqual([undefined, 'room-prep.dispose', 'room-prep.cleanStep', 'room-prep.privacy']);
    });
  });
});

describe('room-prep observations', () => {
  const best = run(messyRoom, BEST);

  it('are at least 8, with unique namespaced ids and bilingual descriptions', () => {
    expect(roomPrepObservations.length).toBeGreaterThanOrEqual(8);
    const ids = roomPrepObservations.map((o) => o.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const o of roomPrepObservations) {
      expect(o.id).toMatch(/^roomPrep\.[a-z][A-Za-z0-9]+$/);
      expect(o.description['es-MX']).not.toBe('');
      expect(o.description.en).not.toBe('');
    }
  });

  it('are all true after the turnover done right', () => {
    const failing = roomPrepObservations.filter((o) => !o.evaluate(best)).map((o) => o.id);
    expect(failing).toEqual([]);
  });

  // Each case: an observation, and a log that makes it false (the rest of BEST unchanged).
  const falseCases: [string, RoomPrepEvent[], Partial<RoomPrepInput>?][] = [
    ['handHygieneBefore', BEST.slice(1)],
    ['handHygieneAfter', [...BEST.slice(0, -1), step('mop-floor'), READY]],
    ['handHygieneAfterFluids', variant(indexOf(hygiene('after-body-fluid')))],
    ['cleanItemsWithCleanHands', [hygiene(), step('clean-desk'), { type: 'room-prep.placeEquipment', equipment: 'stethoscope' }], {}],
    ['handHygieneMomentsRight', variant(0, hygiene('before-patient'))],
    ['handHygieneMomentsRight', variant(indexOf(hygiene('after-body-fluid')), hygiene('after-surroundings'))],
    ['handHygieneMomentsRight', BEST.map((e) => (e.type === 'room-prep.handHygiene' ? hygiene() : e))],
    ['cleaningOrderCorrect', swapped(step('clean-high-surfaces'), step('clean-desk'))],
    ['cleaningOrderCorrect', [hygiene(), READY], {}],
    ['organicMatterFirst', [hygiene(), step('clean-high-surfaces'), step('remove-organic-matter')]],
    ['cleaningComplete', variant(indexOf(step('mop-floor')))],
    ['equipmentComplete', variant(indexOf({ type: 'room-prep.placeEquipment', equipment: 'stethoscope' }))],
    ['suppliesRestocked', variant(indexOf({ type: 'room-prep.restock', item: 'gloves' }))],
    ['suppliesRestocked', BEST, { ...messyRoom, outOfStock: ['gloves'] }],
    ['sharpsInRedContainer', variant(indexOf(dispose('needle', 'sharps')), dispose('needle', 'redBag'))],
    ['sharpsInRedContainer', variant(indexOf(dispose('needle', 'sharps')))],
    ['noOrdinaryWasteInRpbi', variant(indexOf(dispose('wrapper', 'ordinary')), dispose('wrapper', 'redBag'))],
    ['noRpbiInOrdinaryWaste', variant(indexOf(dispose('blood-soaked-gauze', 'redBag')), dispose('blood-soaked-gauze', 'ordinary'))],
    ['allWasteCorrect', variant(indexOf(dispose('wrapper', 'ordinary')), dispose('wrapper', 'redBag'))],
    ['allWasteCorrect', variant(indexOf(dispose('wrapper', 'ordinary')))],
    ['noContainerOver80', variant(indexOf({ type: 'room-prep.replaceContainer', container: 'sharps' }))],
    ['noContainerOver80', [hygiene()], { containers: { redBag: 85 } }],
    ['fullContainersReplaced', [hygiene()], { containers: { sharps: 80 } }],
    ['privacyPrepared', variant(indexOf({ type: 'room-prep.privacy', item: 'screen-off' }))],
    ['markedReadyWhenComplete', [READY, ...BEST]],
    ['markedReadyWhenComplete', BEST.slice(0, -1)],
  ];

  it.each(falseCases)('%s is false when the trainee slips (case %#)', (id, log, input) => {
    const s = run(input ?? messyRoom, log);
    expect(observe(id, s)).toBe(false);
    expect(observe(id, best)).toBe(true);
  });

  it('covers every observation with a false case', () => {
    const covered = new Set(falseCases.map(([id]) => `roomPrep.${id}`));
    expect(roomPrepObservations.map((o) => o.id).filter((id) => !covered.has(id))).toEqual([]);
  });

  it('tells the kinds of container mistakes apart', () => {
    const s = run(messyRoom, variant(indexOf(dispose('wrapper', 'ordinary')), dispose('wrapper', 'redBag')));
    expect(observe('noOrdinaryWasteInRpbi', s)).toBe(false);
    expect(observe('noRpbiInOrdinaryWaste', s)).toBe(true);
    expect(observe('sharpsInRedContainer', s)).toBe(true);
  });

  it('keeps the hand rules apart: soiled hands on clean items are not a body-fluid slip', () => {
    const s = run({}, [hygiene(), step('clean-desk'), { type: 'room-prep.placeEquipment', equipment: 'stethoscope' }]);
    expect(observe('cleanItemsWithCleanHands', s)).toBe(false);
    expect(observe('handHygieneAfterFluids', s)).toBe(true);
  });

  it('does not score unconfirmed waste items', () => {
    const s = run({ waste: ['urine-cup', 'broken-ampoule'] }, [hygiene(), dispose('urine-cup', 'redBag'), dispose('broken-ampoule', 'ordinary')]);
    expect(observe('allWasteCorrect', s)).toBe(true);
    expect(observe('noOrdinaryWasteInRpbi', s)).toBe(true);
    expect(observe('sharpsInRedContainer', s)).toBe(true);
  });

  it('does not require removing organic matter when there is none', () => {
    expect(observe('organicMatterFirst', run({}, [hygiene(), step('clean-desk')]))).toBe(true);
  });

  it('tells a full container left in place from one filled beyond 80%', () => {
    const s = run({ containers: { sharps: 80 } }, [hygiene()]);
    expect(observe('noContainerOver80', s)).toBe(true);
    expect(observe('fullContainersReplaced', s)).toBe(false);
  });
});

describe('room-prep events', () => {
  it('accept the example params used in these tests', () => {
    const examples: RoomPrepEvent[] = [
      ...BEST,
      hygiene(),
      dispose('urine-cup', 'redBag'),
      { type: 'room-prep.replaceContainer', container: 'ordinary' },
      { type: 'room-prep.placeEquipment', equipment: 'crash-cart' },
    ];
    for (const { type, ...params } of examples) {
      const spec = roomPrepEvents[type];
      expect(spec.params.safeParse(params).success, `${type} ${JSON.stringify(params)}`).toBe(true);
    }
  });

  it('reject unknown ids, missing and extra fields', () => {
    expect(roomPrepEvents['room-prep.dispose'].params.safeParse({ item: 'needle' }).success).toBe(false);
    expect(roomPrepEvents['room-prep.dispose'].params.safeParse({ item: 'needle', container: 'red-bag' }).success).toBe(false);
    expect(roomPrepEvents['room-prep.cleanStep'].params.safeParse({ step: 'clean-desk', by: 'me' }).success).toBe(false);
    expect(roomPrepEvents['room-prep.handHygiene'].params.safeParse({ moment: 'before-lunch' }).success).toBe(false);
    expect(roomPrepEvents['room-prep.markReady'].params.safeParse({ force: true }).success).toBe(false);
  });

  it('have realistic costs and bilingual descriptions', () => {
    for (const spec of Object.values(roomPrepEvents)) {
      expect(spec.cost).toBeGreaterThanOrEqual(5);
      expect(spec.cost).toBeLessThanOrEqual(180);
      expect(spec.description['es-MX']).not.toBe(spec.description.en);
    }
  });
});

describe('roomPrepWorkflow', () => {
  const clinic = sampleClinic({
    rooms: [
      { id: 'c1', name: 'Consultorio 1', specialty: 'general' },
      { id: 'c2', name: 'Consultorio 2', specialty: 'pediatrics' },
    ],
  });

  it('validates the task options strictly', () => {
    const ok = roomPrepOptionsSchema.safeParse({
      roomId: 'c2',
      waste: ['needle', 'wrapper'],
      present: ['infant-scale'],
      containers: { sharps: 85, redBag: 40 },
      privacyItems: ['curtain', 'gown'],
    });
    expect(ok.success).toBe(true);
    expect(roomPrepOptionsSchema.safeParse({}).success).toBe(true);
    expect(roomPrepOptionsSchema.safeParse({ room: 'c2' }).success).toBe(false);
    expect(roomPrepOptionsSchema.safeParse({ containers: { 'red-bag': 40 } }).success).toBe(false);
    expect(roomPrepOptionsSchema.safeParse({ containers: { sharps: 120 } }).success).toBe(false);
  });

  it('builds the input from the case: the named room, or the first of the specialty', () => {
    const named = roomPrepWorkflow.input(makeCase(gloria(), { roomId: 'c2', waste: ['needle'] }, { clinic })) as RoomPrepInput;
    expect(named.room.id).toBe('c2');
    expect(named.waste).toEqual(['needle']);
    const bySpecialty = roomPrepWorkflow.input(makeCase(gloria(), { specialty: 'pediatrics' as const }, { clinic })) as RoomPrepInput;
    expect(bySpecialty.room.id).toBe('c2');
    const first = roomPrepWorkflow.input(makeCase(gloria(), {}, { clinic })) as RoomPrepInput;
    expect(first.room.id).toBe('c1');
    const unknown = roomPrepWorkflow.input(makeCase(gloria(), { roomId: 'c9' }, { clinic })) as RoomPrepInput;
    expect(unknown.room).toEqual({ id: 'c9', name: 'c9', specialty: 'general' });
  });

  it('runs a pediatric room from the case and is done once marked ready', () => {
    const input = roomPrepWorkflow.input(makeCase(gloria(), { roomId: 'c2', present: [] }, { clinic })) as RoomPrepInput;
    const actor = createActor(roomPrepWorkflow.machine, { input }).start();
    expect(actor.getSnapshot().context.specialty).toBe('pediatrics');
    expect(roomPrepWorkflow.isDone(actor.getSnapshot())).toBe(false);
    actor.send(READY);
    expect(roomPrepWorkflow.isDone(actor.getSnapshot())).toBe(true);
    expect(actor.getSnapshot().context.readyProblems?.find((p) => p.code === 'roomPrep.equipmentMissing')?.message.en).toContain('Infant scale');
  });

  it('has the id, title and catalogues the registry expects', () => {
    expect(roomPrepWorkflow.id).toBe('room-prep');
    expect(roomPrepWorkflow.title.en).toBe('Exam-room preparation');
    expect(Object.keys(roomPrepWorkflow.events).sort()).toEqual(
      [
        'room-prep.cleanStep',
        'room-prep.dispose',
        'room-prep.handHygiene',
        'room-prep.markReady',
        'room-prep.placeEquipment',
        'room-prep.privacy',
        'room-prep.replaceContainer',
        'room-prep.restock',
      ].sort(),
    );
  });
});

describe('room-prep model', () => {
  /** Every state-node path a state value is in: { working: 'handsClean' } -> working, working.handsClean. */
  const flatten = (value: StateValue): string[] =>
    typeof value === 'string'
      ? [value]
      : Object.entries(value).flatMap(([k, v]) => (v === undefined ? [k] : [k, ...flatten(v).map((x) => `${k}.${x}`)]));

  {
    const input: RoomPrepInput = { room, waste: ['needle', 'wrapper'], organicMatter: true };
    const events: RoomPrepEvent[] = [
      hygiene('after-surroundings'),
      step('remove-organic-matter'),
      step('clean-desk'),
      dispose('needle', 'sharps'),
      dispose('wrapper', 'ordinary'),
      { type: 'room-prep.replaceContainer', container: 'redBag' },
      { type: 'room-prep.restock', item: 'gloves' },
      { type: 'room-prep.placeEquipment', equipment: 'stethoscope' },
      { type: 'room-prep.privacy', item: 'curtain' },
      READY,
    ];
    const paths = getShortestPaths(roomPrepMachine, {
      events,
      input,
      // States are told apart by value: the context (history, fills) would make the graph infinite.
      serializeState: (s) => JSON.stringify(s.value),
    });
    const nodes = getStateNodes(roomPrepMachine.root).filter((n) => n.path.length > 0);

    it('reaches every state node of the machine', () => {
      const reached = new Set(paths.flatMap((p) => flatten(p.state.value)));
      const unreached = nodes.filter((n) => !reached.has(n.path.join('.')));
      console.info(`room-prep model: reached ${nodes.length - unreached.length} of ${nodes.length} state nodes`);
      expect(unreached.map((n) => n.id)).toEqual([]);
      expect(nodes.map((n) => n.id).sort()).toEqual(
        [
          'roomPrep.dirty',
          'roomPrep.ready',
          'roomPrep.working',
          'roomPrep.working.handsClean',
          'roomPrep.working.handsContaminated',
          'roomPrep.working.handsSoiled',
        ].sort(),
      );
    });

    it('replays every shortest path on a live actor to the same state', () => {
      for (const path of paths) {
        const actor = createActor(roomPrepMachine, { input }).start();
        for (const { event } of path.steps) actor.send(event);
        expect(actor.getSnapshot().value).toEqual(path.state.value);
      }
    });
  }
});
