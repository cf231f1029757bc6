import { X509Certificate } from 'node:crypto';
import { rootCertificates } from 'node:tls';

/** Finds the issuer of a certificate among locally known CAs; returns its PEM or undefined. */
export type IssuerFinder = (childPem: string) => string | undefined;

/** Splits a PEM text with any number of certificates (a CA file) into single-certificate PEMs. */
export function splitPem(text: string): string[] {
  return text.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
}

function parse(pem: string): X509Certificate | undefined {
  try {
    return new X509Certificate(pem);
  } catch {
    return undefined;
  }
}

/**
 * An issuer finder over this laptop's own trust material, never the network: the extra CA
 * (a TLS-inspecting proxy's CA, the practice CA) first, then Node's bundled root store.
 * Servers usually omit their root (Microsoft sends leaf + intermediate), and ISE needs it.
 * An issuer counts only when it really signed the certificate, not merely by name.
 */
export function localIssuerFinder(extraCaPem?: string, roots: readonly string[] = rootCertificates): IssuerFinder {
  let candidates: X509Certificate[] | undefined;
  const all = () =>
    (candidates ??= [...(extraCaPem ? splitPem(extraCaPem) : []), ...roots].map(parse).filter((c): c is X509Certificate => c !== undefined));
  return (childPem) => {
    const child = parse(childPem);
    if (!child) return undefined;
    for (const ca of all()) {
      try {
        if (ca.subject === child.issuer && child.checkIssued(ca) && child.verify(ca.publicKey)) return ca.toString();
      } catch {
        // An unusable key type in the store: not this issuer.
      }
    }
    return undefined;
  };
}
