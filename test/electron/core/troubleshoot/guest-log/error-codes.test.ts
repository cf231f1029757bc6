import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { primaryIseErrorCode } from '../../../../../shared/ise-errors';
import { primaryErrorCode } from '../../../../../electron/core/troubleshoot/guest-log/error-codes';

const FIXTURES = path.join(__dirname, '../../../../fixtures/guest-log');
const HEADER = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d(?:[,.]\d{1,3})?/;

/** Every fixture entry's text (message and continuation lines) that the error table names. */
function failureTexts(): string[] {
  const texts: string[] = [];
  const files = fs.readdirSync(FIXTURES, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.log')).map((n) => path.join(FIXTURES, n));
  for (const file of files) {
    let current: string[] | null = null;
    const flush = () => current && texts.push(current.join('\n'));
    for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
      if (HEADER.test(line)) {
        flush();
        current = [line.replace(/^.*?-:[^\s]*?-\s?/, '')];
      } else if (current && line !== '') current.push(line);
    }
    flush();
  }
  return texts.filter((t) => primaryIseErrorCode(t) !== null);
}

/** A seeded generator, so a failure names the case that found it. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
}

/**
 * Times made of digits that look like the table's patterns: reply codes (535, 250), enhanced
 * codes' digits (5, 7, 3, 4), and plain random ones; fractions of 0 to 9 digits.
 */
function isoTime(next: () => number): string {
  const digits = (n: number) => Array.from({ length: n }, () => '0123455577723'[Math.floor(next() * 13)]).join('');
  const fraction = Math.floor(next() * 10);
  return `${digits(4)}-${digits(2)}-${digits(2)}T${digits(2)}:${digits(2)}:${digits(2)}${fraction ? `.${digits(fraction)}` : ''}Z`;
}

/** The text with an Exchange-style `[server time id]` suffix on its first line, or its own times replaced. */
function withTime(text: string, time: string): string {
  const iso = /\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d+)?Z/g;
  if (iso.test(text)) return text.replace(iso, time);
  const [first, ...rest] = text.split('\n');
  return [`${first} [AM0PR01CA0001.eurprd01.prod.exchangelabs.com ${time} 08DE1234]`, ...rest].join('\n');
}

describe('primaryErrorCode: the error table\'s code, kept for texts that differ only in a time', () => {
  it('gives primaryIseErrorCode\'s answer for every fixture failure with random times, after another time of it was read', () => {
    const texts = failureTexts();
    expect(texts.length).toBeGreaterThan(15);
    const next = random(16);
    let compared = 0;
    for (const text of texts) {
      primaryErrorCode(withTime(text, isoTime(next))); // a first reading, kept
      for (let k = 0; k < 40; k++) {
        const variant = withTime(text, isoTime(next));
        expect({ variant, code: primaryErrorCode(variant) }).toEqual({ variant, code: primaryIseErrorCode(variant) });
        compared++;
      }
    }
    expect(compared).toBe(texts.length * 40);
  });

  it('reads a time glued to other text (not between spaces or brackets) as part of the text', () => {
    // `AADSTS` + digits is a token error code: a time right after it changes which one.
    const a = 'Error acquiring token: AADSTS7000215-02-12T10:10:00.100Z invalid';
    const b = 'Error acquiring token: AADSTS7001234-02-12T10:10:00.100Z invalid';
    expect(primaryErrorCode(a)).toBe('TOKEN_SECRET_INVALID');
    expect(primaryErrorCode(b)).toBe('TOKEN_UNCLASSIFIED');
  });

  it('does not share a kept code between a text holding the placeholder and one holding a time', () => {
    const withNul = 'Error acquiring token: AADSTS90002 [x \u0000 y]';
    const withIso = 'Error acquiring token: AADSTS700016 [x 2026-02-12T10:10:00.100Z y]';
    expect(primaryErrorCode(withIso)).toBe('TOKEN_APP_NOT_FOUND');
    expect(primaryErrorCode(withNul)).toBe('TOKEN_TENANT_NOT_FOUND');
    expect(primaryErrorCode(withIso.replace('2026', '2027'))).toBe('TOKEN_APP_NOT_FOUND');
  });
});
