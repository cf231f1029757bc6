/**
 * The diagnostics engine (DESIGN §3–§5): prove a configuration the way ISE will use it and name
 * the cause when it fails. Plain Node, no Electron. How to add a check: write a module that
 * returns findings as data (never throws, every network phase bounded), declare its id, evidence
 * schema and what it proves in shared/checks.ts, add it to CHECKS_FOR_STEP in runner.ts, and a
 * test that its codes fire on their trigger only. How to add a finding code: add it to
 * shared/findings.ts (FINDING_CATALOG: step, severity), map its signal in the one table
 * (token-classify.ts, smtp-classify.ts or net-faults.ts), give it title/cause/fix texts
 * (`findings.<CODE>` in renderer/i18n/sources, or a part file findings.<part>.json), and a
 * test that it fires on its trigger and not on a healthy run.
 */
export { diagnose, CHECKS_FOR_STEP } from './runner';
export { CHECKS, type CheckId } from '../../../shared/checks';
export { DEFAULT_AUTHORITY_HOST, DEFAULT_SCOPE, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT, DEFAULT_TIMEOUT_SECONDS, tokenEndpointFor, type DiagnoseOptions, type DiagnoseDeps } from './options';
export { redact } from './redact';
export { parseIseVersion, iseSupportsOAuthSmtp } from '../../../shared/ise-version';
