import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createHttpsServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOrCreatePki, type PracticePki } from '../../../electron/practice/certificates';
import { spawnCli } from '../../support/spawn-cli';
import { localServers, refusedPort } from '../../support/local-servers';

// Issue 17 point 3 through the real CLI: `--ca-file` that is a FIFO or /dev/zero is bad input
// (exit 2, at once); a token endpoint sending an endless reply is a finding, and the CLI's memory
// stays small. The child is guarded (killed on a hang or past 400 MB), so a regression fails
// the test instead of exhausting the machine.
const HOST = '127.0.0.1';
const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
const CLIENT = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SECRET = 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789';
let dir: string;
let pki: PracticePki;
const { listen, closeAll } = localServers();

const base = (authorityHost: string, smtpPort: number) => [
  'diagnose', '--json', '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', 'no-reply@contoso.onmicrosoft.com',
  '--secret-env', 'DIAG_SECRET', '--authority-host', authorityHost, '--smtp-host', HOST, '--smtp-port', String(smtpPort), '--timeout', '10',
];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'diag-limits-'));
  pki = await loadOrCreatePki(join(dir, 'data'));
});
afterAll(async () => {
  await closeAll();
  rmSync(dir, { recursive: true, force: true });
});

describe('diagnose --ca-file', () => {
  it.each([
    ['a FIFO', () => {
      const fifo = join(dir, 'ca.fifo');
      execFileSync('mkfifo', [fifo]);
      return fifo;
    }],
    ['/dev/zero', () => '/dev/zero'],
  ])('%s is refused as bad input, quickly', async (_what, make) => {
    const port = await refusedPort();
    const r = await spawnCli([...base(`https://${HOST}:${port}`, port), '--ca-file', make()], { env: { DIAG_SECRET: SECRET }, killAfterMs: 15_000, maxRssBytes: 400 * 1024 * 1024 });
    expect(r.killed).toBeNull();
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--ca-file is not a regular file');
  }, 30_000);
});

describe('a token endpoint with an endless reply', () => {
  it('is NET_REPLY_TOO_LARGE, and the CLI stays small', async () => {
    const chunk = Buffer.alloc(256 * 1024, 0x7b);
    let sent = 0;
    const tokenPort = await listen(
      createHttpsServer({ key: pki.server.key, cert: pki.server.cert }, (req, res) => {
        req.resume();
        res.writeHead(200, { 'content-type': 'application/json' });
        // Writes as fast as the client reads, until it hangs up (or 3 GB, as in the issue).
        const pump = () => {
          while (sent < 3 * 1024 ** 3 && res.write(chunk)) sent += chunk.length;
          if (sent >= 3 * 1024 ** 3) res.end();
        };
        res.on('drain', pump);
        res.on('close', () => res.removeAllListeners('drain'));
        pump();
      }),
    );
    const r = await spawnCli([...base(`https://${HOST}:${tokenPort}`, await refusedPort()), '--ca-file', pki.caFile], { env: { DIAG_SECRET: SECRET }, killAfterMs: 25_000, maxRssBytes: 400 * 1024 * 1024 });
    expect(r.killed).toBeNull();
    const report = JSON.parse(r.stdout) as { findings: Array<{ code: string; params: Record<string, unknown> }> };
    expect(report.findings.map((f) => f.code)).toContain('NET_REPLY_TOO_LARGE');
    expect(report.findings.find((f) => f.code === 'NET_REPLY_TOO_LARGE')?.params).toMatchObject({ host: `${HOST}:${tokenPort}`, limit: 256 * 1024 });
    // tsx + the CLI take ~150 MB here; the reply itself must not add to it.
    expect(r.peakRssBytes).toBeLessThan(300 * 1024 * 1024);
    expect(sent).toBeLessThan(64 * 1024 * 1024);
  }, 40_000);
});
