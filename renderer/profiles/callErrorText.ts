import i18next, { type TFunction } from 'i18next';
import type { CallError } from '../../shared/contract';

/**
 * The words for a failed call: a translated sentence for the codes this screen knows
 * (import problems, a taken name, no answer), else main's own English message, which
 * names the field and never holds a secret.
 */
export function callErrorText(t: TFunction, error: CallError): string {
  // The profile store's faults (and the keyed import check) carry their folder and cause as params.
  const storeKey = `store.errors.${error.code}`;
  if (i18next.exists(storeKey)) return t(storeKey, { ...(error.params ?? {}), interpolation: { escapeValue: false } });
  const key = `profiles.errors.${error.code}`;
  return i18next.exists(key) ? t(key) : error.message;
}
