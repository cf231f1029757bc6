import type { TFunction } from 'i18next';
import { FINDING_VALUE_NAMES, findingValues, valuesFromEvidence, type FindingValue, type FindingValueContext } from '../../shared/finding-values';
import type { FindingCode } from '../../shared/findings';
import { formatDate } from '../i18n/format';

/**
 * Values for the placeholders of the finding texts ({{aadsts}}, {{host}}, {{mailbox}}, …),
 * taken from the evidence the lookup or the log analysis quoted; a value the evidence does not
 * hold becomes `unknown`. The wizard uses findingTextValues, which also knows the profile.
 */
export function findingParams(evidence: string, unknown: string): Record<string, string> {
  return { ...Object.fromEntries(FINDING_VALUE_NAMES.map((n) => [n, unknown])), ...valuesFromEvidence(evidence) };
}

/**
 * Everything a finding card interpolates, in the user's language: the producer's params, the
 * check's host and port, the profile's values, the evidence, and for a value none of them holds
 * the words for it (`uxFindings.unknown.*`), never a raw placeholder. Dates read as the user's.
 */
export function findingTextValues(
  finding: { code: FindingCode; params?: Readonly<Record<string, FindingValue>>; raw?: string },
  context: FindingValueContext,
  t: TFunction,
  language: string,
): Record<string, FindingValue> {
  const values = findingValues(finding, context, (name) => t(`uxFindings.unknown.${name}`));
  if (typeof values.expiry === 'string' && /^\d{4}-\d{2}-\d{2}/.test(values.expiry)) values.expiry = formatDate(values.expiry, language);
  return values;
}
