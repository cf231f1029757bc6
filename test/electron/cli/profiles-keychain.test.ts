import { describe, expect, it } from 'vitest';
import { KeychainUnavailableError, Vault, keychainFixMessage } from '../../../electron/core/vault/vault';
import { failingKeytar } from '../../support/profile-fixtures';

/**
 * Issue 17 point 11: the CLI keeps nothing in memory (its process ends), so its message for an
 * unavailable keychain must not claim the secret is kept for the session.
 */
describe('the no-keychain message', () => {
  it('for the CLI (no session fallback) says nothing was stored, not "kept in memory"', async () => {
    const vault = new Vault({ keytar: failingKeytar() });
    const err = await vault.set('0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', 'a-secret-value').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KeychainUnavailableError);
    const message = (err as Error).message;
    expect(message).not.toMatch(/memory|session/i);
    expect(message).toMatch(/not stored/i);
    expect(new KeychainUnavailableError('locked').message).not.toMatch(/memory/i);
  });

  it('for the app (session fallback) still says the secret is held for this session', async () => {
    const vault = new Vault({ keytar: failingKeytar() });
    const result = await vault.set('0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', 'a-secret-value', { allowSession: true });
    expect(result.storage).toBe('session');
    expect(result.unavailable?.message).toMatch(/in memory for this session only/);
    expect(keychainFixMessage('locked', 'linux', { session: true })).toMatch(/in memory for this session only/);
  });
});
