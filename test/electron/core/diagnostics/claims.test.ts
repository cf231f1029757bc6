import { describe, expect, it } from 'vitest';
import type { Route } from '../../../../shared/diagnostic-report';
import { checkClaims, decodeJwtPayload, summarizeClaims } from '../../../../electron/core/diagnostics/claims';

const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SP = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
const NOW = new Date('2025-03-04T10:00:00Z');
const nowS = Math.floor(NOW.getTime() / 1000);

/** A client-credentials access token payload as Entra issues it for Exchange Online (v1). */
const healthy = {
  aud: 'https://outlook.office.com',
  iss: `https://sts.windows.net/${TENANT}/`,
  iat: nowS - 60,
  exp: nowS + 3540,
  appid: CLIENT,
  oid: SP,
  roles: ['SMTP.SendAsApp'],
  tid: TENANT,
};

function jwt(payload: object): string {
  const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b({ alg: 'RS256', typ: 'JWT' })}.${b(payload)}.c2lnbmF0dXJl`;
}

const expect0 = { tenantId: TENANT, clientId: CLIENT, route: 'classic' as Route, now: NOW };
const codes = (payload: object, extra: Partial<typeof expect0> & { servicePrincipalObjectId?: string } = {}) =>
  checkClaims(summarizeClaims(payload as Record<string, unknown>), { ...expect0, ...extra }).map((f) => f.code);

describe('claims', () => {
  it('decodes a JWT payload and summarizes without the token', () => {
    const summary = summarizeClaims(decodeJwtPayload(jwt(healthy))!);
    expect(summary).toEqual({ aud: healthy.aud, tid: TENANT, appid: CLIENT, oid: SP, roles: ['SMTP.SendAsApp'], exp: healthy.exp, iat: healthy.iat, iss: healthy.iss });
    expect(decodeJwtPayload('not-a-jwt')).toBeNull();
  });

  it('a healthy classic token has no finding (both Exchange audiences)', () => {
    expect(codes(healthy)).toEqual([]);
    expect(codes({ ...healthy, aud: 'https://outlook.office365.com/' })).toEqual([]);
    expect(codes(healthy, { servicePrincipalObjectId: SP.toUpperCase() })).toEqual([]);
  });

  it('a healthy App RBAC token carries no roles and has no finding', () => {
    const { roles: _roles, ...noRoles } = healthy;
    expect(codes(noRoles, { route: 'app-rbac' })).toEqual([]);
  });

  it('CLAIMS_ROLE_MISSING: no SMTP.SendAsApp on the classic route', () => {
    expect(codes({ ...healthy, roles: [] })).toEqual(['CLAIMS_ROLE_MISSING']);
    expect(codes({ ...healthy, roles: undefined })).toEqual(['CLAIMS_ROLE_MISSING']);
  });

  it('CLAIMS_ROLE_UNEXPECTED: SMTP.SendAsApp on the App RBAC route, as a warning', () => {
    const findings = checkClaims(summarizeClaims(healthy), { ...expect0, route: 'app-rbac' });
    expect(findings.map((f) => f.code)).toEqual(['CLAIMS_ROLE_UNEXPECTED']);
    expect(findings[0]!.severity).toBe('warning');
  });

  it('CLAIMS_AUDIENCE_WRONG: a Graph token', () => {
    expect(codes({ ...healthy, aud: 'https://graph.microsoft.com' })).toEqual(['CLAIMS_AUDIENCE_WRONG']);
  });

  it('CLAIMS_TENANT_MISMATCH and CLAIMS_APP_MISMATCH', () => {
    expect(codes({ ...healthy, tid: SP })).toEqual(['CLAIMS_TENANT_MISMATCH']);
    expect(codes({ ...healthy, appid: SP })).toEqual(['CLAIMS_APP_MISMATCH']);
    // v2 tokens name the client in azp
    const { appid: _a, ...v2 } = healthy;
    expect(codes({ ...v2, azp: CLIENT })).toEqual([]);
  });

  it('CLAIMS_TOKEN_EXPIRED: exp not in the future', () => {
    expect(codes({ ...healthy, exp: nowS - 1 })).toEqual(['CLAIMS_TOKEN_EXPIRED']);
  });

  it('SP_OBJECT_ID_MISMATCH: the given ObjectId is not the token oid', () => {
    const findings = checkClaims(summarizeClaims(healthy), { ...expect0, servicePrincipalObjectId: CLIENT });
    expect(findings.map((f) => f.code)).toEqual(['SP_OBJECT_ID_MISMATCH']);
    expect(findings[0]!.params).toMatchObject({ actual: CLIENT, expected: SP });
  });
});
