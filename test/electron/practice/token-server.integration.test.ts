import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import { verifyJwt } from '../../../electron/practice/jwt';
import { createPrivateKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { PracticeScenario } from '../../../shared/practice';
import { httpsRequest, requestToken } from '../../support/practice-wire';

// One data folder for the file: the first start creates the practice CA, later ones reuse it.
const dataDir = mkdtempSync(join(tmpdir(), 'practice-token-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the tenant in `scenario` on random ports, runs `fn`, and always closes it. */
async function withTenant<T>(scenario: PracticeScenario, fn: (t: PracticeTenant) => Promise<T>): Promise<T> {
  const tenant = await startPracticeTenant({ dataDir, scenario });
  try {
    return await fn(tenant);
  } finally {
    await tenant.close();
  }
}

function claims(token: unknown): Record<string, unknown> {
  const key = createPrivateKey(readFileSync(join(dataDir, 'practice', 'token-signing.key'), 'utf8'));
  const v = verifyJwt(String(token), key);
  if (!v.ok) throw new Error('token not signed by the practice key');
  return v.claims;
}

describe('practice token endpoint over HTTPS', () => {
  it('healthy: 200 Bearer token for Exchange with SMTP.SendAsApp, signed by the practice key', async () => {
    await withTenant('healthy', async (t) => {
      expect(t.authorityHost).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const r = await requestToken(t, {}, undefined);
      expect(r.status).toBe(200);
      expect(r.headers['content-type']).toMatch(/^application\/json/);
      expect(r.body).toMatchObject({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599 });
      expect(String(r.body.access_token).length).toBeGreaterThan(1500);
      const c = claims(r.body.access_token);
      const cred = t.credentials();
      expect(c).toMatchObject({ aud: 'https://outlook.office.com', tid: cred.tenantId, appid: cred.clientId, oid: cred.servicePrincipalObjectId, roles: ['SMTP.SendAsApp'], idtyp: 'app' });
    });
  });

  it('keeps the practice CA in <dataDir>/practice and reuses it on the next start', async () => {
    const first = await withTenant('healthy', async (t) => ({ caPem: t.caPem, caFile: t.caFile }));
    const second = await withTenant('healthy', async (t) => ({ caPem: t.caPem, caFile: t.caFile }));
    expect(first.caFile).toBe(join(dataDir, 'practice', 'ca.pem'));
    expect(second.caPem).toBe(first.caPem);
    expect(readFileSync(first.caFile, 'utf8')).toBe(first.caPem);
    expect(statSync(join(dataDir, 'practice', 'ca.key')).mode & 0o077).toBe(0);
  });

  it.each([
    ['wrong-tenant', 400, 'invalid_request', 90002],
    ['unknown-app', 400, 'unauthorized_client', 700016],
    ['secret-id-pasted', 401, 'invalid_client', 7000215],
    ['wrong-secret', 401, 'invalid_client', 7000215],
    ['expired-secret', 401, 'invalid_client', 7000222],
  ] as const)('%s: %d %s AADSTS%d in Entra\'s format', async (scenario, status, error, code) => {
    await withTenant(scenario, async (t) => {
      const r = await requestToken(t, {}, undefined);
      expect(r.status).toBe(status);
      expect(r.body.error).toBe(error);
      expect(r.body.error_codes).toEqual([code]);
      expect(String(r.body.error_description)).toMatch(new RegExp(`^AADSTS${code}: .+\\r\\nTrace ID: [0-9a-f-]{36}\\r\\nCorrelation ID: [0-9a-f-]{36}\\r\\nTimestamp: `));
      expect(r.body.error_uri).toBe(`https://login.microsoftonline.com/error?code=${code}`);
      expect(r.headers['x-ms-request-id']).toBe(r.body.trace_id);
    });
  });

  it.each([
    ['https://outlook.office.com/SMTP.SendAsApp', 400, 'invalid_scope', 1002012],
    ['https://outlook.example.com/.default', 400, 'invalid_resource', 500011],
    ['https://outlook.office.com/.default https://graph.microsoft.com/.default', 400, 'invalid_scope', 70011],
  ] as const)('scope %s → %d %s AADSTS%d', async (scope, status, error, code) => {
    await withTenant('healthy', async (t) => {
      const r = await requestToken(t, { scope });
      expect({ status: r.status, error: r.body.error, codes: r.body.error_codes }).toEqual({ status, error, codes: [code] });
    });
  });

  it('a malformed tenant identifier → AADSTS900023', async () => {
    await withTenant('healthy', async (t) => {
      const r = await requestToken(t, {}, 'not_a_tenant');
      expect({ status: r.status, codes: r.body.error_codes }).toEqual({ status: 400, codes: [900023] });
    });
  });

  it.each([
    ['no-admin-consent'],
    ['permission-under-graph'],
    ['app-rbac-healthy'],
  ] as const)('%s: a token without roles', async (scenario) => {
    await withTenant(scenario, async (t) => {
      const r = await requestToken(t);
      expect(r.status).toBe(200);
      expect(claims(r.body.access_token).roles).toBeUndefined();
    });
  });

  it('sp-wrong-object-id: the credentials carry the App Registration object ID, unlike the token oid', async () => {
    await withTenant('sp-wrong-object-id', async (t) => {
      const r = await requestToken(t);
      const c = t.credentials();
      expect(c.servicePrincipalObjectId).toBe(c.appRegistrationObjectId);
      expect(claims(r.body.access_token).oid).not.toBe(c.servicePrincipalObjectId);
    });
  });

  it('a Graph scope yields a Graph audience', async () => {
    await withTenant('healthy', async (t) => {
      const r = await requestToken(t, { scope: 'https://graph.microsoft.com/.default' });
      expect(claims(r.body.access_token).aud).toBe('https://graph.microsoft.com');
    });
  });

  it('echoes client-request-id as the correlation ID', async () => {
    await withTenant('wrong-secret', async (t) => {
      const c = t.credentials();
      const r = await httpsRequest(t, `/${c.tenantId}/oauth2/v2.0/token`, {
        form: { client_id: c.clientId, client_secret: c.clientSecret, scope: 'https://outlook.office.com/.default', grant_type: 'client_credentials' },
        headers: { 'client-request-id': '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9' },
      });
      expect(r.body.correlation_id).toBe('0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9');
    });
  });

  it('serves OpenID configuration, keys and instance discovery pointing at itself', async () => {
    await withTenant('healthy', async (t) => {
      const c = t.credentials();
      const oidc = await httpsRequest(t, `/${c.tenantId}/v2.0/.well-known/openid-configuration`);
      expect(oidc.status).toBe(200);
      expect(oidc.body.token_endpoint).toBe(`${t.authorityHost}/${c.tenantId}/oauth2/v2.0/token`);
      expect(oidc.body.issuer).toBe(`${t.authorityHost}/${c.tenantId}/v2.0`);
      const keys = await httpsRequest(t, `/${c.tenantId}/discovery/v2.0/keys`);
      expect((keys.body.keys as unknown[]).length).toBe(1);
      const disc = await httpsRequest(t, `/common/discovery/instance?api-version=1.1&authorization_endpoint=x`);
      expect(disc.body.tenant_discovery_endpoint).toBe(`${t.authorityHost}/{tenant}/v2.0/.well-known/openid-configuration`);
      const missing = await httpsRequest(t, `/${t.credentials().tenantId.replace(/^./, 'f')}/v2.0/.well-known/openid-configuration`);
      expect({ status: missing.status, error: missing.body.error, codes: missing.body.error_codes }).toEqual({ status: 400, error: 'invalid_tenant', codes: [90002] });
    });
  });

  it('untrusted-certificate: the TLS handshake fails for a client trusting the practice CA', async () => {
    await withTenant('untrusted-certificate', async (t) => {
      const err = (await requestToken(t).then(
        () => null,
        (e: NodeJS.ErrnoException) => e,
      )) as NodeJS.ErrnoException | null;
      expect(err?.code).toMatch(/SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT/);
    });
  });

  it('switches scenario live, certificate included', async () => {
    await withTenant('healthy', async (t) => {
      expect((await requestToken(t)).status).toBe(200);
      t.setScenario('wrong-secret');
      expect(t.scenario).toBe('wrong-secret');
      expect((await requestToken(t)).body.error_codes).toEqual([7000215]);
      t.setScenario('untrusted-certificate');
      await expect(requestToken(t)).rejects.toThrow();
      t.setScenario('healthy');
      expect((await requestToken(t)).status).toBe(200);
    });
  });

  it('latencyMs delays each answer', async () => {
    const tenant = await startPracticeTenant({ dataDir, latencyMs: 300 });
    try {
      const started = Date.now();
      expect((await requestToken(tenant)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    } finally {
      await tenant.close();
    }
  });
});
