import { describe, expect, it } from 'vitest';
import { pickLanguage } from '../../shared/languages';

describe('language choice', () => {
  it('keeps a saved choice', () => expect(pickLanguage('it', ['de-DE'])).toBe('it'));
  it('ignores a saved value we do not ship', () => expect(pickLanguage('xx', ['fr-BE'])).toBe('fr'));
  it('follows the OS languages in order', () => expect(pickLanguage(null, ['es-ES', 'nl-NL', 'de'])).toBe('nl'));
  it('maps Traditional Chinese tags to zh-TW', () => {
    expect(pickLanguage(null, ['zh-Hant-TW'])).toBe('zh-TW');
    expect(pickLanguage(null, ['zh-HK'])).toBe('zh-TW');
  });
  it('does not take Simplified Chinese for Traditional', () => expect(pickLanguage(null, ['zh-CN'])).toBe('en'));
  it('falls back to English', () => expect(pickLanguage(null, [])).toBe('en'));
});
