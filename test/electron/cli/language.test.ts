import { describe, expect, it } from 'vitest';
import { cliLanguage } from '../../../electron/cli/language';

describe('the CLI language', () => {
  it('takes --lang first, mapped the way the wizard maps languages', () => {
    expect(cliLanguage('de', { LANG: 'fr_FR.UTF-8' })).toBe('de');
    expect(cliLanguage('zh-Hant-TW', {})).toBe('zh-TW');
    expect(cliLanguage('pt-BR', { LANG: 'de_DE.UTF-8' })).toBe('en');
  });

  it('defaults to the OS locale (LC_ALL, LC_MESSAGES, LANG in that order)', () => {
    expect(cliLanguage(undefined, { LANG: 'nl_NL.UTF-8' })).toBe('nl');
    expect(cliLanguage(undefined, { LC_ALL: 'it_IT.UTF-8', LANG: 'nl_NL.UTF-8' })).toBe('it');
    expect(cliLanguage(undefined, { LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'C' })).toBe('zh-TW');
  });
});
