import i18n from 'i18next';

/**
 * The reader's locale for dates in exported documents: the browser's own (with its region,
 * e.g. en-GB, de-CH) when it is in the UI's language, else the UI's language.
 */
export function readerLocale(): string {
  const ui = i18n.language || 'en';
  const browser = typeof navigator !== 'undefined' ? navigator.language : '';
  return browser && browser.split('-')[0]!.toLowerCase() === ui.split('-')[0]!.toLowerCase() ? browser : ui;
}
