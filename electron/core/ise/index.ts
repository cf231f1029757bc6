/**
 * Reading and preparing Cisco ISE through its API (issue 15). Plain Node, no Electron.
 * transport.ts: one HTTPS exchange on a socket whose admin certificate is checked first (pin or CA);
 * session.ts: Basic auth, ERS's CSRF token, JSON; read.ts: one function per ISE call;
 * classify.ts: which API answers and why not; inspect.ts: the whole read and its findings;
 * import.ts: the missing CAs imported, read back and audited (audit.ts).
 * How to add a read: a function in read.ts parsing only the fields it needs, a field in
 * IseInspectionSchema (shared/contract/ise.ts), the emulator's endpoint in electron/practice/ise.
 */
export { inspectIse, runInspection, type IseInspectOptions, type IseInspectDeps } from './inspect';
export { importMissingCas, IMPORT_TRUST_FLAGS, type IseImportOptions } from './import';
export { probeCertificate } from './transport';
export { appendAudit, readAudit, auditFile } from './audit';
export { ISE_NEXT_STEP_EN } from './next-steps-en';
