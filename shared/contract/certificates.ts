import { z } from 'zod';
import { FindingSchema } from '../diagnostic-report';
import { defineCalls } from './define';
import { ProfileIdSchema } from './profiles';

/**
 * Certificate chains for ISE's trusted store (the guide's "PKIX path building failed … unable
 * to find valid certification path"): what the token host and the SMTP host serve, and which CA
 * certificates ISE must import, under which trust option.
 */

/** Where ISE imports a CA certificate (ISE's own English menu path). */
export const ISE_TRUSTED_IMPORT_PATH = 'Administration > System > Certificates > Trusted Certificates > Import';

/** Where ISE's Test Connection is run again after the import. */
export const ISE_SMTP_SETTINGS_PATH = 'Administration > System > Settings > SMTP Server';

/**
 * The trust option to check, as the guide's screenshot of ISE shows it (its text calls the role
 * "Trust for authentication within ISE and Client-Server communication (Infrastructure)").
 * Older ISE releases label the same checkbox "Trust for authentication within ISE".
 */
export const ISE_TRUST_OPTION = 'Trust for authentication within ISE and Client-Server communication';
export const ISE_TRUST_OPTION_LEGACY = 'Trust for authentication within ISE';

/**
 * Not needed, and better left off: it makes ISE accept endpoint (EAP-TLS) and syslog client
 * certificates issued by these public CAs. ISE is the TLS client towards Microsoft.
 */
export const ISE_TRUST_OPTION_NOT_NEEDED = 'Trust for client authentication and Syslog';

/** Days before notAfter from which a certificate is flagged as expiring (as for the client secret). */
export const CERT_EXPIRING_DAYS = 30;

export const ChainEndpointSchema = z.enum(['token', 'smtp']);
export type ChainEndpoint = z.infer<typeof ChainEndpointSchema>;

/** One certificate as an ISE admin compares it with ISE's Trusted Certificates list. */
export const CertificateSummarySchema = z.object({
  /** SHA-256 fingerprint, colon-separated upper-case hex (as ISE and browsers show it). */
  sha256: z.string(),
  subject: z.string(),
  subjectCN: z.string().optional(),
  subjectO: z.string().optional(),
  issuer: z.string(),
  issuerCN: z.string().optional(),
  /** ISO 8601. */
  notBefore: z.string(),
  notAfter: z.string(),
  expired: z.boolean(),
  /** Valid now but notAfter is within CERT_EXPIRING_DAYS. */
  expiringSoon: z.boolean(),
  notYetValid: z.boolean(),
  /** basicConstraints CA:TRUE. */
  isCA: z.boolean(),
  /** Issued by itself (a root, or a self-signed server certificate). */
  selfSigned: z.boolean(),
  pem: z.string(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

/** One endpoint's TLS chain, captured even when this laptop does not trust it. */
export const EndpointChainSchema = z.object({
  endpoint: ChainEndpointSchema,
  host: z.string(),
  port: z.number().int(),
  /** host:port of the proxy it went through (never its credentials). */
  proxy: z.string().optional(),
  /** True when the TLS handshake happened and the chain was captured. */
  captured: z.boolean(),
  /** True when this laptop (system roots + the extra CA) trusts the chain for this host name. */
  trusted: z.boolean(),
  /** Leaf first; beyond the served certificates Node may add the root from the local store. */
  chain: z.array(CertificateSummarySchema),
  /** The chain ends in a self-signed root (served, or completed from the local store). */
  rootPresent: z.boolean(),
  /** The issuer of the last certificate, when its root is neither served nor found locally. */
  missingRoot: z.object({ issuer: z.string(), issuerCN: z.string().optional() }).optional(),
  /** Classified faults (network, TLS, SMTP), as the diagnostics engine reports them. */
  findings: z.array(FindingSchema),
});
export type EndpointChain = z.infer<typeof EndpointChainSchema>;

/** A CA certificate ISE must trust, with the file name it is exported under. */
export const IseCaCertificateSchema = CertificateSummarySchema.extend({
  role: z.enum(['root', 'intermediate', 'self-signed-server']),
  /** 'served' by the endpoint, or found in this laptop's trust store (the extra CA or Node's roots). */
  source: z.enum(['served', 'local-trust-store']),
  endpoints: z.array(ChainEndpointSchema),
  fileName: z.string(),
});
export type IseCaCertificate = z.infer<typeof IseCaCertificateSchema>;

export const CertificateAnalysisSchema = z.object({
  /** True when both chains were captured (an untrusted chain still counts: it is what ISE needs). */
  ok: z.boolean(),
  capturedAt: z.string(),
  durationMs: z.number().nonnegative(),
  practice: z.boolean(),
  endpoints: z.array(EndpointChainSchema),
  /** Deduplicated over both hosts; one PEM file each, plus the bundle. */
  caCertificates: z.array(IseCaCertificateSchema),
  bundleFileName: z.string(),
  importPath: z.string(),
  trustOption: z.string(),
  trustOptionLegacy: z.string(),
  trustOptionNotNeeded: z.string(),
  /** Set when the extra CA file could not be read (its error code). */
  caFileError: z.string().optional(),
});
export type CertificateAnalysis = z.infer<typeof CertificateAnalysisSchema>;

const Sha256Schema = z
  .string()
  .trim()
  .regex(/^([0-9A-Fa-f]{2}:){31}[0-9A-Fa-f]{2}$/, 'must be "bundle" or a SHA-256 fingerprint (32 hex bytes separated by colons)');

export const CertificateFileSchema = z.object({ fileName: z.string(), mimeType: z.string(), content: z.string() });
export type CertificateFile = z.infer<typeof CertificateFileSchema>;

export const certificateCalls = defineCalls({
  /** Captures both chains with the profile's SMTP host/port and proxy (a practice profile: the practice tenant). */
  captureCertificates: {
    input: z.object({ profileId: ProfileIdSchema }).strict(),
    output: CertificateAnalysisSchema,
  },
  /** One CA certificate (by SHA-256) or the bundle as PEM, from the profile's last capture. */
  exportCertificates: {
    input: z.object({ profileId: ProfileIdSchema, which: z.union([z.literal('bundle'), Sha256Schema]) }).strict(),
    output: CertificateFileSchema,
  },
});
