import { X509Certificate } from 'node:crypto';
import { CERT_EXPIRING_DAYS, type CertificateSummary } from '../../../shared/contract/certificates';

const DAY_MS = 86_400_000;

/**
 * One attribute of a distinguished name as Node prints it ("C=US\nO=DigiCert Inc\nCN=…").
 * The last occurrence wins, as OpenSSL shows the most specific CN last.
 */
export function nameAttribute(dn: string, key: string): string | undefined {
  let found: string | undefined;
  for (const line of dn.split('\n')) {
    const eq = line.indexOf('=');
    // Node escapes RFC 4514 specials ("O=Entrust\\, Inc."): unescape for display and file names.
    if (eq > 0 && line.slice(0, eq).trim().toUpperCase() === key.toUpperCase()) found = line.slice(eq + 1).trim().replace(/\\(.)/g, '$1');
  }
  return found || undefined;
}

function isSelfSigned(x509: X509Certificate): boolean {
  try {
    // Signature, not checkIssued: OpenSSL's issuer check wants keyCertSign, which a self-signed
    // server certificate usually lacks.
    return x509.subject === x509.issuer && x509.verify(x509.publicKey);
  } catch {
    return false;
  }
}

/** A PEM body with normalised line endings, one certificate, ending in a newline. */
export function normalisePem(x509: X509Certificate): string {
  return x509.toString().replace(/\r\n/g, '\n').trim() + '\n';
}

/**
 * What an ISE admin needs to recognise a certificate, read from its PEM: names, validity with
 * the expired / expiring-within-30-days flags (judged at `now`), fingerprint, CA and self-signed.
 */
export function describeCertificate(pem: string, now: Date = new Date()): CertificateSummary {
  const x509 = new X509Certificate(pem);
  const notBefore = new Date(Date.parse(x509.validFrom));
  const notAfter = new Date(Date.parse(x509.validTo));
  const t = now.getTime();
  const expired = notAfter.getTime() < t;
  const subjectCN = nameAttribute(x509.subject, 'CN');
  const subjectO = nameAttribute(x509.subject, 'O');
  const issuerCN = nameAttribute(x509.issuer, 'CN');
  return {
    sha256: x509.fingerprint256,
    subject: x509.subject.replace(/\n/g, ', '),
    ...(subjectCN ? { subjectCN } : {}),
    ...(subjectO ? { subjectO } : {}),
    issuer: x509.issuer.replace(/\n/g, ', '),
    ...(issuerCN ? { issuerCN } : {}),
    notBefore: notBefore.toISOString(),
    notAfter: notAfter.toISOString(),
    expired,
    expiringSoon: !expired && notAfter.getTime() - t <= CERT_EXPIRING_DAYS * DAY_MS,
    notYetValid: notBefore.getTime() > t,
    isCA: x509.ca,
    selfSigned: isSelfSigned(x509),
    pem: normalisePem(x509),
  };
}
