import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diagnose } from '../../../../electron/core/diagnostics';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { freePort, startTinyproxy } from '../../../support/tinyproxy';
import { practiceOptions } from '../../../support/practice-options';

const HOST = '127.0.0.1';
let dataDir: string;
let tenant: PracticeTenant;
let proxy: { url: string; stop: () => void } | undefined;
let proxyPort = 0;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-proxy-'));
  tenant = await startPracticeTenant({ dataDir });
  proxy = await startTinyproxy(dataDir);
  proxyPort = Number(new URL(proxy.url).port);
});

afterAll(async () => {
  proxy?.stop();
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function options(proxyUrl: string) {
  return practiceOptions(tenant, { proxy: proxyUrl, timeoutSeconds: 3, sendTo: 'helpdesk@contoso.com' });
}

describe('through an HTTP CONNECT proxy (tinyproxy)', () => {
  it('the healthy tenant passes with token and SMTP both tunnelled', async () => {
    tenant.setScenario('healthy');
    const r = await diagnose(options(`http://${HOST}:${proxyPort}`));
    expect(r.ok, JSON.stringify(r.findings)).toBe(true);
    expect(r.target.proxy).toBe(`${HOST}:${proxyPort}`);
    for (const id of ['network.login', 'token', 'claims', 'network.smtp', 'smtp.auth', 'smtp.send']) {
      expect(r.checks.find((c) => c.id === id)?.status, id).toBe('pass');
    }
    expect(r.checks.find((c) => c.id === 'token')?.evidence.proxy).toBe(`${HOST}:${proxyPort}`);
  });

  it('a closed proxy port → NET_PROXY_FAILED on both paths', async () => {
    const closed = await freePort();
    const r = await diagnose(options(`http://${HOST}:${closed}`));
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.id === 'network.login')?.findings[0]?.code).toBe('NET_PROXY_FAILED');
    expect(r.checks.find((c) => c.id === 'network.smtp')?.findings[0]?.code).toBe('NET_PROXY_FAILED');
    expect(r.findings.every((f) => f.code === 'NET_PROXY_FAILED' || f.code === 'ISE_NODES_NOT_PROVEN')).toBe(true);
  });

  it('the token call alone through a closed proxy → NET_PROXY_FAILED (undici ProxyAgent)', async () => {
    const { acquireToken } = await import('../../../../electron/core/diagnostics/token');
    const c = tenant.credentials();
    const closed = await freePort();
    const r = await acquireToken(
      { authorityHost: tenant.authorityHost, tenantId: c.tenantId, clientId: c.clientId, clientSecret: c.clientSecret, scope: 'https://outlook.office.com/.default', ca: [tenant.caPem], proxy: `http://${HOST}:${closed}`, timeoutMs: 2000 },
      (s) => s,
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.findings[0]?.code).toBe('NET_PROXY_FAILED');
  });
});
