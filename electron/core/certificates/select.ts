import type { ChainEndpoint, CertificateSummary, IseCaCertificate } from '../../../shared/contract/certificates';
import { describeCertificate } from './describe';
import { BUNDLE_FILE_NAME, caFileName } from './file-names';
import type { IssuerFinder } from './local-roots';

/** One endpoint's captured chain (leaf first), as selection needs it. */
export interface CapturedChain {
  endpoint: ChainEndpoint;
  chain: CertificateSummary[];
}

/** What selection concludes for one endpoint. */
export interface ChainRootStatus {
  rootPresent: boolean;
  missingRoot?: { issuer: string; issuerCN?: string };
}

export interface CaSelection {
  caCertificates: IseCaCertificate[];
  byEndpoint: Record<ChainEndpoint, ChainRootStatus>;
}

/**
 * Which certificates ISE's trusted store needs for these chains (the guide's PKIX fix): every
 * CA certificate above the leaf (intermediates and the root), or the leaf itself when it is a
 * lone self-signed server certificate. When the chain stops below its root, the root is looked
 * up locally (`findIssuer`); if it is not there either, the endpoint names the issuer to fetch.
 * CAs shared by both hosts appear once, listing both endpoints, each with a unique file name.
 */
export function selectIseCas(chains: readonly CapturedChain[], findIssuer: IssuerFinder, now: Date = new Date()): CaSelection {
  const bySha = new Map<string, Omit<IseCaCertificate, 'fileName'>>();
  const byEndpoint = {} as Record<ChainEndpoint, ChainRootStatus>;
  const add = (cert: CertificateSummary, endpoint: ChainEndpoint, role: IseCaCertificate['role'], source: IseCaCertificate['source']) => {
    const known = bySha.get(cert.sha256);
    if (known) {
      if (!known.endpoints.includes(endpoint)) known.endpoints.push(endpoint);
      return;
    }
    bySha.set(cert.sha256, { ...cert, role, source, endpoints: [endpoint] });
  };

  for (const { endpoint, chain } of chains) {
    if (chain.length === 0) {
      byEndpoint[endpoint] = { rootPresent: false };
      continue;
    }
    const [leaf] = chain as [CertificateSummary, ...CertificateSummary[]];
    if (chain.length === 1 && leaf.selfSigned) {
      add(leaf, endpoint, 'self-signed-server', 'served');
      byEndpoint[endpoint] = { rootPresent: true };
      continue;
    }
    for (const cert of chain.slice(1)) add(cert, endpoint, cert.selfSigned ? 'root' : 'intermediate', 'served');
    // Climb from the top of the served chain through local CAs (a few levels at most) to a root.
    let top = chain[chain.length - 1]!;
    for (let depth = 0; depth < 4 && !top.selfSigned; depth++) {
      const issuerPem = findIssuer(top.pem);
      if (!issuerPem) break;
      const issuer = describeCertificate(issuerPem, now);
      if (issuer.sha256 === top.sha256) break;
      add(issuer, endpoint, issuer.selfSigned ? 'root' : 'intermediate', 'local-trust-store');
      top = issuer;
    }
    byEndpoint[endpoint] = top.selfSigned
      ? { rootPresent: true }
      : { rootPresent: false, missingRoot: { issuer: top.issuer, ...(top.issuerCN ? { issuerCN: top.issuerCN } : {}) } };
  }

  const taken = new Set([BUNDLE_FILE_NAME.toLowerCase()]);
  const caCertificates = [...bySha.values()].map((c) => ({ ...c, fileName: caFileName(c.subjectCN ?? c.subjectO, c.sha256, taken) }));
  return { caCertificates, byEndpoint };
}

/** The PEM bundle ISE's CAs travel in: every selected certificate, in selection order. */
export function bundlePem(cas: readonly Pick<IseCaCertificate, 'pem'>[]): string {
  return cas.map((c) => c.pem.trim()).join('\n') + (cas.length ? '\n' : '');
}
