import { lookupIseError } from '../../../shared/ise-errors';
import { redactLogText } from '../diagnostics/redact';

/**
 * The error lookup as the contract and the CLI serve it: the shared table, with the evidence
 * redacted (a pasted text may hold a token or a secret).
 */
export function lookupErrorText(text: string) {
  return { matches: lookupIseError(text).map((m) => ({ ...m, evidence: redactLogText(m.evidence) })) };
}
