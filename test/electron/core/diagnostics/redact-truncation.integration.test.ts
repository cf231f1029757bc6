import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireToken } from '../../../../electron/core/diagnostics/token';
import { createRedactor, redactAndCut } from '../../../../electron/core/diagnostics/redact';
import { loadOrCreatePki, type PracticePki } from '../../../../electron/practice/certificates';

// Issue 17 point 6, the canary way: a known secret must not survive in any part, neither when a
// reply is cut to 500/1000 characters across it, nor when the server itself sent only its start.
const HOST = '127.0.0.1';
const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const CANARY = 'Zq7Q~canary_straddles.the-cut_0123456789AB'; // 44 characters, Entra's shape
const redactor = createRedactor(() => [CANARY]);

/** Every piece of 8 characters or more of the canary found in `text`. */
function pieces(text: string): string[] {
  const found = new Set<string>();
  for (let n = CANARY.length; n >= 8; n--) {
    for (let i = 0; i + n <= CANARY.length; i++) if (text.includes(CANARY.slice(i, i + n))) found.add(CANARY.slice(i, i + n));
  }
  return [...found];
}

let dir: string;
let pki: PracticePki;
const servers: Server[] = [];
const sockets = new Set<Socket>();
function tokenServer(status: number, body: string): Promise<number> {
  const server = createServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
    req.resume();
    req.on('end', () => res.writeHead(status, { 'content-type': 'application/json' }).end(body));
  });
  servers.push(server);
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  return new Promise((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
}
const token = (port: number) =>
  acquireToken({ authorityHost: `https://${HOST}:${port}`, tenantId: TENANT, clientId: CLIENT, clientSecret: CANARY, scope: 'https://outlook.office.com/.default', ca: [pki.caPem], timeoutMs: 2000 }, redactor);

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'redact-cut-'));
  pki = await loadOrCreatePki(dir);
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

describe('canary: a secret straddling a cut', () => {
  it('a malformed token reply with the secret across the 500-character cut leaks no part of it', async () => {
    const port = await tokenServer(200, `<html>${'x'.repeat(474)}${CANARY}${'y'.repeat(200)}</html>`);
    const r = await token(port);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings[0]?.code).toBe('TOKEN_SERVICE_ERROR');
    expect(r.findings[0]?.raw).toBeDefined();
    expect(pieces(JSON.stringify(r))).toEqual([]);
  });

  it('an Entra error that quotes only the start of the secret (cut by the server) masks that start', async () => {
    const description = `AADSTS7000215: Invalid client secret provided. Received: ${CANARY.slice(0, 20)}`;
    const port = await tokenServer(401, JSON.stringify({ error: 'invalid_client', error_description: description, error_codes: [7000215] }));
    const r = await token(port);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings[0]?.code).toBe('TOKEN_SECRET_INVALID');
    expect(pieces(JSON.stringify(r))).toEqual([]);
    expect(r.findings[0]?.raw).toContain('AADSTS7000215: Invalid client secret provided.');
  });
});

describe('redactAndCut', () => {
  it('redacts before it cuts, at every cut position across the secret', () => {
    for (let at = 0; at <= CANARY.length + 10; at++) {
      const text = `${'a'.repeat(100)}${CANARY}${'b'.repeat(100)}`;
      const out = redactAndCut(text, 100 + at, redactor);
      expect(pieces(out), `cut at ${100 + at}`).toEqual([]);
      expect(out.length).toBeLessThanOrEqual(100 + at + 1);
    }
  });

  it('masks a trailing start and a leading end of the secret, and leaves other text alone', () => {
    expect(redactor(`reply ended ${CANARY.slice(0, 12)}`)).toBe('reply ended [redacted]');
    expect(redactor(`${CANARY.slice(-12)} was the tail`)).toBe('[redacted] was the tail');
    expect(redactAndCut('535 5.7.3 Authentication unsuccessful', 500, redactor)).toBe('535 5.7.3 Authentication unsuccessful');
    expect(redactAndCut('x'.repeat(600), 500, redactor)).toBe(`${'x'.repeat(500)}…`);
  });
});
