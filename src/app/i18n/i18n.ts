import i18next, { type BackendModule, type i18n, type ResourceLanguage } from 'i18next';
import { DEFAULT_LANG, LANGS, type Lang } from '../../domain/text';

/**
 * The namespaces: `translation` (the shell, needed for the first paint), `trainee` (library, desk,
 * debrief), `tools` (the desk's front-desk tools: most of the trainee strings, and only the desk needs
 * them, so the library and case pages do not carry them) and `shift` (the shift screens).
 */
export const NAMESPACES = ['translation', 'trainee', 'tools', 'shift'] as const;
export type Namespace = (typeof NAMESPACES)[number];

type JsonModule = { default: ResourceLanguage };

/**
 * Every resource file as its own chunk: the first load carries no strings at all, main.tsx fetches
 * the active language's shell strings before the first paint, and the other language and the
 * trainee screens' strings arrive only when they are used.
 */
const LOADERS: Record<Namespace, Record<Lang, () => Promise<JsonModule>>> = {
  translation: { 'es-MX': () => import('./es-MX.json'), en: () => import('./en.json') },
  trainee: { 'es-MX': () => import('../../features/trainee/strings/trainee.es-MX.json'), en: () => import('../../features/trainee/strings/trainee.en.json') },
  tools: { 'es-MX': () => import('../../features/trainee/tools/strings/tools.es-MX.json'), en: () => import('../../features/trainee/tools/strings/tools.en.json') },
  shift: { 'es-MX': () => import('../../features/shift/strings/shift.es-MX.json'), en: () => import('../../features/shift/strings/shift.en.json') },
};

const isLang = (value: string): value is Lang => (LANGS as readonly string[]).includes(value);
const isNamespace = (value: string): value is Namespace => (NAMESPACES as readonly string[]).includes(value);

/** An i18next backend over the dynamic imports above. */
const lazyBackend: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read(language, namespace, callback) {
    if (!isLang(language) || !isNamespace(namespace)) {
      callback(null, {});
      return;
    }
    LOADERS[namespace][language]().then(
      (module) => callback(null, module.default),
      (error: unknown) => callback(error instanceof Error ? error : new Error(String(error)), false),
    );
  },
};

/** Resources handed over up front: language -> namespace -> strings. */
export type InitialResources = Partial<Record<Lang, Partial<Record<Namespace, ResourceLanguage>>>>;

/** Loads the shell strings of one language (what the first paint needs). */
export async function loadShellResources(lang: Lang): Promise<InitialResources> {
  const module = await LOADERS.translation[lang]();
  return { [lang]: { translation: module.default } };
}

/**
 * Creates an i18next instance. Whatever `initial` holds is usable at once (synchronously); any
 * other language or namespace is fetched on demand (changeLanguage, useTranslation('trainee')).
 */
export const createI18n = (lang: Lang = DEFAULT_LANG, initial: InitialResources = {}): i18n => {
  const instance = i18next.createInstance();
  void instance.use(lazyBackend).init({
    lng: lang,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...LANGS],
    // 'es-MX' must stay 'es-MX' rather than being reduced to 'es'.
    load: 'currentOnly',
    ns: ['translation'],
    defaultNS: 'translation',
    resources: initial,
    partialBundledLanguages: true,
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    react: { useSuspense: true },
    // No promotional notice in the users' console.
    showSupportNotice: false,
  });
  rememberHierarchies(instance);
  return instance;
};

/** The part of i18next's language utilities that rememberHierarchies wraps. */
interface LanguageUtils {
  toResolveHierarchy(code: unknown, fallbackCode?: unknown): string[];
}

/**
 * i18next works out the list of languages to look a key up in (the code, then its fallbacks) on every
 * t() that is not already cached (a string with a new value in it: a time, a name), and each time it
 * canonicalises the codes with Intl.getCanonicalLocales, the largest single cost of such a string in
 * Chromium (decision 0013). The list depends only on the code and on the options above, which never
 * change, so it is remembered per language.
 */
function rememberHierarchies(instance: i18n): void {
  const utils = instance.services.languageUtils as LanguageUtils | undefined;
  if (!utils) return;
  const compute = utils.toResolveHierarchy.bind(utils);
  const known = new Map<Lang, readonly string[]>();
  utils.toResolveHierarchy = (code, fallbackCode) => {
    if (fallbackCode !== undefined || typeof code !== 'string' || !isLang(code)) return compute(code, fallbackCode);
    let codes = known.get(code);
    if (!codes) known.set(code, (codes = compute(code)));
    // A copy: i18next keeps some of these lists and could change them.
    return [...codes];
  };
}
