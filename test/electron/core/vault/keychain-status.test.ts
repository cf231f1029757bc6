import { describe, expect, it } from 'vitest';
import { classifyKeychainError, probeKeychain, type KeytarLike } from '../../../../electron/core/vault/keychain-status';

function keytarFailing(message: string): KeytarLike {
  const fail = async () => {
    throw new Error(message);
  };
  return { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail };
}

describe('keychain status', () => {
  it('reports a missing Secret Service clearly', async () => {
    const status = await probeKeychain(keytarFailing('Cannot autolaunch D-Bus without X11 $DISPLAY'));
    expect(status).toMatchObject({ available: false, reason: 'no-secret-service' });
  });

  it('reports a locked keyring', () => {
    expect(classifyKeychainError(new Error('Cannot create an item in a locked collection'))).toMatchObject({ reason: 'locked' });
  });

  it('reports available when the keychain answers', async () => {
    const ok: KeytarLike = { ...keytarFailing('x'), findCredentials: async () => [] };
    expect(await probeKeychain(ok)).toEqual({ available: true });
  });
});
