import fs from 'node:fs';
import path from 'node:path';
import { ProfileSchema, type Profile, type ProfileView } from '../../../shared/contract/profiles';
import type { Vault } from '../vault/vault';
import { secretExpiryStatus } from './expiry';
import { PROFILES_FILE } from './store';
import { splitProxyPassword } from './proxy-secret';
import { withIndex } from './store-layout';

/**
 * The cheap way to list a large store (issue 16.2 / 17.11): the summary index at the head of
 * profiles.json (store-layout.ts) is read once per change of the file (its inode, size and mtime
 * unchanged: the parsed index is reused), filtered and cut into a page on its rows, and only the
 * page's profiles are read (at their byte offsets, from the same open file), validated and given
 * their secret status (one keychain call for all). A file without an index (written by an older
 * version, not yet opened by the store) is parsed whole instead, as before.
 * Read-only: every write still goes through ProfileStore. A profile that does not validate is
 * left out here (the store reports the file when it next reads it in full).
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

/** The raw profiles of a store file without an index (not validated), reused while the file is unchanged. */
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

function matches(p: { name?: unknown; customer?: unknown; mailbox?: unknown; tenantId?: unknown }, query: string): boolean {
  if (!query) return true;
  return [p.name, p.customer, p.mailbox, p.tenantId].some((v) => typeof v === 'string' && v.toLowerCase().includes(query));
}

/** The page's raw profiles and the count of matches, from the index; undefined when the file has none. */
function pickFromIndex(file: string, query: string, offset: number, limit: number): { total: number; slice: unknown[] } | undefined {
  return withIndex(file, (ix) => {
    if (!ix) return undefined;
    const selected = query ? ix.rows.filter((r) => matches(r, query)) : ix.rows;
    const slice = selected.slice(offset, offset + limit).map((row) => ix.read(row));
    // A profile not where the index says: the file is not what this store wrote, read it whole.
    return slice.includes(undefined) ? undefined : { total: selected.length, slice };
  });
}

/**
 * One page of profiles in store order: `offset`, at most `limit`, optionally only those whose
 * name, customer, mailbox or tenant contains `query` (case-insensitive).
 */
export async function profilePage(dataDir: string, vault: Vault, o: { offset: number; limit: number; query?: string; today?: string }): Promise<ProfilePage> {
  const query = (o.query ?? '').trim().toLowerCase();
  const picked = pickFromIndex(storeFile(dataDir), query, o.offset, o.limit) ?? pickFromAll(dataDir, query, o.offset, o.limit);
  const { total, slice } = picked;
  const valid: Profile[] = [];
  for (const raw of slice) {
    const parsed = ProfileSchema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
  }
  const stored = valid.length ? await vault.storedIds() : new Set<string>();
  const profiles = valid.map((p): ProfileView => {
    return {
      ...p,
      // Never the proxy password, not even a legacy one still in the file (as profileView).
      ...(p.proxy ? { proxy: splitProxyPassword(p.proxy).proxy } : {}),
      secretStored: stored.has(p.id),
      secretStorage: vault.storageOf(p.id),
      ...(p.secretExpiry ? { secretExpiryStatus: secretExpiryStatus(p.secretExpiry, o.today) } : {}),
    };
  });
  return { total, offset: o.offset, profiles };
}

function pickFromAll(dataDir: string, query: string, offset: number, limit: number): { total: number; slice: unknown[] } {
  const all = rawProfiles(dataDir);
  const selected = query ? all.filter((p) => matches(p, query)) : all;
  return { total: selected.length, slice: selected.slice(offset, offset + limit) };
}

