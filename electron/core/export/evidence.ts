import { X509Certificate, createHash } from 'node:crypto';
import type { DiagnosticReport } from '../../../shared/diagnostic-report';
import type { ExportVerification } from '../../../shared/export-format';

/** The checks whose connections record a certificate chain (the token host and the SMTP host). */
export const CHAIN_CHECK_IDS = ['network.login', 'network.smtp'] as const;

/** One certificate from a check's evidence, re-read from its PEM so nothing is taken on trust. */
export interface CapturedCertificate {
  source: string;
  pem: string;
  subject: string;
  issuer: string;
  sha256: string;
  isCA: boolean;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/;

/**
 * The certificates the verification saw. The engine records `{chain: [{pem, subject, issuer,
 * sha256, isCA}]}` in the evidence of the chain checks; the evidence is untyped, so every field
 * is read defensively and the PEM is parsed again (a bad entry is skipped, not trusted).
 */
export function capturedCertificates(report: DiagnosticReport | null): CapturedCertificate[] {
  if (!report) return [];
  const seen = new Set<string>();
  const out: CapturedCertificate[] = [];
  for (const check of report.checks) {
    if (!(CHAIN_CHECK_IDS as readonly string[]).includes(check.id)) continue;
    const chain = check.evidence['chain'];
    if (!Array.isArray(chain)) continue;
    for (const entry of chain as unknown[]) {
      const cert = readCertificate(check.id, entry);
      if (cert && !seen.has(cert.sha256)) {
        seen.add(cert.sha256);
        out.push(cert);
      }
    }
  }
  return out;
}

function readCertificate(source: string, entry: unknown): CapturedCertificate | undefined {
  if (!entry || typeof entry !== 'object') return undefined;
  const pemField = (entry as Record<string, unknown>)['pem'];
  const pem = typeof pemField === 'string' ? PEM_BLOCK.exec(pemField)?.[0] : undefined;
  if (!pem) return undefined;
  try {
    const x509 = new X509Certificate(pem);
    const sha256 = createHash('sha256').update(x509.raw).digest('hex').toUpperCase().replace(/(..)(?!$)/g, '$1:');
    return {
      source,
      pem: `${pem.replace(/\r\n/g, '\n').trim()}\n`,
      subject: x509.subject.replace(/\n/g, ', '),
      issuer: x509.issuer.replace(/\n/g, ', '),
      sha256,
      isCA: x509.ca,
    };
  } catch {
    return undefined;
  }
}

function stringField(evidence: Record<string, unknown>, keys: string[]): string | undefined {
  for (const key of keys) {
    const value = evidence[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim().slice(0, 512);
  }
  return undefined;
}

function stringList(evidence: Record<string, unknown>, keys: string[]): string[] | undefined {
  for (const key of keys) {
    const value = evidence[key];
    if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return (value as string[]).slice(0, 64);
  }
  return undefined;
}

/** The verification as the export shows it: statuses, claims, SMTP facts, fingerprints; no raw evidence. */
export function verificationSummary(report: DiagnosticReport | null): ExportVerification | null {
  if (!report) return null;
  const smtpEvidence = report.checks.find((c) => c.id === 'network.smtp')?.evidence ?? {};
  const banner = stringField(smtpEvidence, ['banner', 'greeting']);
  const capabilities = stringList(smtpEvidence, ['capabilities', 'extensions', 'ehlo']);
  const c = report.claims;
  return {
    startedAt: report.startedAt,
    ok: report.ok,
    durationMs: report.durationMs,
    practice: report.target.practice,
    checks: report.checks.map((check) => ({ id: check.id, step: check.step, status: check.status })),
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity })),
    claims: c
      ? {
          ...(c.aud !== undefined ? { aud: c.aud } : {}),
          ...(c.roles !== undefined ? { roles: c.roles } : {}),
          ...(c.tid !== undefined ? { tid: c.tid } : {}),
          ...(c.appid !== undefined ? { appid: c.appid } : {}),
          ...(c.oid !== undefined ? { oid: c.oid } : {}),
          ...(c.exp !== undefined ? { exp: c.exp } : {}),
        }
      : null,
    smtp: { ...(banner ? { banner } : {}), ...(capabilities ? { capabilities } : {}) },
    certificates: capturedCertificates(report).map(({ source, subject, issuer, sha256, isCA }) => ({ source, subject, issuer, sha256, isCA })),
  };
}
