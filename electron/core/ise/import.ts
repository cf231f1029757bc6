import type { IseCaCertificate } from '../../../shared/contract/certificates';
import type { AuditEntry, IseImportReport } from '../../../shared/contract/ise';
import { normaliseFingerprint } from '../../../shared/ise-api/connection';
import type { IseFinding } from '../../../shared/ise-api/findings';
import { appendAudit } from './audit';
import { iseFinding } from './findings';
import { runInspection, type IseInspectDeps, type IseInspectOptions } from './inspect';
import { readTrustedCertificates } from './read';
import type { IseSession } from './session';

/**
 * The trust flags each CA is imported with: the guide's "Trust for authentication within ISE"
 * (ISE's API: trustForIseAuth, the Infrastructure role), and nothing ISE would then accept
 * endpoint or admin certificates from. Which flag ISE's SMTP/OAuth client checks is UNCONFIRMED
 * (automation-apis.md §D.3); this is the guide's.
 */
export const IMPORT_TRUST_FLAGS = {
  trustForIseAuth: true,
  trustForClientAuth: false,
  trustForCertificateBasedAdminAuth: false,
  trustForCiscoServicesAuth: false,
} as const;

const DUPLICATE = /binary equal|already exist/i;

export interface IseImportOptions extends IseInspectOptions {
  /** Only these fingerprints (default: every missing or expired CA). */
  only?: string[];
  whatIf?: boolean;
  /** Where the audit trail is written (the data folder); absent: not written (tests of the planner). */
  auditDataDir?: string;
  profileId?: string;
}

function importBody(ca: IseCaCertificate): Record<string, unknown> {
  return {
    name: (ca.subjectCN ?? ca.subjectO ?? 'CA').slice(0, 100),
    // No comma: ISE's input filter answers "Security Check Failed" to one (3p, §D.3).
    description: 'Imported by ise-smtp-oauth for MS Exchange Online OAuth',
    data: ca.pem.trim(),
    allowBasicConstraintCAFalse: false,
    allowOutOfDateCert: false,
    allowSHA1Certificates: false,
    validateCertificateExtensions: false,
    ...IMPORT_TRUST_FLAGS,
  };
}

/** One CA into ISE's trusted store; a duplicate is 'already-present'. */
export async function importTrustedCa(session: IseSession, ca: IseCaCertificate): Promise<{ outcome: 'imported' | 'already-present' | 'failed'; iseId?: string; message?: string; finding?: IseFinding }> {
  const reply = await session.openapi('POST', 'certs/trusted-certificate/import', importBody(ca));
  if (reply.kind === 'ok') {
    const r = (reply.json as { response?: { id?: unknown; message?: unknown } }).response;
    const message = typeof r?.message === 'string' ? r.message : '';
    if (DUPLICATE.test(message)) return { outcome: 'already-present', message };
    return { outcome: 'imported', ...(typeof r?.id === 'string' ? { iseId: r.id } : {}), ...(message ? { message } : {}) };
  }
  // 409 "Certificate Already Exists" / "… binary equal. Hence skipping the replace": it is there, which is the goal.
  if (reply.kind === 'http' && (reply.status === 409 || DUPLICATE.test(reply.message))) return { outcome: 'already-present', message: reply.message };
  const status = 'status' in reply ? reply.status : reply.kind === 'network' ? reply.code : reply.kind;
  const message = reply.kind === 'http' ? reply.message : reply.kind;
  const code = reply.kind === 'http' && (reply.status === 401 || reply.status === 403) ? 'ISE_ROLE_MISSING' : 'ISE_CA_IMPORT_FAILED';
  const params: Record<string, string | number> = code === 'ISE_ROLE_MISSING' ? { user: session.username, api: 'OpenAPI', path: 'certs/trusted-certificate/import', status: Number(status) || 0 } : { subject: ca.subjectCN ?? ca.subject, sha256: ca.sha256, status: String(status) };
  return { outcome: 'failed', message, finding: iseFinding(code, params, `HTTP ${String(status)} ${message}`) };
}

/**
 * Inspects, then imports each missing (or expired) CA with IMPORT_TRUST_FLAGS, reads the store
 * back, and records every step in the audit trail. A duplicate is success. With whatIf nothing
 * is sent to ISE: the plan is returned (and audited as planned).
 */
export async function importMissingCas(options: IseImportOptions, deps: IseInspectDeps = {}): Promise<IseImportReport> {
  const run = await runInspection(options, deps);
  const { inspection, session } = run;
  const wanted = new Set((options.only ?? []).map(normaliseFingerprint));
  const targets = inspection.trustedStore.required
    .filter((r) => r.state !== 'present' && (wanted.size === 0 || wanted.has(normaliseFingerprint(r.sha256))))
    .map((r) => run.needed.find((c) => c.sha256 === r.sha256))
    .filter((c): c is IseCaCertificate => c !== undefined);
  const findings: IseFinding[] = [];
  const audit: AuditEntry[] = [];
  const results: IseImportReport['results'] = [];
  const at = () => new Date().toISOString();
  const canWrite = session !== null && inspection.apis.openapi.state === 'answered' && inspection.trustedStore.read;

  if (!canWrite || options.whatIf) {
    for (const ca of canWrite ? targets : []) {
      audit.push({ at: at(), action: 'ise.trusted-certificate.import', iseHost: inspection.host, ...(options.profileId ? { profileId: options.profileId } : {}), sha256: ca.sha256, subject: ca.subject, outcome: 'planned' });
    }
    if (options.auditDataDir && options.whatIf) await appendAudit(options.auditDataDir, audit);
    return { ok: canWrite, whatIf: options.whatIf ?? false, results, trustFlags: { ...IMPORT_TRUST_FLAGS }, audit, findings, inspection };
  }

  for (const ca of targets) {
    const r = await importTrustedCa(session, ca);
    if (r.finding) findings.push(r.finding);
    results.push({ sha256: ca.sha256, subject: ca.subject, outcome: r.outcome, ...(r.iseId ? { iseId: r.iseId } : {}), ...(r.message ? { message: r.message } : {}), readBack: false });
    audit.push({ at: at(), action: 'ise.trusted-certificate.import', iseHost: inspection.host, ...(options.profileId ? { profileId: options.profileId } : {}), sha256: ca.sha256, subject: ca.subject, outcome: r.outcome, ...(r.iseId ? { iseId: r.iseId } : {}) });
  }
  if (options.auditDataDir) await appendAudit(options.auditDataDir, audit);

  // Read back: what ISE lists now is the proof, not the import's 200.
  if (results.length > 0) {
    const after = await readTrustedCertificates(session);
    const listed = new Set(after.ok ? after.value.map((e) => normaliseFingerprint(e.sha256Fingerprint)) : []);
    for (const r of results) {
      r.readBack = listed.has(normaliseFingerprint(r.sha256));
      if (r.outcome !== 'failed' && !r.readBack) findings.push(iseFinding('ISE_CA_NOT_READ_BACK', { subject: r.subject, sha256: r.sha256 }));
    }
    // The inspection's view of the store, updated to what was read back.
    for (const req of inspection.trustedStore.required) {
      if (listed.has(normaliseFingerprint(req.sha256)) && req.state === 'missing') req.state = 'present';
    }
    inspection.findings = inspection.findings.filter((f) => !(f.code === 'ISE_CA_MISSING' && listed.has(normaliseFingerprint(String(f.params['sha256'] ?? '')))));
    inspection.ok = !inspection.findings.some((f) => f.severity === 'error');
  }
  const ok = findings.every((f) => f.severity !== 'error') && results.every((r) => r.outcome !== 'failed' && r.readBack);
  return { ok, whatIf: false, results, trustFlags: { ...IMPORT_TRUST_FLAGS }, audit, findings, inspection };
}
