import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/languages';
import { readLocale } from '../../support/locale-files';

type Tree = { [key: string]: string | Tree };

function load(code: string): Tree {
  return readLocale(code)!.wizard as Tree;
}

/** Flattens to dotted keys; plural forms (_one, _other …) count as one key, as languages differ in them. */
function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(tree)) {
    const key = `${prefix}${k}`;
    if (typeof v === 'string') out.set(key.replace(/_(zero|one|two|few|many|other)$/, ''), v);
    else for (const [kk, vv] of flatten(v, `${key}.`)) out.set(kk, vv);
  }
  return out;
}

/** Words that are the same in that language (loanwords, units): not an untranslated leftover. */
const SAME_AS_ENGLISH: Record<string, string[]> = {
  nl: ['nav.start', 'check.ms', 'practice.scenario', 'service-principal.route', 'ise.patch'],
  fr: ['check.ms'],
  de: ['nav.start', 'check.ms', 'ise.patch'],
  it: ['check.ms', 'practice.scenario', 'ise.patch'],
  'zh-TW': [],
};

const en = flatten(load('en'));

describe('the wizard namespace in every language', () => {
  for (const { code } of LANGUAGES.filter((l) => l.code !== 'en')) {
    it(`${code} has every key and no untranslated value`, () => {
      const other = flatten(load(code));
      expect([...en.keys()].filter((k) => !other.has(k))).toEqual([]);
      expect([...other.keys()].filter((k) => !en.has(k))).toEqual([]);
      const same = [...en].filter(([k, v]) => other.get(k) === v).map(([k]) => k);
      expect(same.sort()).toEqual([...SAME_AS_ENGLISH[code]!].sort());
    });

    it(`${code} keeps every placeholder and markup tag of the English text`, () => {
      const other = flatten(load(code));
      for (const [k, v] of en) {
        const marks = (s: string) => [...s.matchAll(/\{\{\w+\}\}|<\/?(?:lnk|code)>/g)].map((m) => m[0]).sort();
        expect(marks(other.get(k)!), `${code} ${k}`).toEqual(marks(v));
      }
    });
  }

  it("keeps ISE's own English field names in every language", () => {
    for (const { code } of LANGUAGES) {
      const t = flatten(load(code));
      expect(t.get('ise.do3')).toContain('OAuth Token Endpoint API');
      expect(t.get('check.needsProfile')).toContain('Email Address');
    }
  });
});
