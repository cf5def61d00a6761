import en from './en.json';
import esMX from './es-MX.json';
import { createI18n, loadShellResources } from './i18n';
import { allResources } from '../../test-i18n';
import shiftEn from '../../features/shift/strings/shift.en.json';
import shiftEsMX from '../../features/shift/strings/shift.es-MX.json';
import toolsEn from '../../features/trainee/tools/strings/tools.en.json';
import toolsEsMX from '../../features/trainee/tools/strings/tools.es-MX.json';
import traineeEn from '../../features/trainee/strings/trainee.en.json';
import traineeEsMX from '../../features/trainee/strings/trainee.es-MX.json';

/** Lists "a.b.c" paths of every leaf, with its value. */
const leaves = (node: unknown, prefix = ''): Array<[string, unknown]> =>
  typeof node === 'object' && node !== null
    ? Object.entries(node).flatMap(([key, value]) => leaves(value, prefix ? `${prefix}.${key}` : key))
    : [[prefix, node]];

describe('UI string resources', () => {
  const es = new Map(leaves(esMX));
  const english = new Map(leaves(en));

  it('have exactly the same keys in es-MX and en', () => {
    expect([...english.keys()].sort()).toEqual([...es.keys()].sort());
  });

  it.each([
    ['es-MX', es],
    ['en', english],
  ])('%s has only non-empty string values', (_lang, entries) => {
    const bad = [...entries].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it('are actually translated: most values differ between the two languages', () => {
    const same = [...es].filter(([key, value]) => english.get(key) === value).map(([key]) => key);
    // Names (product, language endonyms) are legitimately identical; everything else is not.
    expect(same.sort()).toEqual(['app.name', 'language.en', 'language.es-MX']);
  });

  it('addresses the reader as "usted", never "tú"', () => {
    // Second-person "tú" pronouns and verb endings that have no "usted" reading.
    const informal = /(?<!\p{L})(tú|tu|te|ti|contigo|puedes|quieres|tienes|eliges|debes|sabes)(?!\p{L})/iu;
    const offenders = [...es].filter(([, value]) => informal.test(String(value)));
    expect(offenders).toEqual([]);
  });
});

describe('createI18n', () => {
  it('starts in the requested language without waiting', () => {
    expect(createI18n('en', allResources).t('nav.home')).toBe('Home');
    expect(createI18n('es-MX', allResources).t('nav.home')).toBe('Inicio');
  });

  it('keeps es-MX as the language code instead of reducing it to es', () => {
    expect(createI18n('es-MX', allResources).resolvedLanguage).toBe('es-MX');
  });

  it('looks keys up in the same languages as i18next does, remembered, across language switches', async () => {
    const instance = createI18n('es-MX', allResources);
    // Only in es-MX: an English page falls back to it, before and after the lists are remembered.
    instance.addResource('es-MX', 'translation', 'onlyInSpanish', 'Sólo en español');
    const t = instance.t as unknown as (key: string) => string;
    for (const lang of ['en', 'es-MX', 'en'] as const) {
      await instance.changeLanguage(lang);
      expect(instance.t('nav.home')).toBe(lang === 'en' ? 'Home' : 'Inicio');
      expect(t('onlyInSpanish')).toBe('Sólo en español');
    }
    const utils = instance.services.languageUtils;
    expect(utils.toResolveHierarchy('en')).toEqual(['en', 'es-MX']);
    expect(utils.toResolveHierarchy('es-MX')).toEqual(['es-MX']);
    // A list handed out is a copy: changing it does not change the next one.
    utils.toResolveHierarchy('en').push('xx');
    expect(utils.toResolveHierarchy('en')).toEqual(['en', 'es-MX']);
  });
});

describe.each([
  ['trainee', traineeEsMX, traineeEn],
  ['tools', toolsEsMX, toolsEn],
  ['shift', shiftEsMX, shiftEn],
])('%s namespace resources', (_ns, esFile, enFile) => {
  const es = new Map(leaves(esFile));
  const english = new Map(leaves(enFile));

  it('have exactly the same keys in es-MX and en', () => {
    expect([...english.keys()].sort()).toEqual([...es.keys()].sort());
  });

  it('have only non-empty string values', () => {
    const bad = [...es, ...english].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad).toEqual([]);
  });

  it('address the reader as "usted", never "tú"', () => {
    const informal = /(?<!\p{L})(tú|tu|te|ti|contigo|puedes|quieres|tienes|eliges|debes|sabes)(?!\p{L})/iu;
    expect([...es].filter(([, value]) => informal.test(String(value)))).toEqual([]);
  });
});

describe('lazy resources', () => {
  it('loads only the requested language for the first paint', async () => {
    const initial = await loadShellResources('en');
    expect(Object.keys(initial)).toEqual(['en']);
    expect(createI18n('en', initial).t('nav.home')).toBe('Home');
  });

  it('fetches another language when the language changes', async () => {
    const instance = createI18n('es-MX', await loadShellResources('es-MX'));
    expect(instance.hasResourceBundle('en', 'translation')).toBe(false);
    await instance.changeLanguage('en');
    expect(instance.t('nav.home')).toBe('Home');
  });

  it('fetches the trainee strings on demand, in the active language', async () => {
    const instance = createI18n('es-MX', await loadShellResources('es-MX'));
    await instance.loadNamespaces('trainee');
    expect(instance.t('library.heading', { ns: 'trainee' })).toBe(traineeEsMX.library.heading);
    // The tools' strings are not part of it: they come with the desk.
    expect(instance.hasResourceBundle('es-MX', 'tools')).toBe(false);
    await instance.loadNamespaces('tools');
    expect(instance.t('tools.roomPrep.title', { ns: 'tools' })).toBe(toolsEsMX.tools.roomPrep.title);
  });
});
