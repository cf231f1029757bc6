import type { FindingCode } from '../../../shared/findings';

/** AADSTS numbers → findings (DESIGN §5). Everything else is TOKEN_UNCLASSIFIED, raw kept. */
export const AADSTS_FINDINGS: Readonly<Record<string, FindingCode>> = {
  '90002': 'TOKEN_TENANT_NOT_FOUND',
  '900023': 'TOKEN_TENANT_INVALID',
  '700016': 'TOKEN_APP_NOT_FOUND',
  '7000215': 'TOKEN_SECRET_INVALID',
  '7000222': 'TOKEN_SECRET_EXPIRED',
  '1002012': 'TOKEN_SCOPE_INVALID',
  '70011': 'TOKEN_SCOPE_INVALID',
  '500011': 'TOKEN_SCOPE_INVALID',
};

/** The AADSTS number of a reply: `error_codes[0]`, else the first "AADSTS<n>" in its description. */
export function aadstsNumber(errorNo: unknown, description: unknown): string | undefined {
  if (Array.isArray(errorNo)) errorNo = errorNo[0];
  if (typeof errorNo === 'number' || (typeof errorNo === 'string' && /^\d+$/.test(errorNo))) return String(errorNo);
  if (typeof description === 'string') return /AADSTS(\d+)/.exec(description)?.[1];
  return undefined;
}

/**
 * Classifies a token endpoint's error reply. A 5xx is Entra's problem whatever its body says;
 * otherwise the AADSTS number decides, never the sentence around it.
 */
export function classifyTokenError(status: number | undefined, aadsts: string | undefined): FindingCode {
  if (status !== undefined && status >= 500) return 'TOKEN_SERVICE_ERROR';
  if (aadsts && AADSTS_FINDINGS[aadsts]) return AADSTS_FINDINGS[aadsts];
  return 'TOKEN_UNCLASSIFIED';
}
