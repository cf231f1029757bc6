import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The languages the wizard ships in (DESIGN §4); `en` is the reference every other locale is checked against. */
export const LOCALES = ['en', 'nl', 'fr', 'de', 'it', 'zh-TW'] as const;
export type Locale = (typeof LOCALES)[number];

// I18N_LOCALES_DIR lets a check run against a copy (e.g. to prove it catches a broken file).
export const LOCALES_DIR =
  process.env.I18N_LOCALES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/i18n/locales');

export type Tree = { [key: string]: string | Tree };

/** Reads one locale file as written by scripts/i18n-merge.mjs; null when it does not exist. */
export function readLocale(lng: string): Tree | null {
  const file = path.join(LOCALES_DIR, `${lng}.json`);
  if (!fs.existsSync(file)) return null;
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Tree;
}

/** Flattens a namespace tree to dotted keys (i18next's default key separator), leaves kept as found. */
export function flatten(tree: Tree, prefix = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      for (const [k, v] of flatten(value, dotted)) out.set(k, v);
    } else {
      out.set(dotted, value);
    }
  }
  return out;
}

// i18next's plural suffixes (JSON v4). Languages have different plural categories (zh-TW only
// "other", fr also "many"), so keys are compared per plural group, not per suffix.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** The key with any i18next plural suffix removed: `items_one` and `items_other` are one key. */
export function pluralBase(key: string): string {
  return key.replace(PLURAL_SUFFIX, '');
}

/** The `{{name}}` interpolation placeholders in a text (formats like `{{n, number}}` count as `n`). */
export function placeholders(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)) names.add(m[1]!);
  return names;
}
