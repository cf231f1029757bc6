import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../../shared/findings';
import { findingTexts } from '../../../../electron/core/texts/finding-texts';
import { readLocale } from '../../../support/locale-files';

type Entry = Record<string, Record<string, string>>;

describe('finding texts for the CLI', () => {
  it('are the wizard\'s own texts, in the language asked for', () => {
    const de = readLocale('de')!.findings as unknown as Entry;
    const texts = findingTexts('de');
    expect(texts.fix('TOKEN_SECRET_INVALID')).toBe(de.TOKEN_SECRET_INVALID!.fix);
    expect(texts.title('NET_CONNECT_TIMEOUT')).toBe(de.NET_CONNECT_TIMEOUT!.title);
  });

  it('fill in the finding\'s values', () => {
    const fix = findingTexts('en').fix('SMTP_AUTH_REJECTED', { mailbox: 'no-reply@contoso.onmicrosoft.com' });
    expect(fix).toContain('Get-MailboxPermission -Identity no-reply@contoso.onmicrosoft.com');
    expect(fix).not.toContain('{{mailbox}}');
  });

  it('follow the route like the wizard: context app-rbac picks the App RBAC fix', () => {
    const texts = findingTexts('de');
    const rbac = texts.fix('SMTP_AUTH_REJECTED', { mailbox: 'm@contoso.com', context: 'app-rbac' });
    expect(rbac).toContain('Test-ServicePrincipalAuthorization');
    expect(rbac).not.toContain('Add-MailboxPermission -Identity');
    expect(texts.fix('SMTP_AUTH_REJECTED', { mailbox: 'm@contoso.com' })).toContain('FullAccess');
    // a context without its own text falls back to the plain one
    expect(texts.fix('TOKEN_SECRET_INVALID', { context: 'app-rbac' })).toBe(texts.fix('TOKEN_SECRET_INVALID'));
  });

  it('say a value nobody passed in words, never as a raw placeholder (lookup-error knows no profile)', () => {
    for (const lng of ['en', 'nl', 'fr', 'de', 'it', 'zh-TW'] as const) {
      const texts = findingTexts(lng);
      for (const code of FINDING_CODES) {
        for (const part of ['title', 'cause', 'fix'] as const) expect(texts[part](code), `${lng} ${code} ${part}`).not.toMatch(/\{\{|\}\}/);
      }
    }
    expect(findingTexts('en').fix('TOKEN_APP_NO_SERVICE_PRINCIPAL')).toContain('New-MgServicePrincipal -AppId your Application (client) ID');
  });

  it('exist for every finding code in every language (no code falls back to its bare name)', () => {
    for (const lng of ['en', 'nl', 'fr', 'de', 'it', 'zh-TW'] as const) {
      const texts = findingTexts(lng);
      for (const code of FINDING_CODES) expect(texts.fix(code), `${lng} ${code}`).not.toBe(code);
    }
  });
});
