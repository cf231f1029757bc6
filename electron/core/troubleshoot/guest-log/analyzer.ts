import { FINDING_CATALOG, FINDING_CODES, type FindingCode } from '../../../../shared/findings';
import type { LogAnalysis, LogEvent, LogFinding, SlowSend, SmtpSettingsSeen } from '../../../../shared/contract/troubleshoot';
import { redactLogText } from '../../diagnostics/redact';
import { entryText, interpretEntry, type SettingsFields } from './events';
import type { RawEntry } from './scanner';

/** A send slower than this is reported (the guide's healthy send takes ~5 s). */
export const SLOW_SEND_MS = 10_000;
const TIMELINE_LIMIT = 1000;
const SLOW_SEND_LIMIT = 100;
const SETTINGS_LIMIT = 50;
const SAMPLE_CHARS = 400;

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

/** Kinds where two in a row are one thing logged twice (ISE logs a test connection and a session twice). */
const FOLDABLE = new Set(['test-connection', 'smtp-connected', 'save-started', 'smtp-settings', 'token-cached', 'token-acquired', 'failure', 'error']);

/**
 * Accumulates the entries of one or more guest.log files into the analysis, in bounded memory:
 * the timeline keeps its last TIMELINE_LIMIT events, everything else is counted.
 */
export class GuestLogAnalysis {
  private readonly started = performance.now();
  private readonly sources: SourceState[] = [];
  private current: SourceState | null = null;
  private timeline: LogEvent[] = [];
  private timelineDropped = 0;
  private readonly findings = new Map<FindingCode, LogFinding>();
  private slowSends: SlowSend[] = [];
  private slowSendCount = 0;
  private sendSuccess = 0;
  private sendFailed = 0;
  private maxSendMs: number | null = null;
  /** Latest time a test connection or a send worked: findings before it are likely fixed. */
  private lastSuccess = '';
  private readonly settings = new Map<string, SmtpSettingsSeen>();
  /** A save logs one `Set … is :value` line per field; gather them per thread until "saved". */
  private readonly pendingSaves = new Map<string, SettingsFields>();
  private entries = 0;

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

  /** Takes one entry from the scanner. */
  addEntry(entry: RawEntry): void {
    this.entries++;
    const meaning = interpretEntry(entry);
    if (!meaning) return;
    const { time, thread, level } = entry.header;
    const source = this.current?.name ?? '';
    if (this.current && time) {
      if (this.current.firstTime === null) this.current.firstTime = time;
      this.current.lastTime = time;
    }
    if (meaning.code) this.countFinding(meaning.code, time, entryText(entry));
    if (meaning.kind === 'send-success' || meaning.kind === 'send-failed') this.countSend(meaning.kind === 'send-success', meaning.durationMs, time, thread, source);
    if (meaning.kind === 'smtp-connected' || meaning.kind === 'send-success' || meaning.kind === 'settings-saved') {
      if (time > this.lastSuccess) this.lastSuccess = time;
    }
    if (meaning.sessionSettings) this.seeSettings('session', meaning.sessionSettings, time);
    if (meaning.savedField) this.pendingSaves.set(thread, { ...(this.pendingSaves.get(thread) ?? {}), ...stripUndefined(meaning.savedField) });
    if (meaning.kind === 'settings-saved') {
      const saved = this.pendingSaves.get(thread);
      if (saved) this.seeSettings('saved', saved, time);
      this.pendingSaves.delete(thread);
    }
    if (this.pendingSaves.size > SETTINGS_LIMIT) this.pendingSaves.delete(this.pendingSaves.keys().next().value!);
    this.pushEvent({
      time,
      thread,
      level,
      kind: meaning.kind,
      detail: redactLogText(meaning.detail),
      source,
      ...(meaning.durationMs !== undefined ? { durationMs: meaning.durationMs } : {}),
      ...(meaning.code ? { code: meaning.code } : {}),
      count: 1,
    });
  }

  private pushEvent(event: LogEvent): void {
    const last = this.timeline[this.timeline.length - 1];
    if (
      last &&
      FOLDABLE.has(event.kind) &&
      last.kind === event.kind &&
      last.thread === event.thread &&
      last.source === event.source &&
      last.code === event.code &&
      last.time.slice(0, 16) === event.time.slice(0, 16) // same minute
    ) {
      last.count++;
      return;
    }
    this.timeline.push(event);
    // Drop in batches so the array is not shifted for every event.
    if (this.timeline.length >= TIMELINE_LIMIT * 2) {
      this.timelineDropped += this.timeline.length - TIMELINE_LIMIT;
      this.timeline = this.timeline.slice(-TIMELINE_LIMIT);
    }
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

  private seeSettings(origin: 'session' | 'saved', fields: SettingsFields, time: string): void {
    const f = stripUndefined(fields);
    const key = JSON.stringify([origin, f.server, f.port, f.timeoutSeconds, f.tls, f.authEnabled, f.username]);
    const seen = this.settings.get(key);
    if (seen) {
      seen.count++;
      if (time > seen.lastSeen) seen.lastSeen = time;
      return;
    }
    if (this.settings.size >= SETTINGS_LIMIT) return;
    this.settings.set(key, { origin, ...f, firstSeen: time, lastSeen: time, count: 1 });
  }

  /** The result: findings ranked, next steps in the order to work on them. */
  finish(): LogAnalysis {
    // A save whose "successfully saved" line never came still shows what was entered.
    for (const saved of this.pendingSaves.values()) this.seeSettings('saved', saved, '');
    this.pendingSaves.clear();
    const findings = [...this.findings.values()].map((f) => ({ ...f, resolvedLater: this.lastSuccess !== '' && f.lastSeen < this.lastSuccess }));
    findings.sort((a, b) => Number(a.resolvedLater) - Number(b.resolvedLater) || chainIndex(a.code) - chainIndex(b.code) || b.count - a.count);
    const timeline = this.timeline.slice(-TIMELINE_LIMIT);
    return {
      sources: this.sources.map((s) => ({ name: s.name, bytes: s.bytes, firstTime: s.firstTime, lastTime: s.lastTime, ...(s.problem ? { problem: s.problem } : {}) })),
      timeline,
      timelineDropped: this.timelineDropped + (this.timeline.length - timeline.length),
      findings,
      slowSends: this.slowSends,
      slowSendCount: this.slowSendCount,
      sends: { success: this.sendSuccess, failed: this.sendFailed, maxDurationMs: this.maxSendMs },
      smtpSettings: [...this.settings.values()],
      nextSteps: findings.filter((f) => f.severity !== 'info').map((f) => f.code),
      stats: { bytes: this.sources.reduce((n, s) => n + s.bytes, 0), entries: this.entries, durationMs: Math.round(performance.now() - this.started) },
    };
  }
}

function stripUndefined<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
