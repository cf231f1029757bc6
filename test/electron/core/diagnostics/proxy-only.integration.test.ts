import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { DiagnosticReportSchema } from '../../../../shared/diagnostic-report';
import { createIsolatedNetns, netnsAvailable, unixBridge, type IsolatedNetns } from '../../../support/netns';
import { startTinyproxy } from '../../../support/tinyproxy';

/**
 * The healthy run through a real tinyproxy while direct access to the emulator is impossible:
 * the practice tenant and tinyproxy run here (host network namespace, 127.0.0.1); the diagnosis
 * runs in a child process inside a fresh network namespace that has only its own loopback. Its one
 * way out is a Unix socket that leads to tinyproxy, so every byte to the emulator went through
 * tinyproxy's CONNECT. No address other than 127.0.0.1 exists or is used anywhere.
 */
const ROOT = path.resolve(__dirname, '../../../..');
let dataDir: string;
let tenant: PracticeTenant;
let proxy: { url: string; stop: () => void } | undefined;
let bridge: Awaited<ReturnType<typeof unixBridge>> | undefined;
let ns: IsolatedNetns | undefined;
let socketPath: string;

beforeAll(async () => {
  // Not a skip: without `ip netns` the claim "direct access impossible" cannot be made, so say so.
  if (!netnsAvailable()) throw new Error('ip netns is not available here (needs root): this test cannot isolate the client');
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-proxy-only-'));
  tenant = await startPracticeTenant({ dataDir });
  proxy = await startTinyproxy(dataDir);
  socketPath = path.join(dataDir, 'to-tinyproxy.sock');
  bridge = await unixBridge(socketPath, Number(new URL(proxy.url).port));
  ns = createIsolatedNetns(`diagproxyonly${process.pid}`);
});

afterAll(async () => {
  // Each step on its own: a failure in one must not leave the namespace or a process behind.
  ns?.destroy();
  await bridge?.close().catch(() => undefined);
  proxy?.stop();
  await tenant?.close().catch(() => undefined);
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function reachableFromHere(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect({ host: '127.0.0.1', port });
    s.once('connect', () => (s.destroy(), resolve(true)));
    s.once('error', () => resolve(false));
  });
}

describe('healthy run through tinyproxy with no direct route to the emulator', () => {
  it('direct connections fail from inside the namespace, and the diagnosis passes through tinyproxy', async () => {
    tenant.setScenario('healthy');
    const tokenPort = Number(new URL(tenant.authorityHost).port);
    // The ports are open from the host namespace: a refusal inside is the isolation, not a dead emulator.
    expect(await reachableFromHere(tokenPort)).toBe(true);
    expect(await reachableFromHere(tenant.smtpPort)).toBe(true);

    const c = tenant.credentials();
    const childArgs = {
      bridgeSocket: socketPath,
      directPorts: [tokenPort, tenant.smtpPort],
      options: {
        tenantId: c.tenantId, clientId: c.clientId, mailbox: c.mailbox,
        authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort,
        caFile: tenant.caFile, timeoutSeconds: 3, sendTo: 'helpdesk@contoso.com',
      },
    };
    const before = bridge!.connections();
    const mailBefore = tenant.receivedMail().length;
    const r = await ns!.exec([process.execPath, '--import', 'tsx', 'test/support/netns-diagnose-child.ts', JSON.stringify(childArgs)], {
      cwd: ROOT,
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DIAG_NETNS_SECRET: c.clientSecret },
      timeoutMs: 20_000,
    });
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout.trim().split('\n').pop()!) as { direct: { port: number; outcome: string }[]; proxy: string; report: unknown };

    // 1. From inside, the emulator's ports are unreachable directly.
    expect(out.direct).toEqual([
      { port: tokenPort, outcome: 'ECONNREFUSED' },
      { port: tenant.smtpPort, outcome: 'ECONNREFUSED' },
    ]);
    // 2. The same configuration passes with the proxy: token and SMTP were both tunnelled.
    const report = DiagnosticReportSchema.parse(out.report);
    expect(report.ok, JSON.stringify(report.findings)).toBe(true);
    expect(report.target.proxy).toBe(new URL(out.proxy).host);
    for (const id of ['network.login', 'token', 'claims', 'network.smtp', 'smtp.auth', 'smtp.send']) {
      expect(report.checks.find((ch) => ch.id === id)?.status, id).toBe('pass');
    }
    // 3. Those connections crossed the bridge to tinyproxy, and the test mail arrived.
    expect(bridge!.connections() - before).toBeGreaterThanOrEqual(2);
    expect(tenant.receivedMail().length).toBeGreaterThan(mailBefore);
    expect(r.stdout + r.stderr).not.toContain(c.clientSecret);
  });
});
