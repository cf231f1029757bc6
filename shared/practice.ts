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
    note: "Entra security defaults are on and block SMTP AUTH: 535 5.7.139 … security defaults policy.",
  },
  'send-as-denied': {
    expect: 'SMTP_SEND_AS_DENIED',
    route: 'classic',
    note: 'AUTH succeeds but the mailbox may not send: a test mail (--send-to) is refused with 554 5.2.252 SendAsDenied.',
  },
  throttled: {
    expect: 'SMTP_THROTTLED',
    route: 'classic',
    note: 'Exchange Online is throttling the sender: 432 4.3.2 at AUTH.',
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
};
