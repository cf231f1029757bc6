import type { FindingCode } from '../../../../shared/findings';
import { primaryIseErrorCode } from '../../../../shared/ise-errors';

/**
 * The primary error code of a failure's text (shared/ise-errors.ts), kept for texts that differ
 * only in an ISO-8601 time. Why: Exchange ends its replies with `[server time id]`
 * (`535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.… 2026-02-12T10:10:00.100Z 08DE1234]`),
 * so every such failure in a guest.log is a text of its own; the memo of entries seen before
 * (entry-memo.ts) cannot take it, and running the error table over it (some 40 patterns) was the
 * largest cost of those entries.
 *
 * Why the code cannot depend on that time: a time stands between whitespace or brackets here,
 * and no pattern of the table can match across it or inside it. The digit patterns need what a
 * time does not have: a reply code `[245]\d\d` followed by a space or dash and `[245].`, an
 * enhanced code `[45].d.d` (two dots; a time has one, after digits), `AADSTS` followed by
 * digits; every other pattern is words. test/electron/core/troubleshoot/guest-log/error-codes.test.ts
 * checks it on every failure of the fixtures with random times.
 */
const ISO_TIME = /(?<=[\s[])\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:\.\d{1,9})?Z(?=[\s\]])/g;
/** Stands for a time in a key; a text that already holds it is not kept (two texts could share a key). */
const PLACEHOLDER = '\u0000';
/** Texts kept; when full it starts again (a log of one failure needs one). */
const MAX_KEPT = 256;

const kept = new Map<string, FindingCode | null>();

/** primaryIseErrorCode(text), from the kept codes when a text like it but for its times was read before. */
export function primaryErrorCode(text: string): FindingCode | null {
  if (text.includes(PLACEHOLDER)) return primaryIseErrorCode(text);
  const key = text.replace(ISO_TIME, PLACEHOLDER);
  if (key === text) return primaryIseErrorCode(text);
  const known = kept.get(key);
  if (known !== undefined) return known;
  const code = primaryIseErrorCode(text);
  if (kept.size >= MAX_KEPT) kept.clear();
  kept.set(key, code);
  return code;
}
