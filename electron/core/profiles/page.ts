import fs from 'node:fs';
import path from 'node:path';
import { ProfileSchema, type Profile, type ProfileView } from '../../../shared/contract/profiles';
import type { Vault } from '../vault/vault';
import { secretExpiryStatus } from './expiry';
import { PROFILES_FILE } from './store';

/**
 * The cheap way to list a large store (issue 16.2 / 17.11): profiles.json read once per change
 * (its size, mtime and inode unchanged: the parsed file is reused), filtered and cut into a page
 * on the raw objects, and only the page's profiles validated and given their secret status (one
 * keychain call for all). The store itself reads and validates the whole file, reports and all,
 * on every call: for 20,000 profiles that stalled the event loop for seconds.
 * Read-only: every write still goes through ProfileStore. A profile that does not validate is
 * left out here (the store reports the file when it next opens it).
 */
export interface ProfilePage {
  total: number;
  offset: number;
  profiles: ProfileView[];
}

interface Cached {
  key: string;
  profiles: Record<string, unknown>[];
}

const cache = new Map<string, Cached>();

function storeFile(dataDir: string): string {
  return path.join(dataDir, `${PROFILES_FILE}.json`);
}

/** The raw profiles of the data folder's store (not validated), reused while the file is unchanged. */
export function rawProfiles(dataDir: string): Record<string, unknown>[] {
  const file = storeFile(dataDir);
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return [];
  }
  const key = `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
  const hit = cache.get(file);
  if (hit?.key === key) return hit.profiles;
  let profiles: Record<string, unknown>[] = [];
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as { profiles?: unknown };
    if (Array.isArray(parsed.profiles)) profiles = parsed.profiles.filter((p): p is Record<string, unknown> => typeof p === 'object' && p !== null);
  } catch {
    profiles = [];
  }
  cache.set(file, { key, profiles });
  return profiles;
}

function matches(p: Record<string, unknown>, query: string): boolean {
  if (!query) return true;
  return [p.name, p.customer, p.mailbox, p.tenantId].some((v) => typeof v === 'string' && v.toLowerCase().includes(query));
}

/**
 * One page of profiles in store order: `offset`, at most `limit`, optionally only those whose
 * name, customer, mailbox or tenant contains `query` (case-insensitive).
 */
export async function profilePage(dataDir: string, vault: Vault, o: { offset: number; limit: number; query?: string; today?: string }): Promise<ProfilePage> {
  const query = (o.query ?? '').trim().toLowerCase();
  const all = rawProfiles(dataDir);
  const selected = query ? all.filter((p) => matches(p, query)) : all;
  const slice = selected.slice(o.offset, o.offset + o.limit);
  const valid: Profile[] = [];
  for (const raw of slice) {
    const parsed = ProfileSchema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
  }
  const stored = valid.length ? await vault.storedIds() : new Set<string>();
  const profiles = valid.map((p): ProfileView => {
    return {
      ...p,
      secretStored: stored.has(p.id),
      secretStorage: vault.storageOf(p.id),
      ...(p.secretExpiry ? { secretExpiryStatus: secretExpiryStatus(p.secretExpiry, o.today) } : {}),
    };
  });
  return { total: selected.length, offset: o.offset, profiles };
}
