import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { FINDING_CODES, type FindingCode } from '../../../shared/findings';
import { LOCALES, placeholders, readLocale, type Tree } from '../../support/locale-files';

/**
 * The params each finding's texts interpolate: the contract for producers of findings
 * (`Finding.params`). A producer passes these; any extra param is ignored by the texts.
 * aadsts: the AADSTS code as Entra sends it, e.g. "AADSTS7000215" (the texts read "Entra ID error {{aadsts}}").
 * expected/actual: the configured value / the value found (token claim, ObjectId given to New-ServicePrincipal).
 * tenantId/clientId/servicePrincipalObjectId/managementScope/sendAsAddress: filled from the profile and the run
 * by shared/finding-values.ts when the producer did not pass them (test/shared/finding-values.test.ts).
 */
const FINDING_PARAMS: Record<FindingCode, string[]> = {
  INPUT_TENANT_ID_INVALID: [],
  INPUT_CLIENT_ID_INVALID: [],
  INPUT_MAILBOX_INVALID: [],
  INPUT_SECRET_LOOKS_LIKE_ID: [],
  SECRET_EXPIRED: ['expiry'],
  SECRET_EXPIRING_SOON: ['days', 'expiry'],
  ISE_VERSION_UNSUPPORTED: ['minimum', 'version'],
  NET_DNS_FAILED: ['host'],
  NET_CONNECT_TIMEOUT: ['host', 'port'],
  NET_CONNECT_REFUSED: ['host', 'port'],
  NET_PROXY_FAILED: ['host', 'port'],
  NET_READ_TIMEOUT: ['host', 'port'],
  NET_REDIRECT_REFUSED: ['host', 'location'],
  NET_REPLY_TOO_LARGE: ['host', 'limit'],
  TLS_UNTRUSTED_CHAIN: ['host', 'port'],
  TLS_HOSTNAME_MISMATCH: ['host', 'port'],
  TOKEN_TENANT_NOT_FOUND: ['aadsts'],
  TOKEN_TENANT_INVALID: ['aadsts', 'tenantId'],
  TOKEN_APP_NOT_FOUND: ['aadsts'],
  TOKEN_SECRET_INVALID: ['aadsts'],
  TOKEN_SECRET_EXPIRED: ['aadsts'],
  TOKEN_SCOPE_INVALID: ['aadsts'],
  TOKEN_APP_NO_SERVICE_PRINCIPAL: ['aadsts', 'clientId'],
  TOKEN_BLOCKED_BY_CONDITIONAL_ACCESS: ['aadsts'],
  TOKEN_SERVICE_ERROR: [],
  TOKEN_UNCLASSIFIED: [],
  CLAIMS_ROLE_MISSING: [],
  CLAIMS_ROLE_UNEXPECTED: [],
  CLAIMS_AUDIENCE_WRONG: ['actual', 'expected'],
  CLAIMS_TENANT_MISMATCH: ['actual', 'expected'],
  CLAIMS_APP_MISMATCH: ['actual', 'expected'],
  CLAIMS_TOKEN_EXPIRED: [],
  SP_OBJECT_ID_MISMATCH: ['actual', 'clientId', 'expected', 'mailbox'],
  SMTP_STARTTLS_UNAVAILABLE: ['host', 'port'],
  SMTP_XOAUTH2_NOT_OFFERED: ['host', 'port'],
  SMTP_AUTH_DISABLED: ['mailbox'],
  SMTP_AUTH_BLOCKED_BY_POLICY: ['mailbox'],
  SMTP_AUTH_REJECTED: ['mailbox', 'servicePrincipalObjectId'],
  SMTP_USER_INVALID: ['mailbox'],
  SMTP_SEND_AS_DENIED: ['mailbox', 'sendAsAddress'],
  SMTP_NOT_AUTHENTICATED: [],
  SMTP_THROTTLED: ['reply'],
  SMTP_BASIC_AUTH_REJECTED: ['reply'],
  SMTP_TLS_VERSION_UNSUPPORTED: ['reply'],
  SMTP_QUOTA_EXCEEDED: ['mailbox'],
  ROUTE_APP_RBAC_IN_USE: [],
  SMTP_UNCLASSIFIED: ['reply'],
  ISE_NODES_NOT_PROVEN: [],
};

const SAMPLE_PARAMS: Record<string, string | number> = {
  aadsts: 'AADSTS7000215',
  mailbox: 'no-reply@contoso.onmicrosoft.com',
  expected: 'b10aa0d7-1111-2222-3333-44445555e189',
  actual: '5f3c2b1a-9999-8888-7777-666655554444',
  host: 'smtp.office365.com',
  port: 587,
  days: 12,
  expiry: '2026-03-15',
  version: '3.3 P4',
  minimum: '3.3 P8',
  reply: '421 4.3.2 Service not available',
  location: 'http://portal.example.net/login',
  limit: 262144,
  tenantId: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  clientId: '8d2c1f0e-7b6a-4958-8a7b-6c5d4e3f2a1b',
  servicePrincipalObjectId: 'b10aa0d7-1111-2222-3333-44445555e189',
  managementScope: '"ISE SMTP no-reply@contoso.onmicrosoft.com"',
  sendAsAddress: 'alerts@contoso.com',
};

const findingsOf = (lng: string) => (readLocale(lng)?.findings ?? {}) as Record<string, Record<string, string>>;
const text = (lng: string, code: FindingCode) => {
  const entry = findingsOf(lng)[code] ?? {};
  return `${entry.title ?? ''}\n${entry.cause ?? ''}\n${entry.fix ?? ''}`;
};

describe('finding params (the producers contract)', () => {
  it('covers every finding code', () => {
    expect(Object.keys(FINDING_PARAMS).sort()).toEqual([...FINDING_CODES].sort());
  });

  it.each(FINDING_CODES)('%s interpolates exactly its documented params', (code) => {
    expect([...placeholders(text('en', code))].sort()).toEqual(FINDING_PARAMS[code]);
  });
});

describe('texts rendered by i18next', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    const resources = Object.fromEntries(LOCALES.map((lng) => [lng, { translation: readLocale(lng) as Tree }]));
    await i18n.init({ resources, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
  });

  it.each(LOCALES)('%s fills every placeholder with the producer params', (lng) => {
    for (const code of FINDING_CODES) {
      for (const part of ['title', 'cause', 'fix'] as const) {
        const key = `findings.${code}.${part}`;
        const rendered = i18n.t(key, { lng, ...SAMPLE_PARAMS });
        expect(rendered, `${lng}: ${key} not found`).not.toBe(key);
        expect(rendered, `${lng}: ${key}`).not.toMatch(/\{\{|\}\}/);
      }
      for (const name of FINDING_PARAMS[code]) {
        expect(text(lng, code), `${lng}: ${code} lacks {{${name}}}`).toContain(`{{${name}}}`);
      }
    }
  });

  it('puts the values into the sentence', () => {
    expect(i18n.t('findings.SECRET_EXPIRING_SOON.cause', { lng: 'de', days: 12, expiry: '2026-03-15' })).toContain(
      'am 2026-03-15 ab, in 12 Tagen',
    );
    expect(i18n.t('findings.TOKEN_SECRET_INVALID.cause', { lng: 'fr', aadsts: 'AADSTS7000215' })).toContain(
      'erreur Entra ID AADSTS7000215',
    );
    expect(i18n.t('findings.severity.warning', { lng: 'zh-TW' })).toBe('警告');
    expect(i18n.t('validation.port', { lng: 'it' })).toBe('Immettere un numero di porta da 1 a 65535.');
  });
});

// The guide's own wording and the product's English names must survive translation: the field
// engineer matches them against what ISE, the portals and guest.log show.
describe('texts keep the guide wording in every language', () => {
  const mustContain: Array<[FindingCode, string[]]> = [
    ['SMTP_AUTH_REJECTED', ['Invalid email address', 'Get-ServicePrincipal', 'Add-MailboxPermission', 'FullAccess', '30', '2']],
    ['SP_OBJECT_ID_MISMATCH', ['Remove-ServicePrincipal', 'New-ServicePrincipal', 'Invalid email address']],
    ['TLS_UNTRUSTED_CHAIN', ['Trust for authentication within ISE', 'PKIX path building failed', 'Trusted Certificates']],
    ['NET_CONNECT_TIMEOUT', ['connect timed out', 'Administration > System > Settings > Proxy', 'login.microsoftonline.com:443', 'smtp.office365.com:587']],
    ['SMTP_AUTH_DISABLED', ['Users > Active users', 'Mail > Manage email apps', 'Authenticated SMTP', 'Set-CASMailbox', 'Get-TransportConfig', '5.7.139']],
    ['SMTP_BASIC_AUTH_REJECTED', ['MS Exchange Online OAuth', 'Use Authentication Settings', 'MC786329', '550 5.7.30', 'SMTP AUTH Clients Submission Report']],
    ['TOKEN_APP_NO_SERVICE_PRINCIPAL', ['New-MgServicePrincipal', 'Create Service Principal']],
    ['SMTP_TLS_VERSION_UNSUPPORTED', ['TLS 1.2', 'https://aka.ms/smtp_auth_tls']],
    ['SMTP_QUOTA_EXCEEDED', ['SubmissionQuotaExceededException']],
    ['SMTP_AUTH_BLOCKED_BY_POLICY', ['Security Defaults', 'Conditional Access']],
    ['CLAIMS_ROLE_MISSING', ['APIs my organization uses > Office 365 Exchange Online > Application permissions > SMTP.SendAsApp > Grant admin consent', 'Microsoft Graph']],
    ['ISE_NODES_NOT_PROVEN', ['PAN', 'MnT', 'PSN', 'login.microsoftonline.com:443', 'smtp.office365.com:587', 'Test Connection']],
    ['TOKEN_TENANT_NOT_FOUND', ['Invalid OAuth endpoint or tenant identifier']],
    ['TOKEN_TENANT_INVALID', ['Invalid OAuth endpoint or tenant identifier']],
    ['TOKEN_SECRET_INVALID', ['Invalid client secret', 'Secret ID']],
    ['TOKEN_SECRET_EXPIRED', ['Invalid client secret', 'SMTP OAuth Client Secret has expired']],
    ['SECRET_EXPIRING_SOON', ['SMTP OAuth Client Secret about to be expired', 'Expiry Date']],
    ['ISE_VERSION_UNSUPPORTED', ['3.2 P8', '3.3 P8', '3.4 P4', '3.5 P1']],
    ['INPUT_SECRET_LOOKS_LIKE_ID', ['Certificates & secrets', 'Value']],
    ['SMTP_SEND_AS_DENIED', ["Default 'From' email address", 'Alarm Settings']],
  ];

  it.each(LOCALES)('%s', async (lng) => {
    // An admin-center label reads "localized (English)" outside English; a path of labels is the
    // guide's path once each label is read by its English name.
    const { FINDING_PORTAL_LABELS } = (await import('../../../scripts/i18n-language-fixes.mjs')) as { FINDING_PORTAL_LABELS: Record<string, Record<string, string>> };
    const english = (t: string) => Object.entries(FINDING_PORTAL_LABELS[lng] ?? {}).reduce((out, [en, local]) => out.replaceAll(`${local} (${en})`, en), t);
    for (const [code, phrases] of mustContain) {
      for (const phrase of phrases) expect(english(text(lng, code)), `${lng}: ${code}`).toContain(phrase);
    }
  });

  it('English says which object ID is the right one and how long Exchange takes', () => {
    const rejected = text('en', 'SMTP_AUTH_REJECTED');
    expect(rejected).toContain('Enterprise Application object ID');
    expect(rejected).toContain("not the App Registration's");
    expect(rejected).toContain('30 min – 2 h');
    expect(text('en', 'TLS_UNTRUSTED_CHAIN')).toMatch(/trusted store.*client-server communication/s);
    expect(text('en', 'CLAIMS_ROLE_MISSING')).toMatch(/Microsoft Graph, which is the wrong API/);
  });

  // Each language names the client secret as its Cisco guide does.
  const secretWord: Record<string, string> = {
    en: 'client secret',
    nl: 'clientgeheim',
    fr: 'secret client',
    de: 'Clientschlüssel',
    it: 'segreto client',
    'zh-TW': '用戶端密碼',
  };
  it.each(LOCALES)('%s uses the guide word for the client secret', (lng) => {
    for (const code of ['SECRET_EXPIRED', 'SECRET_EXPIRING_SOON', 'TOKEN_SECRET_INVALID'] as const) {
      expect(text(lng, code).toLowerCase(), `${lng}: ${code}`).toContain(secretWord[lng]!.toLowerCase());
    }
  });
});

describe('route-aware fixes', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    const resources = Object.fromEntries(LOCALES.map((lng) => [lng, { translation: readLocale(lng) as Tree }]));
    await i18n.init({ resources, lng: 'en', fallbackLng: false, interpolation: { escapeValue: false } });
  });

  it.each(LOCALES)('%s: on App RBAC the fixes name the role assignment, the scope and Test-ServicePrincipalAuthorization', (lng) => {
    for (const code of ['SMTP_AUTH_REJECTED', 'SP_OBJECT_ID_MISMATCH'] as const) {
      const rbac = i18n.t(`findings.${code}.fix`, { lng, context: 'app-rbac', ...SAMPLE_PARAMS });
      expect(rbac, `${lng}: ${code}`).toContain('Test-ServicePrincipalAuthorization');
      expect(rbac, `${lng}: ${code}`).toMatch(/Get-ManagementRoleAssignment|New-ManagementRoleAssignment/);
      // and the classic fix stays the classic one
      expect(i18n.t(`findings.${code}.fix`, { lng, ...SAMPLE_PARAMS }), `${lng}: ${code}`).toContain('FullAccess');
    }
  });

  it.each(LOCALES)('%s: SMTP AUTH is enabled per mailbox, never advised tenant-wide', (lng) => {
    const fix = i18n.t('findings.SMTP_AUTH_DISABLED.fix', { lng, ...SAMPLE_PARAMS });
    expect(fix).toContain('Set-CASMailbox');
    expect(fix).not.toContain('Set-TransportConfig');
  });
});
