/** Regions whose usual paper is US Letter; everywhere else prints on A4. */
const LETTER_REGIONS = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE', 'GT', 'PR', 'PA', 'CR', 'SV', 'DO', 'NI', 'BZ']);

/** The paper for a reader's locale (BCP 47): Letter for e.g. en-US or es-MX, A4 otherwise. */
export function paperFor(locale: string | undefined): 'A4' | 'Letter' {
  if (!locale) return 'A4';
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region && LETTER_REGIONS.has(region) ? 'Letter' : 'A4';
  } catch {
    return 'A4';
  }
}
