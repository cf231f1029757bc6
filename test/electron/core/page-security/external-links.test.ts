import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../../../electron/core/page-security/external-links';

describe('external links', () => {
  it.each([
    'https://entra.microsoft.com/#view/Microsoft_AAD_RegisteredApps',
    'https://admin.cloud.microsoft/?#/users',
    'https://learn.microsoft.com/en-us/exchange/client-developer/legacy-protocols/how-to-authenticate-an-imap-pop-smtp-application-by-using-oauth',
    'https://www.cisco.com/c/en/us/support/security/identity-services-engine/series.html',
  ])('opens %s', (url) => expect(isAllowedExternalUrl(url)).toBe(true));

  it.each([
    'http://entra.microsoft.com/',
    'https://entra.microsoft.com.attacker.example/',
    'https://attacker.example/?entra.microsoft.com',
    'https://user:pass@entra.microsoft.com/',
    'https://entra.microsoft.com:8443/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'not a url',
  ])('refuses %s', (url) => expect(isAllowedExternalUrl(url)).toBe(false));
});
