import type { Route } from './diagnostic-report';
import type { FindingCode } from './findings';

/**
 * The practice tenant's scenarios: a healthy tenant, plus one broken tenant per cause the
 * diagnostics can name. The emulators in electron/practice play each one with Entra's and
 * Exchange Online's real codes and texts; the wizard and the tests pick them by name.
 */
export const PRACTICE_SCENARIOS = [
  'healthy',
  'wrong-tenant',
  'unknown-app',
  'secret-id-pasted',
  'wrong-secret',
  'expired-secret',
  'no-admin-consent',
  'permission-under-graph',
  'no-service-principal',
  'sp-wrong-object-id',
  'no-mailbox-permission',
  'smtp-auth-off-tenant',
  'smtp-auth-off-mailbox',
  'security-defaults',
  'send-as-denied',
  'throttled',
  'smtp-hangs',
  'untrusted-certificate',
  'app-rbac-healthy',
  'app-rbac-unannounced',
  'smtp-auth-mailbox-override',
  'reworded-reply',
  'no-enterprise-app',
  'conditional-access',
  'quota-exceeded',
  'basic-auth-retired',
  'auth-before-starttls',
  'legacy-tls-client',
] as const;
export type PracticeScenario = (typeof PRACTICE_SCENARIOS)[number];

export function isPracticeScenario(value: string): value is PracticeScenario {
  return (PRACTICE_SCENARIOS as readonly string[]).includes(value);
}

/** What a correct diagnosis of a scenario looks like, and how its practice credentials are meant. */
export interface ScenarioExpectation {
  /** The finding code a correct diagnosis must produce; null for the healthy scenarios. */
  expect: FindingCode | null;
  /** The route the wizard is to check (App RBAC expects a token without roles). */
  route: Route;
  /** What is broken, in the terms a trainee would use; English, for tests and the CLI. */
  note: string;
  /**
   * Who meets the fault. Absent: the wizard's own checks (diagnose). 'ise-basic-auth': an ISE
   * still sending with a username and password (AUTH LOGIN); 'ise-no-starttls': a client that
   * sends AUTH before STARTTLS; 'ise-legacy-tls': a client that negotiates TLS 1.1. The wizard never does these; the scenario shows what ISE meets
   * and that diagnose, lookup-error and the analyzer read it alike.
   */
  client?: 'ise-basic-auth' | 'ise-no-starttls' | 'ise-legacy-tls';
}

/**
 * For each scenario: the finding a correct diagnosis must produce, and how the credentials that
 * the practice tenant hands out are meant (they are already "wrong" where the scenario says so).
 * Findings that follow from the same cause may come too (e.g. an expired secret also trips the
 * expiry-date check); `expect` is the one that must be there.
 */
export const SCENARIO_EXPECTATIONS: Record<PracticeScenario, ScenarioExpectation> = {
  healthy: { expect: null, route: 'classic', note: 'Everything set up the classic way: SMTP.SendAsApp consented, service principal, FullAccess.' },
  'wrong-tenant': {
    expect: 'TOKEN_TENANT_NOT_FOUND',
    route: 'classic',
    note: 'The Tenant ID is a well-formed GUID of a directory that does not exist (AADSTS90002).',
  },
  'unknown-app': {
    expect: 'TOKEN_APP_NOT_FOUND',
    route: 'classic',
    note: 'The Client ID is a GUID of no application in this tenant (AADSTS700016).',
  },
  'secret-id-pasted': {
    expect: 'INPUT_SECRET_LOOKS_LIKE_ID',
    route: 'classic',
    note: "The Client Secret given is the secret's Secret ID (a GUID), not its Value; the token endpoint answers AADSTS7000215.",
  },
  'wrong-secret': {
    expect: 'TOKEN_SECRET_INVALID',
    route: 'classic',
    note: 'The Client Secret is a Value-shaped string that matches no secret of the app (AADSTS7000215).',
  },
  'expired-secret': {
    expect: 'TOKEN_SECRET_EXPIRED',
    route: 'classic',
    note: "The Client Secret is the app's only secret and its Expiry Date has passed (AADSTS7000222).",
  },
  'no-admin-consent': {
    expect: 'CLAIMS_ROLE_MISSING',
    route: 'classic',
    note: 'SMTP.SendAsApp was added under Office 365 Exchange Online but admin consent was never granted: the token has no roles; SMTP AUTH then fails with 535 5.7.3.',
  },
  'permission-under-graph': {
    expect: 'CLAIMS_ROLE_MISSING',
    route: 'classic',
    note: 'The permission was added under Microsoft Graph instead of Office 365 Exchange Online: the Exchange token has no roles; SMTP AUTH fails with 535 5.7.3.',
  },
  'no-service-principal': {
    expect: 'SMTP_AUTH_REJECTED',
    route: 'classic',
    note: 'New-ServicePrincipal was never run in Exchange Online: the token is fine, SMTP AUTH fails with 535 5.7.3.',
  },
  'sp-wrong-object-id': {
    expect: 'SP_OBJECT_ID_MISMATCH',
    route: 'classic',
    note: "New-ServicePrincipal was given the App Registration's object ID: the credentials' servicePrincipalObjectId is that ID, unlike the token's oid; SMTP AUTH fails with 535 5.7.3.",
  },
  'no-mailbox-permission': {
    expect: 'SMTP_AUTH_REJECTED',
    route: 'classic',
    note: 'The service principal exists but Add-MailboxPermission (FullAccess) was never run: SMTP AUTH fails with 535 5.7.3.',
  },
  'smtp-auth-off-tenant': {
    expect: 'SMTP_AUTH_DISABLED',
    route: 'classic',
    note: 'SMTP AUTH is disabled for the whole organisation (Set-TransportConfig -SmtpClientAuthenticationDisabled $true): 535 5.7.139.',
  },
  'smtp-auth-off-mailbox': {
    expect: 'SMTP_AUTH_DISABLED',
    route: 'classic',
    note: 'Authenticated SMTP is off for the mailbox (Set-CASMailbox -SmtpClientAuthenticationDisabled $true): 535 5.7.139.',
  },
  'security-defaults': {
    expect: 'SMTP_AUTH_BLOCKED_BY_POLICY',
    route: 'classic',
    note: "Exchange answers with a reply that names security defaults (535 5.7.139 … security defaults policy). Whether security defaults block app-only XOAUTH2 at all is unconfirmed: this plays the reply, not a claim.",
  },
  'send-as-denied': {
    expect: 'SMTP_SEND_AS_DENIED',
    route: 'classic',
    note: 'AUTH succeeds but the mailbox may not send: a test mail (--send-to) is refused with 554 5.2.252 SendAsDenied.',
  },
  throttled: {
    expect: 'SMTP_THROTTLED',
    route: 'classic',
    note: 'Exchange Online is throttling the sender: AUTH succeeds, submission gets 432 4.3.2 (as real logs show it).',
  },
  'smtp-hangs': {
    expect: 'NET_READ_TIMEOUT',
    route: 'classic',
    note: 'The SMTP server accepts the TCP connection and never sends its greeting: the client must time out.',
  },
  'untrusted-certificate': {
    expect: 'TLS_UNTRUSTED_CHAIN',
    route: 'classic',
    note: "Both servers present a certificate from a CA the client does not trust (like a TLS-inspecting proxy): ISE's PKIX error.",
  },
  'app-rbac-healthy': {
    expect: null,
    route: 'app-rbac',
    note: 'Set up with Exchange App RBAC: service principal and management role assignment, no SMTP.SendAsApp in Entra, so the token has no roles.',
  },
  'app-rbac-unannounced': {
    expect: 'ROUTE_APP_RBAC_IN_USE',
    route: 'classic',
    note: 'Set up with Exchange App RBAC, but checked on the classic route: the token has no roles, yet AUTH returns 235 — the tenant uses App RBAC (an info, not an error).',
  },
  'smtp-auth-mailbox-override': {
    expect: null,
    route: 'classic',
    note: "SMTP AUTH off for the organisation (Set-TransportConfig $true), on for the sending mailbox (Set-CASMailbox $false): the mailbox setting wins, mail flows.",
  },
  'reworded-reply': {
    expect: 'SMTP_AUTH_DISABLED',
    route: 'classic',
    note: 'SMTP AUTH is off for the mailbox and Exchange words its 535 5.7.139 differently than today: the classifier must still name it.',
  },
  'no-enterprise-app': {
    expect: 'TOKEN_APP_NO_SERVICE_PRINCIPAL',
    route: 'classic',
    note: "The app registration's enterprise application was deleted from the tenant: Entra answers AADSTS7000229.",
  },
  'conditional-access': {
    expect: 'TOKEN_BLOCKED_BY_CONDITIONAL_ACCESS',
    route: 'classic',
    note: 'A Conditional Access policy for workload identities blocks the app: Entra answers AADSTS53003.',
  },
  'quota-exceeded': {
    expect: 'SMTP_QUOTA_EXCEEDED',
    route: 'classic',
    note: "The mailbox is over Exchange Online's sending limits: AUTH succeeds, submission gets 554 5.2.0 …SubmissionQuotaExceededException.",
  },
  'basic-auth-retired': {
    expect: 'SMTP_BASIC_AUTH_REJECTED',
    route: 'classic',
    client: 'ise-basic-auth',
    note: 'Past the Basic-auth cutoff (MC786329): an ISE still sending with a username and password gets 550 5.7.30; the OAuth checks pass.',
  },
  'auth-before-starttls': {
    expect: 'SMTP_XOAUTH2_NOT_OFFERED',
    route: 'classic',
    client: 'ise-no-starttls',
    note: 'A client that sends AUTH XOAUTH2 before STARTTLS: Exchange offers no AUTH there and answers 504 5.7.4 Unrecognized authentication type (exact pre-STARTTLS text unconfirmed).',
  },
  'legacy-tls-client': {
    expect: 'SMTP_TLS_VERSION_UNSUPPORTED',
    route: 'classic',
    client: 'ise-legacy-tls',
    note: 'A client (an old ISE or a proxy in between) that negotiates TLS 1.1 after STARTTLS: Exchange answers 421 4.7.66 TLS 1.0 and 1.1 are not supported.',
  },
};
