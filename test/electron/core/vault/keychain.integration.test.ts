import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadKeytar, KEYCHAIN_SERVICE } from '../../../../electron/core/vault/keychain-status';
import { Vault } from '../../../../electron/core/vault/vault';
import { CANARY } from '../../../support/profile-fixtures';
import { realKeychain } from '../../../support/real-keychain';

// Run under a real Secret Service (see DESIGN §6): dbus-run-session + gnome-keyring-daemon --unlock.
const status = await realKeychain();

// Exactly one of the two suites is registered, so nothing is reported as skipped.
if (status.available) describe('Vault against the real OS keychain', () => {
  it('stores, reads, hints and deletes a secret under service ise-smtp-oauth, account = profile id', async () => {
    const vault = new Vault();
    const id = randomUUID();
    expect(await vault.set(id, CANARY)).toEqual({ storage: 'keychain' });
    const keytar = await loadKeytar();
    if ('error' in keytar) throw new Error('keytar not loadable');
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBe(CANARY);
    // A fresh Vault (another process) reads it from the keychain, not from memory.
    expect(await new Vault().get(id)).toBe(CANARY);
    expect((await vault.storedIds()).has(id)).toBe(true);
    expect(await vault.delete(id)).toBe(true);
    expect(await keytar.getPassword(KEYCHAIN_SERVICE, id)).toBeNull();
    expect(await vault.has(id)).toBe(false);
  });
});

else describe('Vault where no keychain is available', () => {
  it('reports KEYCHAIN_UNAVAILABLE with the fix and keeps nothing on disk', async () => {
    const vault = new Vault();
    await expect(vault.set(randomUUID(), CANARY)).rejects.toMatchObject({ code: 'KEYCHAIN_UNAVAILABLE' });
  });
});
