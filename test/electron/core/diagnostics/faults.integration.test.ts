import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose, type DiagnoseOptions } from '../../../../electron/core/diagnostics';
import { acquireToken } from '../../../../electron/core/diagnostics/token';
import { handshake, openTcp } from '../../../../electron/core/diagnostics/tcp-tls';
import { redact } from '../../../../electron/core/diagnostics/redact';
import { loadOrCreatePki, type PracticePki } from '../../../../electron/practice/certificates';
import { ENTRA_REPLIES } from '../../../support/recorded-replies';
import { localServers, refusedPort } from '../../../support/local-servers';

const HOST = '127.0.0.1';
const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SECRET = 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789';
const MAILBOX = 'no-reply@contoso.onmicrosoft.com';
let dataDir: string;
let pki: PracticePki;
const { listen, closeAll } = localServers();

/** A token endpoint that answers every POST with a fixed status and body. */
function tokenServer(status: number, body: string): Promise<number> {
  return listen(createHttpsServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body);
    });
  }));
}

/** A scripted SMTP server: Exchange-like up to STARTTLS, then `onAuth` decides what AUTH gets. */
function scriptedSmtp(opts: { banner?: 'hang' | string; onAuth?: (s: TLSSocket) => void; noStartTls?: boolean; noXoauth2?: boolean }): Promise<number> {
  return listen(createServer((socket) => {
    if (opts.banner === 'hang') return; // accepts, never speaks
    socket.write(`${opts.banner ?? '220 AM0PR02CA0001.outlook.office365.com Microsoft ESMTP MAIL Service ready'}\r\n`);
    let buf = '';
    const onPlain = (chunk: Buffer) => {
      buf += chunk.toString();
      while (buf.includes('\r\n')) {
        const line = buf.slice(0, buf.indexOf('\r\n'));
        buf = buf.slice(buf.indexOf('\r\n') + 2);
        if (/^EHLO/i.test(line)) socket.write(`250-AM0PR02CA0001 Hello\r\n250-SIZE 157286400\r\n${opts.noStartTls ? '' : '250-STARTTLS\r\n'}250 SMTPUTF8\r\n`);
        else if (/^STARTTLS/i.test(line)) {
          socket.removeListener('data', onPlain);
          socket.write('220 2.0.0 SMTP server ready\r\n', () => {
            const tls = new TLSSocket(socket, { isServer: true, key: pki.server.key, cert: pki.server.cert });
            let tbuf = '';
            tls.on('data', (c: Buffer) => {
              tbuf += c.toString();
              while (tbuf.includes('\r\n')) {
                const l = tbuf.slice(0, tbuf.indexOf('\r\n'));
                tbuf = tbuf.slice(tbuf.indexOf('\r\n') + 2);
                if (/^EHLO/i.test(l)) tls.write(`250-AM0PR02CA0001 Hello\r\n250-SIZE 157286400\r\n250-AUTH LOGIN ${opts.noXoauth2 ? '' : 'XOAUTH2'}\r\n250 SMTPUTF8\r\n`);
                else if (/^AUTH/i.test(l)) opts.onAuth?.(tls);
                else if (/^QUIT/i.test(l)) tls.end('221 2.0.0 Service closing transmission channel\r\n');
              }
            });
            tls.on('error', () => undefined);
          });
        } else if (/^QUIT/i.test(line)) socket.end('221 2.0.0 Bye\r\n');
      }
    };
    socket.on('data', onPlain);
    socket.on('error', () => undefined);
  }));
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-faults-'));
  pki = await loadOrCreatePki(dataDir);
});
afterAll(async () => {
  await closeAll();
  rmSync(dataDir, { recursive: true, force: true });
});

async function timed<T>(work: Promise<T>): Promise<[T, number]> {
  const t0 = Date.now();
  const v = await work;
  return [v, Date.now() - t0];
}

const base = (over: Partial<DiagnoseOptions>): DiagnoseOptions => ({
  tenantId: TENANT,
  clientId: CLIENT,
  mailbox: MAILBOX,
  clientSecret: SECRET,
  caPem: pki.caPem,
  timeoutSeconds: 1,
  ...over,
});

const codesOf = (r: { findings: { code: string }[] }) => r.findings.map((f) => f.code);

describe('network faults on the SMTP path', () => {
  it('connection refused → NET_CONNECT_REFUSED, fast', async () => {
    const port = await refusedPort();
    const [r, ms] = await timed(diagnose(base({ smtpHost: HOST, smtpPort: port, authorityHost: `https://${HOST}:${await refusedPort()}` })));
    expect(codesOf(r)).toContain('NET_CONNECT_REFUSED');
    expect(r.checks.find((c) => c.id === 'network.smtp')?.findings[0]?.code).toBe('NET_CONNECT_REFUSED');
    expect(r.checks.find((c) => c.id === 'network.login')?.findings[0]?.code).toBe('NET_CONNECT_REFUSED');
    expect(r.checks.find((c) => c.id === 'token')?.status).toBe('skip');
    expect(r.ok).toBe(false);
    expect(ms).toBeLessThan(1000);
  });

  it('a server that accepts and never answers → NET_READ_TIMEOUT within the timeout', async () => {
    const port = await scriptedSmtp({ banner: 'hang' });
    const [r, ms] = await timed(diagnose(base({ smtpHost: HOST, smtpPort: port, steps: ['network'], authorityHost: `https://${HOST}:${await refusedPort()}` })));
    const f = r.checks.find((c) => c.id === 'network.smtp')!.findings[0]!;
    expect(f.code).toBe('NET_READ_TIMEOUT');
    expect(f.params.phase).toBe('banner');
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(1000 + 700);
  });

  it('a 4xx banner → SMTP_THROTTLED; no STARTTLS → SMTP_STARTTLS_UNAVAILABLE; no XOAUTH2 → SMTP_XOAUTH2_NOT_OFFERED', async () => {
    const refusedLogin = `https://${HOST}:${await refusedPort()}`;
    const busy = await scriptedSmtp({ banner: '421 4.3.2 Service not available, closing transmission channel' });
    const noTls = await scriptedSmtp({ noStartTls: true });
    const noX = await scriptedSmtp({ noXoauth2: true });
    const smtpCode = async (port: number) => (await diagnose(base({ smtpHost: HOST, smtpPort: port, steps: ['network'], authorityHost: refusedLogin }))).checks.find((c) => c.id === 'network.smtp')!;
    expect((await smtpCode(busy)).findings[0]?.code).toBe('SMTP_THROTTLED');
    expect((await smtpCode(noTls)).findings[0]?.code).toBe('SMTP_STARTTLS_UNAVAILABLE');
    const x = await smtpCode(noX);
    expect(x.findings[0]?.code).toBe('SMTP_XOAUTH2_NOT_OFFERED');
    // the chain after STARTTLS is captured for ISE's trusted store
    expect((x.evidence.chain as Array<{ pem: string }>).length).toBe(2);
    expect((x.evidence.chain as Array<{ pem: string }>)[0]!.pem).toContain('BEGIN CERTIFICATE');
  });

  it('untrusted chain and wrong host name are told apart', async () => {
    const port = await scriptedSmtp({});
    const untrusted = await diagnose(base({ caPem: undefined, smtpHost: HOST, smtpPort: port, steps: ['network'], authorityHost: `https://${HOST}:${await refusedPort()}` }));
    expect(untrusted.checks.find((c) => c.id === 'network.smtp')!.findings[0]?.code).toBe('TLS_UNTRUSTED_CHAIN');
    // the same trusted certificate, checked for the name ISE would use
    const https = await tokenServer(200, '{}');
    const tcp = await openTcp(HOST, https, 1000);
    expect(tcp.ok).toBe(true);
    if (!tcp.ok) return;
    const tls = await handshake(tcp.value, 'smtp.office365.com', [pki.caPem], 1000);
    expect(tls.fault?.finding).toBe('TLS_HOSTNAME_MISMATCH');
    expect(tls.chain.length).toBeGreaterThan(0);
  });
});

describe('token endpoint faults, through the real MSAL', () => {
  const token = async (status: number, body: string) => {
    const port = await tokenServer(status, body);
    return acquireToken({ authorityHost: `https://${HOST}:${port}`, tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, scope: 'https://outlook.office.com/.default', ca: [pki.caPem], timeoutMs: 1000 }, (s) => redact(s, [SECRET]));
  };

  for (const [code, [status, body]] of Object.entries(ENTRA_REPLIES)) {
    it(`${code} from Entra's recorded reply`, async () => {
      const r = await token(status, body);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.findings.map((f) => f.code)).toEqual([code]);
    });
  }

  for (const [label, status, body] of [
    ['HTTP 500', 500, JSON.stringify({ error: 'server_error', error_description: 'AADSTS90033: A transient error has occurred.', error_codes: [90033] })],
    ['HTTP 503', 503, '<html><body>Service Unavailable</body></html>'],
    ['malformed JSON', 200, '{"token_type":"Bearer","access_tok'],
    ['empty body', 200, ''],
    ['empty access_token', 200, JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: '' })],
  ] as const) {
    it(`${label} → TOKEN_SERVICE_ERROR, within the timeout`, async () => {
      const [r, ms] = await timed(token(status, body));
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.findings.map((f) => f.code)).toEqual(['TOKEN_SERVICE_ERROR']);
      expect(ms).toBeLessThan(1500);
    });
  }

  it('a token endpoint that never answers → NET_READ_TIMEOUT within timeout + slack', async () => {
    const port = await listen(createHttpsServer({ key: pki.server.key, cert: pki.server.cert }, () => undefined));
    const [r, ms] = await timed(acquireToken({ authorityHost: `https://${HOST}:${port}`, tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, scope: 'https://outlook.office.com/.default', ca: [pki.caPem], timeoutMs: 1000 }, (s) => s));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.code).toBe('NET_READ_TIMEOUT');
    expect(ms).toBeLessThan(1800);
  });
});

describe('AUTH faults', () => {
  /** A token server that issues a syntactically valid JWT, so the run reaches AUTH. */
  async function goodTokenHost(): Promise<string> {
    const b = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const jwt = `${b({ alg: 'RS256', typ: 'JWT' })}.${b({ aud: 'https://outlook.office.com', tid: TENANT, appid: CLIENT, oid: CLIENT, roles: ['SMTP.SendAsApp'], exp: now + 3600, iat: now })}.c2ln`;
    const port = await tokenServer(200, JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: jwt }));
    return `https://${HOST}:${port}`;
  }

  it('a server closing mid-AUTH is classified, not thrown', async () => {
    const port = await scriptedSmtp({ onAuth: (tls) => tls.destroy() });
    const [r, ms] = await timed(diagnose(base({ smtpHost: HOST, smtpPort: port, authorityHost: await goodTokenHost() })));
    const auth = r.checks.find((c) => c.id === 'smtp.auth')!;
    expect(auth.status).toBe('fail');
    expect(auth.findings[0]?.code).toBe('SMTP_UNCLASSIFIED');
    expect(ms).toBeLessThan(3000);
  });

  it('a server silent after AUTH → NET_READ_TIMEOUT within the socket timeout', async () => {
    const port = await scriptedSmtp({ onAuth: () => undefined });
    const [r, ms] = await timed(diagnose(base({ smtpHost: HOST, smtpPort: port, authorityHost: await goodTokenHost() })));
    expect(r.checks.find((c) => c.id === 'smtp.auth')!.findings[0]?.code).toBe('NET_READ_TIMEOUT');
    expect(ms).toBeLessThan(3000);
  });

  it('535 5.7.3 → SMTP_AUTH_REJECTED with the propagation delay named', async () => {
    const port = await scriptedSmtp({ onAuth: (tls) => tls.write('535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]\r\n') });
    const r = await diagnose(base({ smtpHost: HOST, smtpPort: port, authorityHost: await goodTokenHost() }));
    const f = r.findings.find((x) => x.code === 'SMTP_AUTH_REJECTED');
    expect(f?.params).toMatchObject({ enhanced: '5.7.3', mailbox: MAILBOX, propagationDelay: '30 min – 2 h' });
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('DNS failure of the SMTP host → NET_DNS_FAILED', async () => {
    const r = await diagnose(base({ smtpHost: 'smtp.does-not-exist.invalid', steps: ['network'], authorityHost: `https://${HOST}:${await refusedPort()}` }));
    expect(r.checks.find((c) => c.id === 'network.smtp')!.findings[0]?.code).toBe('NET_DNS_FAILED');
  });
});
