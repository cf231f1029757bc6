import { describe, expect, it } from 'vitest';
import { CallFailure } from '../../../../electron/core/errors/call-failure';
import { KeychainUnavailableError, Vault, keychainFixMessage } from '../../../../electron/core/vault/vault';
import type { KeytarLike } from '../../../../electron/core/vault/keychain-status';
import { CANARY, failingKeytar, memoryKeytar } from '../../../support/profile-fixtures';

const ID = '3f2504e0-4f89-41d3-9a0c-0305e82c3301';

describe('Vault with a working keychain', () => {
  it('stores under service ise-smtp-oauth and account = profile id, and reads it back', async () => {
    const keytar = memoryKeytar();
    const vault = new Vault({ keytar });
    expect(await vault.set(ID, CANARY)).toEqual({ storage: 'keychain' });
    expect(keytar.entries.get(`ise-smtp-oauth\u0000${ID}`)).toBe(CANARY);
    expect(await vault.get(ID)).toBe(CANARY);
    expect(await vault.has(ID)).toBe(true);
    expect([...(await vault.storedIds())]).toEqual([ID]);
    expect(vault.storageOf(ID)).toBe('keychain');
    expect((await vault.status()).available).toBe(true);
  });

  it('delete removes the entry; has/storedIds then say nothing is stored', async () => {
    const vault = new Vault({ keytar: memoryKeytar() });
    await vault.set(ID, CANARY);
    expect(await vault.delete(ID)).toBe(true);
    expect(await vault.has(ID)).toBe(false);
    expect(await vault.storedIds()).toEqual(new Set());
    expect(await vault.get(ID)).toBeNull();
  });

});

describe('Vault with an unavailable keychain', () => {
  it('without allowSession (the CLI) throws KEYCHAIN_UNAVAILABLE with the Linux fix, never the secret', async () => {
    const vault = new Vault({ keytar: failingKeytar() });
    const err = await vault.set(ID, CANARY).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainUnavailableError);
    expect(err).toBeInstanceOf(CallFailure);
    const failure = err as KeychainUnavailableError;
    expect(failure.code).toBe('KEYCHAIN_UNAVAILABLE');
    expect(failure.reason).toBe('no-secret-service');
    if (process.platform === 'linux') expect(failure.message).toMatch(/gnome-keyring.*KeePassXC/);
    expect(failure.message).not.toContain(CANARY);
    expect(await vault.get(ID).catch((e: unknown) => (e as CallFailure).code)).toBe('KEYCHAIN_UNAVAILABLE');
  });

  it('with allowSession (the desktop app) keeps the secret in memory for the session and says why', async () => {
    const vault = new Vault({ keytar: failingKeytar('Cannot create an item in a locked collection') });
    const result = await vault.set(ID, CANARY, { allowSession: true });
    expect(result.storage).toBe('session');
    expect(result.unavailable?.reason).toBe('locked');
    expect(vault.storageOf(ID)).toBe('session');
    expect(await vault.get(ID)).toBe(CANARY);
    expect(await vault.storedIds()).toEqual(new Set([ID]));
    // A second Vault (a new process) has nothing: memory only, no file behind it.
    expect(await new Vault({ keytar: failingKeytar() }).get(ID).catch(() => null)).toBeNull();
  });

  it('a keytar that was not built is reported as not-built with the rebuild hint', async () => {
    const vault = new Vault({ keytar: async () => ({ error: { available: false, reason: 'not-built', detail: 'Cannot find module' } }) });
    expect(await vault.status()).toMatchObject({ available: false, reason: 'not-built' });
    const err = (await vault.set(ID, CANARY).catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(err.reason).toBe('not-built');
    expect(err.message).toMatch(/rebuild keytar/);
  });

  it('a keychain that never answers (a locked keyring waiting on a prompt) times out as locked', async () => {
    const hanging: KeytarLike = { ...memoryKeytar(), setPassword: () => new Promise(() => undefined) };
    const vault = new Vault({ keytar: hanging, timeoutMs: 50 });
    const started = Date.now();
    const err = (await vault.set(ID, CANARY).catch((e: unknown) => e)) as KeychainUnavailableError;
    expect(err.reason).toBe('locked');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('delete clears the session copy even when the keychain is down, then reports it', async () => {
    const vault = new Vault({ keytar: failingKeytar() });
    await vault.set(ID, CANARY, { allowSession: true });
    await expect(vault.delete(ID)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
    expect(vault.storageOf(ID)).toBe('keychain');
  });
});

describe('keychainFixMessage', () => {
  it('names the fix per OS', () => {
    expect(keychainFixMessage('no-secret-service', 'linux')).toMatch(/gnome-keyring .*KeePassXC.*unlock the login keyring/);
    expect(keychainFixMessage('locked', 'darwin')).toMatch(/Unlock the login keychain/);
    expect(keychainFixMessage('error', 'win32')).toMatch(/Credential Manager/);
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      expect(keychainFixMessage('locked', platform, { session: true })).toMatch(/memory for this session only/);
      // Only where the app really holds it: the CLI keeps nothing (issue 17 point 11).
      expect(keychainFixMessage('locked', platform)).not.toMatch(/memory/);
    }
  });
});
