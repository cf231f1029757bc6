import { describe, expect, it } from 'vitest';
import { printable, printableDeep, printableJson, printableLine } from '../../shared/printable';
import { escapeHtml } from '../../electron/core/export/html';

// Issue 17 point 7: one sanitizer for remote or user-supplied text before it is printed.
describe('printable', () => {
  it.each([
    ['OSC 52 clipboard write (BEL)', 'a\x1b]52;c;ZXZpbA==\x07b', 'ab'],
    ['OSC title change (ST)', 'a\x1b]0;pwned\x1b\\b', 'ab'],
    ['an unterminated OSC drops its payload', 'a\x1b]0;pwned', 'a'],
    ['screen clear and cursor home (CSI)', '\x1b[2J\x1b[Hok', 'ok'],
    ['colour (CSI m)', '\x1b[31mred\x1b[0m', 'red'],
    ['terminal reset (ESC c)', 'x\x1bcy', 'xy'],
    ['8-bit CSI and OSC', 'a\u009b2Jb\u009d0;t\u0007c', 'abc'],
    ['DCS', 'a\x1bPq#0;2;0;0;0\x1b\\b', 'ab'],
    ['NUL, BEL, backspace, DEL', 'a\x00b\x07c\x08d\x7fe', 'abcde'],
    ['a lone CR', 'safe\rEVIL', 'safeEVIL'],
    ['bidi override and isolates', 'invoice\u202egnp.exe \u2066x\u2069', 'invoicegnp.exe x'],
    ['zero-width space and BOM', 'a\u200bb\ufeffc', 'abc'],
  ])('strips %s', (_what, input, expected) => {
    expect(printable(input)).toBe(expected);
  });

  it('keeps ordinary text in every language, TAB, LF and CRLF', () => {
    const text = 'Contoso – no-reply@contoso.com\tÄÖü ñ 權杖 用戶端 😀\nline two\r\nline three';
    expect(printable(text)).toBe(text);
  });

  it('printableLine makes one line; printableDeep and printableJson clean keys and values', () => {
    expect(printableLine('a\tb\r\nc\nd')).toBe('a b c d');
    expect(printableDeep({ 'k\x1b[2J': ['v\x1b]0;t\x07', 1, null] })).toEqual({ k: ['v', 1, null] });
    expect(printableJson({ reply: '535 \x1b]52;c;eA==\x07x' })).toBe('{\n  "reply": "535 x"\n}');
  });

  it('the HTML export escapes after stripping', () => {
    expect(escapeHtml('<b>\x1b]0;t\x07Site\u202eA</b>')).toBe('&lt;b&gt;SiteA&lt;/b&gt;');
  });
});
