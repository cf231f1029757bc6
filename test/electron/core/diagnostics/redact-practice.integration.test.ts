import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:https';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { diagnose } from '../../../../electron/core/diagnostics';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { CallFailure } from '../../../../electron/core/errors/call-failure';
import { createRedactor, redact, redactDeep, redactLogText } from '../../../../electron/core/diagnostics/redact';
import { analyzeGuestLogs, bufferInput } from '../../../../electron/core/troubleshoot/guest-log';
import { lookupErrorText } from '../../../../electron/core/troubleshoot/lookup';
import { practiceOptions } from '../../../support/practice-options';

/**
 * The one redactor against REAL values (issue 7 item 5): a client secret and an access token
 * from the practice tenant's token endpoint (over HTTPS with its CA, client credentials as ISE
 * sends them), the XOAUTH2 string ISE would send and its base64. Each must be masked in log
 * lines, error messages and a full diagnostics report.
 */
let dataDir: string;
let tenant: PracticeTenant;
let secret: string;
let token: string;
let mailbox: string;
let xoauth2: string;
let xoauth2Base64: string;

/** The client-credentials request ISE makes, with node https and the practice CA. */
function fetchToken(t: PracticeTenant): Promise<string> {
  const c = t.credentials();
  const body = new URLSearchParams({ client_id: c.clientId, client_secret: c.clientSecret, scope: 'https://outlook.office.com/.default', grant_type: 'client_credentials' }).toString();
  const url = new URL(`${t.authorityHost}/${c.tenantId}/oauth2/v2.0/token`);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', ca: t.caPem, timeout: 5000, headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'Content-Length': Buffer.byteLength(body) } },
      (res) => {
        let text = '';
        res.on('data', (chunk) => (text += chunk));
        res.on('end', () => {
          const parsed = JSON.parse(text) as { access_token?: string };
          if (res.statusCode !== 200 || !parsed.access_token) reject(new Error(`token endpoint answered ${res.statusCode}`));
          else resolve(parsed.access_token);
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error('token request timed out')));
    req.on('error', reject);
    req.end(body);
  });
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'redact-practice-'));
  tenant = await startPracticeTenant({ dataDir, scenario: 'healthy' });
  const c = tenant.credentials();
  secret = c.clientSecret;
  mailbox = c.mailbox;
  token = await fetchToken(tenant);
  xoauth2 = `user=${mailbox}\x01auth=Bearer ${token}\x01\x01`;
  xoauth2Base64 = Buffer.from(xoauth2).toString('base64');
});
afterAll(async () => {
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Every form a leak could take: the values, their wire encodings, and telling slices of them. */
function leaks(text: string): string[] {
  const [header, payload, signature] = token.split('.');
  const needles = {
    secret,
    secretUrlEncoded: new URLSearchParams({ v: secret }).toString().slice(2),
    secretBase64: Buffer.from(secret).toString('base64'),
    token,
    tokenPayload: payload!,
    tokenSignature: signature!,
    tokenHeaderAndPayload: `${header}.${payload}`,
    xoauth2Base64,
    xoauth2Base64Head: xoauth2Base64.slice(0, 60),
  };
  return Object.entries(needles)
    .filter(([, needle]) => needle.length >= 8 && text.includes(needle))
    .map(([name]) => name);
}

/** Log lines as a DEBUG-level client or a proxy would write them. */
const lines = () => [
  `POST /${tenant.credentials().tenantId}/oauth2/v2.0/token ${new URLSearchParams({ client_id: tenant.credentials().clientId, client_secret: secret, scope: 'https://outlook.office.com/.default', grant_type: 'client_credentials' })}`,
  `token response {"token_type":"Bearer","expires_in":3599,"access_token":"${token}"}`,
  `Authorization: Bearer ${token}`,
  `C: AUTH XOAUTH2 ${xoauth2Base64}`,
  `C: ${xoauth2Base64}`,
  `initial response ${JSON.stringify(xoauth2)}`,
  `secret pasted: ${secret}`,
  `clientSecret=${secret}`,
];

describe('real practice values', () => {
  it('are what the redactor is up against: a real JWT, an Entra-shaped secret, a real XOAUTH2 blob', () => {
    expect(token.split('.')).toHaveLength(3);
    expect(token.length).toBeGreaterThan(1500);
    expect(secret).toMatch(/~/);
    expect(xoauth2Base64.startsWith('dXNlcj')).toBe(true);
    // The control: unredacted, the lines do leak every value the checks below look for.
    expect(leaks(lines().join('\n'))).toEqual(expect.arrayContaining(['secret', 'secretUrlEncoded', 'token', 'tokenPayload', 'xoauth2Base64']));
  });
});

describe('log lines', () => {
  it('redactLogText masks each, with nothing known in advance', () => {
    for (const line of lines()) expect(leaks(redactLogText(line)), line.slice(0, 60)).toEqual([]);
  });

  it('redact with the known values masks each, and the lines stay readable', () => {
    for (const line of lines()) {
      const out = redact(line, [secret, token]);
      expect(leaks(out), line.slice(0, 60)).toEqual([]);
      expect(out).toContain('[redacted');
    }
    expect(redact(lines()[0]!, [secret, token])).toContain(`client_id=${tenant.credentials().clientId}`);
  });

  it('the guest.log analyzer never puts them in its timeline or samples', async () => {
    const at = (s: number) => `2026-02-10 14:34:${String(s).padStart(2, '0')},549`;
    const log = lines()
      .map((l, i) => `${at(i)} ERROR  [admin-http-pool9][[]] cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider -::admin:::- Error acquiring token: AADSTS7000215: Invalid client secret provided. ${l} `)
      .join('\n');
    const analysis = await analyzeGuestLogs([bufferInput('guest.log', Buffer.from(`${log}\n`))]);
    const text = JSON.stringify(analysis);
    // The analyzer did see the failures (else this would prove nothing) ...
    expect(analysis.findings.map((f) => f.code)).toContain('TOKEN_SECRET_INVALID');
    expect(text).toContain('[redacted');
    // ... and kept none of the values.
    expect(leaks(text)).toEqual([]);
  });

  it('the error lookup masks them in its evidence', () => {
    const pasted = `javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful ${lines().join(' ')}`;
    const result = lookupErrorText(pasted);
    expect(result.matches.length).toBeGreaterThan(0);
    expect(leaks(JSON.stringify(result))).toEqual([]);
  });
});

describe('error messages', () => {
  it('an error quoting the token request and reply is masked by the run redactor', () => {
    const r = createRedactor(() => [secret, token]);
    const err = new Error(`token request client_secret=${encodeURIComponent(secret)} failed after reply ${token} and AUTH XOAUTH2 ${xoauth2Base64}`);
    expect(leaks(r(err.message))).toEqual([]);
    expect(leaks(JSON.stringify(redactDeep({ error: err.message, nested: [{ xoauth2 }] }, r)))).toEqual([]);
  });

  it('a CallFailure that quotes them reaches the caller masked; any other fault reaches it as a bare INTERNAL', async () => {
    const handlers = {
      appInfo: async () => {
        throw new CallFailure('SMTP_FAILED', `server said 535 5.7.3 to AUTH XOAUTH2 ${xoauth2Base64} with Bearer ${token} (client_secret=${secret})`);
      },
      profilesExpiry: async () => {
        throw new Error(`secret ${secret} token ${token}`);
      },
    } as unknown as Handlers;
    const failed = await dispatch(handlers, 'appInfo', {});
    expect(failed.ok).toBe(false);
    expect(JSON.stringify(failed)).toContain('535 5.7.3');
    expect(leaks(JSON.stringify(failed))).toEqual([]);
    const internal = await dispatch(handlers, 'profilesExpiry', {});
    expect(internal).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'internal error in profilesExpiry' } });
  });
});

describe('a full diagnostics report', () => {
  it("'no-service-principal' fails after the token: neither the secret nor any token is in the report", async () => {
    tenant.setScenario('no-service-principal');
    const c = tenant.credentials();
    const report = await diagnose(practiceOptions(tenant, { timeoutSeconds: 5, sendTo: 'helpdesk@contoso.com', practice: true }));
    const text = JSON.stringify(report);
    // The run got a token (its claims are there) and failed at SMTP AUTH, where the blob was sent.
    expect(report.claims?.appid).toBe(c.clientId);
    expect(report.findings.map((f) => f.code)).toContain('SMTP_AUTH_REJECTED');
    expect(report.checks.find((k) => k.id === 'smtp.auth')?.status).toBe('fail');
    // The report's own token was fresh, not ours: no JWT and no XOAUTH2 blob of any kind.
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.eyJ/);
    expect(text).not.toContain('dXNlcj');
    expect(text).not.toMatch(/auth=Bearer [^[]/);
    expect(leaks(text)).toEqual([]);
  });
});
