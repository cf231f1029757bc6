import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { AdminSession } from '../../../../electron/core/automation/signin';
import { practiceApproveDeviceCode, practiceBrowser } from '../../../../electron/core/automation/practice-browser';
import { decodeJwt } from '../../../../electron/practice/jwt';

let dataDir: string;
let tenant: PracticeTenant;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'signin-'));
  tenant = await startPracticeTenant({ dataDir });
});
afterAll(async () => {
  await tenant.close();
  rmSync(dataDir, { recursive: true, force: true });
});

function session(clientId = tenant.automation.signInClientId): AdminSession {
  return new AdminSession({ tenantId: tenant.credentials().tenantId, signInClientId: clientId, authorityHost: tenant.authorityHost, ca: [tenant.caPem] });
}

describe('admin sign-in through real msal-node against the practice Entra', () => {
  it('interactive: authorize page form-POSTs code+state to the loopback, PKCE checked, then both tokens', async () => {
    const s = session();
    let opened = '';
    const browser = practiceBrowser([tenant.caPem]);
    const result = await s.signInInteractive(async (url) => {
      opened = url;
      await browser(url);
    });
    expect(result).toEqual({ ok: true, upn: 'admin@contoso-practice.onmicrosoft.com' });
    const u = new URL(opened);
    expect(u.searchParams.get('response_mode')).toBe('form_post');
    expect(u.searchParams.get('code_challenge_method')).toBe('S256');
    expect(u.searchParams.get('redirect_uri')).toMatch(/^http:\/\/localhost:\d+/);
    const graph = decodeJwt(await s.graphToken())!.claims;
    expect(graph.aud).toBe('https://graph.microsoft.com');
    expect(String(graph.scp)).toContain('Application.ReadWrite.All');
    const exo = decodeJwt(await s.exchangeToken())!.claims;
    expect(exo.aud).toBe('https://outlook.office365.com');
    expect(exo.scp).toBe('Exchange.Manage');
    await s.signOut();
    expect(s.signedIn).toBe(false);
    await expect(s.graphToken()).rejects.toThrow(/not signed in/);
  });

  it('device code: polls through authorization_pending until approved', async () => {
    const s = session();
    const result = await s.signInWithDeviceCode((p) => {
      expect(p.message).toContain(p.userCode);
      setTimeout(() => void practiceApproveDeviceCode(p.verificationUri, p.userCode, [tenant.caPem]), 1500);
    }, 30);
    expect(result.ok).toBe(true);
    expect(decodeJwt(await s.exchangeToken())!.claims.upn).toBe('admin@contoso-practice.onmicrosoft.com');
  });

  it('an unknown sign-in client is a finding with its AADSTS code, not a throw', async () => {
    const s = session('1f6d8b3a-4c2e-4a9b-8d7f-6e0c5b2a9d14');
    const result = await s.signInWithDeviceCode(() => undefined, 10);
    expect(result).toMatchObject({ ok: false, finding: { code: 'SETUP_SIGNIN_FAILED', params: { aadsts: 'AADSTS700016' } } });
  });
});
