import { t, type LocalizedText, type Problem } from './text';

// Biological-infectious hazardous waste, "RPBI" (residuos peligrosos biológico-infecciosos), after
// NOM-087-SEMARNAT-SSA1-2002 as summarised in /work/shared/domain/mexico-front-desk.md section 6.
// Items the summary does not settle carry `unconfirmed: true`: their container is a suggestion
// and scoring skips them.

/** The norm every explanation cites. */
export const RPBI_NORM = 'NOM-087-SEMARNAT-SSA1-2002';

export const CONTAINER_IDS = ['redBag', 'yellowBag', 'sharps', 'redHermetic', 'yellowHermetic', 'ordinary'] as const;
/** A waste container in the exam room. camelCase because scenario files use these as keys. */
export type ContainerId = (typeof CONTAINER_IDS)[number];

/** A container: its colour and kind, whether it is RPBI, and what goes in it. */
export interface ContainerInfo {
  id: ContainerId;
  name: LocalizedText;
  /** False only for the ordinary (municipal) waste bin. */
  rpbi: boolean;
  holds: LocalizedText;
}

/** The containers of the norm plus the ordinary bin. */
export const CONTAINERS: Record<ContainerId, ContainerInfo> = {
  redBag: {
    id: 'redBag',
    name: t('Bolsa roja', 'Red bag'),
    rpbi: true,
    holds: t(
      'Residuos sólidos no anatómicos empapados de sangre o líquidos corporales.',
      'Non-anatomical solid waste soaked in blood or body fluids.',
    ),
  },
  yellowBag: {
    id: 'yellowBag',
    name: t('Bolsa amarilla', 'Yellow bag'),
    rpbi: true,
    holds: t('Residuos patológicos (tejidos).', 'Pathological waste (tissue).'),
  },
  sharps: {
    id: 'sharps',
    name: t('Recipiente rígido rojo (punzocortantes)', 'Red rigid container (sharps)'),
    rpbi: true,
    holds: t('Objetos punzocortantes: agujas, hojas de bisturí, lancetas.', 'Sharps: needles, scalpel blades, lancets.'),
  },
  redHermetic: {
    id: 'redHermetic',
    name: t('Recipiente hermético rojo', 'Red hermetic container'),
    rpbi: true,
    holds: t('Sangre líquida y cultivos.', 'Liquid blood and cultures.'),
  },
  yellowHermetic: {
    id: 'yellowHermetic',
    name: t('Recipiente hermético amarillo', 'Yellow hermetic container'),
    rpbi: true,
    holds: t('Residuos patológicos líquidos.', 'Liquid pathological waste.'),
  },
  ordinary: {
    id: 'ordinary',
    name: t('Bote de basura común', 'Ordinary waste bin'),
    rpbi: false,
    holds: t('Residuos no peligrosos: papel, envolturas.', 'Non-hazardous waste: paper, wrappers.'),
  },
};

export const WASTE_ITEM_IDS = [
  'needle',
  'scalpel-blade',
  'lancet',
  'blood-soaked-gauze',
  'blood-soaked-cotton',
  'gloves-with-blood',
  'tissue-sample',
  'liquid-blood-tube',
  'culture',
  'liquid-pathological',
  'table-paper',
  'wrapper',
  'ordinary-paper',
  'food-wrapper',
  'broken-ampoule',
  'gloves-without-fluids',
  'urine-cup',
] as const;
/** A piece of waste left in a room after a visit. */
export type WasteItemId = (typeof WASTE_ITEM_IDS)[number];

/** A waste item, where it goes and why. */
export interface WasteItem {
  id: WasteItemId;
  name: LocalizedText;
  /** The right container (a suggestion only when unconfirmed). */
  container: ContainerId;
  sharp: boolean;
  /** Percentage points of a standard container this item fills (a simulation value). */
  fill: number;
  /** The norm's reason, shown when the item goes in the wrong container. */
  explanation: LocalizedText;
  /** Not settled by the facts document: never scored. */
  unconfirmed?: boolean;
}

const SHARP_WHY = t(
  `${RPBI_NORM}: los punzocortantes van en el recipiente rígido rojo, que no se perfora.`,
  `${RPBI_NORM}: sharps go in the red rigid container, which they cannot pierce.`,
);
const RED_BAG_WHY = t(
  `${RPBI_NORM}: los residuos sólidos no anatómicos empapados de sangre o líquidos corporales van en bolsa roja.`,
  `${RPBI_NORM}: non-anatomical solid waste soaked in blood or body fluids goes in the red bag.`,
);
const ORDINARY_WHY = t(
  `${RPBI_NORM}: el papel y las envolturas no son RPBI; van a la basura común y no ocupan contenedores de RPBI.`,
  `${RPBI_NORM}: paper and wrappers are not RPBI; they go in ordinary waste and do not take up RPBI containers.`,
);
const UNSETTLED = (es: string, en: string) =>
  t(`${es} Nuestro resumen de la ${RPBI_NORM} no lo resuelve: no se califica.`, `${en} Our summary of ${RPBI_NORM} does not settle it: not scored.`);

const item = (
  id: WasteItemId,
  name: LocalizedText,
  container: ContainerId,
  fill: number,
  explanation: LocalizedText,
  extra: { sharp?: boolean; unconfirmed?: boolean } = {},
): WasteItem => ({
  id,
  name,
  container,
  sharp: extra.sharp ?? false,
  fill,
  explanation,
  ...(extra.unconfirmed === true ? { unconfirmed: true } : {}),
});

/** The waste catalogue. */
export const WASTE_ITEMS: Record<WasteItemId, WasteItem> = {
  needle: item('needle', t('Aguja usada', 'Used needle'), 'sharps', 2, SHARP_WHY, { sharp: true }),
  'scalpel-blade': item('scalpel-blade', t('Hoja de bisturí', 'Scalpel blade'), 'sharps', 2, SHARP_WHY, { sharp: true }),
  lancet: item('lancet', t('Lanceta', 'Lancet'), 'sharps', 1, SHARP_WHY, { sharp: true }),
  'blood-soaked-gauze': item('blood-soaked-gauze', t('Gasa empapada de sangre', 'Blood-soaked gauze'), 'redBag', 5, RED_BAG_WHY),
  'blood-soaked-cotton': item(
    'blood-soaked-cotton',
    t('Torunda empapada de sangre', 'Blood-soaked cotton swab'),
    'redBag',
    3,
    RED_BAG_WHY,
  ),
  'gloves-with-blood': item('gloves-with-blood', t('Guantes con sangre', 'Gloves with blood on them'), 'redBag', 5, RED_BAG_WHY),
  'tissue-sample': item(
    'tissue-sample',
    t('Tejido (residuo patológico)', 'Tissue (pathological waste)'),
    'yellowBag',
    10,
    t(`${RPBI_NORM}: los residuos patológicos (tejidos) van en bolsa amarilla.`, `${RPBI_NORM}: pathological waste (tissue) goes in the yellow bag.`),
  ),
  'liquid-blood-tube': item(
    'liquid-blood-tube',
    t('Tubo con sangre líquida', 'Tube of liquid blood'),
    'redHermetic',
    10,
    t(`${RPBI_NORM}: la sangre líquida va en recipiente hermético rojo.`, `${RPBI_NORM}: liquid blood goes in the red hermetic container.`),
  ),
  culture: item(
    'culture',
    t('Cultivo', 'Culture'),
    'redHermetic',
    10,
    t(`${RPBI_NORM}: los cultivos van en recipiente hermético rojo.`, `${RPBI_NORM}: cultures go in the red hermetic container.`),
  ),
  'liquid-pathological': item(
    'liquid-pathological',
    t('Residuo patológico líquido', 'Liquid pathological waste'),
    'yellowHermetic',
    15,
    t(
      `${RPBI_NORM}: los residuos patológicos líquidos van en recipiente hermético amarillo.`,
      `${RPBI_NORM}: liquid pathological waste goes in the yellow hermetic container.`,
    ),
  ),
  'table-paper': item('table-paper', t('Papel de la mesa (sin fluidos)', 'Table paper (no fluids)'), 'ordinary', 10, ORDINARY_WHY),
  wrapper: item('wrapper', t('Envoltura de jeringa o gasa', 'Syringe or gauze wrapper'), 'ordinary', 2, ORDINARY_WHY),
  'ordinary-paper': item('ordinary-paper', t('Papel común', 'Ordinary paper'), 'ordinary', 3, ORDINARY_WHY),
  'food-wrapper': item('food-wrapper', t('Envoltura de comida', 'Food wrapper'), 'ordinary', 2, ORDINARY_WHY),
  'broken-ampoule': item(
    'broken-ampoule',
    t('Ámpula de vidrio rota', 'Broken glass ampoule'),
    'sharps',
    3,
    UNSETTLED(
      'Un vidrio roto corta; se sugiere el recipiente rígido si estuvo en contacto con sangre.',
      'Broken glass cuts; the rigid container is suggested if it touched blood.',
    ),
    { sharp: true, unconfirmed: true },
  ),
  'gloves-without-fluids': item(
    'gloves-without-fluids',
    t('Guantes sin sangre ni fluidos', 'Gloves without blood or fluids'),
    'ordinary',
    5,
    UNSETTLED('Sin sangre ni fluidos se sugiere la basura común.', 'Without blood or fluids, ordinary waste is suggested.'),
    { unconfirmed: true },
  ),
  'urine-cup': item(
    'urine-cup',
    t('Vaso de orina sin sangre', 'Urine cup without blood'),
    'ordinary',
    5,
    UNSETTLED('Vacío y sin sangre se sugiere la basura común.', 'Emptied and without blood, ordinary waste is suggested.'),
    { unconfirmed: true },
  ),
};

/** True when the id names a known waste item. */
export const isWasteItem = (id: string): id is WasteItemId => Object.hasOwn(WASTE_ITEMS, id);
/** True when the id names a known container. */
export const isContainer = (id: string): id is ContainerId => Object.hasOwn(CONTAINERS, id);

/** The container an item goes in (the suggested one for unconfirmed items). */
export function containerFor(itemId: WasteItemId): ContainerId {
  return WASTE_ITEMS[itemId].container;
}

/** True when the item is RPBI (its container is an RPBI container). */
export function isRpbi(itemId: WasteItemId): boolean {
  return CONTAINERS[WASTE_ITEMS[itemId].container].rpbi;
}

/**
 * Checks one disposal. An unconfirmed item gives no problem. Codes: `rpbi.sharpNotInSharps`,
 * `rpbi.rpbiInOrdinary` (hazard to cleaners and the public), `rpbi.ordinaryInRpbi` (waste of
 * costly RPBI treatment) and `rpbi.wrongContainer` for a mix-up between RPBI containers.
 */
export function checkDisposal(itemId: WasteItemId, container: ContainerId): Problem[] {
  const w = WASTE_ITEMS[itemId];
  if (w.unconfirmed === true || w.container === container) return [];
  const put = CONTAINERS[container];
  const right = CONTAINERS[w.container];
  const code = w.sharp
    ? 'rpbi.sharpNotInSharps'
    : right.rpbi && !put.rpbi
      ? 'rpbi.rpbiInOrdinary'
      : !right.rpbi && put.rpbi
        ? 'rpbi.ordinaryInRpbi'
        : 'rpbi.wrongContainer';
  return [
    {
      code,
      severity: 'error',
      message: t(
        `«${w.name['es-MX']}» va en ${right.name['es-MX'].toLowerCase()}, no en ${put.name['es-MX'].toLowerCase()}. ${w.explanation['es-MX']}`,
        `"${w.name.en}" goes in the ${right.name.en.toLowerCase()}, not the ${put.name.en.toLowerCase()}. ${w.explanation.en}`,
      ),
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Filling and storage
// ---------------------------------------------------------------------------------------------

/** RPBI containers are filled to 80% of their capacity at most, then sealed. */
export const MAX_FILL_PERCENT = 80;

/** True when a fill level is above the 80% limit. */
export function isOverFilled(percent: number): boolean {
  return percent > MAX_FILL_PERCENT;
}

/**
 * Whether waste may still go in a container at this fill level: RPBI containers take waste only
 * below 80% (at 80% they are sealed and replaced); the ordinary bin has no such rule.
 */
export function canDeposit(container: ContainerId, fillPercent: number): boolean {
  return !CONTAINERS[container].rpbi || fillPercent < MAX_FILL_PERCENT;
}

/** Why a container at this fill level must be sealed, for feedback. */
export const FILL_RULE: LocalizedText = t(
  `${RPBI_NORM}: los recipientes de RPBI se llenan hasta el 80% de su capacidad; después se cierran y se sustituyen.`,
  `${RPBI_NORM}: RPBI containers are filled to 80% of their capacity at most; then they are sealed and replaced.`,
);

/** Care level of a unit; level I units have 1-5 beds (bed ranges of II and III are unconfirmed). */
export type UnitLevel = 1 | 2 | 3;

/** The longest time sealed RPBI may stay in the unit's temporary storage, in days. */
export const STORAGE_LIMIT_DAYS: Record<UnitLevel, number> = { 1: 30, 2: 15, 3: 7 };

/** Checks how long sealed RPBI has been in temporary storage against the unit level's limit. */
export function checkStorage(level: UnitLevel, days: number): Problem[] {
  const limit = STORAGE_LIMIT_DAYS[level];
  if (days <= limit) return [];
  const roman = ['I', 'II', 'III'][level - 1] ?? String(level);
  return [
    {
      code: 'rpbi.storageExceeded',
      severity: 'error',
      message: t(
        `${RPBI_NORM}: en una unidad de nivel ${roman} el RPBI se almacena temporalmente ${limit} días como máximo; lleva ${days}.`,
        `${RPBI_NORM}: a level ${roman} unit keeps RPBI in temporary storage for ${limit} days at most; this has been ${days}.`,
      ),
    },
  ];
}
