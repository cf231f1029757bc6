import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ENTRA_ERRORS, entraError } from '../../../electron/practice/entra-errors';
import { verifyJwt } from '../../../electron/practice/jwt';
import { PRACTICE_IDS, tenantStateFor } from '../../../electron/practice/tenant-state';
import { issueToken, lookUpTenant, type TokenReply } from '../../../electron/practice/token-issuer';

const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const NOW = Date.parse('2026-06-01T12:00:00Z');
const OUTLOOK = 'https://outlook.office.com/.default';

function ask(scenario: Parameters<typeof tenantStateFor>[0], form: Record<string, string>, tenant: string = PRACTICE_IDS.tenantId): TokenReply {
  const fields = { grant_type: 'client_credentials', client_id: PRACTICE_IDS.clientId, client_secret: PRACTICE_IDS.secretValue, scope: OUTLOOK, ...form };
  return issueToken(tenantStateFor(scenario, NOW), { tenant, form: new URLSearchParams(fields), correlationId: '11111111-2222-3333-4444-555555555555' }, privateKey, NOW);
}

function aadsts(reply: TokenReply): { status: number; error: string; code: number | undefined } {
  if (!('error' in reply.body)) throw new Error('expected an error reply');
  return { status: reply.status, error: reply.body.error, code: reply.body.error_codes[0] };
}

function claimsOf(reply: TokenReply): Record<string, unknown> {
  if (!('access_token' in reply.body)) throw new Error(`expected a token, got ${JSON.stringify(reply.body)}`);
  const v = verifyJwt(reply.body.access_token, privateKey);
  if (!v.ok) throw new Error('bad signature');
  return v.claims;
}

describe("Entra's error format", () => {
  it('puts AADSTS code, trace, correlation and timestamp where Entra does', () => {
    const { status, body } = entraError(401, 'invalid_client', 7000215, 'Invalid client secret provided.', 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(status).toBe(401);
    expect(Object.keys(body)).toEqual(['error', 'error_description', 'error_codes', 'timestamp', 'trace_id', 'correlation_id', 'error_uri']);
    expect(body.error_description).toMatch(
      /^AADSTS7000215: Invalid client secret provided\.\r\nTrace ID: [0-9a-f-]{36}\r\nCorrelation ID: aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee\r\nTimestamp: \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/,
    );
    expect(body.error_codes).toEqual([7000215]);
    expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}Z$/);
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toBe('aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee');
    expect(body.error_uri).toBe('https://login.microsoftonline.com/error?code=7000215');
  });

  it('makes up a correlation ID when the client sent none or garbage', () => {
    expect(ENTRA_ERRORS.secretMissing().body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(ENTRA_ERRORS.secretMissing('x\r\ny').body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("uses Entra's texts", () => {
    expect(ENTRA_ERRORS.secretInvalid('app-1').body.error_description).toContain(
      "Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app 'app-1'.",
    );
    expect(ENTRA_ERRORS.tenantNotFound('t-1').body.error_description).toContain("Tenant 't-1' not found. Check to make sure you have the correct tenant ID");
    expect(ENTRA_ERRORS.appNotFound('c-1', 't-1').body.error_description).toContain("Application with identifier 'c-1' was not found in the directory 't-1'.");
  });
});

describe('issueToken decisions', () => {
  it('healthy: 200 with a Bearer token of 3599 s carrying SMTP.SendAsApp and the Enterprise App oid', () => {
    const reply = ask('healthy', {});
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
    const c = claimsOf(reply);
    expect(c).toMatchObject({
      aud: 'https://outlook.office.com',
      iss: `https://sts.windows.net/${PRACTICE_IDS.tenantId}/`,
      tid: PRACTICE_IDS.tenantId,
      appid: PRACTICE_IDS.clientId,
      appidacr: '1',
      oid: PRACTICE_IDS.enterpriseAppObjectId,
      sub: PRACTICE_IDS.enterpriseAppObjectId,
      idtyp: 'app',
      ver: '1.0',
      roles: ['SMTP.SendAsApp'],
      iat: NOW / 1000,
      nbf: NOW / 1000,
      exp: NOW / 1000 + 3599,
    });
    expect((reply.body as { access_token: string }).access_token.length).toBeGreaterThan(1500);
  });

  it('the office365 scope gives the office365 audience; the tenant domain works as tenant', () => {
    expect(claimsOf(ask('healthy', { scope: 'https://outlook.office365.com/.default' })).aud).toBe('https://outlook.office365.com');
    expect(ask('healthy', {}, PRACTICE_IDS.tenantDomain).status).toBe(200);
  });

  it('ignores the OIDC scopes MSAL may add', () => {
    expect(ask('healthy', { scope: `${OUTLOOK} openid profile offline_access` }).status).toBe(200);
  });

  it('a Graph scope gives a Graph token without roles', () => {
    const c = claimsOf(ask('healthy', { scope: 'https://graph.microsoft.com/.default' }));
    expect(c.aud).toBe('https://graph.microsoft.com');
    expect(c.roles).toBeUndefined();
  });

  it.each([
    ['no-admin-consent'],
    ['permission-under-graph'],
    ['app-rbac-healthy'],
  ] as const)('%s: token without roles', (scenario) => {
    const c = claimsOf(ask(scenario, {}));
    expect(c.roles).toBeUndefined();
    expect(c.aud).toBe('https://outlook.office.com');
  });

  it('unknown GUID tenant → 90002, a DNS name not ours → 90002, garbage → 900023', () => {
    expect(aadsts(ask('healthy', {}, PRACTICE_IDS.absentTenantId))).toEqual({ status: 400, error: 'invalid_request', code: 90002 });
    expect(aadsts(ask('healthy', {}, 'fabrikam.onmicrosoft.com'))).toEqual({ status: 400, error: 'invalid_request', code: 90002 });
    expect(aadsts(ask('healthy', {}, 'not a tenant'))).toEqual({ status: 400, error: 'invalid_request', code: 900023 });
    expect(lookUpTenant(tenantStateFor('healthy'), PRACTICE_IDS.absentTenantId, undefined, true)).toMatchObject({ ok: false, reply: { body: { error: 'invalid_tenant' } } });
  });

  it('unknown client → 400 unauthorized_client 700016', () => {
    expect(aadsts(ask('healthy', { client_id: PRACTICE_IDS.absentClientId }))).toEqual({ status: 400, error: 'unauthorized_client', code: 700016 });
  });

  it('Secret ID or a wrong value → 401 invalid_client 7000215; expired → 7000222; none → 7000218', () => {
    expect(aadsts(ask('healthy', { client_secret: PRACTICE_IDS.secretId }))).toEqual({ status: 401, error: 'invalid_client', code: 7000215 });
    expect(aadsts(ask('healthy', { client_secret: PRACTICE_IDS.wrongSecretValue }))).toEqual({ status: 401, error: 'invalid_client', code: 7000215 });
    expect(aadsts(ask('expired-secret', { client_secret: PRACTICE_IDS.expiredSecretValue }))).toEqual({ status: 401, error: 'invalid_client', code: 7000222 });
    expect(aadsts(ask('healthy', { client_secret: '' }))).toEqual({ status: 401, error: 'invalid_client', code: 7000218 });
  });

  // The rule of shared/secret-expiry.ts, the same as the wizard's input check: valid through the
  // Expiry Date (UTC), AADSTS7000222 from 00:00Z the day after.
  it('accepts the secret through its expiry day and answers 7000222 from the day after', () => {
    const state = tenantStateFor('healthy', NOW);
    state.app.secrets = state.app.secrets.map((x) => ({ ...x, expires: '2026-06-01' }));
    const at = (iso: string) => {
      const t = Date.parse(iso);
      return issueToken(state, { tenant: PRACTICE_IDS.tenantId, form: new URLSearchParams({ grant_type: 'client_credentials', client_id: PRACTICE_IDS.clientId, client_secret: PRACTICE_IDS.secretValue, scope: OUTLOOK }), correlationId: '11111111-2222-3333-4444-555555555555' }, privateKey, t);
    };
    for (const iso of ['2026-06-01T00:00:00.000Z', '2026-06-01T12:00:00Z', '2026-06-01T23:59:59.999Z']) expect(at(iso).status, iso).toBe(200);
    expect(aadsts(at('2026-06-02T00:00:00.000Z'))).toEqual({ status: 401, error: 'invalid_client', code: 7000222 });
    expect(aadsts(at('2026-06-02T09:00:00Z'))).toEqual({ status: 401, error: 'invalid_client', code: 7000222 });
  });

  it('scope without /.default → 1002012; an unknown resource → 500011; two resources → 70011', () => {
    expect(aadsts(ask('healthy', { scope: 'https://outlook.office.com/SMTP.SendAsApp' }))).toEqual({ status: 400, error: 'invalid_scope', code: 1002012 });
    expect(aadsts(ask('healthy', { scope: 'https://outlook.example.com/.default' }))).toEqual({ status: 400, error: 'invalid_resource', code: 500011 });
    expect(aadsts(ask('healthy', { scope: `${OUTLOOK} https://graph.microsoft.com/.default` }))).toEqual({ status: 400, error: 'invalid_scope', code: 70011 });
  });

  it('checks the tenant before the client, and the client before the secret', () => {
    expect(aadsts(ask('healthy', { client_id: PRACTICE_IDS.absentClientId, client_secret: 'x' }, PRACTICE_IDS.absentTenantId)).code).toBe(90002);
    expect(aadsts(ask('healthy', { client_id: PRACTICE_IDS.absentClientId, client_secret: 'x' })).code).toBe(700016);
  });

  it('only client_credentials is granted', () => {
    expect(aadsts(ask('healthy', { grant_type: 'password' }))).toEqual({ status: 400, error: 'unsupported_grant_type', code: 70003 });
  });
});
