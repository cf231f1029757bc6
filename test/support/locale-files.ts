import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readTextCatalog } from '../../electron/core/texts/sources';
import { LANGUAGE_CODES, type TextCatalog } from '../../shared/i18n/catalog';

/** The languages the wizard ships in (DESIGN §4); `en` is the reference every other locale is checked against. */
export const LOCALES = LANGUAGE_CODES as readonly ('en' | 'nl' | 'fr' | 'de' | 'it' | 'zh-TW')[];
export type Locale = (typeof LOCALES)[number];

// I18N_SOURCES_DIR lets a check run against a copy (e.g. to prove it catches a broken file).
export const SOURCES_DIR = process.env.I18N_SOURCES_DIR ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../renderer/i18n/sources');

export type Tree = { [key: string]: string | Tree };

let built: { catalog: TextCatalog; problems: string[] } | undefined;

/** The texts as the build merges them from renderer/i18n/sources, and the problems it found. */
export function textCatalog(): { catalog: TextCatalog; problems: string[] } {
  built ??= readTextCatalog(SOURCES_DIR);
  return built;
}

/** One language's texts, merged from the sources exactly as the renderer's build does; null when unknown. */
export function readLocale(lng: string): Tree | null {
  const tree = (textCatalog().catalog as Record<string, Tree | undefined>)[lng];
  return tree && Object.keys(tree).length > 0 ? tree : null;
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
