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

  it('reports a machine without D-Bus (no machine-id) as a missing Secret Service', () => {
    // What keytar says on a fresh minimal Debian with no dbus package (seen in a debootstrap root).
    const err = new Error(
      'Cannot spawn a message bus without a machine-id: Unable to load /var/lib/dbus/machine-id or /etc/machine-id: Failed to open file “/var/lib/dbus/machine-id”: No such file or directory',
    );
    expect(classifyKeychainError(err)).toMatchObject({ available: false, reason: 'no-secret-service' });
  });

  it('reports a locked keyring', () => {
    expect(classifyKeychainError(new Error('Cannot create an item in a locked collection'))).toMatchObject({ reason: 'locked' });
  });

  it('reports available when the keychain answers', async () => {
    const ok: KeytarLike = { ...keytarFailing('x'), findCredentials: async () => [] };
    expect(await probeKeychain(ok)).toEqual({ available: true });
  });
});
