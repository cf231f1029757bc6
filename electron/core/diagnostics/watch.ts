import type { DiagnosticReport } from '../../../shared/diagnostic-report';
import type { FindingCode } from '../../../shared/findings';

/**
 * `diagnose --watch`: re-run the whole diagnosis until it passes, for the failures that heal by
 * waiting. The case it exists for: after New-ServicePrincipal or Add-MailboxPermission, Exchange
 * answers `535 5.7.3` (SMTP_AUTH_REJECTED) for 30 min – 2 h before it applies the change.
 * Pure: the diagnosis, the clock and the sleep are injected, so tests run it in milliseconds.
 */

/**
 * Error findings that can heal without anyone changing anything: Exchange propagation, throttling,
 * and transient network faults (a timeout, a restarting server or proxy, a 5xx from Entra).
 * Anything else (a wrong secret, a missing permission, a bad host name) stays broken however long
 * we wait, so watching stops at once. NET_DNS_FAILED is left out on purpose: a mistyped host
 * never resolves, and watching it for two hours would only hide the typo.
 */
export const HEALS_BY_WAITING: ReadonlySet<FindingCode> = new Set<FindingCode>([
  'SMTP_AUTH_REJECTED',
  'SMTP_THROTTLED',
  'NET_CONNECT_TIMEOUT',
  'NET_READ_TIMEOUT',
  'NET_CONNECT_REFUSED',
  'NET_PROXY_FAILED',
  'TOKEN_SERVICE_ERROR',
]);

/** Waits between attempts: 30 s, 60 s, then every 2 min (Exchange's delay is tens of minutes). */
export const DEFAULT_BACKOFF_MS: readonly number[] = [30_000, 60_000, 120_000];

/** One line of progress, reported after every attempt that did not pass. */
export interface WatchProgress {
  attempt: number;
  elapsedMs: number;
  /** The error finding codes of this attempt, deduplicated, in report order. */
  failing: string[];
  /** The wait before the next attempt; undefined when watching ends with this attempt. */
  nextInMs: number | undefined;
}

export type WatchOutcome =
  /** A run had no error finding. */
  | 'passed'
  /** An error finding that waiting cannot heal: stop and fix it. */
  | 'not-healable'
  /** The time limit elapsed with the failure still there. */
  | 'timed-out';

export interface WatchResult {
  outcome: WatchOutcome;
  attempts: number;
  elapsedMs: number;
  /** The last report (the one `--json` prints). */
  report: DiagnosticReport;
  /** For 'not-healable': the codes that stopped the watch. */
  blocking: string[];
}

export interface WatchOptions {
  /** One full diagnosis; it never throws (the engine's contract). */
  run: () => Promise<DiagnosticReport>;
  /** Give up when this much time has passed since the first attempt began. */
  untilMs: number;
  /** Monotonic milliseconds; Date.now by default. */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** The waits between attempts; the last one repeats. */
  backoffMs?: readonly number[];
  onProgress?: (p: WatchProgress) => void;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The error codes of a report, deduplicated. */
export function failingCodes(report: DiagnosticReport): string[] {
  return [...new Set(report.findings.filter((f) => f.severity === 'error').map((f) => f.code))];
}

/** Runs the diagnosis until it passes, a failure turns out not to heal by waiting, or time is up. */
export async function watchDiagnosis(opts: WatchOptions): Promise<WatchResult> {
  const now = opts.now ?? Date.now;
  const sleep = opts.sleep ?? defaultSleep;
  const backoff = opts.backoffMs?.length ? opts.backoffMs : DEFAULT_BACKOFF_MS;
  const started = now();
  for (let attempt = 1; ; attempt++) {
    const report = await opts.run();
    const elapsedMs = now() - started;
    const failing = failingCodes(report);
    if (failing.length === 0) return { outcome: 'passed', attempts: attempt, elapsedMs, report, blocking: [] };

    const blocking = failing.filter((c) => !HEALS_BY_WAITING.has(c as FindingCode));
    const remaining = opts.untilMs - elapsedMs;
    const done = blocking.length > 0 || remaining <= 0;
    // Never sleep past the limit: the last attempt lands on it, so "--until 2h" really checks at 2 h.
    const nextInMs = done ? undefined : Math.min(backoff[Math.min(attempt - 1, backoff.length - 1)]!, remaining);
    opts.onProgress?.({ attempt, elapsedMs, failing, nextInMs });
    if (blocking.length > 0) return { outcome: 'not-healable', attempts: attempt, elapsedMs, report, blocking };
    if (nextInMs === undefined) return { outcome: 'timed-out', attempts: attempt, elapsedMs, report, blocking: [] };
    await sleep(nextInMs);
  }
}

/** `--until` values: 90s, 45m, 2h (a positive whole number and one unit). Undefined when malformed. */
export function parseDuration(text: string): number | undefined {
  const m = /^\s*(\d+)\s*(s|m|h)\s*$/i.exec(text);
  if (!m) return undefined;
  const n = Number(m[1]);
  if (!Number.isSafeInteger(n) || n <= 0) return undefined;
  const unit = m[2]!.toLowerCase();
  return n * (unit === 'h' ? 3_600_000 : unit === 'm' ? 60_000 : 1000);
}

/** 95000 → "1m35s", 7200000 → "2h00m": short, for progress lines. */
export function formatElapsed(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}
