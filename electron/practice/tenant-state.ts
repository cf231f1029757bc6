import type { PracticeScenario } from '../../shared/practice';

/**
 * The practice tenant as Entra ID and Exchange Online would hold it: the directory, the app
 * registration with its secrets and consented permissions, the Exchange service principal,
 * the mailbox with its permissions, and the tenant-wide switches. Each scenario is the healthy
 * tenant with one thing broken (see tenantStateFor), so the emulators decide from this state
 * alone, the way the real services would.
 */
export interface PracticeTenantState {
  tenantId: string;
  /** Entra's display name of the directory: shows up in AADSTS700016 / 500011 texts. */
  tenantDisplayName: string;
  app: {
    clientId: string;
    displayName: string;
    /** The App Registration's object ID (the wrong one to give New-ServicePrincipal). */
    appRegistrationObjectId: string;
    /** The Enterprise Application's object ID: the token's oid, the right one for Exchange. */
    enterpriseAppObjectId: string;
    secrets: PracticeSecret[];
    /** Where SMTP.SendAsApp was added: under Office 365 Exchange Online, under Graph, or not at all. */
    smtpSendAsAppUnder: 'exchange' | 'graph' | 'none';
    adminConsentGranted: boolean;
    /**
     * Whether the app's enterprise application (service principal) exists in the tenant. The
     * portal creates it with the registration; deleting it leaves the app unusable (AADSTS7000229).
     */
    enterpriseAppExists: boolean;
  };
  /** What New-ServicePrincipal registered in Exchange Online (null: never run). */
  exchangeServicePrincipal: { appId: string; objectId: string } | null;
  mailbox: {
    address: string;
    /**
     * `Set-CASMailbox -SmtpClientAuthenticationDisabled`: null follows the organisation's setting,
     * $false enables SMTP AUTH for this mailbox even when the organisation has it off, $true
     * disables it even when the organisation has it on (Microsoft: the mailbox setting overrides).
     */
    smtpClientAuthenticationDisabled: boolean | null;
    /** Service principal object IDs holding FullAccess (Add-MailboxPermission). */
    fullAccess: string[];
    /** App IDs with an "Application SMTP.SendAsApp" management role assignment covering the mailbox. */
    appRbacAssignments: string[];
    /** False: Exchange refuses submission as this mailbox (SendAsDenied at end of DATA). */
    sendAsAllowed: boolean;
    /** The mailbox is over Exchange Online's sending limits: submission refused (554 5.2.0). */
    submissionQuotaExceeded: boolean;
  };
  /** `Set-TransportConfig -SmtpClientAuthenticationDisabled` (the organisation's default). */
  smtpClientAuthenticationDisabled: boolean;
  securityDefaultsEnabled: boolean;
  /** A Conditional Access policy for workload identities blocks the app's token (AADSTS53003). */
  conditionalAccessBlocksApp: boolean;
  /**
   * Basic auth for SMTP AUTH: 'disabled' answers a password with 535 5.7.139 (today, where an
   * administrator turned it off); 'retired' with 550 5.7.30 (after Microsoft's cutoff, MC786329).
   */
  basicAuth: 'disabled' | 'retired';
  /** Exchange words its 5.7.139 differently (the classifier must not depend on the sentence). */
  rewordedReplies: boolean;
  /** Exchange is throttling the sender: submission answered 432 4.3.2. */
  throttled: boolean;
  smtpHangs: boolean;
  untrustedCertificate: boolean;
}

export interface PracticeSecret {
  /** The Secret ID column: a GUID, not usable as a credential. */
  secretId: string;
  /** The Value column: what ISE needs. */
  value: string;
  /** YYYY-MM-DD, the Expiry Date ISE asks for. */
  expires: string;
  /** Set for secrets the automated setup added: only their hash is kept (directory/state.ts). */
  valueSha256?: string;
}

/** Fixed identities, so that the CLI prints the same practice values every time. */
export const PRACTICE_IDS = {
  tenantId: '5d2f8a41-7c3e-4b9a-9e16-3f0c7a2b8d54',
  /** A well-formed tenant GUID of no directory ('wrong-tenant'). */
  absentTenantId: 'a3c9e7d1-2b4f-4e6a-8c0d-9f1b3e5a7c29',
  clientId: '8e4b2c17-93d5-4f0a-b6e8-2a7c1d9f5e36',
  /** A well-formed client GUID of no application ('unknown-app'). */
  absentClientId: '1f6d8b3a-4c2e-4a9b-8d7f-6e0c5b2a9d14',
  appRegistrationObjectId: 'c71a0e5b-2d94-4f3c-a8b6-5e9d1f7c3a20',
  enterpriseAppObjectId: '3b9e6d2f-8a1c-4e7b-9f05-d4c2a8e61b97',
  secretId: '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71',
  secretValue: 'Pq8~Zk3vR.4nTg7Wx_Lm2Yb9Hc6Jd1Fs5Qe0Ua~K',
  /** A Value-shaped string that is no secret of the app ('wrong-secret'). */
  wrongSecretValue: 'Xr5~Bn8mQ.2kLp4Vz_Tw7Gh1Cy9Df3Js6Ne0Oa~M',
  expiredSecretId: '9d2b7e4a-5f1c-4a8e-b3d6-0c7f2e9a4b18',
  expiredSecretValue: 'Ht4~Wy7nE.6mKq1Rb_Gs3Zc8Vf2Ld5Xp9Ja0Ou~P',
  mailbox: 'ise-notify@contoso-practice.onmicrosoft.com',
  tenantDisplayName: 'Contoso Practice',
  tenantDomain: 'contoso-practice.onmicrosoft.com',
  appDisplayName: 'Cisco ISE SMTP OAuth',
} as const;

/** A date `days` from now as YYYY-MM-DD (UTC). */
export function isoDateFromNow(days: number, now = Date.now()): string {
  return new Date(now + days * 86_400_000).toISOString().slice(0, 10);
}

function healthyState(now: number): PracticeTenantState {
  const ids = PRACTICE_IDS;
  return {
    tenantId: ids.tenantId,
    tenantDisplayName: ids.tenantDisplayName,
    app: {
      clientId: ids.clientId,
      displayName: ids.appDisplayName,
      appRegistrationObjectId: ids.appRegistrationObjectId,
      enterpriseAppObjectId: ids.enterpriseAppObjectId,
      // 180 days: well clear of the 30-day SECRET_EXPIRING_SOON window.
      secrets: [{ secretId: ids.secretId, value: ids.secretValue, expires: isoDateFromNow(180, now) }],
      smtpSendAsAppUnder: 'exchange',
      adminConsentGranted: true,
      enterpriseAppExists: true,
    },
    exchangeServicePrincipal: { appId: ids.clientId, objectId: ids.enterpriseAppObjectId },
    mailbox: {
      address: ids.mailbox,
      smtpClientAuthenticationDisabled: null,
      fullAccess: [ids.enterpriseAppObjectId],
      appRbacAssignments: [],
      sendAsAllowed: true,
      submissionQuotaExceeded: false,
    },
    // SMTP AUTH on for the organisation, mailbox following it.
    smtpClientAuthenticationDisabled: false,
    securityDefaultsEnabled: false,
    conditionalAccessBlocksApp: false,
    basicAuth: 'disabled',
    rewordedReplies: false,
    throttled: false,
    smtpHangs: false,
    untrustedCertificate: false,
  };
}

/** The tenant as it stands in a scenario: the healthy tenant with that scenario's one fault. */
export function tenantStateFor(scenario: PracticeScenario, now = Date.now()): PracticeTenantState {
  const s = healthyState(now);
  switch (scenario) {
    case 'healthy':
    case 'auth-before-starttls': // the tenant is fine: the client skips STARTTLS
    case 'legacy-tls-client': // likewise: the client negotiates TLS 1.1
    case 'wrong-tenant': // the tenant is fine: the wizard is given another tenant's ID
    case 'unknown-app': // likewise another client ID
    case 'secret-id-pasted': // likewise the Secret ID instead of the Value
    case 'wrong-secret':
      break;
    case 'expired-secret':
      s.app.secrets = [{ secretId: PRACTICE_IDS.expiredSecretId, value: PRACTICE_IDS.expiredSecretValue, expires: isoDateFromNow(-3, now) }];
      break;
    case 'no-admin-consent':
      s.app.adminConsentGranted = false;
      break;
    case 'permission-under-graph':
      s.app.smtpSendAsAppUnder = 'graph';
      break;
    case 'no-service-principal':
      s.exchangeServicePrincipal = null;
      s.mailbox.fullAccess = [];
      break;
    case 'sp-wrong-object-id':
      // New-ServicePrincipal -ObjectId <App Registration object ID>; FullAccess went to that SP.
      s.exchangeServicePrincipal = { appId: PRACTICE_IDS.clientId, objectId: PRACTICE_IDS.appRegistrationObjectId };
      s.mailbox.fullAccess = [PRACTICE_IDS.appRegistrationObjectId];
      break;
    case 'no-mailbox-permission':
      s.mailbox.fullAccess = [];
      break;
    case 'smtp-auth-off-tenant':
      // Off for the organisation, and the mailbox follows it ($null).
      s.smtpClientAuthenticationDisabled = true;
      break;
    case 'smtp-auth-off-mailbox':
      s.mailbox.smtpClientAuthenticationDisabled = true;
      break;
    case 'smtp-auth-mailbox-override':
      // Microsoft's recommendation: off for the organisation, on for the one sending mailbox.
      s.smtpClientAuthenticationDisabled = true;
      s.mailbox.smtpClientAuthenticationDisabled = false;
      break;
    case 'reworded-reply':
      s.mailbox.smtpClientAuthenticationDisabled = true;
      s.rewordedReplies = true;
      break;
    case 'no-enterprise-app':
      s.app.enterpriseAppExists = false;
      break;
    case 'conditional-access':
      s.conditionalAccessBlocksApp = true;
      break;
    case 'quota-exceeded':
      s.mailbox.submissionQuotaExceeded = true;
      break;
    case 'basic-auth-retired':
      s.basicAuth = 'retired';
      break;
    case 'security-defaults':
      s.securityDefaultsEnabled = true;
      break;
    case 'send-as-denied':
      s.mailbox.sendAsAllowed = false;
      break;
    case 'throttled':
      s.throttled = true;
      break;
    case 'smtp-hangs':
      s.smtpHangs = true;
      break;
    case 'untrusted-certificate':
      s.untrustedCertificate = true;
      break;
    // app-rbac-unannounced: the same tenant, checked on the classic route (AUTH's 235 shows App RBAC is in use).
    case 'app-rbac-healthy':
    case 'app-rbac-unannounced':
      // Least privilege: no Entra permission at all, an Exchange role assignment instead.
      s.app.smtpSendAsAppUnder = 'none';
      s.app.adminConsentGranted = false;
      s.mailbox.fullAccess = [];
      s.mailbox.appRbacAssignments = [PRACTICE_IDS.clientId];
      break;
  }
  return s;
}

/** The values a trainee types into the wizard in a scenario (practice values: fine to print). */
export interface ScenarioCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
  secretId: string;
  mailbox: string;
  servicePrincipalObjectId: string;
  appRegistrationObjectId: string;
  secretExpiry: string;
}

/** The credentials for a scenario: the tenant's own, with the scenario's mistake typed in. */
export function credentialsFor(scenario: PracticeScenario, state: PracticeTenantState): ScenarioCredentials {
  const secret = state.app.secrets[0] ?? { secretId: PRACTICE_IDS.secretId, value: PRACTICE_IDS.secretValue, expires: isoDateFromNow(180) };
  const c: ScenarioCredentials = {
    tenantId: state.tenantId,
    clientId: state.app.clientId,
    clientSecret: secret.value,
    secretId: secret.secretId,
    mailbox: state.mailbox.address,
    servicePrincipalObjectId: state.exchangeServicePrincipal?.objectId ?? state.app.enterpriseAppObjectId,
    appRegistrationObjectId: state.app.appRegistrationObjectId,
    secretExpiry: secret.expires,
  };
  if (scenario === 'wrong-tenant') c.tenantId = PRACTICE_IDS.absentTenantId;
  if (scenario === 'unknown-app') c.clientId = PRACTICE_IDS.absentClientId;
  if (scenario === 'secret-id-pasted') c.clientSecret = secret.secretId;
  if (scenario === 'wrong-secret') c.clientSecret = PRACTICE_IDS.wrongSecretValue;
  return c;
}
