import { describe, expect, it } from 'vitest';
import { dispatch, isCallName, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { CallFailure } from '../../../../electron/core/errors/call-failure';

function handlersWith(appInfo: Handlers['appInfo']): Handlers {
  return { appInfo } as unknown as Handlers;
}

const info = { name: 'ise-smtp-oauth', version: '1.2.3', shell: 'browser' as const, platform: 'linux', keychain: { available: true }, practice: false };

describe('dispatch', () => {
  it('runs the handler with validated input and returns its value as data', async () => {
    const result = await dispatch(handlersWith(async () => info), 'appInfo', {});
    expect(result).toEqual({ ok: true, value: info });
  });

  it('rejects input the schema does not allow, naming the field', async () => {
    const result = await dispatch(handlersWith(async () => info), 'appInfo', { unexpected: 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('INVALID_INPUT');
      expect(result.error.message).toMatch(/unexpected|input/);
    }
  });

  it('rejects non-object input without calling the handler', async () => {
    let called = false;
    const result = await dispatch(handlersWith(async () => ((called = true), info)), 'appInfo', 'a string');
    expect(result.ok).toBe(false);
    expect(called).toBe(false);
  });

  it('turns a CallFailure into an error with code, message and field', async () => {
    const result = await dispatch(
      handlersWith(async () => {
        throw new CallFailure('KEYCHAIN_UNAVAILABLE', 'no keychain', 'secret');
      }),
      'appInfo',
      {},
    );
    expect(result).toEqual({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE', message: 'no keychain', field: 'secret' } });
  });

  it('hides the message of an unexpected error (it could carry a secret)', async () => {
    const result = await dispatch(
      handlersWith(async () => {
        throw new Error('boom client_secret=abc~SECRET');
      }),
      'appInfo',
      {},
    );
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('SECRET');
    if (!result.ok) expect(result.error.code).toBe('INTERNAL');
  });

  it('knows the contract names and nothing else', () => {
    expect(isCallName('appInfo')).toBe(true);
    expect(isCallName('constructor')).toBe(false);
    expect(isCallName('__proto__')).toBe(false);
    expect(isCallName(42)).toBe(false);
  });
});

describe('desktop-only calls outside the desktop app', () => {
  it('exportReportPdf answers DESKTOP_ONLY in plain Node (browser mode, CLI)', async () => {
    const { desktopHandlers } = await import('../../../../electron/core/handlers/desktop');
    const handlers = desktopHandlers() as unknown as Handlers;
    const result = await dispatch(handlers, 'exportReportPdf', { profileId: '7d1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b' });
    expect(result).toMatchObject({ ok: false, error: { code: 'DESKTOP_ONLY' } });
  });
});
