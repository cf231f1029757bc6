import { FINDING_VALUE_NAMES, type FindingValueName } from '../../../shared/finding-values';
import type { FindingCode } from '../../../shared/findings';
import { interpolate, textAt, type TextCatalog } from '../../../shared/i18n/catalog';
import type { LanguageCode } from '../../../shared/languages';
import { findTextSourcesDir, readTextCatalog } from './sources';

type Params = Readonly<Record<string, string | number | boolean>>;

/** A finding's title, cause and fix in one language: the same texts the wizard shows. */
export interface FindingTexts {
  title(code: FindingCode, params?: Params): string;
  cause(code: FindingCode, params?: Params): string;
  fix(code: FindingCode, params?: Params): string;
  /** The words for a value nothing recorded (`uxFindings.unknown.<name>`), as the wizard shows them. */
  unknownValue(name: FindingValueName): string;
}

let cached: TextCatalog | undefined;

/** The texts of every language, read once per process from renderer/i18n/sources. */
function catalog(): TextCatalog {
  if (!cached) {
    const dir = findTextSourcesDir();
    if (!dir) throw new Error('the text sources (renderer/i18n/sources) were not found');
    cached = readTextCatalog(dir).catalog;
  }
  return cached;
}

/**
 * The finding texts (`findings.<CODE>.title|cause|fix`) in `language`, English where a text is
 * missing, the code itself as the last resort. Core keeps no prose of its own: the CLI reads
 * the same source the renderer's build does.
 */
export function findingTexts(language: LanguageCode, texts: TextCatalog = catalog()): FindingTexts {
  const unknownValue = (name: FindingValueName) => textAt(texts[language], `uxFindings.unknown.${name}`) ?? textAt(texts.en, `uxFindings.unknown.${name}`) ?? name;
  // A value the caller did not pass is said in words (lookup-error, analyze-log know no profile), never {{name}}.
  const unknown = Object.fromEntries(FINDING_VALUE_NAMES.map((n) => [n, unknownValue(n)]));
  const read = (part: 'title' | 'cause' | 'fix') => (code: FindingCode, params: Params = {}) => {
    const key = `findings.${code}.${part}`;
    // i18next's context, as the wizard applies it: params.context 'app-rbac' picks `fix_app-rbac`.
    const contextKey = typeof params.context === 'string' && params.context ? `${key}_${params.context}` : undefined;
    const text =
      (contextKey ? (textAt(texts[language], contextKey) ?? textAt(texts.en, contextKey)) : undefined) ??
      textAt(texts[language], key) ??
      textAt(texts.en, key);
    return text === undefined ? code : interpolate(text, { ...unknown, ...params });
  };
  return { title: read('title'), cause: read('cause'), fix: read('fix'), unknownValue };
}
