import { z } from 'zod';

/**
 * Findings of reading and preparing ISE through its API (issue 15), named in DESIGN §5's style.
 * They live apart from FINDING_CATALOG (shared/findings.ts) because they come from a different
 * producer (the ISE API client, not a diagnosis) and have their own texts: cause, fix and title
 * under `iseApi.findings.<CODE>` in i18n, the CLI's line in electron/core/ise/next-steps-en.ts.
 * ISE_VERSION_UNSUPPORTED is the diagnosis's own code, reused (its texts are `findings.*`).
 */
export const ISE_API_FINDING_CATALOG = {
  /** Neither API answered on its port: wrong host, port, or a firewall. */
  ISE_UNREACHABLE: { severity: 'error' },
  /** One API did not answer while the other did: it is switched off in API Settings. */
  ISE_API_DISABLED: { severity: 'error' },
  /** Both APIs refused the user name and password (401). */
  ISE_AUTH_FAILED: { severity: 'error' },
  /** The account signed in but lacks the ERS Admin / Super Admin role for a call (401 on ERS only, or 403). */
  ISE_ROLE_MISSING: { severity: 'error' },
  /** First contact: the admin certificate is not pinned yet; its fingerprint is to be confirmed. */
  ISE_CERT_UNPINNED: { severity: 'error' },
  /** The admin certificate differs from the one pinned on the profile. */
  ISE_CERT_CHANGED: { severity: 'error' },
  /** The admin certificate does not chain to the CA file given (or not for this host name). */
  ISE_CERT_UNTRUSTED: { severity: 'error' },
  /** ERS's CSRF check is on and this client could not get a token (pre-2.3 client mode). */
  ISE_CSRF_REQUIRED: { severity: 'error' },
  /** ISE answers, but this release lacks a call the wizard uses (e.g. OpenAPI before 3.1). */
  ISE_FEATURE_UNSUPPORTED: { severity: 'warning' },
  /** An API answered in a way the wizard cannot read (5xx, not JSON, a redirect, too large). */
  ISE_API_ERROR: { severity: 'error' },
  /** A node that sends mail probably has no way out to Microsoft (per ISE's proxy settings). */
  ISE_NODE_NO_EGRESS: { severity: 'warning' },
  /** A CA of the token or SMTP host's chain is not in ISE's Trusted Certificates. */
  ISE_CA_MISSING: { severity: 'error' },
  /** The CA is in ISE's store but expired there (ISE will not use it). */
  ISE_CA_EXPIRED: { severity: 'error' },
  /** Guest Email Settings: the default From address is not the mailbox. */
  ISE_GUEST_SENDER_MISMATCH: { severity: 'error' },
  /** Guest Email Settings: sponsored mails are sent from the sponsor's address, which fails SendAs. */
  ISE_GUEST_SENDER_NOT_DEFAULT: { severity: 'warning' },
  /** Guest Email Settings: guest email notifications are switched off. */
  ISE_GUEST_NOTIFICATIONS_OFF: { severity: 'warning' },
  /** Importing a CA failed (other than "already present", which is success). */
  ISE_CA_IMPORT_FAILED: { severity: 'error' },
  /** Imported, but the read-back list does not show it. */
  ISE_CA_NOT_READ_BACK: { severity: 'error' },
} as const satisfies Record<string, { severity: 'error' | 'warning' | 'info' }>;

export type IseApiFindingCode = keyof typeof ISE_API_FINDING_CATALOG;
export const ISE_API_FINDING_CODES = Object.keys(ISE_API_FINDING_CATALOG) as IseApiFindingCode[];

/** Every code an ISE inspection can report: its own, plus the diagnosis's version verdict. */
export const ISE_INSPECTION_CODES = [...ISE_API_FINDING_CODES, 'ISE_VERSION_UNSUPPORTED'] as const;
export type IseInspectionCode = (typeof ISE_INSPECTION_CODES)[number];

export function isIseApiFindingCode(code: string): code is IseApiFindingCode {
  return Object.prototype.hasOwnProperty.call(ISE_API_FINDING_CATALOG, code);
}

/** One ISE finding: like a diagnosis Finding (step is always 'ise'), params never a secret. */
export const IseFindingSchema = z.object({
  code: z.enum(ISE_INSPECTION_CODES as unknown as [IseInspectionCode, ...IseInspectionCode[]]),
  step: z.literal('ise'),
  severity: z.enum(['error', 'warning', 'info']),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** What ISE said (status line and the message of its error body), redacted. */
  raw: z.string().optional(),
});
export type IseFinding = z.infer<typeof IseFindingSchema>;
