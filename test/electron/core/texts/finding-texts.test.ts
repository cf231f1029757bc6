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

  it('exist for every finding code in every language (no code falls back to its bare name)', () => {
    for (const lng of ['en', 'nl', 'fr', 'de', 'it', 'zh-TW'] as const) {
      const texts = findingTexts(lng);
      for (const code of FINDING_CODES) expect(texts.fix(code), `${lng} ${code}`).not.toBe(code);
    }
  });
});
