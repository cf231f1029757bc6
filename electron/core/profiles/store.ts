import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { CallFailure } from '../errors/call-failure';
import { isValidationKey, validationText } from '../../../shared/validators';
import {
  ProfileSchema,
  type Profile,
  type ProfileChanges,
  type ProfileFieldsInput,
  type StoreRecovered,
} from '../../../shared/contract/profiles';
import type { DiagnosticReport } from '../../../shared/diagnostic-report';
import type { AutomationRecord } from '../../../shared/contract/automation';
import { migrateV0toV1, PROFILES_CONF_VERSION, PROFILES_SCHEMA_VERSION } from './migrations';
import { withFileLock } from './file-lock';
import { cleanStrayTemps, readText, storeFault, writeAtomic } from './store-io';
import { serializeStore, summaryOf, withIndex, type IndexRow, type OpenIndex } from './store-layout';

export const PROFILES_FILE = 'profiles';

export interface ProfileStoreOptions {
  /** The data folder (Electron: userData); the file is `<dataDir>/profiles.json`. */
  dataDir: string;
  now?: () => Date;
  /** How long a writer waits for another process's write (default 10 s). */
  lockTimeoutMs?: number;
}

/** What the store may change: the renderer's changes, and the verification only main records. */
/** What main may change: the renderer's changes plus the fields only main writes. */
export type StoreChanges = ProfileChanges & { lastVerification?: DiagnosticReport | null; automation?: AutomationRecord | null };

/** One reading of the file: its profiles, or what is wrong with it. */
type Reading =
  | { ok: true; profiles: Profile[]; extra: Record<string, unknown> }
  | { ok: false; reason: 'file-deleted' | 'invalid-json' | 'invalid-schema' | 'newer-version' | 'migration-failed' }
  | { ok: false; reason: 'invalid-profiles'; profiles: Profile[]; extra: Record<string, unknown>; dropped: number };

/**
 * The profiles, one per customer or site, in `<dataDir>/profiles.json` (a JSON document conf and
 * electron-store read; older files are migrated at open, migrations.ts). Secrets are never here.
 *
 * Several processes may share the folder (two browser-mode instances, the app and the CLI):
 * every write is a read-modify-write of the whole file under a cross-process lock file
 * (file-lock.ts), written atomically (temp file, fsync, rename), so every acknowledged write is
 * kept. Reads take no lock: a rename is atomic, a reader sees the old or the new file.
 *
 * The file carries a summary index in front of its profiles, one line each (store-layout.ts):
 * opening the store, a page, a lookup by id or name and the list's summaries read the index and
 * the few profiles they need, not the whole file (a 20,000-profile store is ~40 MB).
 *
 * A file that cannot be read is never silently dropped: its original bytes are kept beside it
 * (`profiles.corrupt-<time>.json`) and reported in `recovered`; one bad profile costs only that
 * profile. A fault of the folder (read-only, full disk) is a CallFailure naming folder and cause.
 */
export class ProfileStore {
  /** Set when the file needed repair; the UI and CLI show it. */
  recovered: StoreRecovered | undefined;
  readonly path: string;
  private readonly folder: string;
  private readonly lockPath: string;
  private readonly now: () => Date;
  /** The last text read and its profiles: a re-read of the same bytes skips parsing. */
  private last: { text: string; profiles: Profile[]; extra: Record<string, unknown> } | undefined;

  constructor(private readonly options: ProfileStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.folder = options.dataDir;
    this.path = path.join(options.dataDir, `${PROFILES_FILE}.json`);
    this.lockPath = `${this.path}.lock`;
    this.open();
  }

  list(): Profile[] {
    return this.read();
  }

  /**
   * Every profile's summary row, in store order, from the file's index: no profile is parsed.
   * A file without a usable index is read in full (and repaired if it must be).
   */
  summaries(): IndexRow[] {
    return this.viaIndex((ix) => ix.rows) ?? summariesOf(this.read());
  }

  get(id: string): Profile {
    const hit = this.viaIndex((ix) => {
      const row = ix.rows.find((r) => r.id === id);
      return row ? profileAt(ix, row) : { missing: true as const };
    });
    if (hit && !('missing' in hit)) return hit;
    return findById(this.read(), id);
  }

  /** By id, or by name (case-insensitive): what the CLI's NAME argument means. */
  find(nameOrId: string): Profile | undefined {
    const key = nameOrId.trim().toLowerCase();
    const hit = this.viaIndex((ix) => {
      const row = ix.rows.find((r) => r.id === nameOrId) ?? ix.rows.find((r) => r.name.toLowerCase() === key);
      return row ? profileAt(ix, row) : { missing: true as const };
    });
    if (hit) return 'missing' in hit ? undefined : hit;
    const profiles = this.read();
    return profiles.find((p) => p.id === nameOrId) ?? profiles.find((p) => p.name.toLowerCase() === key);
  }

  /**
   * Runs `fn` on the file's index (parsed once per change of the file); undefined when the file has
   * none, or `fn` found a profile that is not whole where the index says (the caller reads in full).
   */
  private viaIndex<T>(fn: (ix: OpenIndex) => T | undefined): T | undefined {
    try {
      return withIndex(this.path, (ix) => (ix ? fn(ix) : undefined));
    } catch {
      return undefined; // unreadable: the full read says why
    }
  }

  create(fields: ProfileFieldsInput & { name: string }): Profile {
    return this.mutate((profiles) => {
      const name = assertFreeName(profiles, fields.name);
      const at = this.now().toISOString();
      const profile = ProfileSchema.parse({ ...fields, name, id: randomUUID(), createdAt: at, updatedAt: at, lastVerification: null });
      return { profiles: [...profiles, profile], result: profile };
    });
  }

  /** Changes the given fields; `null` clears an optional one. */
  update(id: string, changes: StoreChanges): Profile {
    return this.modify(id, (p) => {
      const next: Record<string, unknown> = { ...p };
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined) continue;
        if (value === null && key !== 'lastVerification') delete next[key];
        else next[key] = value;
      }
      return next;
    });
  }

  rename(id: string, name: string): Profile {
    return this.modify(id, (p, profiles) => ({ ...p, name: assertFreeName(profiles.filter((o) => o.id !== id), name) }));
  }

  /**
   * A copy with a new id and name; no verification (it proves nothing for the copy) and no
   * automation record (undo from the copy would remove the original's objects).
   */
  duplicate(id: string, name?: string): Profile {
    return this.mutate((profiles) => {
      const source = findById(profiles, id);
      const { id: _id, name: _name, createdAt: _c, updatedAt: _u, lastVerification: _v, automation: _a, ...fields } = source;
      const at = this.now().toISOString();
      const copyName = assertFreeName(profiles, name ?? freeNameIn(profiles, `${source.name} (copy)`));
      const copy = ProfileSchema.parse({ ...fields, name: copyName, id: randomUUID(), createdAt: at, updatedAt: at, lastVerification: null });
      return { profiles: [...profiles, copy], result: copy };
    });
  }

  delete(id: string): boolean {
    return this.mutate((profiles) => {
      const rest = profiles.filter((p) => p.id !== id);
      return rest.length === profiles.length ? { result: false } : { profiles: rest, result: true };
    });
  }

  /** `base`, or `base (2)`, `base (3)` … : the first name no profile uses. */
  freeName(base: string): string {
    return freeNameIn(this.summaries(), base);
  }

  private modify(id: string, change: (p: Profile, all: Profile[]) => Record<string, unknown>): Profile {
    return this.mutate((profiles) => {
      const index = profiles.findIndex((p) => p.id === id);
      const current = findById(profiles, id);
      const parsed = ProfileSchema.safeParse({ ...change(current, profiles), id, createdAt: current.createdAt, updatedAt: this.now().toISOString() });
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        // The rule's English text for the CLI, its key for the page to translate (not the bare key).
        const rule = issue && isValidationKey(issue.message) ? issue.message : undefined;
        throw new CallFailure('INVALID_INPUT', `${issue?.path.join('.') ?? 'profile'} ${issue ? validationText(issue.message) : 'is invalid'}`, issue?.path.join('.'), rule ? { rule } : undefined);
      }
      const next = [...profiles];
      next[index] = parsed.data;
      return { profiles: next, result: parsed.data };
    });
  }

  /**
   * One write: under the lock, the file as it is now (another process may have changed it),
   * the change, and the whole file written back. `profiles` absent = nothing to write.
   */
  private mutate<T>(change: (profiles: Profile[]) => { profiles?: Profile[]; result: T }): T {
    return this.locked(() => {
      const { profiles, extra } = this.current();
      const outcome = change(profiles);
      if (outcome.profiles) this.write(outcome.profiles, extra);
      return outcome.result;
    });
  }

  private locked<T>(fn: () => T): T {
    try {
      fs.mkdirSync(this.folder, { recursive: true });
      return withFileLock(this.lockPath, fn, {
        // The lock's temp file is cleaned at start with the store's own (`profiles.json.tmp-*`).
        tempPrefix: `${this.path}.tmp-`,
        ...(this.options.lockTimeoutMs !== undefined ? { timeoutMs: this.options.lockTimeoutMs } : {}),
      });
    } catch (err) {
      throw storeFault(err, this.folder, 'write');
    }
  }

  /** Reading without the lock; a file that needs repair is repaired under it. */
  private read(): Profile[] {
    const reading = this.reading(readText(this.path));
    if (reading.ok) return reading.profiles;
    try {
      return this.locked(() => this.current().profiles);
    } catch (err) {
      // A read-only folder cannot be repaired: its valid profiles still show (writes say why they fail).
      if (err instanceof CallFailure && err.code === 'STORE_READ_ONLY' && reading.reason === 'invalid-profiles') return reading.profiles;
      throw err;
    }
  }

  /** The file's profiles, repairing it first if needed. Only while holding the lock. */
  private current(): { profiles: Profile[]; extra: Record<string, unknown> } {
    const text = readText(this.path);
    const reading = this.reading(text);
    if (reading.ok) return reading;
    return this.repair(text, reading, text);
  }

  /**
   * Repairs the file (lock held): `original` is what is kept aside, byte for byte (for a migrated
   * file, the text before its migration). Valid profiles survive a bad one.
   */
  private repair(text: string | undefined, reading: Exclude<Reading, { ok: true }>, original: string | undefined): { profiles: Profile[]; extra: Record<string, unknown> } {
    const at = this.now().toISOString();
    if (reading.reason === 'file-deleted') {
      // Deleted while running: start again, and keep what this process last knew beside it.
      const keptAt = this.keepAside(this.last?.text ?? emptyText(), 'deleted');
      this.write([], {});
      this.recovered = { reason: 'file-deleted', movedTo: keptAt, at, folder: this.folder };
      return { profiles: [], extra: {} };
    }
    const keptAt = original === text && text !== undefined ? this.moveAside() : this.keepAside(original ?? '', 'corrupt');
    if (reading.reason === 'invalid-profiles') {
      this.write(reading.profiles, reading.extra);
      this.recovered = { reason: 'invalid-profiles', movedTo: keptAt, at, folder: this.folder, droppedProfiles: reading.dropped };
      return { profiles: reading.profiles, extra: reading.extra };
    }
    this.write([], {});
    this.recovered = { reason: reading.reason, movedTo: keptAt, at, folder: this.folder };
    return { profiles: [], extra: {} };
  }

  private reading(text: string | undefined): Reading {
    if (text === undefined) return { ok: false, reason: 'file-deleted' };
    if (this.last?.text === text) return { ok: true, profiles: this.last.profiles, extra: this.last.extra };
    const reading = parseProfilesText(text);
    if (reading.ok) this.last = { text, profiles: reading.profiles, extra: reading.extra };
    return reading;
  }

  private write(profiles: Profile[], extra: Record<string, unknown>): void {
    const text = serializeStore(profiles, extra);
    try {
      writeAtomic(this.path, text);
    } catch (err) {
      throw storeFault(err, this.folder, 'write');
    }
    this.last = { text, profiles, extra };
  }

  private open(): void {
    try {
      this.locked(() => {
        cleanStrayTemps(this.path);
        this.openLocked();
      });
    } catch (err) {
      // A read-only folder still opens for reading: the profiles show, writes say why they fail.
      if (err instanceof CallFailure && err.code === 'STORE_READ_ONLY') return;
      throw err;
    }
  }

  private openLocked(): void {
    // The common case: a file this store wrote, whole (its index's byte count matches): nothing to
    // check or migrate, and no profile is parsed (a bad one is still caught by the next full read).
    if (this.viaIndex(() => true)) return;
    const original = readText(this.path);
    if (original === undefined) {
      this.write([], {});
      return;
    }
    let data: unknown;
    try {
      data = JSON.parse(original);
    } catch {
      this.repair(original, { ok: false, reason: 'invalid-json' }, original);
      return;
    }
    if (!isPlainObject(data)) {
      // conf reads `[…]`, `null` or `"…"` as an empty store and would overwrite it.
      this.repair(original, { ok: false, reason: 'invalid-schema' }, original);
      return;
    }
    const version = confVersion(data);
    if (version !== undefined && majorOf(version) > PROFILES_SCHEMA_VERSION) {
      this.repair(original, { ok: false, reason: 'newer-version' }, original);
      return;
    }
    if (version !== PROFILES_CONF_VERSION) {
      try {
        this.migrate(data);
      } catch (err) {
        if (err instanceof CallFailure) throw err; // the folder's fault (read-only, full), not the file's
        // The file may be half-migrated: the original bytes are what is kept.
        this.repair(readText(this.path), { ok: false, reason: 'migration-failed' }, original);
        return;
      }
    }
    const migrated = readText(this.path);
    const reading = this.reading(migrated);
    if (!reading.ok) this.repair(migrated, reading, original);
    // A good file in the older layout (no index: written before it, by conf, or by hand): the
    // same profiles rewritten with the index, once.
    else this.write(reading.profiles, reading.extra);
  }

  /**
   * Migrates the file's data to this schema version in place and writes it back (atomically):
   * what conf did, without loading conf (and its JSON-schema validator) on every start. A
   * migration that throws leaves the file as it was.
   */
  private migrate(data: Record<string, unknown>): void {
    const at = this.now().toISOString();
    const store = { get: (key: string) => data[key], set: (key: string, value: unknown) => void (data[key] = value) };
    migrateV0toV1(store, at);
    if (data['schemaVersion'] === undefined) data['schemaVersion'] = PROFILES_SCHEMA_VERSION;
    if (data['profiles'] === undefined) data['profiles'] = [];
    data['__internal__'] = { migrations: { version: PROFILES_CONF_VERSION } };
    try {
      writeAtomic(this.path, JSON.stringify(data, undefined, '\t'));
    } catch (err) {
      throw storeFault(err, this.folder, 'write');
    }
  }

  /** Renames the file aside (its bytes exactly as they were); the path it went to. */
  private moveAside(): string {
    const target = this.asidePath('corrupt');
    fs.renameSync(this.path, target);
    return target;
  }

  /** Writes `text` beside the file as `profiles.<kind>-<time>.json`; the path. */
  private keepAside(text: string, kind: 'corrupt' | 'deleted'): string {
    const target = this.asidePath(kind);
    fs.writeFileSync(target, text, { mode: 0o600, flag: 'wx' });
    return target;
  }

  private asidePath(kind: string): string {
    const stamp = this.now().toISOString().replace(/[:.]/g, '-');
    let target = path.join(this.folder, `${PROFILES_FILE}.${kind}-${stamp}.json`);
    for (let n = 2; fs.existsSync(target); n += 1) target = path.join(this.folder, `${PROFILES_FILE}.${kind}-${stamp}-${n}.json`);
    return target;
  }
}

/** Parses the file's text (version 1): its valid profiles, the rest of its top level, or what is wrong. */
export function parseProfilesText(text: string): Reading {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'invalid-json' };
  }
  if (!isPlainObject(data)) return { ok: false, reason: 'invalid-schema' };
  const version = confVersion(data);
  if (version !== undefined && majorOf(version) > PROFILES_SCHEMA_VERSION) return { ok: false, reason: 'newer-version' };
  // `index` is derived from the profiles (store-layout.ts): never kept as another top-level key.
  const { schemaVersion, profiles, index: _index, ...extra } = data;
  if (schemaVersion !== PROFILES_SCHEMA_VERSION || !Array.isArray(profiles)) return { ok: false, reason: 'invalid-schema' };
  const valid: Profile[] = [];
  for (const entry of profiles) {
    const parsed = ProfileSchema.safeParse(entry);
    if (parsed.success) valid.push(parsed.data);
  }
  const dropped = profiles.length - valid.length;
  return dropped === 0 ? { ok: true, profiles: valid, extra } : { ok: false, reason: 'invalid-profiles', profiles: valid, extra, dropped };
}

function emptyText(): string {
  return serializeStore([], {});
}

/** The profile at `row`, validated; `undefined` (read the file in full) when it is not whole there. */
function profileAt(ix: OpenIndex, row: IndexRow): Profile | undefined {
  const parsed = ProfileSchema.safeParse(ix.read(row));
  return parsed.success ? parsed.data : undefined;
}

/** Summary rows for profiles read in full (a file without an index); no byte positions. */
function summariesOf(profiles: Profile[]): IndexRow[] {
  return profiles.map((p) => summaryOf(p));
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function confVersion(data: Record<string, unknown>): string | undefined {
  const internal = data['__internal__'] as { migrations?: { version?: unknown } } | undefined;
  const version = internal?.migrations?.version;
  return typeof version === 'string' ? version : undefined;
}

function majorOf(version: string): number {
  const major = Number.parseInt(version.split('.')[0] ?? '', 10);
  return Number.isFinite(major) ? major : 0;
}

function findById(profiles: Profile[], id: string): Profile {
  const found = profiles.find((p) => p.id === id);
  if (!found) throw new CallFailure('PROFILE_NOT_FOUND', `no profile with id ${id}`, 'profileId');
  return found;
}

function assertFreeName(profiles: Profile[], name: string): string {
  const clean = name.trim();
  if (profiles.some((p) => p.name.toLowerCase() === clean.toLowerCase())) {
    throw new CallFailure('PROFILE_NAME_TAKEN', `a profile named "${clean}" already exists`, 'name');
  }
  return clean;
}

function freeNameIn(profiles: ReadonlyArray<{ name: string }>, base: string): string {
  const taken = new Set(profiles.map((p) => p.name.toLowerCase()));
  const trimmed = base.trim().slice(0, 90);
  if (!taken.has(trimmed.toLowerCase())) return trimmed;
  for (let n = 2; ; n += 1) {
    const candidate = `${trimmed} (${n})`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}
