import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The practice ISE's admin certificate: self-signed, as ISE's "Default self-signed server
 * certificate" is out of the box, issued to the primary PAN's FQDN with 127.0.0.1 beside it.
 * Kept in `<dataDir>/practice/ise-admin.{pem,key}` so a pin survives restarts; `fresh()` makes
 * another one (a re-issued certificate: what a pin must catch).
 */
export interface AdminCertificate {
  cert: string;
  key: string;
  sha256: string;
}

const DAY_MS = 86_400_000;

export async function issueAdminCertificate(commonName = 'ise-pan01.practice.example'): Promise<AdminCertificate> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'ise-smtp-oauth practice ISE' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 730 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: commonName },
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  return { cert: pems.cert, key: pems.private, sha256: new X509Certificate(pems.cert).fingerprint256 };
}

function stillGood(pem: string): boolean {
  try {
    return Date.parse(new X509Certificate(pem).validTo) - Date.now() > 30 * DAY_MS;
  } catch {
    return false;
  }
}

export async function loadOrCreateAdminCertificate(dataDir: string): Promise<AdminCertificate> {
  const dir = join(dataDir, 'practice');
  mkdirSync(dir, { recursive: true });
  const certFile = join(dir, 'ise-admin.pem');
  const keyFile = join(dir, 'ise-admin.key');
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8');
    if (stillGood(cert)) return { cert, key: readFileSync(keyFile, 'utf8'), sha256: new X509Certificate(cert).fingerprint256 };
  }
  const issued = await issueAdminCertificate();
  writeFileSync(certFile, issued.cert);
  writeFileSync(keyFile, issued.key, { mode: 0o600 });
  return issued;
}
