import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent } from 'electron';
import { CALL_NAMES } from '../../shared/contract';
import type { Handlers } from '../../electron/core/handlers/dispatch';
import { bindContract, channelFor, makeSenderCheck, type IpcMainLike } from '../../electron/ipc';

type Listener = (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>;

function fakeIpcMain() {
  const listeners = new Map<string, Listener>();
  const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
  return { ipc, listeners };
}

function fakeEvent(opts: { id: number; url: string; subframe?: boolean }): IpcMainInvokeEvent {
  const mainFrame = { url: opts.url };
  const senderFrame = opts.subframe ? { url: opts.url } : mainFrame;
  return { sender: { id: opts.id, mainFrame }, senderFrame } as unknown as IpcMainInvokeEvent;
}

const APP_URL = 'file:///app/out/renderer/index.html';
const handlers = {
  appInfo: async () => ({ name: 'ise-smtp-oauth', version: '0.0.0', shell: 'electron', platform: 'linux', keychain: { available: true }, practice: false }),
} as unknown as Handlers;

describe('IPC binding', () => {
  it('binds one channel per contract call', () => {
    const { ipc, listeners } = fakeIpcMain();
    bindContract(ipc, handlers, () => true);
    expect([...listeners.keys()].sort()).toEqual(CALL_NAMES.map(channelFor).sort());
  });

  it('answers the main frame of a trusted window showing the app', async () => {
    const { ipc, listeners } = fakeIpcMain();
    bindContract(ipc, handlers, makeSenderCheck(() => new Set([7]), APP_URL));
    const result = (await listeners.get('setup:appInfo')!(fakeEvent({ id: 7, url: APP_URL }), {})) as { ok: boolean };
    expect(result.ok).toBe(true);
  });

  it.each([
    ['another webContents', { id: 8, url: APP_URL }],
    ['a subframe', { id: 7, url: APP_URL, subframe: true }],
    ['a page navigated elsewhere', { id: 7, url: 'https://attacker.example/' }],
  ])('refuses %s', async (_label, sender) => {
    const { ipc, listeners } = fakeIpcMain();
    bindContract(ipc, handlers, makeSenderCheck(() => new Set([7]), APP_URL));
    const result = await listeners.get('setup:appInfo')!(fakeEvent(sender), {});
    expect(result).toEqual({ ok: false, error: { code: 'FORBIDDEN', message: 'call from an untrusted sender' } });
  });

  it('validates input in main before the handler sees it', async () => {
    const { ipc, listeners } = fakeIpcMain();
    bindContract(ipc, handlers, () => true);
    const result = (await listeners.get('setup:appInfo')!(fakeEvent({ id: 1, url: APP_URL }), { evil: true })) as { ok: boolean; error?: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error?.code).toBe('INVALID_INPUT');
  });
});
