import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../support/fake-electron';
import { CALL_NAMES } from '../../shared/contract';

// Electron's security checklist (electronjs.org/docs/latest/tutorial/security), checked against
// the real electron/main.ts running on a recording stand-in for the electron module.
const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

let win: InstanceType<typeof fake.FakeBrowserWindow>;

beforeAll(async () => {
  await import('../../electron/main');
  fake.fireReady();
  await vi.waitFor(() => expect(fake.record.windows).toHaveLength(1));
  win = fake.record.windows[0]!;
});

const prefs = () => win.options.webPreferences as Record<string, unknown>;

describe('Electron security checklist, against electron/main.ts', () => {
  it('1/18: loads only local content, from the app:// scheme, never file:// or http(s)', () => {
    expect(win.loadedUrl).toBe('app://renderer/index.html');
    expect(fake.record.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true } }]);
    expect(fake.record.protocolHandlers.has('app')).toBe(true);
  });

  it('2: no Node.js integration anywhere', () => {
    expect(prefs().nodeIntegration).toBe(false);
    expect(prefs().nodeIntegrationInWorker).toBe(false);
    expect(prefs().nodeIntegrationInSubFrames).toBe(false);
  });

  it('3: context isolation on', () => expect(prefs().contextIsolation).toBe(true));
  it('4: sandbox on', () => expect(prefs().sandbox).toBe(true));

  it('5: every permission request and check is refused, but notifications for the app itself', () => {
    const answers: boolean[] = [];
    const ask = (permission: string, requestingUrl: string) =>
      fake.record.permissionRequestHandler!({}, permission, (granted: boolean) => answers.push(granted), { requestingUrl });
    ask('media', 'app://renderer/index.html');
    ask('geolocation', 'app://renderer/index.html');
    ask('notifications', 'https://attacker.example/');
    ask('notifications', 'app://renderer/index.html');
    expect(answers).toEqual([false, false, false, true]);
    expect(fake.record.permissionCheckHandler!({}, 'clipboard-read', 'app://renderer')).toBe(false);
    expect(fake.record.permissionCheckHandler!({}, 'notifications', 'https://attacker.example')).toBe(false);
    expect(fake.record.permissionCheckHandler!({}, 'notifications', 'app://renderer')).toBe(true);
  });

  it('6/8/9/10: web security on, no insecure content, no experimental or Blink features', () => {
    expect(prefs().webSecurity).toBe(true);
    expect(prefs().allowRunningInsecureContent).toBe(false);
    expect(prefs().experimentalFeatures).toBe(false);
    expect(prefs().enableBlinkFeatures).toBeUndefined();
  });

  it('7: a strict CSP header on every response', () => {
    let result: { responseHeaders: Record<string, string[]> } | undefined;
    fake.record.headersHandler!({ responseHeaders: {} }, (r) => (result = r as typeof result));
    const csp = result!.responseHeaders['Content-Security-Policy']![0]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });

  it('11/12: no <webview>, and attaching one is prevented', () => {
    expect(prefs().webviewTag).toBe(false);
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    win.webContents.emit('will-attach-webview', event);
    expect(event.defaultPrevented).toBe(true);
  });

  it('13: navigation and redirects away from the app are prevented', () => {
    for (const name of ['will-navigate', 'will-redirect']) {
      const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
      win.webContents.emit(name, event, 'https://attacker.example/');
      expect(event.defaultPrevented).toBe(true);
    }
  });

  it('14/15: new windows are denied; only allow-listed https links go to the browser', () => {
    expect(win.webContents.windowOpenHandler!({ url: 'https://attacker.example/' })).toEqual({ action: 'deny' });
    expect(win.webContents.windowOpenHandler!({ url: 'https://entra.microsoft.com/' })).toEqual({ action: 'deny' });
    expect(fake.record.openedExternally).toEqual(['https://entra.microsoft.com/']);
  });

  it('17: every contract call is bound, and a foreign sender is refused', async () => {
    expect([...fake.record.ipcHandlers.keys()].sort()).toEqual(CALL_NAMES.map((n) => `setup:${n}`).sort());
    const foreign = { sender: { id: 999, mainFrame: { url: 'app://renderer/index.html' } }, senderFrame: { url: 'app://renderer/index.html' } };
    foreign.senderFrame = foreign.sender.mainFrame;
    const answer = await fake.record.ipcHandlers.get('setup:appInfo')!(foreign, {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    const own = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const ownAnswer = (await fake.record.ipcHandlers.get('setup:appInfo')!(own, {})) as { ok: boolean };
    expect(ownAnswer.ok).toBe(true);
  });

  it('single instance: a second start focuses the first window', () => {
    expect(fake.record.quit).toBe(0);
  });
});

describe('the desktop-only PDF report', () => {
  it('prints the HTML report in a hidden window with no script, and returns the PDF as data', async () => {
    const own = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const created = (await fake.record.ipcHandlers.get('setup:profileCreate')!(own, {
      name: 'Contoso HQ',
      mailbox: 'no-reply@contoso.onmicrosoft.com',
      tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
      clientId: '1f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
    })) as { ok: boolean; value: { id: string } };
    expect(created.ok).toBe(true);
    const result = (await fake.record.ipcHandlers.get('setup:exportReportPdf')!(own, { profileId: created.value.id })) as {
      ok: boolean;
      value: { fileName: string; mimeType: string; contentBase64: string };
    };
    expect(result.ok).toBe(true);
    expect(result.value.mimeType).toBe('application/pdf');
    expect(result.value.fileName).toMatch(/\.pdf$/);
    expect(Buffer.from(result.value.contentBase64, 'base64').toString()).toBe('%PDF-1.7 fake');
    const printer = fake.record.windows.at(-1)!;
    expect(printer).not.toBe(win);
    expect(printer.options.show).toBe(false);
    expect(printer.options.webPreferences).toMatchObject({ sandbox: true, javascript: false, nodeIntegration: false });
    expect(printer.loadedUrl).toMatch(/^data:text\/html;charset=utf-8;base64,/);
    const html = Buffer.from(printer.loadedUrl!.split(',')[1]!, 'base64').toString('utf8');
    expect(html).toContain('Contoso HQ');
    expect(printer.destroyed).toBe(true);
  });
});
