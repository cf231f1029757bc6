import { describe, expect, it } from 'vitest';
import { buildCatalog, interpolate, missingKeys, textAt } from '../../../shared/i18n/catalog';

const all = (texts: Record<string, unknown>) => Object.fromEntries(['en', 'nl', 'fr', 'de', 'it', 'zh-TW'].map((l) => [l, texts]));

describe('the text catalog built from renderer/i18n/sources', () => {
  it('puts each file under its namespace and folds part files into it', () => {
    const { catalog, problems } = buildCatalog([
      { name: 'findings.json', content: all({ A: { fix: 'a' } }) },
      { name: 'findings.extra.json', content: all({ B: { fix: 'b' } }) },
      { name: 'other.json', content: all({ x: 'y' }) },
    ]);
    expect(problems).toEqual([]);
    expect(catalog.de).toEqual({ findings: { A: { fix: 'a' }, B: { fix: 'b' } }, other: { x: 'y' } });
  });

  it('reports a language missing from a file and a key defined twice', () => {
    const { nl: _nl, ...withoutNl } = all({ x: 'y' });
    const { problems } = buildCatalog([
      { name: 'a.json', content: withoutNl },
      { name: 'findings.json', content: all({ A: 'a' }) },
      { name: 'findings.more.json', content: all({ A: 'again' }) },
    ]);
    expect(problems).toContain('a.json: language nl missing');
    expect(problems).toContain('findings.more.json: en.findings.A is defined twice');
  });

  it('fails when a language lacks a key English has, and not when only plural forms differ', () => {
    const texts = all({ title: 'T', items_one: '1', items_other: 'n' });
    const healthy = buildCatalog([{ name: 'ns.json', content: { ...texts, 'zh-TW': { title: '標題', items_other: 'n' } } }]);
    expect(missingKeys(healthy.catalog)).toEqual([]);
    const broken = buildCatalog([{ name: 'ns.json', content: { ...texts, fr: { items_other: 'n' } } }]);
    expect(missingKeys(broken.catalog)).toEqual(['fr: ns.title']);
  });

  it('reads a text by its dotted key and fills its placeholders, leaving unknown ones visible', () => {
    const { catalog } = buildCatalog([{ name: 'findings.json', content: all({ A: { fix: 'Check {{host}} and {{port}}' } }) }]);
    const text = textAt(catalog.en, 'findings.A.fix')!;
    expect(interpolate(text, { host: 'smtp.office365.com' })).toBe('Check smtp.office365.com and {{port}}');
    expect(textAt(catalog.en, 'findings.B.fix')).toBeUndefined();
  });
});
