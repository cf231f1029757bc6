import { FINDING_CATALOG, FINDING_CODES, type FindingCode } from '../../../../shared/findings';
import type { LogAnalysis, LogEvent, LogFinding, SlowSend, SmtpSettingsSeen } from '../../../../shared/contract/troubleshoot';
import { redactLogText } from '../../diagnostics/redact';
import { classifyEntry } from './classify';
import { EntryMemo } from './entry-memo';
import { entryText, type EntryMeaning, type SettingsFields } from './events';
import { nextStepsOf, sortTimeline } from './summary';
import type { KnownEntries, RawEntry } from './scanner';

/** A send slower than this is reported (the guide's healthy send takes ~5 s). */
export const SLOW_SEND_MS = 10_000;
const TIMELINE_LIMIT = 1000;
const SLOW_SEND_LIMIT = 100;
const SETTINGS_LIMIT = 50;
const SAMPLE_CHARS = 400;
/**
 * A part (a byte range analysed by a worker) keeps every settings variant it sees, because which
 * ones the whole file keeps depends on what came before; past this many it gives up being exact.
 */
const PART_SETTINGS_LIMIT = 10_000;

/**
 * The order in which a field engineer fixes things: nothing past a blocked network matters,
 * then the TLS trust, then the token, then SMTP. Codes not listed follow in catalog order.
 */
const CHAIN_ORDER: readonly FindingCode[] = [
  'NET_DNS_FAILED', 'NET_PROXY_FAILED', 'NET_CONNECT_TIMEOUT', 'NET_CONNECT_REFUSED', 'NET_READ_TIMEOUT',
  'TLS_UNTRUSTED_CHAIN', 'TLS_HOSTNAME_MISMATCH',
  'TOKEN_TENANT_NOT_FOUND', 'TOKEN_TENANT_INVALID', 'TOKEN_APP_NOT_FOUND', 'TOKEN_SECRET_INVALID', 'TOKEN_SECRET_EXPIRED',
  'TOKEN_SCOPE_INVALID', 'TOKEN_SERVICE_ERROR', 'TOKEN_UNCLASSIFIED',
  'SMTP_STARTTLS_UNAVAILABLE', 'SMTP_XOAUTH2_NOT_OFFERED', 'SMTP_AUTH_DISABLED', 'SMTP_AUTH_BLOCKED_BY_POLICY',
  'SMTP_USER_INVALID', 'SMTP_AUTH_REJECTED', 'SMTP_NOT_AUTHENTICATED', 'SMTP_SEND_AS_DENIED', 'SMTP_THROTTLED', 'SMTP_UNCLASSIFIED',
];

function chainIndex(code: FindingCode): number {
  const i = CHAIN_ORDER.indexOf(code);
  return i >= 0 ? i : CHAIN_ORDER.length + FINDING_CODES.indexOf(code);
}

interface SourceState {
  name: string;
  bytes: number;
  firstTime: string | null;
  lastTime: string | null;
  problem?: string;
}

/** A save whose "successfully saved" line a part saw before any earlier part's fields could join it. */
interface DeferredSave {
  thread: string;
  /** The fields this part saw for the thread before the save (undefined: none). */
  fields: SettingsFields | undefined;
  time: string;
}

/**
 * What a worker hands back for its byte range: everything the whole-file analysis needs to go on
 * as if it had read the range itself (see GuestLogAnalysis.mergePart). Plain data: it crosses a
 * worker boundary by structured clone.
 */
export interface AnalysisPart {
  entries: number;
  firstTime: string | null;
  lastTime: string | null;
  /** The range's timeline (its last events) and how many events it had after folding. */
  timeline: LogEvent[];
  timelineEvents: number;
  /** The range's first event, with its final count (it may fold into the event before the range). */
  head: LogEvent | null;
  findings: LogFinding[];
  slowSends: SlowSend[];
  slowSendCount: number;
  sendSuccess: number;
  sendFailed: number;
  maxSendMs: number | null;
  lastSuccess: string;
  /** Each settings variant at its first appearance, and the saves that depend on earlier fields, in file order. */
  settingsOrder: (string | DeferredSave)[];
  settings: [string, SmtpSettingsSeen][];
  /** Saves still open at the range's end (fields to add to the thread's), in insertion order. */
  pendingSaves: [string, SettingsFields][];
  /** Threads whose save the range completed: what came before them is used up. */
  resolvedThreads: string[];
  maxPendingSaves: number;
  /** False when the range met a case the merge cannot reproduce exactly (the caller then reads it on one thread). */
  exact: boolean;
}

/** Kinds where two in a row are one thing logged twice (ISE logs a test connection and a session twice). */
const FOLDABLE = new Set(['test-connection', 'smtp-connected', 'save-started', 'smtp-settings', 'token-cached', 'token-acquired', 'failure', 'error']);

function folds(last: LogEvent, event: LogEvent): boolean {
  return (
    FOLDABLE.has(event.kind) &&
    last.kind === event.kind &&
    last.thread === event.thread &&
    last.source === event.source &&
    last.code === event.code &&
    last.time.slice(0, 16) === event.time.slice(0, 16) // same minute
  );
}

/**
 * The key of a session's settings, by the settings object: a memo hit hands the same object
 * again for every entry like it, and building the key per entry showed in profiles.
 */
const sessionKeys = new WeakMap<SettingsFields, string>();

/** Same minute: what folds() compares, `a.slice(0, 16) === b.slice(0, 16)`, without making the two strings. */
function sameMinute(a: string, b: string): boolean {
  if (a.length < 16 || b.length < 16) return a.slice(0, 16) === b.slice(0, 16);
  for (let i = 0; i < 16; i++) if (a.charCodeAt(i) !== b.charCodeAt(i)) return false;
  return true;
}

function settingsKey(origin: 'session' | 'saved', f: SettingsFields): string {
  return JSON.stringify([origin, f.server, f.port, f.timeoutSeconds, f.tls, f.authEnabled, f.username]);
}

/** What the analyzer remembers of an entry seen before: what it means, and its level and text. */
export type AnalysisMemo = EntryMemo<{ meaning: EntryMeaning | null; level: string; text: string }>;

/**
 * Accumulates the entries of one or more guest.log files into the analysis, in bounded memory:
 * the timeline keeps its last TIMELINE_LIMIT events, everything else is counted.
 * With `part` it analyses one byte range of a file for a worker (exportPart), to be merged in
 * file order into the whole-file analysis (mergePart) with the same result as one thread.
 */
export class GuestLogAnalysis implements KnownEntries {
  private readonly started = performance.now();
  private readonly sources: SourceState[] = [];
  private current: SourceState | null = null;
  /** Event details are redacted when the result is built: only the kept ones need it. */
  private timeline: LogEvent[] = [];
  private timelineEvents = 0;
  private head: LogEvent | null = null;
  private readonly findings = new Map<FindingCode, LogFinding>();
  private slowSends: SlowSend[] = [];
  private slowSendCount = 0;
  private sendSuccess = 0;
  private sendFailed = 0;
  private maxSendMs: number | null = null;
  /** Latest time a test connection or a send worked: findings before it are likely fixed. */
  private lastSuccess = '';
  private readonly settings = new Map<string, SmtpSettingsSeen>();
  private readonly settingsOrder: (string | DeferredSave)[] = [];
  /** A save logs one `Set … is :value` line per field; gather them per thread until "saved". */
  private readonly pendingSaves = new Map<string, SettingsFields>();
  private readonly resolvedThreads = new Set<string>();
  private maxPendingSaves = 0;
  private exact = true;
  private entries = 0;

  /**
   * `memo`: entries seen before, by their bytes (entry-memo.ts): what they mean, and their level
   * and text. A thread reading several ranges passes its one memo to each.
   */
  constructor(
    private readonly part = false,
    private readonly memo: AnalysisMemo = new EntryMemo(),
  ) {}

  /** Starts the next file; its entries follow in time order. */
  beginSource(name: string): void {
    this.current = { name, bytes: 0, firstTime: null, lastTime: null };
    this.sources.push(this.current);
  }

  /** Counts bytes read (for the MB/s figure and the source list). */
  addBytes(n: number): void {
    if (this.current) this.current.bytes += n;
  }

  /** Notes a problem with the current file (e.g. a gzip file that ends early): analysed as far as it goes. */
  noteProblem(problem: string): void {
    if (this.current) this.current.problem = problem;
  }

  /**
   * The scanner's first look at an entry, by its bytes: true when it is one seen before (same
   * bytes but for the time and thread) and has been counted without decoding it. With `mustHit`
   * (the scanner has not searched it) only when the memo knows its bytes hold a prefilter hit.
   */
  tryBytes(buf: Buffer, start: number, headerEnd: number, end: number, mustHit = false): boolean {
    const known = this.memo.look(buf, start, headerEnd, end, mustHit);
    if (known === undefined) return false;
    this.takeKnown(known);
    return true;
  }

  /** tryBytes for an entry whose end the scanner has not looked for: the memo's guess of what comes next (entry-memo.ts lookNext). */
  tryNext(buf: Buffer, start: number, regionEnd: number, mustHit = false): number {
    const known = this.memo.lookNext(buf, start, regionEnd, mustHit);
    if (known === undefined) return -1;
    this.takeKnown(known);
    return this.memo.entryEnd();
  }

  private takeKnown(known: { meaning: EntryMeaning | null; level: string; text: string }): void {
    this.entries++;
    if (!known.meaning) return;
    // A send's duration is not part of the memo's key: this entry's own goes in (see addEntry).
    const durationMs = this.memo.duration();
    this.record(known.meaning, this.memo.time(), this.memo.thread(), known.level, known.text, durationMs ?? known.meaning.durationMs);
  }

  /** Takes one entry from the scanner. */
  addEntry(entry: RawEntry): void {
    this.entries++;
    const text = entryText(entry);
    const meaning = classifyEntry(entry);
    const { time, thread, level } = entry.header;
    // Stored for entries like it only when the bytes' time and thread are what the header says (entry-memo.ts).
    if (this.memo.canRemember() && time === this.memo.time() && thread === this.memo.thread() && this.durationAlone(meaning, text)) {
      this.memo.remember({ meaning, level, text });
    }
    if (meaning) this.record(meaning, time, thread, level, text);
  }

  /**
   * True when the entry last looked up has no duration left out of its key, or when its reading
   * depends on that duration only through durationMs: a send or transport line without a failure
   * code, whose durationMs is those digits (the text, which holds them, is used only for a
   * finding's sample, and such an entry has no finding).
   */
  private durationAlone(meaning: EntryMeaning | null, text: string): boolean {
    const d = this.memo.duration();
    if (d === undefined) return true;
    // One ` call is ` only: else the RegExps of events.ts may read another one's digits, which are in the key.
    if (text.indexOf(' call is ') !== text.lastIndexOf(' call is ')) return false;
    return meaning !== null && meaning.code === undefined && (meaning.kind === 'transport-send' || meaning.kind === 'send-success') && meaning.durationMs === d;
  }

  /** `durationMs`: the entry's own (the meaning's, unless the memo read this entry's digits). */
  private record(meaning: EntryMeaning, time: string, thread: string, level: string, text: string, durationMs = meaning.durationMs): void {
    const source = this.current?.name ?? '';
    if (this.current && time) {
      if (this.current.firstTime === null) this.current.firstTime = time;
      this.current.lastTime = time;
    }
    const kind = meaning.kind;
    if (meaning.code) this.countFinding(meaning.code, time, text);
    if (kind === 'send-success' || kind === 'send-failed') this.countSend(kind === 'send-success', durationMs, time, thread, source);
    if ((kind === 'smtp-connected' || kind === 'send-success' || kind === 'settings-saved') && time > this.lastSuccess) this.lastSuccess = time;
    if (meaning.sessionSettings) this.seeSessionSettings(meaning.sessionSettings, time);
    if (meaning.savedField) this.pendingSaves.set(thread, { ...this.pendingSaves.get(thread), ...stripUndefined(meaning.savedField) });
    if (kind === 'settings-saved') this.saveCompleted(thread, time);
    if (this.pendingSaves.size > this.maxPendingSaves) this.maxPendingSaves = this.pendingSaves.size;
    if (!this.part && this.pendingSaves.size > SETTINGS_LIMIT) this.pendingSaves.delete(this.pendingSaves.keys().next().value!);
    const last = this.timeline[this.timeline.length - 1];
    if (last && last.kind === kind && last.thread === thread && last.source === source && last.code === meaning.code && FOLDABLE.has(kind) && sameMinute(last.time, time)) {
      last.count++; // the same as folds(last, event), without building the event first
      return;
    }
    const event: LogEvent = { time, thread, level, kind, detail: meaning.detail, source, count: 1 };
    if (durationMs !== undefined) event.durationMs = durationMs;
    if (meaning.code) event.code = meaning.code;
    this.pushEvent(event);
  }

  private saveCompleted(thread: string, time: string): void {
    const fields = this.pendingSaves.get(thread);
    this.pendingSaves.delete(thread);
    if (this.part && !this.resolvedThreads.has(thread)) {
      // Fields logged before this range may belong to this save: the merge decides.
      this.resolvedThreads.add(thread);
      this.settingsOrder.push({ thread, fields, time });
      return;
    }
    if (fields) this.seeSettings('saved', fields, time);
  }

  private pushEvent(event: LogEvent): void {
    this.timeline.push(event);
    this.timelineEvents++;
    if (this.head === null) this.head = event;
    // Drop in batches so the array is not shifted for every event.
    if (this.timeline.length >= TIMELINE_LIMIT * 2) this.timeline = this.timeline.slice(-TIMELINE_LIMIT);
  }

  private countFinding(code: FindingCode, time: string, text: string): void {
    const found = this.findings.get(code);
    if (found) {
      found.count++;
      if (time && (found.firstSeen === '' || time < found.firstSeen)) found.firstSeen = time;
      if (time > found.lastSeen) found.lastSeen = time;
      return;
    }
    const { step, severity } = FINDING_CATALOG[code];
    this.findings.set(code, { code, step, severity, count: 1, firstSeen: time, lastSeen: time, sample: redactLogText(text).slice(0, SAMPLE_CHARS), resolvedLater: false });
  }

  private countSend(ok: boolean, durationMs: number | undefined, time: string, thread: string, source: string): void {
    if (ok) this.sendSuccess++;
    else this.sendFailed++;
    if (durationMs === undefined) return;
    if (this.maxSendMs === null || durationMs > this.maxSendMs) this.maxSendMs = durationMs;
    if (durationMs > SLOW_SEND_MS) {
      this.slowSendCount++;
      this.slowSends.push({ time, thread, durationMs, source });
      if (this.slowSends.length > SLOW_SEND_LIMIT) this.slowSends.shift();
    }
  }

  /** seeSettings for a session's settings, with the key kept per settings object. */
  private seeSessionSettings(fields: SettingsFields, time: string): void {
    let key = sessionKeys.get(fields);
    if (key === undefined) {
      key = settingsKey('session', stripUndefined(fields));
      sessionKeys.set(fields, key);
    }
    const seen = this.settings.get(key);
    if (seen) {
      seen.count++;
      if (time > seen.lastSeen) seen.lastSeen = time;
      return;
    }
    this.seeSettings('session', fields, time);
  }

  private seeSettings(origin: 'session' | 'saved', fields: SettingsFields, time: string): void {
    const f = stripUndefined(fields);
    const key = settingsKey(origin, f);
    const seen = this.settings.get(key);
    if (seen) {
      seen.count++;
      if (time > seen.lastSeen) seen.lastSeen = time;
      return;
    }
    if (this.settings.size >= (this.part ? PART_SETTINGS_LIMIT : SETTINGS_LIMIT)) {
      if (this.part) this.exact = false;
      return;
    }
    this.settings.set(key, { origin, ...f, firstSeen: time, lastSeen: time, count: 1 });
    if (this.part) this.settingsOrder.push(key);
  }

  /** The state of a byte range's analysis, for mergePart in the whole-file analysis. */
  exportPart(): AnalysisPart {
    const src = this.current;
    return {
      entries: this.entries,
      firstTime: src?.firstTime ?? null,
      lastTime: src?.lastTime ?? null,
      timeline: this.timeline.slice(-TIMELINE_LIMIT),
      timelineEvents: this.timelineEvents,
      head: this.head,
      findings: [...this.findings.values()],
      slowSends: this.slowSends,
      slowSendCount: this.slowSendCount,
      sendSuccess: this.sendSuccess,
      sendFailed: this.sendFailed,
      maxSendMs: this.maxSendMs,
      lastSuccess: this.lastSuccess,
      settingsOrder: this.settingsOrder,
      settings: [...this.settings],
      pendingSaves: [...this.pendingSaves],
      resolvedThreads: [...this.resolvedThreads],
      maxPendingSaves: this.maxPendingSaves,
      exact: this.exact,
    };
  }

  /**
   * Whether merging these parts (one file's ranges, in order) gives exactly what one thread
   * reading the file would: not when a part kept more settings variants than it may, or when
   * so many saves are open at once that one thread would have let go of the oldest.
   */
  canMerge(parts: readonly AnalysisPart[]): boolean {
    return parts.every((p) => p.exact) && this.pendingSaves.size + parts.reduce((n, p) => n + p.maxPendingSaves, 0) <= SETTINGS_LIMIT;
  }

  /**
   * Continues the current source with a range analysed elsewhere, as if its entries had come
   * through addEntry (check canMerge first).
   */
  mergePart(p: AnalysisPart): void {
    this.entries += p.entries;
    if (this.current) {
      if (this.current.firstTime === null) this.current.firstTime = p.firstTime;
      if (p.lastTime !== null) this.current.lastTime = p.lastTime;
    }
    this.mergeTimeline(p);
    for (const f of p.findings) {
      const mine = this.findings.get(f.code);
      if (!mine) {
        this.findings.set(f.code, { ...f });
        continue;
      }
      mine.count += f.count;
      if (f.firstSeen && (mine.firstSeen === '' || f.firstSeen < mine.firstSeen)) mine.firstSeen = f.firstSeen;
      if (f.lastSeen > mine.lastSeen) mine.lastSeen = f.lastSeen;
    }
    this.sendSuccess += p.sendSuccess;
    this.sendFailed += p.sendFailed;
    if (p.maxSendMs !== null && (this.maxSendMs === null || p.maxSendMs > this.maxSendMs)) this.maxSendMs = p.maxSendMs;
    this.slowSendCount += p.slowSendCount;
    this.slowSends = [...this.slowSends, ...p.slowSends].slice(-SLOW_SEND_LIMIT);
    if (p.lastSuccess > this.lastSuccess) this.lastSuccess = p.lastSuccess;
    const seen = new Map(p.settings);
    for (const item of p.settingsOrder) {
      if (typeof item !== 'string') {
        const before = this.pendingSaves.get(item.thread);
        this.pendingSaves.delete(item.thread);
        if (before || item.fields) this.seeSettings('saved', { ...before, ...item.fields }, item.time);
        continue;
      }
      const s = seen.get(item)!;
      const mine = this.settings.get(item);
      if (mine) {
        mine.count += s.count;
        if (s.lastSeen > mine.lastSeen) mine.lastSeen = s.lastSeen;
      } else if (this.settings.size < SETTINGS_LIMIT) this.settings.set(item, { ...s });
    }
    const resolved = new Set(p.resolvedThreads);
    for (const [thread, fields] of p.pendingSaves) {
      this.pendingSaves.set(thread, resolved.has(thread) ? fields : { ...this.pendingSaves.get(thread), ...fields });
    }
  }

  private mergeTimeline(p: AnalysisPart): void {
    if (!p.head) return;
    const headInTimeline = p.timeline.length === p.timelineEvents;
    const last = this.timeline[this.timeline.length - 1];
    const folded = last !== undefined && folds(last, p.head);
    if (folded) last.count += p.head.count;
    const rest = headInTimeline ? p.timeline.slice(folded ? 1 : 0) : folded ? p.timeline : [p.head, ...p.timeline];
    for (const event of rest) this.timeline.push(event);
    if (this.head === null) this.head = this.timeline[0] ?? null;
    this.timelineEvents += p.timelineEvents - (folded ? 1 : 0);
    if (this.timeline.length >= TIMELINE_LIMIT * 2) this.timeline = this.timeline.slice(-TIMELINE_LIMIT);
  }

  /** The result: findings ranked, next steps in the order to work on them. */
  finish(): LogAnalysis {
    // A save whose "successfully saved" line never came still shows what was entered.
    for (const saved of this.pendingSaves.values()) this.seeSettings('saved', saved, '');
    this.pendingSaves.clear();
    const findings = [...this.findings.values()].map((f) => ({ ...f, resolvedLater: this.lastSuccess !== '' && f.lastSeen < this.lastSuccess }));
    findings.sort((a, b) => Number(a.resolvedLater) - Number(b.resolvedLater) || chainIndex(a.code) - chainIndex(b.code) || b.count - a.count);
    const timeline = sortTimeline(this.timeline.slice(-TIMELINE_LIMIT)).map((e) => ({ ...e, detail: redactLogText(e.detail) }));
    return {
      sources: this.sources.map((s) => ({ name: s.name, bytes: s.bytes, firstTime: s.firstTime, lastTime: s.lastTime, ...(s.problem ? { problem: s.problem } : {}) })),
      timeline,
      timelineDropped: this.timelineEvents - timeline.length,
      findings,
      slowSends: this.slowSends,
      slowSendCount: this.slowSendCount,
      sends: { success: this.sendSuccess, failed: this.sendFailed, maxDurationMs: this.maxSendMs },
      smtpSettings: [...this.settings.values()],
      nextSteps: nextStepsOf(findings),
      stats: { bytes: this.sources.reduce((n, s) => n + s.bytes, 0), entries: this.entries, durationMs: Math.round(performance.now() - this.started) },
    };
  }
}

function stripUndefined<T extends object>(o: T): T {
  const out = {} as T;
  for (const k in o) if (o[k] !== undefined) out[k] = o[k];
  return out;
}
