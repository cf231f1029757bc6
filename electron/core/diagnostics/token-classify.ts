import type { FindingCode } from '../../../shared/findings';
import { AADSTS_SIGNALS, classifyAadsts } from '../../../shared/signals';

/** AADSTS numbers → findings: the one table in shared/signals.ts (kept under this name for callers). */
export const AADSTS_FINDINGS = AADSTS_SIGNALS;

/** The AADSTS number of a reply: `error_codes[0]`, else the first "AADSTS<n>" in its description. */
export function aadstsNumber(errorNo: unknown, description: unknown): string | undefined {
  if (Array.isArray(errorNo)) errorNo = errorNo[0];
  if (typeof errorNo === 'number' || (typeof errorNo === 'string' && /^\d+$/.test(errorNo))) return String(errorNo);
  if (typeof description === 'string') return /AADSTS(\d+)/.exec(description)?.[1];
  return undefined;
}

/**
 * Classifies a token endpoint's error reply. A 5xx is Entra's problem whatever its body says;
 * otherwise the AADSTS number decides (shared/signals.ts), never the sentence around it.
 */
export function classifyTokenError(status: number | undefined, aadsts: string | undefined): FindingCode {
  if (status !== undefined && status >= 500) return 'TOKEN_SERVICE_ERROR';
  return aadsts ? classifyAadsts(aadsts) : 'TOKEN_UNCLASSIFIED';
}
