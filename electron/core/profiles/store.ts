import fs from 'node:fs';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import Conf from 'conf';
import { z } from 'zod';
import { CallFailure } from '../errors/call-failure';
import {
  ProfileSchema,
  type Profile,
  type ProfileChanges,
  type ProfileFields,
  type StoreRecovered,
} from '../../../shared/contract/profiles';
import { migrateV0toV1, PROFILES_CONF_VERSION, PROFILES_SCHEMA_VERSION } from './migrations';

export const PROFILES_FILE = 'profiles';
const FileSchema = z.object({ schemaVersion: z.literal(PROFILES_SCHEMA_VERSION), profiles: z.array(ProfileSchema) });

export interface ProfileStoreOptions {
  /** The data folder (Electron: userData); the file is `<dataDir>/profiles.json`. */
  dataDir: string;
  now?: () => Date;
}

/**
 * The profiles, one per customer or site, in `<dataDir>/profiles.json` through conf (the same
 * file format electron-store writes; conf writes atomically: temp file + rename). Every read is
 * zod-validated; a file that cannot be read is moved aside to `profiles.corrupt-<time>.json` and
 * reported in `recovered`, never silently dropped. Secrets are never here (see vault.ts).
 */
export class ProfileStore {
  /** Set when an unreadable file was moved aside; the UI and CLI show it. */
  recovered: StoreRecovered | undefined;
  private conf!: Conf<Record<string, unknown>>;
  private readonly now: () => Date;

  constructor(private readonly options: ProfileStoreOptions) {
    this.now = options.now ?? (() => new Date());
    this.open();
  }

  /** Where the file is. */
  get path(): string {
    return this.conf.path;
  }

  list(): Profile[] {
    return this.read();
  }

  get(id: string): Profile {
    const found = this.read().find((p) => p.id === id);
    if (!found) throw new CallFailure('PROFILE_NOT_FOUND', `no profile with id ${id}`, 'profileId');
    return found;
  }

  /** By id, or by name (case-insensitive): what the CLI's NAME argument means. */
  find(nameOrId: string): Profile | undefined {
    const profiles = this.read();
    const key = nameOrId.trim().toLowerCase();
    return profiles.find((p) => p.id === nameOrId) ?? profiles.find((p) => p.name.toLowerCase() === key);
  }

  create(fields: ProfileFields & { name: string }): Profile {
    const profiles = this.read();
    const name = this.assertFreeName(profiles, fields.name);
    const at = this.now().toISOString();
    const profile = ProfileSchema.parse({ ...fields, name, id: randomUUID(), createdAt: at, updatedAt: at, lastVerification: null });
    this.write([...profiles, profile]);
    return profile;
  }

  /** Changes the given fields; `null` clears an optional one. */
  update(id: string, changes: ProfileChanges): Profile {
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
    const clean = this.assertFreeName(this.read().filter((p) => p.id !== id), name);
    return this.modify(id, (p) => ({ ...p, name: clean }));
  }

  /** A copy with a new id and name; no verification (it proves nothing for the copy). */
  duplicate(id: string, name?: string): Profile {
    const source = this.get(id);
    const { id: _id, name: _name, createdAt: _c, updatedAt: _u, lastVerification: _v, ...fields } = source;
    return this.create({ ...fields, name: name ?? this.freeName(`${source.name} (copy)`) });
  }

  delete(id: string): boolean {
    const profiles = this.read();
    const rest = profiles.filter((p) => p.id !== id);
    if (rest.length === profiles.length) return false;
    this.write(rest);
    return true;
  }

  /** `base`, or `base (2)`, `base (3)` … : the first name no profile uses. */
  freeName(base: string): string {
    const taken = new Set(this.read().map((p) => p.name.toLowerCase()));
    const trimmed = base.trim().slice(0, 90);
    if (!taken.has(trimmed.toLowerCase())) return trimmed;
    for (let n = 2; ; n += 1) {
      const candidate = `${trimmed} (${n})`;
      if (!taken.has(candidate.toLowerCase())) return candidate;
    }
  }

  private modify(id: string, change: (p: Profile) => Record<string, unknown>): Profile {
    const profiles = this.read();
    const index = profiles.findIndex((p) => p.id === id);
    const current = profiles[index];
    if (!current) throw new CallFailure('PROFILE_NOT_FOUND', `no profile with id ${id}`, 'profileId');
    const parsed = ProfileSchema.safeParse({ ...change(current), id, createdAt: current.createdAt, updatedAt: this.now().toISOString() });
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new CallFailure('INVALID_INPUT', `${issue?.path.join('.') ?? 'profile'} ${issue?.message ?? 'is invalid'}`, issue?.path.join('.'));
    }
    const next = [...profiles];
    next[index] = parsed.data;
    this.write(next);
    return parsed.data;
  }

  private assertFreeName(profiles: Profile[], name: string): string {
    const clean = name.trim();
    if (profiles.some((p) => p.name.toLowerCase() === clean.toLowerCase())) {
      throw new CallFailure('PROFILE_NAME_TAKEN', `a profile named "${clean}" already exists`, 'name');
    }
    return clean;
  }

  private read(): Profile[] {
    let raw: unknown;
    try {
      raw = { schemaVersion: this.conf.get('schemaVersion'), profiles: this.conf.get('profiles') };
    } catch (err) {
      // Someone (or a crash of another tool) broke the file while we were running.
      this.recover(err instanceof SyntaxError ? 'invalid-json' : 'invalid-schema');
      return [];
    }
    const parsed = FileSchema.safeParse(raw);
    if (parsed.success) return parsed.data.profiles;
    this.recover('invalid-schema');
    return [];
  }

  private write(profiles: Profile[]): void {
    this.conf.set({ schemaVersion: PROFILES_SCHEMA_VERSION, profiles });
  }

  private open(): void {
    const file = path.join(this.options.dataDir, `${PROFILES_FILE}.json`);
    const newer = fileVersionNewer(file);
    if (newer) this.moveAside(file, 'newer-version');
    // conf reads `[…]`, `null` or `"…"` as an empty store and would overwrite it: move it aside first.
    else if (fileHoldsNonObjectJson(file)) this.moveAside(file, 'invalid-schema');
    try {
      this.conf = this.createConf();
    } catch (err) {
      // conf rethrows JSON.parse's SyntaxError; a failed migration is wrapped in an Error.
      this.moveAside(file, err instanceof SyntaxError ? 'invalid-json' : 'migration-failed');
      this.conf = this.createConf();
    }
    if (this.conf.get('schemaVersion') === undefined && this.conf.get('profiles') === undefined) this.write([]);
    this.read();
  }

  private createConf(): Conf<Record<string, unknown>> {
    const at = () => this.now().toISOString();
    return new Conf<Record<string, unknown>>({
      cwd: this.options.dataDir,
      projectName: 'ise-smtp-oauth',
      configName: PROFILES_FILE,
      projectVersion: PROFILES_CONF_VERSION,
      // Readable by the user only: the file holds customer tenant and app IDs (never secrets).
      configFileMode: 0o600,
      migrations: { '1.0.0': (store) => migrateV0toV1(store as Conf<Record<string, unknown>>, at()) },
    });
  }

  private recover(reason: StoreRecovered['reason']): void {
    this.moveAside(this.conf.path, reason);
    this.conf = this.createConf();
    this.write([]);
  }

  private moveAside(file: string, reason: StoreRecovered['reason']): void {
    const at = this.now().toISOString();
    const stamp = at.replace(/[:.]/g, '-');
    let target = path.join(path.dirname(file), `${PROFILES_FILE}.corrupt-${stamp}.json`);
    for (let n = 2; fs.existsSync(target); n += 1) {
      target = path.join(path.dirname(file), `${PROFILES_FILE}.corrupt-${stamp}-${n}.json`);
    }
    fs.renameSync(file, target);
    this.recovered = { reason, movedTo: target, at };
  }
}

/** True when the file was written by a newer schema than this build knows. */
function fileVersionNewer(file: string): boolean {
  try {
    const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { __internal__?: { migrations?: { version?: unknown } } };
    const version = data?.__internal__?.migrations?.version;
    if (typeof version !== 'string') return false;
    const major = Number.parseInt(version.split('.')[0] ?? '', 10);
    return Number.isFinite(major) && major > PROFILES_SCHEMA_VERSION;
  } catch {
    return false; // unreadable files are handled (and moved aside) by open()
  }
}

/** True when the file is valid JSON but not an object (an array, null, a string, a number). */
function fileHoldsNonObjectJson(file: string): boolean {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return false; // missing or unparsable: conf and open() handle those
  }
  return data === null || typeof data !== 'object' || Array.isArray(data);
}
