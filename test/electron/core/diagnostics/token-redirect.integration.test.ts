import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { acquireToken } from '../../../../electron/core/diagnostics/token';
import { redact } from '../../../../electron/core/diagnostics/redact';
import { loadOrCreatePki, type PracticePki } from '../../../../electron/practice/certificates';
import { localServers } from '../../../support/local-servers';

// Issue 17 point 1: a token endpoint answering 3xx must not make the client send client_id and
// client_secret again to the Location; the redirect is a finding that names the Location.
const HOST = '127.0.0.1';
const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SECRET = 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789';
let dataDir: string;
let pki: PracticePki;
const { listen, closeAll } = localServers();

/** The attacker's host the Location points to: records every connection and byte it gets. */
async function trap(): Promise<{ port: number; connections: () => number; bytes: () => string }> {
  let connections = 0;
  let bytes = '';
  const port = await listen(
    createServer((socket) => {
      connections++;
      socket.on('data', (c: Buffer) => (bytes += c.toString('latin1')));
      socket.on('error', () => undefined);
    }),
  );
  return { port, connections: () => connections, bytes: () => bytes };
}

/** A token endpoint that answers every POST with `status` and `Location: location`. */
function redirectingEndpoint(status: number, location: string): Promise<number> {
  return listen(
    createHttpsServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
      req.resume();
      req.on('end', () => {
        res.writeHead(status, { location, 'content-type': 'text/html' });
        res.end('<a href="elsewhere">moved</a>');
      });
    }),
  );
}

const token = (port: number) =>
  acquireToken(
    { authorityHost: `https://${HOST}:${port}`, tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, scope: 'https://outlook.office.com/.default', ca: [pki.caPem], timeoutMs: 2000 },
    (s) => redact(s, [SECRET]),
  );

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'token-redirect-'));
  pki = await loadOrCreatePki(dataDir);
});
afterAll(async () => {
  await closeAll();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the token request never follows a redirect', () => {
  it.each([301, 302, 303, 307, 308])('%i to another host: NET_REDIRECT_REFUSED naming the Location, the other host gets nothing', async (status) => {
    const other = await trap();
    const location = `http://${HOST}:${other.port}/steal/oauth2/v2.0/token`;
    const port = await redirectingEndpoint(status, location);
    const r = await token(port);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.findings).toHaveLength(1);
    expect(r.findings[0]).toMatchObject({ code: 'NET_REDIRECT_REFUSED', step: 'network', severity: 'error', params: { host: `${HOST}:${port}`, location, status } });
    // Give a follow-up request every chance to arrive before asserting it did not.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(other.connections()).toBe(0);
    expect(other.bytes()).toBe('');
    expect(JSON.stringify(r)).not.toContain(SECRET);
  });

  it('a relative Location is resolved against the token endpoint, and still not followed', async () => {
    const port = await redirectingEndpoint(307, '/elsewhere/token');
    const r = await token(port);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.params.location).toBe(`https://${HOST}:${port}/elsewhere/token`);
  });

  it('a healthy token reply raises no redirect finding', async () => {
    const port = await listen(
      createHttpsServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: 'eyJ0eXAiOiJKV1QifQ.eyJhdWQiOiJ4In0.c2ln' }));
        });
      }),
    );
    const r = await token(port);
    expect(r.ok).toBe(true);
  });
});
