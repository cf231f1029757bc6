import { X509Certificate, createHash } from 'node:crypto';
import { CHAIN_CHECK_IDS, CHECKS } from '../../../shared/checks';
import { checkResult, type DiagnosticReport } from '../../../shared/diagnostic-report';
import type { ExportVerification } from '../../../shared/export-format';

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
 * The certificates the verification saw: the chains in the evidence of the chain checks
 * (shared/checks.ts). Each PEM is parsed again, so the export states what the certificate
 * itself says, not what the report claims (a PEM that does not parse is skipped).
 */
export function capturedCertificates(report: DiagnosticReport | null): CapturedCertificate[] {
  if (!report) return [];
  const seen = new Set<string>();
  const out: CapturedCertificate[] = [];
  for (const id of CHAIN_CHECK_IDS) {
    for (const entry of checkResult(report, id)?.evidence.chain ?? []) {
      const cert = readCertificate(id, entry);
      if (cert && !seen.has(cert.sha256)) {
        seen.add(cert.sha256);
        out.push(cert);
      }
    }
  }
  return out;
}

function readCertificate(source: string, entry: { pem: string }): CapturedCertificate | undefined {
  // Typed by the report schema, still checked: a report built in memory skips that parse.
  const pem = typeof entry?.pem === 'string' ? PEM_BLOCK.exec(entry.pem)?.[0] : undefined;
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

/** The verification as the export shows it: statuses, claims, SMTP facts, fingerprints; no raw evidence. */
export function verificationSummary(report: DiagnosticReport | null): ExportVerification | null {
  if (!report) return null;
  const smtp = checkResult(report, 'network.smtp')?.evidence;
  const banner = smtp?.banner?.trim().slice(0, 512);
  // What the server offers after STARTTLS is what ISE authenticates against.
  const capabilities = (smtp?.capabilitiesAfterTls ?? smtp?.capabilitiesBeforeTls)?.slice(0, 64);
  const c = report.claims;
  return {
    startedAt: report.startedAt,
    ok: report.ok,
    durationMs: report.durationMs,
    practice: report.target.practice,
    checks: report.checks.map((check) => ({ id: check.id, step: CHECKS[check.id].step, status: check.status })),
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
