import { FULL_RUN_CHECKS, provingChecks } from '../../shared/checks';
import { checkResult, type CheckResult, type DiagnosticReport } from '../../shared/diagnostic-report';
import type { SetupStep, WizardScreen } from '../../shared/steps';

/** What a step's "Check" asks diagnoseProfile for; the Verify screen runs everything. */
export const SCREEN_CHECK_STEPS: Record<WizardScreen, SetupStep[] | undefined> = {
  mailbox: ['mailbox'],
  'app-registration': ['app-registration'],
  'service-principal': ['service-principal'],
  ise: ['ise'],
  verify: undefined,
};

export type ScreenStatus = 'not-started' | 'in-progress' | 'passed' | 'failed';

function isFullRun(report: DiagnosticReport): boolean {
  return FULL_RUN_CHECKS.every((id) => checkResult(report, id) !== undefined);
}

/**
 * A screen's state from the latest report that covers it: failed when a finding of its step is
 * an error or a proving check failed, passed when every proving check passed (or warned),
 * otherwise not started / in progress (the caller knows whether the screen was visited).
 */
export function screenStatus(screen: WizardScreen, report: DiagnosticReport | null | undefined, visited = false): ScreenStatus {
  const idle: ScreenStatus = visited ? 'in-progress' : 'not-started';
  if (!report) return idle;
  if (screen === 'verify') return isFullRun(report) ? (report.ok ? 'passed' : 'failed') : idle;
  const step: SetupStep = screen;
  const errorHere = report.findings.some((f) => f.step === step && f.severity === 'error');
  if (errorHere) return 'failed';
  // The checks that prove this screen's part, from the one table in shared/checks.ts.
  const proving = provingChecks(screen)
    .map((id) => checkResult(report, id))
    .filter((c): c is CheckResult => c !== undefined);
  if (proving.length === 0) return idle;
  // A proving check that failed on another step's error (e.g. an ObjectId mismatch) proves
  // nothing here either way: the step is not failed, only not proven.
  if (proving.some((c) => c.status === 'fail')) {
    const ownError = proving.some((c) => c.status === 'fail' && (c.findings.length === 0 || c.findings.some((f) => f.step === step && f.severity === 'error')));
    return ownError ? 'failed' : idle;
  }
  if (proving.every((c) => c.status === 'pass' || c.status === 'warn')) return 'passed';
  return idle;
}

/** The newest of the reports that exist (step runs in this session, or the profile's last full run). */
export function newestReport(...reports: (DiagnosticReport | null | undefined)[]): DiagnosticReport | null {
  let best: DiagnosticReport | null = null;
  for (const r of reports) if (r && (!best || r.startedAt > best.startedAt)) best = r;
  return best;
}

/**
 * A screen's state from every report at hand (this session's step runs and the profile's last
 * full run), newest first: the first report that says passed or failed decides.
 */
export function latestStatus(screen: WizardScreen, reports: readonly (DiagnosticReport | null | undefined)[], visited = false): ScreenStatus {
  const sorted = reports.filter((r): r is DiagnosticReport => !!r).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const r of sorted) {
    const status = screenStatus(screen, r, visited);
    if (status === 'passed' || status === 'failed') return status;
  }
  return visited ? 'in-progress' : 'not-started';
}

/** The values a run was made with, to tell a stale result (the values changed since) from a current one. */
export interface RunIdentity {
  tenantId: string;
  clientId: string;
  mailbox: string;
  route: string;
}

/** Whether a report was made with other values than the ones now on screen. */
export function isStale(report: DiagnosticReport, current: RunIdentity | undefined): boolean {
  if (!current) return false;
  const t = report.target;
  const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
  return !(same(t.tenantId, current.tenantId) && same(t.clientId, current.clientId) && same(t.mailbox, current.mailbox) && t.route === current.route);
}

export type StepBadge = ScreenStatus | 'stale' | 'stale-scenario';

/** Why a result is stale: made before the practice scenario changed, or with other values than the ones typed now. */
export type StaleReason = 'scenario' | 'values';

/**
 * Whether a report is stale, and why: `scenarioStale` holds the start times of the reports made
 * before the practice scenario was switched (they are kept and shown, marked, not reset).
 */
export function staleReason(report: DiagnosticReport, current: RunIdentity | undefined, scenarioStale?: ReadonlySet<string>): StaleReason | null {
  if (scenarioStale?.has(report.startedAt)) return 'scenario';
  return isStale(report, current) ? 'values' : null;
}

/**
 * A step's badge from the runs that tested THAT step only: its own step run and the full runs
 * (this session's Verify and the profile's last verification). A run of another step proves
 * nothing here, even when it shares checks; Verify is judged by full runs only. A result made
 * with other values than the ones now typed, or before the practice scenario changed, is shown
 * as stale, not as passed or failed.
 */
export function stepBadge(
  screen: WizardScreen,
  reports: Partial<Record<WizardScreen, DiagnosticReport>>,
  lastVerification: DiagnosticReport | null | undefined,
  visited: boolean,
  current?: RunIdentity,
  scenarioStale?: ReadonlySet<string>,
): StepBadge {
  const candidates = screen === 'verify' ? [reports.verify, lastVerification] : [reports[screen], reports.verify, lastVerification];
  const sorted = candidates.filter((r): r is DiagnosticReport => !!r).sort((a, b) => b.startedAt.localeCompare(a.startedAt));
  for (const r of sorted) {
    const status = screenStatus(screen, r, visited);
    if (status === 'passed' || status === 'failed') {
      const why = staleReason(r, current, scenarioStale);
      return why === 'scenario' ? 'stale-scenario' : why === 'values' ? 'stale' : status;
    }
  }
  return visited ? 'in-progress' : 'not-started';
}
