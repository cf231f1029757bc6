import { createHash, randomUUID, X509Certificate } from 'node:crypto';

/**
 * The practice ISE's Trusted Certificates. Entries carry the fields of Cisco's
 * TrustCertificateResponse (cisco-ise-open-api-certificates.yaml); most are strings there.
 * ISE's factory CAs are listed by name only (their fingerprints here are stand-ins, not the
 * real ones: nothing compares them). Imports are real: the PEM is parsed and fingerprinted.
 *
 * UNCONFIRMED (no sample found): the exact text form of `sha256Fingerprint`, `expirationDate`
 * and `validFrom`. We send the fingerprint as colon-separated upper-case hex and the dates as
 * Java's Date#toString (ISE is a Java application); the client normalises both.
 */
export interface TrustEntry {
  id: string;
  friendlyName: string;
  subject: string;
  issuedTo: string;
  issuedBy: string;
  sha256Fingerprint: string;
  validFrom: string;
  expirationDate: string;
  trustedFor: string;
  status: 'Enabled' | 'Disabled';
  description: string;
  serialNumberDecimalFormat: string;
  keySize: string;
  signatureAlgorithm: string;
  internalCA: boolean;
  pem?: string;
}

export interface TrustFlags {
  trustForIseAuth?: boolean;
  trustForClientAuth?: boolean;
  trustForCertificateBasedAdminAuth?: boolean;
  trustForCiscoServicesAuth?: boolean;
}

/** "Tue Jan 15 12:00:00 UTC 2036": java.util.Date#toString in UTC. */
export function javaDate(d: Date): string {
  // toUTCString: "Tue, 15 Jan 2036 12:00:00 GMT"
  const [wd, day, mon, year, time] = d.toUTCString().replace(',', '').split(' ');
  return `${wd} ${mon} ${day} ${time} UTC ${year}`;
}

function standInFingerprint(name: string): string {
  return createHash('sha256').update(`practice:${name}`).digest('hex').toUpperCase().match(/../g)!.join(':');
}

/** What ISE 3.x ships in its trusted store (names as ISE lists them). */
const FACTORY: Array<{ name: string; cn: string; o: string; until: string; trustedFor: string }> = [
  { name: 'Cisco ECC Root CA 2099', cn: 'Cisco ECC Root CA 2099', o: 'Cisco', until: '2099-08-09', trustedFor: 'Cisco Services' },
  { name: 'Cisco Licensing Root CA', cn: 'Cisco Licensing Root CA', o: 'Cisco', until: '2033-05-30', trustedFor: 'Cisco Services' },
  { name: 'Cisco Manufacturing CA SHA2', cn: 'Cisco Manufacturing CA SHA2', o: 'Cisco', until: '2037-11-12', trustedFor: 'Endpoints,Infrastructure' },
  { name: 'Cisco Root CA 2048', cn: 'Cisco Root CA 2048', o: 'Cisco Systems', until: '2029-05-14', trustedFor: 'Endpoints,Infrastructure' },
  { name: 'Cisco Root CA 2099', cn: 'Cisco Root CA 2099', o: 'Cisco', until: '2099-08-12', trustedFor: 'Cisco Services' },
  { name: 'Cisco Root CA M2', cn: 'Cisco Root CA M2', o: 'Cisco', until: '2037-11-12', trustedFor: 'Endpoints,Infrastructure' },
];

export function trustedForText(flags: TrustFlags): string {
  const parts: string[] = [];
  if (flags.trustForIseAuth) parts.push('Infrastructure');
  if (flags.trustForClientAuth) parts.push('Endpoints');
  if (flags.trustForCiscoServicesAuth) parts.push('Cisco Services');
  if (flags.trustForCertificateBasedAdminAuth) parts.push('AdminAuth');
  return parts.join(',') || 'Unknown';
}

function cnOf(dn: string): string {
  return /(?:^|\n)CN=([^\n]*)/.exec(dn)?.[1] ?? dn.split('\n')[0] ?? dn;
}

/** An entry from a real PEM, as an import (or ISE's own server certificate) creates it. */
export function entryFromPem(pem: string, friendlyName: string | undefined, flags: TrustFlags, description = ''): TrustEntry {
  const x = new X509Certificate(pem);
  const serial = BigInt(`0x${x.serialNumber}`).toString(10);
  return {
    id: randomUUID(),
    // ISE's default name for an unnamed import: common-name#issuer#nnnnn (the SDK docstring).
    friendlyName: friendlyName?.trim() || `${cnOf(x.subject)}#${cnOf(x.issuer)}#${String(Math.floor(Math.random() * 100000)).padStart(5, '0')}`,
    subject: x.subject.split('\n').reverse().join(','),
    issuedTo: cnOf(x.subject),
    issuedBy: cnOf(x.issuer),
    sha256Fingerprint: x.fingerprint256,
    validFrom: javaDate(new Date(Date.parse(x.validFrom))),
    expirationDate: javaDate(new Date(Date.parse(x.validTo))),
    trustedFor: trustedForText(flags),
    status: 'Enabled',
    description,
    serialNumberDecimalFormat: serial,
    keySize: String((x.publicKey.asymmetricKeyDetails?.modulusLength ?? 256)),
    signatureAlgorithm: 'SHA256withRSA',
    internalCA: false,
    pem: x.toString(),
  };
}

export function factoryEntries(): TrustEntry[] {
  return FACTORY.map((f) => ({
    id: randomUUID(),
    friendlyName: f.name,
    subject: `CN=${f.cn},O=${f.o}`,
    issuedTo: f.cn,
    issuedBy: f.cn,
    sha256Fingerprint: standInFingerprint(f.name),
    validFrom: javaDate(new Date('2013-05-30T19:48:47Z')),
    expirationDate: javaDate(new Date(`${f.until}T19:48:47Z`)),
    trustedFor: f.trustedFor,
    status: 'Enabled',
    description: 'Cisco trusted certificate',
    serialNumberDecimalFormat: String(BigInt(`0x${standInFingerprint(f.name).replace(/:/g, '').slice(0, 16)}`)),
    keySize: '2048',
    signatureAlgorithm: 'SHA256withRSA',
    internalCA: false,
  }));
}

/** The list item as OpenAPI returns it (no PEM: that is the export call's job). */
export function listItem(entry: TrustEntry, baseUrl: string): Record<string, unknown> {
  const { pem: _pem, ...fields } = entry;
  return {
    ...fields,
    authenticateBeforeCRLReceived: 'false',
    automaticCRLUpdate: 'false',
    downloadCRL: 'false',
    enableOCSPValidation: 'false',
    enableServerIdentityCheck: 'false',
    ignoreCRLExpiration: 'false',
    link: { rel: 'self', href: `${baseUrl}/api/v1/certs/trusted-certificate/${entry.id}`, type: 'application/json' },
  };
}
