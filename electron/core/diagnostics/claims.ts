import type { ClaimsSummary, Finding, Route } from '../../../shared/diagnostic-report';
import { makeFinding } from './finding';

/** The audiences of an Exchange Online token (either scope ISE or Microsoft's docs use). */
export const EXCHANGE_AUDIENCES = ['https://outlook.office.com', 'https://outlook.office365.com', '00000002-0000-0ff1-ce00-000000000000'];
export const SEND_AS_APP_ROLE = 'SMTP.SendAsApp';

/**
 * Decodes a JWT's payload. No signature check: the token came over TLS straight from the token
 * endpoint, and Exchange checks the signature anyway. Null when it is not a JWT.
 */
export function decodeJwtPayload(token: string): Record<string, unknown> | null {
  const part = token.split('.')[1];
  if (!part) return null;
  try {
    const json = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown;
    return json && typeof json === 'object' && !Array.isArray(json) ? (json as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const num = (v: unknown): number | undefined => (typeof v === 'number' ? v : undefined);

/** The claims ISE's success depends on; never the token itself. `appid` falls back to v2's `azp`. */
export function summarizeClaims(payload: Record<string, unknown>): ClaimsSummary {
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : undefined;
  const summary: ClaimsSummary = {};
  const aud = str(payload.aud);
  const tid = str(payload.tid);
  const appid = str(payload.appid) ?? str(payload.azp);
  const oid = str(payload.oid);
  if (aud !== undefined) summary.aud = aud;
  if (tid !== undefined) summary.tid = tid;
  if (appid !== undefined) summary.appid = appid;
  if (oid !== undefined) summary.oid = oid;
  if (roles !== undefined) summary.roles = roles;
  const exp = num(payload.exp);
  const iat = num(payload.iat);
  const iss = str(payload.iss);
  if (exp !== undefined) summary.exp = exp;
  if (iat !== undefined) summary.iat = iat;
  if (iss !== undefined) summary.iss = iss;
  return summary;
}

export interface ClaimsExpectation {
  tenantId: string;
  clientId: string;
  route: Route;
  servicePrincipalObjectId?: string;
  now: Date;
}

const same = (a: string | undefined, b: string) => a !== undefined && a.toLowerCase() === b.toLowerCase();

/** Checks the claims against what ISE needs for the chosen route (DESIGN §2 "Claims to check"). */
export function checkClaims(claims: ClaimsSummary, expect: ClaimsExpectation): Finding[] {
  const findings: Finding[] = [];
  if (!same(claims.tid, expect.tenantId)) {
    findings.push(makeFinding('CLAIMS_TENANT_MISMATCH', { expected: expect.tenantId, actual: claims.tid ?? '' }));
  }
  if (!same(claims.appid, expect.clientId)) {
    findings.push(makeFinding('CLAIMS_APP_MISMATCH', { expected: expect.clientId, actual: claims.appid ?? '' }));
  }
  const aud = (claims.aud ?? '').replace(/\/+$/, '');
  if (!EXCHANGE_AUDIENCES.some((a) => a.toLowerCase() === aud.toLowerCase())) {
    findings.push(makeFinding('CLAIMS_AUDIENCE_WRONG', { actual: claims.aud ?? '', expected: EXCHANGE_AUDIENCES[0]! }));
  }
  const hasRole = (claims.roles ?? []).includes(SEND_AS_APP_ROLE);
  if (expect.route === 'classic' && !hasRole) {
    findings.push(makeFinding('CLAIMS_ROLE_MISSING', { role: SEND_AS_APP_ROLE, roles: (claims.roles ?? []).join(' ') }));
  }
  if (expect.route === 'app-rbac' && hasRole) {
    findings.push(makeFinding('CLAIMS_ROLE_UNEXPECTED', { role: SEND_AS_APP_ROLE }));
  }
  if (claims.exp === undefined || claims.exp * 1000 <= expect.now.getTime()) {
    findings.push(makeFinding('CLAIMS_TOKEN_EXPIRED', { exp: claims.exp ?? 0, now: Math.floor(expect.now.getTime() / 1000) }));
  }
  if (expect.servicePrincipalObjectId && claims.oid && !same(claims.oid, expect.servicePrincipalObjectId)) {
    findings.push(makeFinding('SP_OBJECT_ID_MISMATCH', { actual: expect.servicePrincipalObjectId, expected: claims.oid }));
  }
  return findings;
}
