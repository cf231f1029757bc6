import type { CheckResult, DiagnosticReport } from '../../shared/diagnostic-report';
import type { SetupStep, WizardScreen } from '../../shared/steps';

/** What a step's "Check" asks diagnoseProfile for; the Verify screen runs everything. */
export const SCREEN_CHECK_STEPS: Record<WizardScreen, SetupStep[] | undefined> = {
  mailbox: ['mailbox'],
  'app-registration': ['app-registration'],
  'service-principal': ['service-principal'],
  ise: ['ise'],
  verify: undefined,
};

/**
 * The checks whose outcome proves a screen's part. A step-only run also runs the checks the
 * step depends on (a mailbox run needs a token): those tell where a failure is, not what this
 * screen proves.
 */
const PROVING_CHECKS: Record<Exclude<WizardScreen, 'verify'>, string[]> = {
  mailbox: ['smtp.auth'],
  'app-registration': ['token', 'claims'],
  'service-principal': ['smtp.auth'],
  ise: ['claims'],
};

export type ScreenStatus = 'not-started' | 'in-progress' | 'passed' | 'failed';

function isFullRun(report: DiagnosticReport): boolean {
  return report.checks.some((c) => c.id === 'smtp.auth') && report.checks.some((c) => c.id === 'network.login');
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
  const proving = PROVING_CHECKS[screen]
    .map((id) => report.checks.find((c) => c.id === id))
    .filter((c): c is CheckResult => c !== undefined);
  if (proving.length === 0) return idle;
  if (proving.some((c) => c.status === 'fail')) return 'failed';
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
