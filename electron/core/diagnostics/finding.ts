import { FINDING_CATALOG, type FindingCode, type Severity } from '../../../shared/findings';
import type { Finding } from '../../../shared/diagnostic-report';

/** Values a finding's i18n texts may use: never a secret. */
export type FindingParams = Record<string, string | number | boolean>;

/**
 * Builds a finding with the step and severity the catalog gives its code (DESIGN §5), so a
 * producer names only what it observed. `raw` must already be redacted.
 */
export function makeFinding(code: FindingCode, params: FindingParams = {}, raw?: string, severity?: Severity): Finding {
  const entry = FINDING_CATALOG[code];
  return {
    code,
    step: entry.step,
    severity: severity ?? entry.severity,
    params,
    ...(raw !== undefined && raw !== '' ? { raw } : {}),
  };
}

/** True when any finding would make ISE fail (ok = no error finding). */
export function hasError(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
