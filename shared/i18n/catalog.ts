import { LANGUAGES, type LanguageCode } from '../languages';

/**
 * The one source of every user-visible text is `renderer/i18n/sources/*.json`, each file holding
 * all six languages: `{"en": {...}, "nl": {...}, …}`. This module turns those files into one
 * tree per language; the renderer's build (scripts/vite-i18n.ts), the CLI's texts
 * (electron/core/texts/) and the tests all call it, so nothing else holds a second copy.
 *
 * How to add texts: a NEW namespace is a new file `<namespace>.json` (its keys appear as
 * `<namespace>.<key>`); keys added to an existing namespace without editing its file go in a
 * part file `<namespace>.<part>.json` (e.g. `findings.hardnet.json`), merged into the namespace.
 * A key defined twice, or a language missing from a file, is reported as a problem.
 */

export type TextTree = { [key: string]: string | TextTree };
export type TextCatalog = Record<LanguageCode, TextTree>;

/** One source file: its file name (e.g. `findings.hardnet.json`) and its parsed content. */
export interface TextSourceFile {
  name: string;
  content: unknown;
}

export const LANGUAGE_CODES: readonly LanguageCode[] = LANGUAGES.map((l) => l.code);

/** The namespace a source file feeds: the file name up to its first dot. */
export function namespaceOf(fileName: string): string {
  return fileName.replace(/\.json$/, '').split('.')[0]!;
}

function isTree(value: unknown): value is TextTree {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Merges the source files into one tree per language. Files are taken in name order (the main
 * `<ns>.json` before its parts), so the result does not depend on the directory's listing order.
 */
export function buildCatalog(files: readonly TextSourceFile[]): { catalog: TextCatalog; problems: string[] } {
  const problems: string[] = [];
  const catalog = Object.fromEntries(LANGUAGE_CODES.map((lng) => [lng, {}])) as TextCatalog;
  const sorted = [...files].sort((a, b) => a.name.replace(/\.json$/, '').localeCompare(b.name.replace(/\.json$/, '')));
  for (const file of sorted) {
    const ns = namespaceOf(file.name);
    if (!isTree(file.content)) {
      problems.push(`${file.name}: not a JSON object of languages`);
      continue;
    }
    for (const lng of LANGUAGE_CODES) {
      const texts = file.content[lng];
      if (!isTree(texts)) {
        problems.push(`${file.name}: language ${lng} missing`);
        continue;
      }
      const target = (catalog[lng][ns] ??= {}) as TextTree;
      for (const [key, value] of Object.entries(texts)) {
        if (key in target) problems.push(`${file.name}: ${lng}.${ns}.${key} is defined twice`);
        else target[key] = value;
      }
    }
  }
  return { catalog, problems };
}

/** A text by its dotted key (`findings.TOKEN_SECRET_INVALID.fix`); undefined when absent. */
export function textAt(tree: TextTree, key: string): string | undefined {
  let node: string | TextTree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

/** i18next-style `{{name}}` interpolation; a placeholder without a value stays visible. */
export function interpolate(text: string, params: Readonly<Record<string, string | number | boolean>>): string {
  return text.replace(/\{\{\s*([^},\s]+)[^}]*\}\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

// i18next's plural suffixes: languages have different plural categories (zh-TW only "other"),
// so keys are compared per plural group, not per suffix.
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

function leafKeys(tree: TextTree, prefix = '', out = new Set<string>()): Set<string> {
  for (const [key, value] of Object.entries(tree)) {
    const dotted = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.add(dotted.replace(PLURAL_SUFFIX, ''));
    else leafKeys(value, dotted, out);
  }
  return out;
}

/** `<lng>: <key>` for every text English has and another language lacks (plural forms as one key). */
export function missingKeys(catalog: TextCatalog): string[] {
  const reference = leafKeys(catalog.en);
  const missing: string[] = [];
  for (const lng of LANGUAGE_CODES) {
    if (lng === 'en') continue;
    const have = leafKeys(catalog[lng]);
    for (const key of reference) if (!have.has(key)) missing.push(`${lng}: ${key}`);
  }
  return missing;
}
