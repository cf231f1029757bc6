import type { DiagnosticReport } from '../../../shared/diagnostic-report';
import type { FindingCode } from '../../../shared/findings';
import type { FleetResult, FleetRow } from '../../../shared/contract/fleet';
import type { Profile } from '../../../shared/contract/profiles';
import { daysLeft } from '../profiles/expiry';

/** What checking one profile gave: a report, or why it could not be checked. */
export type ProfileOutcome = { report: DiagnosticReport } | { notChecked: NonNullable<FleetRow['notCheckedReason']> };

export interface FleetCheckOptions {
  profiles: readonly Profile[];
  /** How many diagnoses run at once (each holds two sockets and a TLS session). */
  concurrency: number;
  /** Diagnoses one profile (fresh token, SMTP AUTH); must not throw for a failing tenant. */
  check: (profile: Profile) => Promise<ProfileOutcome>;
  /** After each profile: how many are done. */
  onProgress?: (done: number, total: number, row: FleetRow) => void;
  /** Today for days-to-expiry, YYYY-MM-DD (default: this machine's calendar). */
  today?: string;
  now?: () => Date;
}

export const DEFAULT_CONCURRENCY = 8;

function resultOf(report: DiagnosticReport): FleetResult {
  if (!report.ok || report.findings.some((f) => f.severity === 'error')) return 'failed';
  return report.findings.some((f) => f.severity === 'warning') ? 'warning' : 'healthy';
}

/** The finding to work on first: the first error, else the first warning, in the report's order. */
function topFinding(report: DiagnosticReport): FindingCode | null {
  return (report.findings.find((f) => f.severity === 'error') ?? report.findings.find((f) => f.severity === 'warning'))?.code ?? null;
}

/** One profile's row from its outcome. */
export function fleetRow(profile: Profile, outcome: ProfileOutcome, durationMs: number, checkedAt: string, today?: string): FleetRow {
  const base = {
    profileId: profile.id,
    name: profile.name,
    customer: profile.customer,
    daysToExpiry: profile.secretExpiry ? daysLeft(profile.secretExpiry, today) : null,
    checkedAt,
    durationMs: Math.max(0, Math.round(durationMs)),
  };
  if ('notChecked' in outcome) return { ...base, result: 'not-checked', notCheckedReason: outcome.notChecked, topFinding: null, findings: [] };
  const r = outcome.report;
  return { ...base, result: resultOf(r), topFinding: topFinding(r), findings: r.findings.map((f) => f.code) };
}

/**
 * Checks every profile, at most `concurrency` at a time, and returns one row per profile in the
 * profiles' order. A check that throws becomes a not-checked row: one broken profile never stops
 * the others.
 */
export async function checkFleet(options: FleetCheckOptions): Promise<FleetRow[]> {
  const { profiles, check } = options;
  const now = options.now ?? (() => new Date());
  const concurrency = Math.max(1, Math.min(options.concurrency, profiles.length || 1));
  const rows: FleetRow[] = new Array(profiles.length);
  let next = 0;
  let done = 0;
  async function lane(): Promise<void> {
    for (let i = next++; i < profiles.length; i = next++) {
      const profile = profiles[i]!;
      const started = performance.now();
      const checkedAt = now().toISOString();
      let outcome: ProfileOutcome;
      try {
        outcome = await check(profile);
      } catch {
        outcome = { notChecked: 'error' };
      }
      const row = fleetRow(profile, outcome, performance.now() - started, checkedAt, options.today);
      rows[i] = row;
      options.onProgress?.(++done, profiles.length, row);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return rows;
}

/** How many rows have each result. */
export function countResults(rows: readonly FleetRow[]): Record<FleetResult, number> {
  const counts: Record<FleetResult, number> = { healthy: 0, warning: 0, failed: 0, 'not-checked': 0 };
  for (const r of rows) counts[r.result]++;
  return counts;
}
