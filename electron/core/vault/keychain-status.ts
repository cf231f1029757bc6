import type { z } from 'zod';
import type { KeychainStatusSchema } from '../../../shared/contract/app';

export type KeychainStatus = z.infer<typeof KeychainStatusSchema>;

/** The keytar functions the app uses; injected in tests to simulate a broken keychain. */
export interface KeytarLike {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

export const KEYCHAIN_SERVICE = 'ise-smtp-oauth';
const PROBE_TIMEOUT_MS = 4000;

/** Loads keytar; a missing native build is reported, not thrown. */
export async function loadKeytar(): Promise<KeytarLike | { error: KeychainStatus }> {
  try {
    const mod = (await import('keytar')) as unknown as { default?: KeytarLike } & KeytarLike;
    return mod.default ?? mod;
  } catch (err) {
    return { error: { available: false, reason: 'not-built', detail: errorText(err) } };
  }
}

/**
 * Asks the keychain a harmless question. A locked keyring can wait forever on an unlock
 * prompt, so the probe is bounded; no Secret Service at all fails fast with a D-Bus error.
 */
export async function probeKeychain(keytar: KeytarLike): Promise<KeychainStatus> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<KeychainStatus>((resolve) => {
    timer = setTimeout(() => resolve({ available: false, reason: 'locked', detail: 'the keychain did not answer' }), PROBE_TIMEOUT_MS);
  });
  const probe = keytar
    .findCredentials(`${KEYCHAIN_SERVICE}-probe`)
    .then((): KeychainStatus => ({ available: true }))
    .catch((err: unknown): KeychainStatus => classifyKeychainError(err));
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Maps libsecret / D-Bus / macOS / Windows keychain errors to a reason the UI explains. */
export function classifyKeychainError(err: unknown): KeychainStatus {
  const detail = errorText(err);
  // "spawn a message bus without a machine-id": GDBus on a machine with no D-Bus at all (a fresh
  // minimal Debian, a container): no session bus, so no Secret Service either.
  if (/org\.freedesktop\.secrets|ServiceUnknown|autolaunch D-Bus|DBUS_SESSION_BUS_ADDRESS|Secret Service|spawn a message bus/i.test(detail)) {
    return { available: false, reason: 'no-secret-service', detail };
  }
  if (/locked|dismissed|cancel|User interaction is not allowed/i.test(detail)) {
    return { available: false, reason: 'locked', detail };
  }
  return { available: false, reason: 'error', detail };
}

/** The OS keychain's status, for the welcome screen and before any secret is stored. */
export async function keychainStatus(): Promise<KeychainStatus> {
  const keytar = await loadKeytar();
  if ('error' in keytar) return keytar.error;
  return probeKeychain(keytar);
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
