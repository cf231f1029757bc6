import { describe, expect, it } from 'vitest';
import { createRedactor, redact } from '../../../../electron/core/diagnostics/redact';

/**
 * The cut-piece masking (issue 17.6) after it was made fast for the fleet check (issue 16.2):
 * the longest trailing prefix and then the longest leading suffix of each known form (4 or more
 * characters, shorter than the whole) is masked, exactly as trying every length from the
 * longest down did. The oracle below is that plain loop; it is compared on every cut of a
 * token-sized value and on generated texts.
 */
function oracle(text: string, form: string): string {
  let out = text;
  for (let n = Math.min(form.length - 1, out.length); n >= 4; n--) {
    if (out.endsWith(form.slice(0, n))) {
      out = `${out.slice(0, out.length - n)}[redacted]`;
      break;
    }
  }
  for (let n = Math.min(form.length - 1, out.length); n >= 4; n--) {
    if (out.startsWith(form.slice(form.length - n))) {
      out = `[redacted]${out.slice(n)}`;
      break;
    }
  }
  return out;
}

// A repetitive value (its prefix recurs inside it): where a first-match search would go wrong.
const TOKEN = `abcabcabd${'xyzxyz'.repeat(300)}abcab-end`;
// Only the literal form matters here: the value has no characters URL or base64 change, and the
// shapes (JWT, Bearer …) do not match these texts.
const expected = (text: string) => oracle(text.split(TOKEN).join('[redacted]'), TOKEN);

describe('masking the pieces a cut leaves of a known value', () => {
  it('masks the same as the length-by-length loop at every cut of a 1,800-character value', () => {
    const redactor = createRedactor(() => [TOKEN]);
    for (let cut = 1; cut < TOKEN.length; cut += 7) {
      for (const text of [`reply: ${TOKEN.slice(0, cut)}`, `${TOKEN.slice(cut)} tail`, `${TOKEN.slice(cut)} middle ${TOKEN.slice(0, cut)}`]) {
        expect(redactor(text), `cut at ${cut}`).toBe(expected(text));
      }
    }
  });

  it('masks the same on generated texts, for the redactor and for redact()', () => {
    let seed = 42;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = (s: string) => s.slice(Math.floor(next() * s.length), Math.floor(next() * s.length) + 1);
    const redactor = createRedactor(() => [TOKEN]);
    for (let i = 0; i < 2000; i++) {
      const text = `${next() < 0.5 ? TOKEN.slice(Math.floor(next() * TOKEN.length)) : ''} ${pick('abcabd xyz -end')}${next() < 0.6 ? TOKEN.slice(0, Math.floor(next() * TOKEN.length)) : ''}`;
      expect(redactor(text)).toBe(expected(text));
      expect(redact(text, [TOKEN])).toBe(expected(text));
    }
  });

  it('leaves a text with no piece of the value alone (no over-masking of the rest)', () => {
    expect(redact('250 2.0.0 OK abc', [TOKEN])).toBe('250 2.0.0 OK abc');
    expect(redact('abca', [TOKEN])).toBe('[redacted]'); // four characters: the shortest piece masked
  });

  it('picks up a known value learnt mid-run (the access token) on the next call', () => {
    const known: (string | undefined)[] = ['SecretValue~1234'];
    const redactor = createRedactor(() => known);
    expect(redactor(`a ${TOKEN} b`)).toContain('xyzxyz');
    known.push(TOKEN);
    expect(redactor(`a ${TOKEN} b`)).toBe('a [redacted] b');
  });
});
