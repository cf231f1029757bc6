import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './locales/de.json';
import en from './locales/en.json';
import fr from './locales/fr.json';
import it from './locales/it.json';
import nl from './locales/nl.json';
import zhTW from './locales/zh-TW.json';
import { pickLanguage } from '../../shared/languages';

export { LANGUAGES, type LanguageCode } from '../../shared/languages';

const STORAGE_KEY = 'ise-smtp-oauth.language';

export function initI18n(): typeof i18next {
  const lng = pickLanguage(localStorage.getItem(STORAGE_KEY), navigator.languages ?? [navigator.language]);
  void i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, nl: { translation: nl }, fr: { translation: fr }, de: { translation: de }, it: { translation: it }, 'zh-TW': { translation: zhTW } },
    lng,
    fallbackLng: 'en',
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
