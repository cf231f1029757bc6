import { beforeAll, describe, expect, it, vi } from 'vitest';
import { createFakeElectron } from '../support/fake-electron';

// The real electron/main.ts on the recording stand-in: copyClientSecret over IPC writes the
// clipboard in main and the page's answer carries no secret.
const fake = createFakeElectron();
vi.mock('electron', () => fake.module);

beforeAll(async () => {
  await import('../../electron/main');
  fake.fireReady();
  await vi.waitFor(() => expect(fake.record.windows).toHaveLength(1));
});

describe('copyClientSecret in the desktop app', () => {
  it('main writes the clipboard; the renderer never receives the secret', async () => {
    const win = fake.record.windows[0]!;
    const own = { sender: win.webContents, senderFrame: win.webContents.mainFrame };
    const invoke = (name: string, input: unknown) => fake.record.ipcHandlers.get(`setup:${name}`)!(own, input) as Promise<{ ok: boolean; value: Record<string, unknown> }>;
    const created = await invoke('profileCreate', {
      name: 'Clipboard Co', mailbox: 'no-reply@contoso.onmicrosoft.com',
      tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '1f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b',
    });
    const secret = 'Zq9~main.ClipboardSecret_42';
    const none = await invoke('copyClientSecret', { profileId: created.value['id'] });
    expect(none).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_STORED' } });
    expect(fake.record.clipboard).toBe('');
    expect((await invoke('secretSet', { profileId: created.value['id'], secret })).ok).toBe(true);
    const answer = await invoke('copyClientSecret', { profileId: created.value['id'] });
    expect(answer).toEqual({ ok: true, value: { mode: 'copied', clearAfterSeconds: 60 } });
    expect(JSON.stringify(answer)).not.toContain(secret);
    expect(fake.record.clipboard).toBe(secret);
    await invoke('profileDelete', { profileId: created.value['id'] });
  });
});
