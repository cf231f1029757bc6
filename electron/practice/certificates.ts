import { X509Certificate, createPrivateKey, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from 'selfsigned';

/**
 * The practice tenant's PKI, kept in `<dataDir>/practice/` and reused across starts: the
 * practice CA (the one file a client must trust), the leaf both emulators serve for 127.0.0.1
 * and localhost, a second "foreign" CA with its own leaf for the 'untrusted-certificate'
 * scenario, and the key that signs access tokens.
 */
export interface PracticePki {
  caPem: string;
  caFile: string;
  /** The leaf issued by the practice CA (certificate chain: leaf then CA). */
  server: { cert: string; key: string };
  /** A leaf issued by a CA nobody trusts, as a TLS-inspecting middlebox would present. */
  untrustedServer: { cert: string; key: string };
  tokenSigningKey: KeyObject;
}

const DAY_MS = 86_400_000;
// Private keys are written owner-only: the practice CA key could otherwise mint certificates
// that this machine's tests (and a trainee who trusted the CA) would accept.
const KEY_MODE = 0o600;

const LEAF_EXTENSIONS = [
  { name: 'basicConstraints' as const, cA: false, critical: true },
  { name: 'keyUsage' as const, digitalSignature: true, keyEncipherment: true, critical: true },
  { name: 'extKeyUsage' as const, serverAuth: true },
  {
    name: 'subjectAltName' as const,
    altNames: [
      { type: 7 as const, ip: '127.0.0.1' },
      { type: 2 as const, value: 'localhost' },
    ],
  },
];

async function createCa(commonName: string): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: commonName }, { name: 'organizationName', value: 'ise-smtp-oauth practice' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 3650 * DAY_MS),
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, digitalSignature: true, critical: true },
    ],
  });
  return { cert: pems.cert, key: pems.private };
}

async function issueLeaf(ca: { cert: string; key: string }): Promise<{ cert: string; key: string }> {
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate: new Date(now - DAY_MS),
    notAfterDate: new Date(now + 365 * DAY_MS),
    extensions: LEAF_EXTENSIONS,
    ca,
  });
  // Serve the chain (leaf + issuer), as real servers do.
  return { cert: pems.cert.trim() + '\n' + ca.cert.trim() + '\n', key: pems.private };
}

/** True when the first certificate in `chainPem` is issued by `caPem` and valid for another week. */
function leafStillGood(chainPem: string, caPem: string): boolean {
  try {
    const leaf = new X509Certificate(chainPem);
    const ca = new X509Certificate(caPem);
    return leaf.checkIssued(ca) && leaf.verify(ca.publicKey) && Date.parse(leaf.validTo) - Date.now() > 7 * DAY_MS;
  } catch {
    return false;
  }
}

function caStillGood(caPem: string): boolean {
  try {
    return Date.parse(new X509Certificate(caPem).validTo) - Date.now() > 30 * DAY_MS;
  } catch {
    return false;
  }
}

function readPair(dir: string, base: string): { cert: string; key: string } | null {
  const certFile = join(dir, `${base}.pem`);
  const keyFile = join(dir, `${base}.key`);
  if (!existsSync(certFile) || !existsSync(keyFile)) return null;
  return { cert: readFileSync(certFile, 'utf8'), key: readFileSync(keyFile, 'utf8') };
}

function writePair(dir: string, base: string, pair: { cert: string; key: string }): void {
  writeFileSync(join(dir, `${base}.pem`), pair.cert);
  writeFileSync(join(dir, `${base}.key`), pair.key, { mode: KEY_MODE });
}

/** Loads the practice PKI from `<dataDir>/practice/`, creating (or renewing) what is missing. */
export async function loadOrCreatePki(dataDir: string): Promise<PracticePki> {
  const dir = join(dataDir, 'practice');
  mkdirSync(dir, { recursive: true });

  let ca = readPair(dir, 'ca');
  let caRenewed = false;
  if (!ca || !caStillGood(ca.cert)) {
    ca = await createCa('ise-smtp-oauth Practice Root CA');
    writePair(dir, 'ca', ca);
    caRenewed = true;
  }

  let server = readPair(dir, 'server');
  if (caRenewed || !server || !leafStillGood(server.cert, ca.cert)) {
    server = await issueLeaf(ca);
    writePair(dir, 'server', server);
  }

  let foreignCa = readPair(dir, 'untrusted-ca');
  if (!foreignCa || !caStillGood(foreignCa.cert)) {
    foreignCa = await createCa('Untrusted Inspection CA');
    writePair(dir, 'untrusted-ca', foreignCa);
  }
  let untrustedServer = readPair(dir, 'untrusted-server');
  if (!untrustedServer || !leafStillGood(untrustedServer.cert, foreignCa.cert)) {
    untrustedServer = await issueLeaf(foreignCa);
    writePair(dir, 'untrusted-server', untrustedServer);
  }

  const signingFile = join(dir, 'token-signing.key');
  let tokenSigningKey: KeyObject;
  if (existsSync(signingFile)) {
    tokenSigningKey = createPrivateKey(readFileSync(signingFile, 'utf8'));
  } else {
    tokenSigningKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    writeFileSync(signingFile, tokenSigningKey.export({ type: 'pkcs8', format: 'pem' }), { mode: KEY_MODE });
  }

  return { caPem: ca.cert, caFile: join(dir, 'ca.pem'), server, untrustedServer, tokenSigningKey };
}
