import type { DiagnosticReport, Finding } from '../../shared/diagnostic-report';
import { WIZARD_SCREENS, type WizardScreen } from '../../shared/steps';
import { screenStatus } from './screens';

/** What a step's Check panel says: proven, failed, or not proven (the run stopped on another step's finding). */
export type PanelVerdict = 'passed' | 'failed' | 'not-proven';

/** A finding that belongs to another wizard step than `screen` (network and step-less findings belong to every step). */
function belongsElsewhere(screen: WizardScreen, f: Finding): boolean {
  return f.step !== null && f.step !== screen && (WIZARD_SCREENS as readonly string[]).includes(f.step);
}

/**
 * The panel's verdict from the checks that prove THIS step (shared/checks.ts via screenStatus),
 * not from the whole run: another step's error (e.g. ISE 3.3 P6 on the Mailbox check) leaves a
 * proven step proven. An error of this step, or of the network path every step needs, fails it.
 * Verify is the full run: its verdict is the run's.
 */
export function panelVerdict(screen: WizardScreen, report: DiagnosticReport): PanelVerdict {
  if (screen === 'verify') return report.ok ? 'passed' : 'failed';
  if (report.findings.some((f) => f.severity === 'error' && !belongsElsewhere(screen, f))) return 'failed';
  const status = screenStatus(screen, report);
  return status === 'passed' ? 'passed' : status === 'failed' ? 'failed' : 'not-proven';
}

/** The findings a step's panel shows in full (`here`) and the ones it links to their own step (`elsewhere`). */
export function splitFindings(screen: WizardScreen, findings: readonly Finding[]): { here: Finding[]; elsewhere: Finding[] } {
  if (screen === 'verify') return { here: [...findings], elsewhere: [] };
  return { here: findings.filter((f) => !belongsElsewhere(screen, f)), elsewhere: findings.filter((f) => belongsElsewhere(screen, f)) };
}
