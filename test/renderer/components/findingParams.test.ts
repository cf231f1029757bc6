import i18next, { type TFunction } from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { findingTextValues } from '../../../renderer/components/findingParams';
import type { FindingValue, FindingValueContext } from '../../../shared/finding-values';
import { FINDING_CATALOG, FINDING_CODES, type FindingCode } from '../../../shared/findings';
import { LOCALES, readLocale, type Tree } from '../../support/locale-files';

/**
 * Issue 13 point 6: every finding, rendered with a practice-like profile, names the real values.
 * The visible text (title, cause, fix) of every code, in every language, on both routes, with the
 * producer's params and with none at all (what the profile alone knows) must hold no raw
 * {{placeholder}}, no "…", no <placeholder>, no finding code and no text key.
 */
const PROFILE: FindingValueContext = {
  tenantId: '3f5c9b2e-1d4a-4c8b-9e7f-2a6b8c0d1e3f',
  clientId: '7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
  mailbox: 'ise-notify@practice.onmicrosoft.com',
  servicePrincipalObjectId: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f',
};

/** The host and port of the check that reports a code, as the run records them. */
function checkEndpoint(code: FindingCode): { host: string; port: number } {
  return code.startsWith('TOKEN_') || code === 'NET_REDIRECT_REFUSED' ? { host: 'login.microsoftonline.com', port: 443 } : { host: 'smtp.office365.com', port: 587 };
}

/** Params as the engine passes them (electron/core/diagnostics), by what a code's producer measures. */
function producerParams(code: FindingCode): Record<string, FindingValue> {
  const endpoint = checkEndpoint(code);
  if (code === 'SECRET_EXPIRED') return { expiry: '2026-03-15' };
  if (code === 'SECRET_EXPIRING_SOON') return { expiry: '2026-03-15', days: 12 };
  if (code === 'ISE_VERSION_UNSUPPORTED') return { version: '3.3 P6', minimum: '3.3 P8' };
  if (code === 'ISE_NODES_NOT_PROVEN') return { smtpHost: 'smtp.office365.com', smtpPort: 587, loginHost: 'login.microsoftonline.com' };
  if (code === 'NET_REDIRECT_REFUSED') return { host: endpoint.host, location: 'http://captive.example.net/login' };
  if (code === 'NET_REPLY_TOO_LARGE') return { ...endpoint, limit: 262144 };
  if (code.startsWith('CLAIMS_') || code === 'SP_OBJECT_ID_MISMATCH') return { expected: '5d6e7f80-9a1b-4c2d-8e3f-4a5b6c7d8e9f', actual: '11111111-2222-4333-8444-555555555555' };
  if (code.startsWith('TOKEN_')) return { error: 'invalid_client', status: 401 };
  if (code.startsWith('SMTP_')) return { ...endpoint, mailbox: PROFILE.mailbox!, reply: '535 5.7.139 Authentication unsuccessful' };
  if (code.startsWith('NET_') || code.startsWith('TLS_')) return { ...endpoint, errorCode: 'ETIMEDOUT' };
  return {};
}

/** Whatever the visible text may not contain. */
function leftovers(text: string): string[] {
  // The guide quotes Java's error with its own ellipsis: "PKIX path building failed … unable to find …".
  const visible = text.replace(/PKIX path building failed … unable/g, '');
  const found: string[] = [];
  for (const re of [/\{\{[^}]*\}\}/, /…/, /<[^<>\s][^<>]*>/, /\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/, /\b(?:uxFindings|findings)\.[\w.-]+/, /\b(?:undefined|null|NaN)\b|\[object Object\]/]) {
    const m = re.exec(visible);
    if (m) found.push(m[0]);
  }
  return found;
}

describe('every finding speaks with the profile values (issue 13 point 6)', () => {
  const i18n = i18next.createInstance();
  beforeAll(async () => {
    const resources = Object.fromEntries(LOCALES.map((lng) => [lng, { translation: readLocale(lng) as Tree }]));
    await i18n.init({ resources, lng: 'en', fallbackLng: 'en', interpolation: { escapeValue: false } });
  });

  const render = (lng: string, code: FindingCode, params: Record<string, FindingValue>) => {
    const t = i18n.getFixedT(lng) as TFunction;
    const values = findingTextValues({ code, params }, { ...PROFILE, ...checkEndpoint(code) }, t, lng);
    return (['title', 'cause', 'fix'] as const).map((part) => t(`findings.${code}.${part}`, values)).join('\n');
  };

  it.each(LOCALES)('%s: no placeholder, ellipsis or code is left in any finding', (lng) => {
    const problems: string[] = [];
    for (const code of FINDING_CODES) {
      for (const route of [{}, { context: 'app-rbac' }] as Record<string, FindingValue>[]) {
        for (const [how, params] of [['producer params', producerParams(code)], ['profile only', {}]] as const) {
          const text = render(lng, code, { ...params, ...route });
          const left = leftovers(text);
          if (left.length > 0) problems.push(`${code} (${how}${'context' in route ? ', app-rbac' : ''}): ${left.join(' | ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it.each(LOCALES)('%s: the fixes name the Client ID, mailbox, Tenant ID and ObjectId of the profile', (lng) => {
    expect(render(lng, 'SP_OBJECT_ID_MISMATCH', producerParams('SP_OBJECT_ID_MISMATCH'))).toContain(`-AppId ${PROFILE.clientId}`);
    expect(render(lng, 'SP_OBJECT_ID_MISMATCH', producerParams('SP_OBJECT_ID_MISMATCH'))).toContain(`-Identity ${PROFILE.mailbox}`);
    const rbac = render(lng, 'SP_OBJECT_ID_MISMATCH', { ...producerParams('SP_OBJECT_ID_MISMATCH'), context: 'app-rbac' });
    expect(rbac).toContain(`-CustomResourceScope 'ISE SMTP ${PROFILE.mailbox}'`);
    expect(render(lng, 'SMTP_AUTH_REJECTED', producerParams('SMTP_AUTH_REJECTED'))).toContain(`-User ${PROFILE.servicePrincipalObjectId}`);
    expect(render(lng, 'TOKEN_TENANT_INVALID', {})).toContain(`https://login.microsoftonline.com/${PROFILE.tenantId}/oauth2/v2.0/token`);
    expect(render(lng, 'TOKEN_APP_NO_SERVICE_PRINCIPAL', {})).toContain(PROFILE.clientId);
    expect(render(lng, 'TOKEN_TENANT_NOT_FOUND', {})).toContain('AADSTS90002');
    expect(render(lng, 'SMTP_AUTH_DISABLED', {})).toContain(PROFILE.mailbox);
    expect(render(lng, 'NET_CONNECT_TIMEOUT', {})).toContain('smtp.office365.com:587');
  });

  it.each(LOCALES)('%s: a date reads in the user\'s language, not as ISO', (lng) => {
    const text = render(lng, 'SECRET_EXPIRING_SOON', producerParams('SECRET_EXPIRING_SOON'));
    expect(text).not.toContain('2026-03-15');
    expect(text).toContain(new Intl.DateTimeFormat(lng, { dateStyle: 'medium' }).format(new Date('2026-03-15')));
  });

  it('covers the whole catalog', () => {
    expect(FINDING_CODES.length).toBe(Object.keys(FINDING_CATALOG).length);
    expect(FINDING_CODES.length).toBeGreaterThan(40);
  });
});
