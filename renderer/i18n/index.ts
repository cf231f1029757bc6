import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from 'virtual:i18n-texts/en';
import { pickLanguage, type LanguageCode } from '../../shared/languages';

export { LANGUAGES, type LanguageCode } from '../../shared/languages';

const STORAGE_KEY = 'ise-smtp-oauth.language';

/** A language's texts: nested namespaces of strings (plural keys differ per language, so not `typeof en`). */
type Translations = { [key: string]: string | Translations };

// English ships in the main bundle (the fallback for any missing key); every other language is
// its own chunk, fetched when picked, so nobody downloads the five languages they do not read.
const LOADERS: Record<Exclude<LanguageCode, 'en'>, () => Promise<{ default: Translations }>> = {
  nl: () => import('virtual:i18n-texts/nl'),
  fr: () => import('virtual:i18n-texts/fr'),
  de: () => import('virtual:i18n-texts/de'),
  it: () => import('virtual:i18n-texts/it'),
  'zh-TW': () => import('virtual:i18n-texts/zh-TW'),
};

/** The texts of one language; null when its chunk cannot be loaded (the UI then stays in English). */
async function loadTranslations(code: LanguageCode): Promise<Translations | null> {
  if (code === 'en') return en as Translations;
  try {
    return (await LOADERS[code]()).default;
  } catch {
    return null;
  }
}

/** Makes sure a language's texts are in i18next (fetching its chunk once). False when they cannot be had. */
export async function loadLanguage(code: LanguageCode): Promise<boolean> {
  if (i18next.hasResourceBundle(code, 'translation')) return true;
  const texts = await loadTranslations(code);
  if (!texts) return false;
  i18next.addResourceBundle(code, 'translation', texts, true, true);
  return true;
}

/** The language switcher's action: the texts first, then the switch, so no screen flashes English keys. */
export async function changeLanguage(code: LanguageCode): Promise<void> {
  if (await loadLanguage(code)) await i18next.changeLanguage(code);
}

/**
 * Sets up i18next with the saved or the system language. Resolves once that language's texts
 * are loaded: the caller renders after it, so the first paint is already in the right language.
 */
export async function initI18n(): Promise<typeof i18next> {
  const wanted = pickLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]);
  const texts = await loadTranslations(wanted);
  const lng = texts ? wanted : 'en';
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, ...(texts && lng !== 'en' ? { [lng]: { translation: texts } } : {}) },
    lng,
    fallbackLng: 'en',
    // Bundles arrive with addResourceBundle; the languages not loaded yet are not missing.
    partialBundledLanguages: true,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (code) => {
    localStorage.setItem(STORAGE_KEY, code);
    document.documentElement.lang = code;
  });
  return i18next;
}
