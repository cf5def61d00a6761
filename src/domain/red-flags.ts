import { LANGS, t, type Lang, type LocalizedText } from './text';

// Urgent signs the front desk escalates at once (facts doc §7). The desk ESCALATES: it does not
// classify, triage or diagnose. Triage colours and protocol times belong to clinical staff and are
// here only so feedback can explain why minutes matter.

/** The desk's role with urgent signs, to show wherever red flags are taught. */
export const DESK_ESCALATES_NOT_CLASSIFIES: LocalizedText = t(
  'La asistente médica no clasifica ni diagnostica: ante un signo de alarma avisa de inmediato a quien corresponde y no deja sola a la persona. Ante la duda, se avisa.',
  'The front desk does not classify or diagnose: on an urgent sign it alerts the right person at once and does not leave the patient alone. When in doubt, alert.',
);

/** The nationwide emergency number (since January 2017). */
export const EMERGENCY_NUMBER = '911';

/** Whom the desk alerts. */
export type EscalationTarget = 'triage-nurse' | 'doctor-on-duty' | 'codigo-team' | '911';

/** Labels of the escalation targets. */
export const ESCALATION_TARGETS: Record<EscalationTarget, LocalizedText> = {
  'triage-nurse': t('Enfermería de triage', 'Triage nurse'),
  'doctor-on-duty': t('Médico de guardia', 'Doctor on duty'),
  'codigo-team': t('Equipo del código (Infarto, Cerebro o Mater)', 'Code team (Infarto, Cerebro or Mater)'),
  '911': t('911 (emergencias)', '911 (emergency services)'),
};

/** Hospital protocols the desk activates by alerting. */
export type EmergencyCode = 'infarto' | 'cerebro' | 'mater';

/** The protocol names as said in Mexican units. */
export const EMERGENCY_CODES: Record<EmergencyCode, LocalizedText> = {
  infarto: t('Código Infarto', 'Código Infarto (heart attack)'),
  cerebro: t('Código Cerebro', 'Código Cerebro (stroke)'),
  mater: t('Código Mater', 'Código Mater (obstetric emergency)'),
};

/** IMSS triage levels (a medical act, not the desk's): colour and maximum wait in minutes. */
export const IMSS_TRIAGE_LEVELS = [
  { color: 'red', maxWaitMinutes: 0, label: t('Rojo: inmediato', 'Red: immediate') },
  { color: 'orange', maxWaitMinutes: 10, label: t('Naranja: 10 minutos', 'Orange: 10 minutes') },
  { color: 'yellow', maxWaitMinutes: 30, label: t('Amarillo: 30 minutos', 'Yellow: 30 minutes') },
  { color: 'green', maxWaitMinutes: 120, label: t('Verde: 120 minutos', 'Green: 120 minutes') },
  { color: 'blue', maxWaitMinutes: 180, label: t('Azul: 180 minutos', 'Blue: 180 minutes') },
] as const;

/**
 * A keyword trigger: a list of groups that must ALL appear in the text, each group a list of
 * alternatives of which ANY may appear. A phrase matches at a word start and may end mid-word, so
 * a stem like "convuls" matches "convulsiona" and "convulsión"; a trailing space asks for a whole word.
 */
export type Trigger = readonly (readonly string[])[];

/** One urgent sign the desk escalates. */
export interface RedFlag {
  id: string;
  label: LocalizedText;
  /** Whom the desk alerts in a unit with doctors. */
  escalateTo: EscalationTarget;
  /** The protocol this sign activates, if any. */
  code?: EmergencyCode;
  /** The protocol's timing, from the facts doc. */
  timing: LocalizedText;
  /** Minutes within which the first clinical step is due (for scoring how fast the desk alerted). */
  firstStepMinutes: number;
  /** What the desk does and says while help comes. */
  deskAction: LocalizedText;
  triggers: Record<Lang, Trigger[]>;
}

const phrase = (...alternatives: string[]): Trigger[] => alternatives.map((a) => [[a]]);
const all = (...groups: string[][]): Trigger => groups;

const TRIAGE_TIMING = t(
  'Valoración de triage en unos 5 minutos; el color (rojo inmediato, naranja 10 min...) lo asigna el personal clínico.',
  'Triage assessment within about 5 minutes; the colour (red immediate, orange 10 min...) is set by clinical staff.',
);

const PREGNANT_ES = ['embarazada', 'embarazo', 'encinta', 'gestante', 'semanas de gestacion', 'meses de embarazo'];
const PREGNANT_EN = ['pregnant', 'pregnancy', 'expecting a baby', 'weeks along'];
const CHILD_ES = ['nino', 'nina', 'bebe', 'hijo', 'hija', 'nene', 'nena', 'criatura', 'chamac', 'escuincl', 'menor'];
// A trailing space asks for the whole word ("kid " must not match "kidney").
const CHILD_EN = ['child', 'baby', 'babies', 'son ', 'daughter', 'kid ', 'kids ', 'toddler', 'infant', 'little one'];

/** The red-flag catalogue, in the order the desk should think of them. */
export const RED_FLAGS: readonly RedFlag[] = [
  {
    id: 'chest-pain',
    label: t('Dolor en el pecho', 'Chest pain'),
    escalateTo: 'codigo-team',
    code: 'infarto',
    timing: t(
      'Código Infarto: diagnóstico en 10 minutos, fibrinólisis en 30 y angioplastia en 90. La asistente médica forma parte del protocolo.',
      'Código Infarto: diagnosis within 10 minutes, fibrinolysis within 30, angioplasty within 90. The front desk is part of the protocol.',
    ),
    firstStepMinutes: 10,
    deskAction: t(
      'Active el Código Infarto avisando de inmediato; siente a la persona y no la deje sola ni la haga esperar turno.',
      'Activate Código Infarto by alerting at once; seat the patient, do not leave them alone or make them wait their turn.',
    ),
    triggers: {
      'es-MX': phrase(
        'dolor en el pecho',
        'dolor de pecho',
        'dolor toracico',
        'opresion en el pecho',
        'presion en el pecho',
        'me aprieta el pecho',
        'le aprieta el pecho',
        'dolor que baja al brazo',
        'infarto',
      ),
      en: phrase('chest pain', 'pain in my chest', 'pain in the chest', 'chest tightness', 'tight chest', 'pressure in my chest', 'heart attack'),
    },
  },
  {
    id: 'stroke',
    label: t('Signos de embolia (cara, brazo, habla)', 'Stroke signs (face, arm, speech)'),
    escalateTo: 'codigo-team',
    code: 'cerebro',
    timing: t(
      'Código Cerebro: tratamiento en 60 minutos desde la llegada; ventana de 4.5 horas desde el inicio de los síntomas. Pregunte a qué hora empezaron.',
      'Código Cerebro: treatment within 60 minutes of arrival; a 4.5-hour window from symptom onset. Ask when the symptoms started.',
    ),
    firstStepMinutes: 60,
    deskAction: t(
      'Active el Código Cerebro y anote la hora en que empezaron los síntomas.',
      'Activate Código Cerebro and write down when the symptoms started.',
    ),
    triggers: {
      'es-MX': phrase(
        'cara caida',
        'se le cayo la cara',
        'boca chueca',
        'boca torcida',
        'se le chueco la boca',
        'no puede mover el brazo',
        'no puedo mover el brazo',
        'debilidad en el brazo',
        'brazo debil',
        'no puede hablar',
        'habla raro',
        'arrastra las palabras',
        'no se le entiende',
        'embolia',
        'derrame cerebral',
      ),
      en: phrase(
        'face drooping',
        'face droop',
        'drooping face',
        'arm weakness',
        'weak arm',
        'can t move his arm',
        'can t move her arm',
        'can t move my arm',
        'slurred speech',
        'slurring',
        'trouble speaking',
        'can t speak',
        'cannot speak',
        'stroke',
      ),
    },
  },
  {
    id: 'breathing-difficulty',
    label: t('Dificultad para respirar', 'Difficulty breathing'),
    escalateTo: 'triage-nurse',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t('Avise a triage de inmediato; no la haga esperar en la fila.', 'Alert triage at once; do not make them queue.'),
    triggers: {
      'es-MX': phrase(
        'no puede respirar',
        'no puedo respirar',
        'dificultad para respirar',
        'falta de aire',
        'le falta el aire',
        'me falta el aire',
        'le falta la respiracion',
        'se ahoga',
        'me ahogo',
        'se esta ahogando',
        'labios morados',
      ),
      en: phrase(
        'can t breathe',
        'cannot breathe',
        'difficulty breathing',
        'trouble breathing',
        'short of breath',
        'shortness of breath',
        'out of breath',
        'choking',
        'blue lips',
      ),
    },
  },
  {
    id: 'obstetric-emergency',
    label: t('Embarazo con sangrado, dolor fuerte o convulsiones', 'Pregnancy with bleeding, severe pain or seizures'),
    escalateTo: 'codigo-team',
    code: 'mater',
    timing: t(
      'Código Mater: equipo de respuesta rápida, unos 8 minutos hasta la estabilización. Se atiende sin importar la cobertura (LGS art. 64 Bis 1).',
      'Código Mater: rapid response team, about 8 minutes to stabilisation. Care is given whatever the coverage (LGS art. 64 Bis 1).',
    ),
    firstStepMinutes: 8,
    deskAction: t(
      'Active el Código Mater avisando de inmediato; la cobertura se verifica después.',
      'Activate Código Mater by alerting at once; coverage is checked afterwards.',
    ),
    triggers: {
      'es-MX': [
        all(PREGNANT_ES, ['sangr', 'hemorrag', 'manch']),
        all(PREGNANT_ES, ['dolor muy fuerte', 'dolor fuerte', 'dolor intenso', 'dolor insoportable']),
        all(PREGNANT_ES, ['convuls', 'ataque']),
        all(PREGNANT_ES, ['dolor de cabeza muy fuerte', 've lucecitas', 'zumbido de oidos']),
        ...phrase('hemorragia obstetrica', 'sangrado en el embarazo', 'se le rompio la fuente', 'se me rompio la fuente'),
      ],
      en: [
        all(PREGNANT_EN, ['bleed', 'blood', 'spotting', 'hemorrh', 'haemorrh']),
        all(PREGNANT_EN, ['severe pain', 'bad pain', 'terrible pain', 'unbearable pain']),
        all(PREGNANT_EN, ['seizure', 'convuls', 'fit ']),
        ...phrase('obstetric hemorrhage', 'bleeding in pregnancy', 'her water broke', 'my water broke', 'waters broke'),
      ],
    },
  },
  {
    id: 'seizure',
    label: t('Convulsiones', 'Seizures'),
    escalateTo: 'doctor-on-duty',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t(
      'Avise al médico de guardia; aleje objetos con los que pueda golpearse y no le meta nada en la boca.',
      'Alert the doctor on duty; move objects away so they cannot hit them and put nothing in their mouth.',
    ),
    triggers: {
      'es-MX': phrase('convuls', 'ataque epileptico', 'crisis convulsiva', 'le dio un ataque', 'se puso rigido y temblaba'),
      en: phrase('seizure', 'convuls', 'fitting', 'epileptic fit', 'having a fit'),
    },
  },
  {
    id: 'loss-of-consciousness',
    label: t('Pérdida del conocimiento', 'Loss of consciousness'),
    escalateTo: 'doctor-on-duty',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t('Avise al médico de guardia de inmediato y no deje sola a la persona.', 'Alert the doctor on duty at once and stay with the patient.'),
    triggers: {
      'es-MX': phrase(
        'se desmayo',
        'me desmaye',
        'desmayo',
        'perdio el conocimiento',
        'perdi el conocimiento',
        'inconsciente',
        'no responde',
        'no reacciona',
        'se desvanecio',
      ),
      en: phrase('fainted', 'passed out', 'unconscious', 'unresponsive', 'lost consciousness', 'blacked out', 'not responding'),
    },
  },
  {
    id: 'heavy-bleeding',
    label: t('Sangrado abundante', 'Heavy bleeding'),
    escalateTo: 'triage-nurse',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t('Avise a triage de inmediato.', 'Alert triage at once.'),
    triggers: {
      'es-MX': phrase(
        'sangra mucho',
        'sangrando mucho',
        'sangrado abundante',
        'hemorragia',
        'no para de sangrar',
        'no deja de sangrar',
        'mucha sangre',
        'vomita sangre',
        'vomito con sangre',
      ),
      en: phrase(
        'bleeding heavily',
        'heavy bleeding',
        'bleeding a lot',
        'won t stop bleeding',
        'will not stop bleeding',
        'lots of blood',
        'a lot of blood',
        'hemorrhag',
        'haemorrhag',
        'vomiting blood',
      ),
    },
  },
  {
    id: 'severe-pain',
    label: t('Dolor muy intenso', 'Severe pain'),
    escalateTo: 'triage-nurse',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t('Avise a triage; no la haga esperar turno.', 'Alert triage; do not make them wait their turn.'),
    triggers: {
      'es-MX': phrase('dolor insoportable', 'dolor muy fuerte', 'el peor dolor', 'dolor intenso', 'no aguanta el dolor', 'no aguanto el dolor'),
      en: phrase('unbearable pain', 'severe pain', 'worst pain', 'excruciating', 'terrible pain', 'can t stand the pain'),
    },
  },
  {
    id: 'suicidal-thoughts',
    label: t('Ideas suicidas', 'Suicidal thoughts'),
    escalateTo: 'doctor-on-duty',
    timing: t(
      'Atención inmediata: no se deja sola a la persona mientras llega el médico.',
      'Immediate attention: the person is not left alone while the doctor comes.',
    ),
    firstStepMinutes: 0,
    deskAction: t(
      'Escuche sin juzgar, no deje sola a la persona y avise al médico de guardia de forma discreta.',
      'Listen without judging, do not leave the person alone and alert the doctor on duty discreetly.',
    ),
    triggers: {
      'es-MX': phrase(
        'suicid',
        'quitarme la vida',
        'quitarse la vida',
        'matarme',
        'me quiero morir',
        'quiero morirme',
        'no quiero vivir',
        'hacerme dano',
        'ya no quiero estar aqui',
      ),
      en: phrase('suicid', 'kill myself', 'end my life', 'want to die', 'hurt myself', 'don t want to live', 'no reason to live'),
    },
  },
  {
    id: 'child-fever-lethargy',
    label: t('Niño con fiebre alta y decaimiento', 'Child with high fever and lethargy'),
    escalateTo: 'triage-nurse',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t('Avise a triage pediátrico de inmediato; no los mande a la sala de espera.', 'Alert paediatric triage at once; do not send them to the waiting room.'),
    triggers: {
      'es-MX': [
        all(CHILD_ES, ['fiebre', 'calentura', 'temperatura'], [
          'decaid',
          'aguadit',
          'no despierta',
          'muy dormid',
          'somnolient',
          'letargic',
          'no reacciona',
          'no responde',
          'no quiere comer ni moverse',
          'flojit',
        ]),
      ],
      en: [
        all(CHILD_EN, ['fever', 'temperature', 'burning up'], [
          'letharg',
          'floppy',
          'won t wake',
          'hard to wake',
          'very sleepy',
          'drowsy',
          'unresponsive',
          'limp',
          'not responding',
        ]),
      ],
    },
  },
  {
    id: 'severe-allergic-reaction',
    label: t('Reacción alérgica grave', 'Severe allergic reaction'),
    escalateTo: 'triage-nurse',
    timing: TRIAGE_TIMING,
    firstStepMinutes: 5,
    deskAction: t('Avise a triage de inmediato.', 'Alert triage at once.'),
    triggers: {
      'es-MX': phrase(
        'se le cierra la garganta',
        'se me cierra la garganta',
        'se le hincho la cara',
        'se le hincharon los labios',
        'se le hincho la lengua',
        'reaccion alergica',
        'anafila',
      ),
      en: phrase('throat closing', 'throat is closing', 'throat swelling', 'swollen face', 'swollen lips', 'swollen tongue', 'allergic reaction', 'anaphyla'),
    },
  },
];

/** Lower case, no accents (ñ -> n), punctuation as spaces, single spaces, padded for word starts. */
export function normalizeComplaint(text: string): string {
  const plain = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return ` ${plain} `;
}

/** A keyword keeps its leading space (match at a word start) and a trailing one only if written. */
const normalizeKeyword = (alt: string): string => {
  const n = normalizeComplaint(alt);
  return alt.endsWith(' ') ? n : n.trimEnd();
};

// Normalised once: findRedFlags runs on every keystroke of a free-text complaint.
const NORMALIZED: { flag: RedFlag; triggers: Record<Lang, string[][][]> }[] = RED_FLAGS.map((flag) => ({
  flag,
  triggers: Object.fromEntries(
    LANGS.map((lang) => [
      lang,
      flag.triggers[lang].map((trigger) => trigger.map((group) => group.map(normalizeKeyword))),
    ]),
  ) as Record<Lang, string[][][]>,
}));

/**
 * The red flags a free-text complaint mentions, in catalogue order, matching es-MX and/or en keywords
 * accent- and case-insensitively. Negations ("no tiene dolor en el pecho") still match on purpose:
 * the desk alerts when in doubt. Never throws.
 */
export function findRedFlags(text: string, lang?: Lang): RedFlag[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const haystack = normalizeComplaint(text);
  const langs = lang ? [lang] : LANGS;
  return NORMALIZED.filter(({ triggers }) =>
    langs.some((l) => triggers[l].some((trigger) => trigger.every((group) => group.some((alt) => haystack.includes(alt))))),
  ).map(({ flag }) => flag);
}

/** Whom the desk alerts for a flag: 911 in a place without a doctor on site (a rural unit at night). */
export function escalationFor(flag: RedFlag, place: { doctorOnSite: boolean }): EscalationTarget {
  return place.doctorOnSite ? flag.escalateTo : '911';
}

/** A red flag by id, or undefined. */
export function redFlagById(id: string): RedFlag | undefined {
  return RED_FLAGS.find((f) => f.id === id);
}
