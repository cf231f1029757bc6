import type { Profile } from '../../../shared/contract/profiles';
import { iseAccount, type IseConnection } from '../../../shared/ise-api/connection';
import { CallFailure } from '../errors/call-failure';
import type { ProfileEndpoints } from '../profiles/endpoints';
import type { ProfileStore } from '../profiles/store';
import type { Vault } from '../vault/vault';
import type { IseInspectOptions } from './inspect';

/** The profile's ISE password, from the keychain only (account `ise-admin:<profile id>`). */
export async function isePassword(vault: Vault, profileId: string): Promise<string> {
  const password = await vault.get(iseAccount(profileId));
  if (!password) throw new CallFailure('ISE_PASSWORD_MISSING', 'no ISE admin password is stored for this profile: enter it (it goes to the OS keychain)', 'password');
  return password;
}

/** What inspect needs for a profile: its ISE connection, the password, its mailbox and Microsoft side. */
export function inspectOptionsFor(profile: Profile, connection: IseConnection, password: string, reach: ProfileEndpoints, timeoutMs?: number): IseInspectOptions {
  const { practice, ...microsoft } = reach;
  return {
    host: connection.host,
    username: connection.username,
    password,
    ...(connection.ersPort ? { ersPort: connection.ersPort } : {}),
    ...(connection.apiPort ? { apiPort: connection.apiPort } : {}),
    ...(connection.pinnedSha256 ? { pinSha256: connection.pinnedSha256 } : {}),
    mailbox: profile.mailbox,
    microsoft: { ...microsoft, ...(practice ? { practice } : {}) },
    practice,
    ...(timeoutMs ? { timeoutMs } : {}),
  };
}

/** Stores the accepted admin certificate on the profile (a new pin replaces the old one). */
export function savePin(store: ProfileStore, profileId: string, connection: IseConnection, pin: { sha256: string; subject: string }, now = new Date()): Profile {
  return store.update(profileId, { ise: { ...connection, pinnedSha256: pin.sha256, pinnedSubject: pin.subject, pinnedAt: now.toISOString() } });
}
