/**
 * The diagnostics engine (DESIGN §3–§5): prove a configuration the way ISE will use it and name
 * the cause when it fails. Plain Node, no Electron. How to add a check: write a module that
 * returns findings as data (never throws, every network phase bounded), add its id to CHECKS
 * and CHECKS_FOR_STEP in runner.ts, and a test that its codes fire on their trigger only.
 */
export { diagnose, CHECKS, CHECKS_FOR_STEP, type CheckId } from './runner';
export { DEFAULT_AUTHORITY_HOST, DEFAULT_SCOPE, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT, DEFAULT_TIMEOUT_SECONDS, tokenEndpointFor, type DiagnoseOptions, type DiagnoseDeps } from './options';
export { redact } from './redact';
export { parseIseVersion, iseSupportsOAuthSmtp } from '../../../shared/ise-version';
