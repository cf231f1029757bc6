import type { SetupStep } from './steps';

/**
 * The stable finding codes (DESIGN §5). Tests outside the project rely on these names.
 * `step` says which wizard step the fix belongs to (null: no single step);
 * `severity` is the default; a producer may lower it when it knows better.
 * Cause and fix texts live in i18n under `findings.<CODE>.cause` / `.fix`.
 */
export const FINDING_CATALOG = {
  INPUT_TENANT_ID_INVALID: { step: 'app-registration', severity: 'error' },
  INPUT_CLIENT_ID_INVALID: { step: 'app-registration', severity: 'error' },
  INPUT_MAILBOX_INVALID: { step: 'mailbox', severity: 'error' },
  INPUT_SECRET_LOOKS_LIKE_ID: { step: 'app-registration', severity: 'error' },
  SECRET_EXPIRED: { step: 'app-registration', severity: 'error' },
  SECRET_EXPIRING_SOON: { step: 'app-registration', severity: 'warning' },
  ISE_VERSION_UNSUPPORTED: { step: 'ise', severity: 'error' },
  NET_DNS_FAILED: { step: 'network', severity: 'error' },
  NET_CONNECT_TIMEOUT: { step: 'network', severity: 'error' },
  NET_CONNECT_REFUSED: { step: 'network', severity: 'error' },
  NET_PROXY_FAILED: { step: 'network', severity: 'error' },
  /** Connected, but the peer sent nothing within the phase's timeout (a hanging server). */
  NET_READ_TIMEOUT: { step: 'network', severity: 'error' },
  TLS_UNTRUSTED_CHAIN: { step: 'network', severity: 'error' },
  TLS_HOSTNAME_MISMATCH: { step: 'network', severity: 'error' },
  TOKEN_TENANT_NOT_FOUND: { step: 'app-registration', severity: 'error' },
  TOKEN_TENANT_INVALID: { step: 'app-registration', severity: 'error' },
  TOKEN_APP_NOT_FOUND: { step: 'app-registration', severity: 'error' },
  TOKEN_SECRET_INVALID: { step: 'app-registration', severity: 'error' },
  TOKEN_SECRET_EXPIRED: { step: 'app-registration', severity: 'error' },
  TOKEN_SCOPE_INVALID: { step: 'ise', severity: 'error' },
  /** AADSTS7000229: the app registration has no enterprise application (service principal) in the tenant. */
  TOKEN_APP_NO_SERVICE_PRINCIPAL: { step: 'app-registration', severity: 'error' },
  /** AADSTS53003: a Conditional Access policy refused to issue the token. */
  TOKEN_BLOCKED_BY_CONDITIONAL_ACCESS: { step: 'app-registration', severity: 'error' },
  TOKEN_SERVICE_ERROR: { step: 'app-registration', severity: 'error' },
  TOKEN_UNCLASSIFIED: { step: 'app-registration', severity: 'error' },
  CLAIMS_ROLE_MISSING: { step: 'app-registration', severity: 'error' },
  CLAIMS_ROLE_UNEXPECTED: { step: 'service-principal', severity: 'warning' },
  CLAIMS_AUDIENCE_WRONG: { step: 'ise', severity: 'error' },
  CLAIMS_TENANT_MISMATCH: { step: 'app-registration', severity: 'error' },
  CLAIMS_APP_MISMATCH: { step: 'app-registration', severity: 'error' },
  /** The token's exp is already past when it arrives: the laptop's clock, or a replayed token. */
  CLAIMS_TOKEN_EXPIRED: { step: 'network', severity: 'error' },
  SP_OBJECT_ID_MISMATCH: { step: 'service-principal', severity: 'error' },
  SMTP_STARTTLS_UNAVAILABLE: { step: 'network', severity: 'error' },
  SMTP_XOAUTH2_NOT_OFFERED: { step: 'network', severity: 'error' },
  SMTP_AUTH_DISABLED: { step: 'mailbox', severity: 'error' },
  SMTP_AUTH_BLOCKED_BY_POLICY: { step: 'mailbox', severity: 'error' },
  SMTP_AUTH_REJECTED: { step: 'service-principal', severity: 'error' },
  SMTP_USER_INVALID: { step: 'mailbox', severity: 'error' },
  SMTP_SEND_AS_DENIED: { step: 'mailbox', severity: 'error' },
  SMTP_NOT_AUTHENTICATED: { step: 'network', severity: 'error' },
  // An error, not a warning: while Exchange throttles, nothing was proven, so the run is not "verified".
  SMTP_THROTTLED: { step: 'network', severity: 'error' },
  /** 535 5.7.139 "basic authentication is disabled" / 550 5.7.30: ISE still sends a username and password. */
  SMTP_BASIC_AUTH_REJECTED: { step: 'ise', severity: 'error' },
  /** 421 4.7.66: the client negotiated TLS 1.0 or 1.1. */
  SMTP_TLS_VERSION_UNSUPPORTED: { step: 'network', severity: 'error' },
  /** 554 5.2.0 …SubmissionQuotaExceededException: the mailbox hit Exchange Online's sending limits. */
  SMTP_QUOTA_EXCEEDED: { step: 'mailbox', severity: 'error' },
  /** AUTH returned 235 with a token without roles: the tenant grants the app through Exchange App RBAC. */
  ROUTE_APP_RBAC_IN_USE: { step: 'service-principal', severity: 'info' },
  SMTP_UNCLASSIFIED: { step: null, severity: 'error' },
  /** A call carrying a secret was answered with a 3xx: refused, nothing re-sent (issue 17). */
  NET_REDIRECT_REFUSED: { step: 'network', severity: 'error' },
  /** A reply was longer than the fixed limit for its kind: reading stopped there (issue 17). */
  NET_REPLY_TOO_LARGE: { step: 'network', severity: 'error' },
  /** Always reported by a full run: the laptop is not an ISE node (DESIGN §3). */
  ISE_NODES_NOT_PROVEN: { step: 'ise', severity: 'info' },
} as const satisfies Record<string, { step: SetupStep | null; severity: Severity }>;

export type Severity = 'error' | 'warning' | 'info';
export type FindingCode = keyof typeof FINDING_CATALOG;
export const FINDING_CODES = Object.keys(FINDING_CATALOG) as FindingCode[];
