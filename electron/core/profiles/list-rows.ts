import path from 'node:path';
import type { SecretExpiryStatus } from '../../../shared/contract/profiles';
import type { Vault } from '../vault/vault';
import { secretExpiryStatus } from './expiry';
import { withIndex, type IndexRow } from './store-layout';

/**
 * `profiles list` without opening the store (issue 16.2: under 300 ms for 1,000 profiles as a
 * whole process): the file's summary index and one keychain call. Kept apart from page.ts, and
 * free of zod and the contract's schemas, so the command's start loads only this (the schemas
 * cost ~100 ms of CPU to build).
 */

/** What a list line shows of one profile: its summary row, whether a secret is stored, days left. */
export type ProfileListRow = IndexRow & { secretStored: boolean; secretExpiryStatus?: SecretExpiryStatus };

/**
 * Every profile's summary for `profiles list`, from the index and one keychain call (no profile
 * is parsed); undefined when the file has no index (the caller opens the store, which adds one).
 */
export async function profileListRows(dataDir: string, vault: Vault, today?: string): Promise<ProfileListRow[] | undefined> {
  const file = path.join(dataDir, 'profiles.json');
  const rows = withIndex(file, (ix) => ix?.rows);
  if (!rows) return undefined;
  const stored = rows.length ? await vault.storedIds() : new Set<string>();
  return rows.map((r) => ({ ...r, secretStored: stored.has(r.id), ...(r.secretExpiry ? { secretExpiryStatus: secretExpiryStatus(r.secretExpiry, today) } : {}) }));
}
