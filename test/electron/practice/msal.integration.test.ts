import { ConfidentialClientApplication, type INetworkModule, type NetworkResponse } from '@azure/msal-node';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { startPracticeTenant, type PracticeTenant } from '../../../electron/practice';
import type { PracticeScenario } from '../../../shared/practice';
import { enhancedCode, sendWithNodemailer } from '../../support/practice-wire';

// The diagnostics engine runs MSAL against the practice tenant: prove the wire format suits it.
const dataDir = mkdtempSync(join(tmpdir(), 'practice-msal-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** An MSAL network client on node:https that trusts the practice CA (what --ca-file does). */
function networkClient(ca: string): INetworkModule {
  const send = <T>(method: 'GET' | 'POST', url: string, headers: Record<string, string> = {}, body?: string): Promise<NetworkResponse<T>> =>
    new Promise((resolve, reject) => {
      const req = request(url, { method, ca, headers, agent: false, timeout: 5000 }, (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (text += c));
        res.on('end', () => {
          const h: Record<string, string> = {};
          for (const [k, v] of Object.entries(res.headers)) if (typeof v === 'string') h[k] = v;
          resolve({ status: res.statusCode ?? 0, headers: h, body: JSON.parse(text) as T });
        });
      });
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', reject);
      req.end(body);
    });
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options?.headers),
    sendPostRequestAsync: (url, options) => send('POST', url, options?.headers, options?.body),
  };
}

/**
 * Metadata given up front, so MSAL skips discovery and the token endpoint itself answers
 * (else an absent tenant fails discovery as endpoints_resolution_error, losing AADSTS90002).
 */
function offlineMetadata(authorityHost: string, tenantId: string) {
  const host = new URL(authorityHost).host;
  return {
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/token`,
      authorization_endpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authorityHost}/${tenantId}/oauth2/v2.0/logout`,
      issuer: `${authorityHost}/${tenantId}/v2.0`,
      jwks_uri: `${authorityHost}/${tenantId}/discovery/v2.0/keys`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: `${authorityHost}/${tenantId}/v2.0/.well-known/openid-configuration`,
      'api-version': '1.1',
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}

async function msalToken(t: PracticeTenant, offline = false): Promise<{ accessToken?: string; errorNo?: string; errorCode?: string }> {
  const c = t.credentials();
  const host = new URL(t.authorityHost).host;
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: c.clientId,
      clientSecret: c.clientSecret,
      authority: `${t.authorityHost}/${c.tenantId}`,
      knownAuthorities: [host],
      ...(offline ? offlineMetadata(t.authorityHost, c.tenantId) : {}),
    },
    system: { networkClient: networkClient(t.caPem) },
  });
  try {
    const r = await app.acquireTokenByClientCredential({ scopes: ['https://outlook.office.com/.default'], skipCache: true });
    return { accessToken: r?.accessToken };
  } catch (err) {
    const e = err as { errorNo?: string; errorCode?: string };
    return { errorNo: e.errorNo, errorCode: e.errorCode };
  }
}

async function withTenant<T>(scenario: PracticeScenario, fn: (t: PracticeTenant) => Promise<T>): Promise<T> {
  const tenant = await startPracticeTenant({ dataDir, scenario });
  try {
    return await fn(tenant);
  } finally {
    await tenant.close();
  }
}

describe('MSAL against the practice tenant', () => {
  it('healthy: MSAL gets a token that the SMTP emulator accepts', async () => {
    await withTenant('healthy', async (t) => {
      const r = await msalToken(t);
      expect(r.accessToken?.length).toBeGreaterThan(1500);
      expect((await sendWithNodemailer(t, { accessToken: r.accessToken })).ok).toBe(true);
    });
  });

  it.each([
    ['unknown-app', '700016'],
    ['secret-id-pasted', '7000215'],
    ['expired-secret', '7000222'],
  ] as const)('%s: MSAL reports AADSTS%s as errorNo', async (scenario, errorNo) => {
    await withTenant(scenario, async (t) => {
      expect(String((await msalToken(t)).errorNo)).toBe(errorNo);
    });
  });

  it('wrong-tenant: the OpenID discovery of the absent tenant fails, as it does against Entra', async () => {
    await withTenant('wrong-tenant', async (t) => {
      const discovered = await msalToken(t);
      expect(discovered.accessToken).toBeUndefined();
      expect(discovered.errorCode).toBe('endpoints_resolution_error');
      // with the metadata given, the token endpoint's own AADSTS90002 reaches the caller
      expect(String((await msalToken(t, true)).errorNo)).toBe('90002');
    });
  });

  it('healthy with metadata given up front: a token too', async () => {
    await withTenant('healthy', async (t) => {
      expect((await msalToken(t, true)).accessToken?.length).toBeGreaterThan(1500);
    });
  });

  it('no-service-principal: MSAL succeeds, Exchange says 535 5.7.3', async () => {
    await withTenant('no-service-principal', async (t) => {
      const r = await msalToken(t);
      const smtp = await sendWithNodemailer(t, { accessToken: r.accessToken });
      expect(enhancedCode(smtp.response)).toBe('5.7.3');
    });
  });
});
