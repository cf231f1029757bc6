/** The six languages the wizard ships in; ISE's own field names stay English in all of them. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'nl', label: 'Nederlands' },
  { code: 'fr', label: 'Français' },
  { code: 'de', label: 'Deutsch' },
  { code: 'it', label: 'Italiano' },
  { code: 'zh-TW', label: '繁體中文' },
] as const;
export type LanguageCode = (typeof LANGUAGES)[number]['code'];
const CODES: readonly string[] = LANGUAGES.map((l) => l.code);

/** The user's saved choice first, then the OS/browser languages in order, then English. */
export function pickLanguage(saved: string | null, preferred: readonly string[]): LanguageCode {
  if (saved && CODES.includes(saved)) return saved as LanguageCode;
  for (const tag of preferred) {
    if (CODES.includes(tag)) return tag as LanguageCode;
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) {
      // Traditional Chinese is the one we ship: Taiwan, Hong Kong, Macau and Hant tags map to it.
      if (/hant|tw|hk|mo/.test(lower)) return 'zh-TW';
      continue;
    }
    const base = lower.split('-')[0];
    if (base && CODES.includes(base)) return base as LanguageCode;
  }
  return 'en';
}
