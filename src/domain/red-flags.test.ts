import {
  DESK_ESCALATES_NOT_CLASSIFIES,
  ESCALATION_TARGETS,
  IMSS_TRIAGE_LEVELS,
  RED_FLAGS,
  escalationFor,
  findRedFlags,
  normalizeComplaint,
  redFlagById,
} from './red-flags';
import { LANGS } from './text';

const ids = (text: string, lang?: 'es-MX' | 'en') => findRedFlags(text, lang).map((f) => f.id);

describe('RED_FLAGS catalogue', () => {
  it('has unique ids, bilingual texts and triggers in both languages', () => {
    expect(new Set(RED_FLAGS.map((f) => f.id)).size).toBe(RED_FLAGS.length);
    for (const flag of RED_FLAGS) {
      for (const lang of LANGS) {
        expect(flag.label[lang]).not.toBe('');
        expect(flag.timing[lang]).not.toBe('');
        expect(flag.deskAction[lang]).not.toBe('');
        expect(flag.triggers[lang].length).toBeGreaterThan(0);
      }
      expect(ESCALATION_TARGETS[flag.escalateTo]).toBeDefined();
    }
  });

  it('covers the signs the desk must escalate', () => {
    const all = RED_FLAGS.map((f) => f.id);
    for (const id of [
      'chest-pain',
      'stroke',
      'breathing-difficulty',
      'obstetric-emergency',
      'seizure',
      'severe-pain',
      'loss-of-consciousness',
      'heavy-bleeding',
      'suicidal-thoughts',
      'child-fever-lethargy',
    ]) {
      expect(all).toContain(id);
    }
  });

  it('ties chest pain, stroke and obstetric emergencies to their codes and the facts’ timings', () => {
    expect(redFlagById('chest-pain')).toMatchObject({ code: 'infarto', escalateTo: 'codigo-team', firstStepMinutes: 10 });
    expect(redFlagById('chest-pain')?.timing['es-MX']).toMatch(/10 minutos.*30.*90/);
    expect(redFlagById('stroke')).toMatchObject({ code: 'cerebro', firstStepMinutes: 60 });
    expect(redFlagById('stroke')?.timing.en).toContain('4.5-hour');
    expect(redFlagById('obstetric-emergency')).toMatchObject({ code: 'mater', firstStepMinutes: 8 });
  });

  it('says the desk escalates and does not classify', () => {
    expect(DESK_ESCALATES_NOT_CLASSIFIES['es-MX']).toMatch(/no clasifica/);
    expect(DESK_ESCALATES_NOT_CLASSIFIES.en).toMatch(/does not classify/);
  });

  it('lists the IMSS triage levels from the facts', () => {
    expect(IMSS_TRIAGE_LEVELS.map((l) => l.maxWaitMinutes)).toEqual([0, 10, 30, 120, 180]);
  });
});

describe('findRedFlags', () => {
  it('finds chest pain in Spanish regardless of accents and case', () => {
    expect(ids('Señorita, traigo un DOLOR EN EL PECHO desde hace rato', 'es-MX')).toEqual(['chest-pain']);
    expect(ids('siento opresión en el pecho', 'es-MX')).toEqual(['chest-pain']);
    expect(ids('Dolor torácico', 'es-MX')).toEqual(['chest-pain']);
  });

  it('finds chest pain in English', () => {
    expect(ids('I have chest pain', 'en')).toEqual(['chest-pain']);
  });

  it('finds FAST stroke signs', () => {
    expect(ids('A mi papá se le cayó la cara y habla raro', 'es-MX')).toEqual(['stroke']);
    expect(ids('his face is drooping... face droop and slurred speech', 'en')).toEqual(['stroke']);
  });

  it('finds breathing difficulty', () => {
    expect(ids('Mi hijo no puede respirar bien', 'es-MX')).toContain('breathing-difficulty');
    expect(ids("I can't breathe", 'en')).toEqual(['breathing-difficulty']);
  });

  it('needs both pregnancy and bleeding for an obstetric emergency', () => {
    expect(ids('Estoy embarazada y tengo sangrado', 'es-MX')).toEqual(['obstetric-emergency']);
    expect(ids('Tengo 30 semanas de gestación y estoy manchando', 'es-MX')).toEqual(['obstetric-emergency']);
    expect(ids('Vengo a mi control de embarazo', 'es-MX')).toEqual([]);
    expect(ids("I'm pregnant and bleeding", 'en')).toEqual(['obstetric-emergency']);
  });

  it('finds seizures, loss of consciousness, heavy bleeding and severe pain', () => {
    expect(ids('Está convulsionando', 'es-MX')).toEqual(['seizure']);
    expect(ids('Se desmayó en la fila', 'es-MX')).toEqual(['loss-of-consciousness']);
    expect(ids('se cortó y no para de sangrar', 'es-MX')).toEqual(['heavy-bleeding']);
    expect(ids('tengo un dolor insoportable en el estómago', 'es-MX')).toEqual(['severe-pain']);
    expect(ids('he passed out', 'en')).toEqual(['loss-of-consciousness']);
  });

  it('finds suicidal thoughts', () => {
    expect(ids('Ya no quiero vivir', 'es-MX')).toEqual(['suicidal-thoughts']);
    expect(ids('He habla de suicidio', 'es-MX')).toEqual(['suicidal-thoughts']);
    expect(ids('I want to die', 'en')).toEqual(['suicidal-thoughts']);
  });

  it('needs child, fever and lethargy together', () => {
    expect(ids('Mi niña tiene mucha fiebre y está muy decaída', 'es-MX')).toEqual(['child-fever-lethargy']);
    expect(ids('Mi niña tiene fiebre', 'es-MX')).toEqual([]);
    expect(ids('My baby has a fever and is floppy', 'en')).toEqual(['child-fever-lethargy']);
    expect(ids('my kidney hurts, I have fever and feel drowsy', 'en')).toEqual([]);
  });

  it('matches at word starts only', () => {
    // "infarto" must not be found inside another word; "convuls" stems must.
    expect(ids('reinfartos', 'es-MX')).toEqual([]);
    expect(ids('convulsión', 'es-MX')).toEqual(['seizure']);
  });

  it('returns several flags in catalogue order, each once', () => {
    expect(ids('dolor en el pecho y se desmayó, dolor de pecho otra vez', 'es-MX')).toEqual([
      'chest-pain',
      'loss-of-consciousness',
    ]);
  });

  it('limits matching to the given language, and uses both when none is given', () => {
    expect(ids('chest pain', 'es-MX')).toEqual([]);
    expect(ids('chest pain')).toEqual(['chest-pain']);
    expect(ids('dolor en el pecho')).toEqual(['chest-pain']);
  });

  it('finds nothing in a routine request', () => {
    expect(ids('Quiero sacar cita para mi control de diabetes', 'es-MX')).toEqual([]);
    expect(ids('', 'es-MX')).toEqual([]);
  });
});

describe('normalizeComplaint', () => {
  it('removes accents, ñ tilde, case and punctuation', () => {
    expect(normalizeComplaint('¡Niño, CORAZÓN!')).toBe(' nino corazon ');
  });
});

describe('escalationFor', () => {
  it('alerts the unit’s staff when a doctor is on site and 911 otherwise', () => {
    const chest = redFlagById('chest-pain');
    if (!chest) throw new Error('missing flag');
    expect(escalationFor(chest, { doctorOnSite: true })).toBe('codigo-team');
    expect(escalationFor(chest, { doctorOnSite: false })).toBe('911');
  });
});
