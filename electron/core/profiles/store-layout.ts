import fs from 'node:fs';
import type { Profile } from '../../../shared/contract/profiles';
import { PROFILES_CONF_VERSION, PROFILES_SCHEMA_VERSION } from './migrations';

/**
 * How profiles.json is laid out on disk (issue 17.11 / 16.2: a page of a 20,000-profile store
 * must not parse the whole 40 MB file). Still one JSON document of schema version 1, so conf,
 * electron-store and an older version of this tool read it unchanged, but written line by line
 * with a summary index in front:
 *
 *   {"__internal__":{"migrations":{"version":"1.0.0"}},"schemaVersion":1,…other top-level keys,
 *   "index":{"layout":1,"bytes":N,"rows":[[id,name,…,offset,length],…]},
 *   "profiles":[
 *   {…profile 1…},
 *   {…profile 2…}
 *   ]}
 *
 * The index (one row per profile: the fields a list shows or filters on, and where the profile's
 * line is) and the profiles are in the SAME file, written with one atomic rename: they can never
 * disagree after a crash (kill -9 leaves the old file or the new one, index included), and the
 * lock, the temp files and the recovery of a bad file stay exactly what they were for one file.
 * A second index file would need its own consistency protocol (which file is the truth after a
 * kill between the two renames); per-profile files would turn one rename into many.
 *
 * A reader takes the index only when the file proves it was written this way (the three header
 * lines, the byte count of the profiles part equal to the file's size, each profile read at its
 * offset carrying the row's id); anything else (an older layout, a hand edit, a file another
 * program rewrote) is read in full, as before, and rewritten in this layout at the next open.
 */
export const INDEX_LAYOUT = 1;

/** One profile as the index knows it: enough for a list line, a filter, an expiry warning. */
export interface IndexRow {
  id: string;
  name: string;
  customer: string;
  route: string;
  mailbox?: string;
  tenantId?: string;
  secretExpiry?: string;
  practice: boolean;
  /** The stored proxy URL still holds a password (a file from before it moved to the keychain). */
  proxyPasswordInFile: boolean;
  /** The last verification's outcome and time, if any. */
  lastCheck?: { ok: boolean; at: string };
  /** Where the profile's JSON is, in bytes from the start of the profiles part. */
  offset: number;
  length: number;
}

type DiskRow = [string, string, string, string, string | null, string | null, string | null, 0 | 1, 0 | 1, boolean | null, string | null, number, number];

/** The file's text for these profiles (and the other top-level keys kept as they were). */
export function serializeStore(profiles: readonly Profile[], extra: Record<string, unknown>): string {
  const lines: string[] = [];
  const rows: DiskRow[] = [];
  let offset = 0;
  profiles.forEach((p, i) => {
    const json = JSON.stringify(p);
    const length = Buffer.byteLength(json, 'utf8');
    rows.push(diskRow(p, offset, length));
    const line = `${json}${i < profiles.length - 1 ? ',' : ''}\n`;
    lines.push(line);
    offset += Buffer.byteLength(line, 'utf8');
  });
  const tail = ']}\n';
  const bytes = offset + Buffer.byteLength(tail, 'utf8');
  // The top-level keys first (conf's `__internal__` among them), without the closing brace.
  const { index: _stale, profiles: _p, ...rest } = extra;
  const head = JSON.stringify({ ...rest, __internal__: { migrations: { version: PROFILES_CONF_VERSION } }, schemaVersion: PROFILES_SCHEMA_VERSION });
  return `${head.slice(0, -1)},\n"index":${JSON.stringify({ layout: INDEX_LAYOUT, bytes, rows })},\n"profiles":[\n${lines.join('')}${tail}`;
}

/** The profile's summary row (its byte position aside): what the index keeps of it. */
export function summaryOf(p: Profile, offset = -1, length = 0): IndexRow {
  const v = p.lastVerification;
  return {
    id: p.id,
    name: p.name,
    customer: p.customer,
    route: p.route,
    ...(p.mailbox ? { mailbox: p.mailbox } : {}),
    ...(p.tenantId ? { tenantId: p.tenantId } : {}),
    ...(p.secretExpiry ? { secretExpiry: p.secretExpiry } : {}),
    practice: p.practice,
    proxyPasswordInFile: p.proxy !== undefined && urlHasPassword(p.proxy),
    ...(v ? { lastCheck: { ok: v.ok, at: v.startedAt } } : {}),
    offset,
    length,
  };
}

/** As proxy-secret.ts's splitProxyPassword sees it (not imported: that module loads the vault). */
function urlHasPassword(url: string): boolean {
  try {
    return new URL(url).password !== '';
  } catch {
    return false;
  }
}

function diskRow(p: Profile, offset: number, length: number): DiskRow {
  const r = summaryOf(p, offset, length);
  return [r.id, r.name, r.customer, r.route, r.mailbox ?? null, r.tenantId ?? null, r.secretExpiry ?? null, r.practice ? 1 : 0, r.proxyPasswordInFile ? 1 : 0, r.lastCheck?.ok ?? null, r.lastCheck?.at ?? null, offset, length];
}

function rowOf(r: unknown): IndexRow | undefined {
  if (!Array.isArray(r) || r.length !== 13) return undefined;
  const [id, name, customer, route, mailbox, tenantId, secretExpiry, practice, proxyPw, lastOk, lastAt, offset, length] = r as unknown[];
  const optStr = (v: unknown) => v === null || typeof v === 'string';
  if (typeof id !== 'string' || typeof name !== 'string' || typeof customer !== 'string' || typeof route !== 'string') return undefined;
  if (!optStr(mailbox) || !optStr(tenantId) || !optStr(secretExpiry) || !optStr(lastAt) || (lastOk !== null && typeof lastOk !== 'boolean')) return undefined;
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || (offset as number) < 0 || (length as number) < 2) return undefined;
  return {
    id,
    name,
    customer,
    route,
    ...(typeof mailbox === 'string' ? { mailbox } : {}),
    ...(typeof tenantId === 'string' ? { tenantId } : {}),
    ...(typeof secretExpiry === 'string' ? { secretExpiry } : {}),
    practice: practice === 1,
    proxyPasswordInFile: proxyPw === 1,
    ...(typeof lastOk === 'boolean' && typeof lastAt === 'string' ? { lastCheck: { ok: lastOk, at: lastAt } } : {}),
    offset: offset as number,
    length: length as number,
  };
}

/** A parsed index: its rows, where the profiles part starts, and the file identity it was read from. */
export interface ParsedIndex {
  rows: IndexRow[];
  /** Byte position of the first profile line. */
  base: number;
  /** The file's identity when the index was read (inode, size, mtime): a change means re-read. */
  key: string;
}

/** The index of an open profiles file, and a way to read one profile from that same file. */
export interface OpenIndex extends ParsedIndex {
  /** The raw profile at `row` (parsed JSON, not validated), or undefined when it is not where the index says. */
  read(row: IndexRow): Record<string, unknown> | undefined;
}

const HEAD_CHUNK = 1 << 16;

function statKey(stat: fs.Stats): string {
  return `${stat.ino}:${stat.size}:${stat.mtimeMs}`;
}

/** The last index read per file, reused while the file is unchanged (the store, a page and the list share it). */
const lastRead = new Map<string, ParsedIndex>();

/**
 * Opens `file`, reads its index and runs `fn` with it; the file is closed when `fn` ends. `fn`
 * gets undefined when the file is missing or not in the indexed layout (read it in full then).
 * The index is parsed once per change of the file (its inode, size and mtime).
 */
export function withIndex<T>(file: string, fn: (index: OpenIndex | undefined) => T): T {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return fn(undefined);
  }
  try {
    const stat = fs.fstatSync(fd);
    const key = statKey(stat);
    const reuse = lastRead.get(file);
    const parsed = reuse?.key === key ? reuse : readIndex(fd, stat.size, key);
    if (!parsed) return fn(undefined);
    lastRead.set(file, parsed);
    const { base } = parsed;
    const read = (row: IndexRow): Record<string, unknown> | undefined => {
      if (base + row.offset + row.length > stat.size) return undefined;
      const buf = Buffer.allocUnsafe(row.length);
      for (let got = 0; got < row.length; ) {
        const n = fs.readSync(fd, buf, got, row.length - got, base + row.offset + got);
        if (n === 0) return undefined;
        got += n;
      }
      try {
        const value: unknown = JSON.parse(buf.toString('utf8'));
        return value && typeof value === 'object' && !Array.isArray(value) && (value as { id?: unknown }).id === row.id ? (value as Record<string, unknown>) : undefined;
      } catch {
        return undefined;
      }
    };
    return fn({ ...parsed, read });
  } finally {
    fs.closeSync(fd);
  }
}

function readIndex(fd: number, size: number, key: string): ParsedIndex | undefined {
  // The header is three lines: the top-level keys, the index, `"profiles":[`.
  let buf = Buffer.alloc(0);
  const newlines: number[] = [];
  for (let pos = 0; newlines.length < 3 && pos < size; ) {
    const chunk = Buffer.allocUnsafe(Math.max(HEAD_CHUNK, buf.length)); // doubling: a 4 MB index in ~7 reads
    const n = fs.readSync(fd, chunk, 0, chunk.length, pos);
    if (n === 0) break;
    const from = buf.length;
    buf = Buffer.concat([buf, chunk.subarray(0, n)]);
    pos += n;
    for (let i = buf.indexOf(10, from); i !== -1 && newlines.length < 3; i = buf.indexOf(10, i + 1)) newlines.push(i);
  }
  if (newlines.length < 3) return undefined;
  const [l1, l2, l3] = newlines as [number, number, number];
  if (buf.toString('utf8', l2 + 1, l3) !== '"profiles":[') return undefined;
  const indexLine = buf.toString('utf8', l1 + 1, l2);
  if (!indexLine.startsWith('"index":') || !indexLine.endsWith(',') || buf[l1 - 1] !== 0x2c) return undefined;
  let head: unknown;
  let index: unknown;
  try {
    head = JSON.parse(`${buf.toString('utf8', 0, l1 - 1)}}`);
    index = JSON.parse(indexLine.slice('"index":'.length, -1));
  } catch {
    return undefined;
  }
  const h = head as { schemaVersion?: unknown; __internal__?: { migrations?: { version?: unknown } } } | null;
  if (!h || h.schemaVersion !== PROFILES_SCHEMA_VERSION || h.__internal__?.migrations?.version !== PROFILES_CONF_VERSION) return undefined;
  const ix = index as { layout?: unknown; bytes?: unknown; rows?: unknown } | null;
  const base = l3 + 1;
  // The byte count proves the profiles part is whole (not cut short, not edited to another length).
  if (!ix || ix.layout !== INDEX_LAYOUT || typeof ix.bytes !== 'number' || base + ix.bytes !== size || !Array.isArray(ix.rows)) return undefined;
  const rows: IndexRow[] = [];
  for (const r of ix.rows) {
    const row = rowOf(r);
    if (!row) return undefined;
    rows.push(row);
  }
  return { rows, base, key };
}
