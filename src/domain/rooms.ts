import { t, type LocalizedText, type Problem } from './text';
import type { Room, Specialty } from './types';

// Facts: /work/shared/domain/mexico-front-desk.md section 6. Anything that section does not settle
// carries `unconfirmed: true`; such entries are shown to trainees but never scored.

/** Every specialty a room can be set up for. */
export const SPECIALTIES = ['general', 'pediatrics', 'cardiology', 'gynecology'] as const satisfies readonly Specialty[];

// ---------------------------------------------------------------------------------------------
// Equipment
// ---------------------------------------------------------------------------------------------

export const EQUIPMENT_IDS = [
  'adult-scale',
  'infant-scale',
  'pediatric-exam-table',
  'thermometer',
  'glucometer',
  'bp-cuff',
  'stethoscope',
  'ekg-machine',
  'crash-cart',
  'pediatric-length-board',
  'ekg-electrodes',
  'exam-table',
  'gynecological-exam-table',
  'exam-lamp',
  'vaginal-speculum',
] as const;
/** An item of equipment an exam room may need. */
export type EquipmentId = (typeof EQUIPMENT_IDS)[number];

/** One catalogue entry of room equipment. */
export interface EquipmentInfo {
  id: EquipmentId;
  name: LocalizedText;
  /** Not settled by the facts document: listed for realism, never scored. */
  unconfirmed?: boolean;
}

const equipment = (id: EquipmentId, esMX: string, en: string, unconfirmed = false): EquipmentInfo =>
  unconfirmed ? { id, name: t(esMX, en), unconfirmed: true } : { id, name: t(esMX, en) };

/** The equipment catalogue, from a Mexican clinic's room checklist (facts doc, section 6). */
export const EQUIPMENT: Record<EquipmentId, EquipmentInfo> = {
  'adult-scale': equipment('adult-scale', 'Báscula para adulto con estadímetro', 'Adult scale with height rod'),
  'infant-scale': equipment('infant-scale', 'Báscula pediátrica (pesabebés)', 'Infant scale'),
  'pediatric-exam-table': equipment('pediatric-exam-table', 'Mesa de exploración pediátrica', 'Pediatric exam table'),
  thermometer: equipment('thermometer', 'Termómetro', 'Thermometer'),
  glucometer: equipment('glucometer', 'Glucómetro', 'Glucometer'),
  'bp-cuff': equipment('bp-cuff', 'Baumanómetro', 'Blood-pressure cuff'),
  stethoscope: equipment('stethoscope', 'Estetoscopio', 'Stethoscope'),
  'ekg-machine': equipment('ekg-machine', 'Electrocardiógrafo', 'EKG machine'),
  'crash-cart': equipment('crash-cart', 'Carro rojo completo', 'Complete crash cart ("carro rojo")'),
  'pediatric-length-board': equipment('pediatric-length-board', 'Infantómetro', 'Pediatric length board', true),
  'ekg-electrodes': equipment('ekg-electrodes', 'Electrodos para ECG', 'EKG electrodes', true),
  'exam-table': equipment('exam-table', 'Mesa de exploración', 'Exam table', true),
  'gynecological-exam-table': equipment(
    'gynecological-exam-table',
    'Mesa de exploración ginecológica con pierneras',
    'Gynecological exam table with stirrups',
    true,
  ),
  'exam-lamp': equipment('exam-lamp', 'Lámpara de exploración', 'Examination lamp', true),
  'vaginal-speculum': equipment('vaginal-speculum', 'Espejos vaginales (espéculos)', 'Vaginal specula', true),
};

const BASE_EQUIPMENT: EquipmentId[] = ['adult-scale', 'thermometer', 'glucometer', 'bp-cuff', 'stethoscope', 'exam-table'];

/**
 * What each specialty's room needs. The assignment of checklist items to specialties is ours (the
 * facts name the items and that cardiology needs an EKG machine and a complete crash cart); the
 * unconfirmed items in these lists are suggestions that `missingEquipment` skips by default.
 */
export const REQUIRED_EQUIPMENT: Record<Specialty, readonly EquipmentId[]> = {
  general: BASE_EQUIPMENT,
  pediatrics: [...BASE_EQUIPMENT, 'infant-scale', 'pediatric-exam-table', 'pediatric-length-board'],
  cardiology: [...BASE_EQUIPMENT, 'ekg-machine', 'crash-cart', 'ekg-electrodes'],
  gynecology: [...BASE_EQUIPMENT, 'gynecological-exam-table', 'exam-lamp', 'vaginal-speculum'],
};

/** Required equipment of the specialty not in `present`; unconfirmed items only when asked for. */
export function missingEquipment(
  specialty: Specialty,
  present: readonly string[],
  options: { includeUnconfirmed?: boolean } = {},
): EquipmentId[] {
  const have = new Set(present);
  return REQUIRED_EQUIPMENT[specialty].filter(
    (id) => !have.has(id) && (options.includeUnconfirmed === true || EQUIPMENT[id].unconfirmed !== true),
  );
}

// ---------------------------------------------------------------------------------------------
// Consumable supplies (our own list: the facts document has none, so nothing here is scored
// beyond "restock what the scenario says is low").
// ---------------------------------------------------------------------------------------------

export const SUPPLY_IDS = [
  'table-paper',
  'gloves',
  'alcohol-gel',
  'soap',
  'paper-towels',
  'tongue-depressors',
  'alcohol-swabs',
] as const;
/** A consumable kept in the exam room. */
export type SupplyId = (typeof SUPPLY_IDS)[number];

/** Consumables the room is stocked with. */
export const SUPPLIES: Record<SupplyId, { id: SupplyId; name: LocalizedText }> = {
  'table-paper': { id: 'table-paper', name: t('Rollo de papel para mesa de exploración', 'Exam-table paper roll') },
  gloves: { id: 'gloves', name: t('Guantes desechables', 'Disposable gloves') },
  'alcohol-gel': { id: 'alcohol-gel', name: t('Gel alcoholado', 'Alcohol hand rub') },
  soap: { id: 'soap', name: t('Jabón para manos', 'Hand soap') },
  'paper-towels': { id: 'paper-towels', name: t('Toallas de papel', 'Paper towels') },
  'tongue-depressors': { id: 'tongue-depressors', name: t('Abatelenguas', 'Tongue depressors') },
  'alcohol-swabs': { id: 'alcohol-swabs', name: t('Torundas con alcohol', 'Alcohol swabs') },
};

// ---------------------------------------------------------------------------------------------
// Privacy preparation
// ---------------------------------------------------------------------------------------------

export const PRIVACY_ITEM_IDS = ['curtain', 'sheet', 'gown', 'screen-off'] as const;
/** Something that protects the next patient's privacy. */
export type PrivacyItemId = (typeof PRIVACY_ITEM_IDS)[number];

/** Privacy items. Only `screen-off` rests on a fact (section 5: no data visible to others). */
export const PRIVACY_ITEMS: Record<PrivacyItemId, { id: PrivacyItemId; name: LocalizedText; unconfirmed?: boolean }> = {
  curtain: { id: 'curtain', name: t('Cortina o biombo en su lugar', 'Curtain or screen in place'), unconfirmed: true },
  sheet: { id: 'sheet', name: t('Sábana limpia para cubrir al paciente', 'Clean sheet to cover the patient'), unconfirmed: true },
  gown: { id: 'gown', name: t('Bata para el paciente', 'Patient gown'), unconfirmed: true },
  'screen-off': {
    id: 'screen-off',
    name: t(
      'Pantalla bloqueada: sin datos del paciente anterior a la vista',
      "Screen locked: no previous patient's data in view",
    ),
  },
};

// ---------------------------------------------------------------------------------------------
// Cleaning steps and their order
// ---------------------------------------------------------------------------------------------

export const CLEANING_STEP_IDS = [
  'remove-organic-matter',
  'clean-high-surfaces',
  'clean-desk',
  'clean-equipment',
  'disinfect-exam-table',
  'change-table-paper',
  'clean-sink',
  'empty-ordinary-waste',
  'clean-door-handles',
  'mop-floor',
] as const;
/** One step of turning over an exam room. */
export type CleaningStepId = (typeof CLEANING_STEP_IDS)[number];

/**
 * A cleaning step with the properties the order rules read. The rules are the facts doc's
 * (organic matter first, clean to dirty, top to bottom, inside to outside); the height and soil
 * grades given to each step are our reading of them.
 */
export interface CleaningStep {
  id: CleaningStepId;
  name: LocalizedText;
  /** 2 high surfaces, 1 work height, 0 floor; absent when the step is not a surface. */
  height?: number;
  /** 0 clean area, 1 touched by patients now and then, 2 dirty (patient contact, drains, waste). */
  soil?: number;
  /** `exit` steps are done on the way out, after everything inside the room. */
  zone: 'inside' | 'exit';
  /** Steps that must come before this one. */
  after?: CleaningStepId[];
  /** Typical simulated seconds. */
  seconds: number;
}

/** The cleaning steps, in the correct order. */
export const CLEANING_STEPS: Record<CleaningStepId, CleaningStep> = {
  'remove-organic-matter': {
    id: 'remove-organic-matter',
    name: t('Retirar la materia orgánica visible', 'Remove visible organic matter'),
    zone: 'inside',
    seconds: 120,
  },
  'clean-high-surfaces': {
    id: 'clean-high-surfaces',
    name: t('Limpiar superficies altas (repisas, lámpara)', 'Clean high surfaces (shelves, lamp)'),
    height: 2,
    soil: 0,
    zone: 'inside',
    seconds: 120,
  },
  'clean-desk': {
    id: 'clean-desk',
    name: t('Limpiar escritorio, silla y teclado', 'Clean desk, chair and keyboard'),
    height: 1,
    soil: 0,
    zone: 'inside',
    seconds: 90,
  },
  'clean-equipment': {
    id: 'clean-equipment',
    name: t('Limpiar equipo (estetoscopio, baumanómetro, báscula)', 'Clean equipment (stethoscope, cuff, scale)'),
    height: 1,
    soil: 1,
    zone: 'inside',
    seconds: 120,
  },
  'disinfect-exam-table': {
    id: 'disinfect-exam-table',
    name: t('Desinfectar la mesa de exploración', 'Disinfect the exam table'),
    height: 1,
    soil: 2,
    zone: 'inside',
    seconds: 150,
  },
  'change-table-paper': {
    id: 'change-table-paper',
    name: t('Cambiar el papel de la mesa', 'Change the table paper'),
    zone: 'inside',
    after: ['disinfect-exam-table'],
    seconds: 60,
  },
  'clean-sink': {
    id: 'clean-sink',
    name: t('Limpiar el lavabo', 'Clean the sink'),
    height: 1,
    soil: 2,
    zone: 'inside',
    seconds: 90,
  },
  'empty-ordinary-waste': {
    id: 'empty-ordinary-waste',
    name: t('Vaciar el bote de basura común', 'Empty the ordinary waste bin'),
    soil: 2,
    zone: 'inside',
    seconds: 60,
  },
  'clean-door-handles': {
    id: 'clean-door-handles',
    name: t('Limpiar manijas y apagador', 'Clean door handles and light switch'),
    height: 1,
    soil: 2,
    zone: 'exit',
    seconds: 60,
  },
  'mop-floor': {
    id: 'mop-floor',
    name: t('Trapear el piso de adentro hacia la puerta', 'Mop the floor from the back towards the door'),
    height: 0,
    soil: 2,
    zone: 'exit',
    seconds: 180,
  },
};

/** The cleaning steps of an ordinary turnover (organic matter only when there is some). */
export function standardCleaningSteps(organicMatter: boolean): CleaningStepId[] {
  return CLEANING_STEP_IDS.filter((id) => organicMatter || id !== 'remove-organic-matter');
}

const nameOf = (id: CleaningStepId): LocalizedText => CLEANING_STEPS[id].name;

const orderProblem = (code: string, es: string, en: string, a: CleaningStepId, b: CleaningStepId): Problem => ({
  code,
  severity: 'error',
  message: t(
    `${es}: «${nameOf(b)['es-MX']}» se hizo después de «${nameOf(a)['es-MX']}».`,
    `${en}: "${nameOf(b).en}" was done after "${nameOf(a).en}".`,
  ),
});

/**
 * Checks the order of cleaning steps against the rules: organic matter first, top to bottom,
 * clean to dirty, inside to outside, and each step after the steps it depends on. Reports each
 * broken rule once, naming the first pair of steps that breaks it.
 */
export function checkCleaningOrder(steps: readonly CleaningStepId[]): Problem[] {
  const problems: Problem[] = [];
  const known = steps.filter((s) => Object.hasOwn(CLEANING_STEPS, s));
  const found = new Set<string>();
  const add = (p: Problem) => {
    if (!found.has(p.code)) {
      found.add(p.code);
      problems.push(p);
    }
  };

  const organicAt = known.indexOf('remove-organic-matter');
  const firstOther = known.find((s) => s !== 'remove-organic-matter');
  if (organicAt > 0 && firstOther !== undefined) {
    add(
      orderProblem(
        'cleaning.organicNotFirst',
        'La materia orgánica visible se retira antes que todo lo demás, para no esparcirla',
        'Visible organic matter is removed before anything else, so it is not spread around',
        firstOther,
        'remove-organic-matter',
      ),
    );
  }

  for (let j = 0; j < known.length; j++) {
    const b = CLEANING_STEPS[known[j] as CleaningStepId];
    for (let i = 0; i < j; i++) {
      const a = CLEANING_STEPS[known[i] as CleaningStepId];
      if (a.height !== undefined && b.height !== undefined && b.height > a.height) {
        add(
          orderProblem(
            'cleaning.bottomBeforeTop',
            'Se limpia de arriba hacia abajo: el polvo y las gotas caen sobre lo ya limpio',
            'Clean from top to bottom: dust and drips fall onto what is already clean',
            a.id,
            b.id,
          ),
        );
      }
      if (a.soil !== undefined && b.soil !== undefined && b.soil < a.soil) {
        add(
          orderProblem(
            'cleaning.dirtyBeforeClean',
            'Se limpia de lo limpio a lo sucio: el paño lleva la suciedad a lo limpio',
            'Clean from clean to dirty: the cloth carries dirt onto clean areas',
            a.id,
            b.id,
          ),
        );
      }
      if (a.zone === 'exit' && b.zone === 'inside') {
        add(
          orderProblem(
            'cleaning.outsideBeforeInside',
            'Se limpia de adentro hacia afuera: al volver a entrar se pisa y ensucia lo ya limpio',
            'Clean from inside to outside: going back in soils what is already clean',
            a.id,
            b.id,
          ),
        );
      }
    }
    for (const dep of b.after ?? []) {
      if (!known.slice(0, j).includes(dep)) {
        add(
          orderProblem(
            'cleaning.beforeItsPrerequisite',
            'El papel limpio se coloca sobre una mesa ya desinfectada',
            'Clean paper goes on a table that is already disinfected',
            dep,
            b.id,
          ),
        );
      }
    }
  }
  return problems;
}

/** Checks a round of rooms: isolation rooms are cleaned last, after every other room. */
export function checkRoomOrder(rooms: readonly Pick<Room, 'id' | 'isolation'>[]): Problem[] {
  const firstIsolation = rooms.findIndex((r) => r.isolation === true);
  if (firstIsolation < 0) return [];
  const later = rooms.slice(firstIsolation + 1).find((r) => r.isolation !== true);
  if (later === undefined) return [];
  const iso = rooms[firstIsolation]?.id ?? '';
  return [
    {
      code: 'cleaning.isolationNotLast',
      severity: 'error',
      message: t(
        `Los cuartos de aislamiento se limpian al final: «${later.id}» se limpió después de «${iso}».`,
        `Isolation rooms are cleaned last: "${later.id}" was cleaned after "${iso}".`,
      ),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Hand hygiene: WHO's 5 moments
// ---------------------------------------------------------------------------------------------

export const HAND_HYGIENE_MOMENT_IDS = [
  'before-patient',
  'before-aseptic',
  'after-body-fluid',
  'after-patient',
  'after-surroundings',
] as const;
/** One of WHO's 5 moments for hand hygiene. */
export type HandHygieneMoment = (typeof HAND_HYGIENE_MOMENT_IDS)[number];

/** A WHO moment, and whether it can arise while preparing an empty room. */
export interface HandHygieneMomentInfo {
  id: HandHygieneMoment;
  /** 1 to 5, as WHO numbers them. */
  number: number;
  name: LocalizedText;
  appliesToRoomPrep: boolean;
  why: LocalizedText;
}

const NO_PATIENT = t(
  'Al preparar el consultorio no hay paciente presente.',
  'No patient is present while the room is prepared.',
);

/** WHO's 5 moments of hand hygiene (facts doc, section 6). */
export const HAND_HYGIENE_MOMENTS: Record<HandHygieneMoment, HandHygieneMomentInfo> = {
  'before-patient': {
    id: 'before-patient',
    number: 1,
    name: t('Antes de tocar al paciente', 'Before touching a patient'),
    appliesToRoomPrep: false,
    why: NO_PATIENT,
  },
  'before-aseptic': {
    id: 'before-aseptic',
    number: 2,
    name: t('Antes de realizar una tarea limpia o aséptica', 'Before a clean or aseptic procedure'),
    appliesToRoomPrep: false,
    why: t(
      'La tarea limpia o aséptica es un procedimiento sobre el paciente, que no está presente.',
      'The clean or aseptic procedure is one done on the patient, who is not present.',
    ),
  },
  'after-body-fluid': {
    id: 'after-body-fluid',
    number: 3,
    name: t('Después del riesgo de exposición a líquidos corporales', 'After body-fluid exposure risk'),
    appliesToRoomPrep: true,
    why: t(
      'Retirar materia orgánica y manejar RPBI expone a sangre y líquidos corporales.',
      'Removing organic matter and handling biological-infectious waste (RPBI) exposes you to blood and body fluids.',
    ),
  },
  'after-patient': {
    id: 'after-patient',
    number: 4,
    name: t('Después de tocar al paciente', 'After touching a patient'),
    appliesToRoomPrep: false,
    why: NO_PATIENT,
  },
  'after-surroundings': {
    id: 'after-surroundings',
    number: 5,
    name: t('Después del contacto con el entorno del paciente', "After touching a patient's surroundings"),
    appliesToRoomPrep: true,
    why: t(
      'La mesa, el equipo y el mobiliario del consultorio son el entorno del paciente.',
      "The table, equipment and furniture of the room are the patient's surroundings.",
    ),
  },
};

/** The moments that can arise while preparing a room: 3 and 5. */
export const ROOM_PREP_HAND_HYGIENE_MOMENTS: readonly HandHygieneMoment[] = HAND_HYGIENE_MOMENT_IDS.filter(
  (m) => HAND_HYGIENE_MOMENTS[m].appliesToRoomPrep,
);
