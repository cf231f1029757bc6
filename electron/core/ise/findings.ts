import { ISE_API_FINDING_CATALOG, type IseFinding, type IseInspectionCode } from '../../../shared/ise-api/findings';
import { FINDING_CATALOG } from '../../../shared/findings';

export type IseFindingParams = Record<string, string | number | boolean>;

/** A finding with its catalog severity; `raw` must already be scrubbed of the password. */
export function iseFinding(code: IseInspectionCode, params: IseFindingParams = {}, raw?: string): IseFinding {
  const severity = code === 'ISE_VERSION_UNSUPPORTED' ? FINDING_CATALOG.ISE_VERSION_UNSUPPORTED.severity : ISE_API_FINDING_CATALOG[code].severity;
  return { code, step: 'ise', severity, params, ...(raw ? { raw } : {}) };
}

/** Where ISE switches its APIs on (ISE's own English menu path). */
export const API_SETTINGS_PATH = 'Administration > System > Settings > API Settings > API Service Settings';
export const GUEST_EMAIL_SETTINGS_PATH = 'Work Centers > Guest Access > Settings > Guest Email Settings';
export const PROXY_SETTINGS_PATH = 'Administration > System > Settings > Proxy';
