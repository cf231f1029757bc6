import { describe, expect, it } from 'vitest';
import { FINDING_CODES } from '../../../shared/findings';
import { SETUP_STEPS } from '../../../shared/steps';
import { VALIDATION_MESSAGES } from '../../../shared/validators';
import { missingKeys } from '../../../shared/i18n/catalog';
import { LOCALES, flatten, placeholders, pluralBase, readLocale, textCatalog, type Tree } from '../../support/locale-files';

// The texts have one source, renderer/i18n/sources/*.json, merged per language by the build
// (shared/i18n/catalog.ts); these checks hold for every namespace, so a helper's missing or
// untranslated string shows here.

const trees = new Map(LOCALES.map((lng) => [lng, readLocale(lng)]));
const tree = (lng: string): Tree => {
  const t = trees.get(lng as (typeof LOCALES)[number]);
  if (!t) throw new Error(`locale ${lng} missing`);
  return t;
};
const flat = new Map(LOCALES.map((lng) => [lng, trees.get(lng) ? flatten(trees.get(lng)!) : new Map<string, unknown>()]));
const en = flat.get('en')!;
const others = LOCALES.filter((lng) => lng !== 'en');

/** Plural groups: base key → the texts of all its plural forms. */
function groups(map: Map<string, unknown>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [key, value] of map) {
    const base = pluralBase(key);
    out.set(base, [...(out.get(base) ?? []), String(value)]);
  }
  return out;
}

function placeholderUnion(texts: string[]): string[] {
  return [...new Set(texts.flatMap((t) => [...placeholders(t)]))].sort();
}

// Values allowed to read the same as in English: pure product / ISE field names, and the few
// words some languages spell the same way (fr "Information").
const SAME_IN_TRANSLATION = new Set(['Information', 'ISE', 'Microsoft Entra ID', 'Exchange Online', 'SMTP', 'OAuth', 'Client ID', 'Tenant ID',
  'Client Secret', 'Email Address', 'Expiry Date', 'SMTP Server', 'SMTP Port', 'Connection Timeout', 'Scope',
  'OAuth Token Endpoint API', 'PowerShell', 'JSON', 'CLI', 'OK']);

describe('locale texts', () => {
  it('merge from the sources without a problem (every language in every file, no key twice)', () => {
    expect(textCatalog().problems).toEqual([]);
  });

  it('give every language every key English has', () => {
    expect(missingKeys(textCatalog().catalog)).toEqual([]);
  });

  it('exist for all six languages and parse as objects', () => {
    for (const lng of LOCALES) {
      expect(trees.get(lng), `texts of ${lng}`).toBeTypeOf('object');
      expect(trees.get(lng)).not.toBeNull();
    }
  });

  it('hold only non-empty strings as leaves', () => {
    for (const lng of LOCALES) {
      for (const [key, value] of flat.get(lng)!) {
        expect(typeof value, `${lng}: ${key}`).toBe('string');
        expect((value as string).trim(), `${lng}: ${key} is empty`).not.toBe('');
      }
    }
  });

  it.each(others)('%s has exactly the key set of en, in every namespace', (lng) => {
    const want = [...groups(en).keys()].sort();
    const have = [...groups(flat.get(lng)!).keys()].sort();
    expect(have.filter((k) => !want.includes(k)), `${lng}: keys en does not have`).toEqual([]);
    expect(want.filter((k) => !have.includes(k)), `${lng}: keys missing`).toEqual([]);
    // A plural group needs its `_other` form wherever en has one: i18next falls back to it.
    for (const key of en.keys()) {
      if (key.endsWith('_other')) expect(flat.get(lng)!.has(key), `${lng}: ${key}`).toBe(true);
    }
  });

  it.each(others)('%s uses the same {{placeholders}} as en for every key', (lng) => {
    const enGroups = groups(en);
    for (const [base, texts] of groups(flat.get(lng)!)) {
      const reference = enGroups.get(base);
      if (!reference) continue; // reported by the key-set test
      expect(placeholderUnion(texts), `${lng}: ${base}`).toEqual(placeholderUnion(reference));
    }
  });
});

describe('findings namespace', () => {
  it.each(LOCALES)('%s has title, cause and fix for every finding code', (lng) => {
    const findings = tree(lng).findings as Tree | undefined;
    expect(findings, `${lng}: findings namespace`).toBeTypeOf('object');
    for (const code of FINDING_CODES) {
      const entry = findings![code] as Tree | undefined;
      expect(entry, `${lng}: findings.${code}`).toBeTypeOf('object');
      expect(Object.keys(entry!).sort(), `${lng}: findings.${code}`).toEqual(['cause', 'fix', 'title']);
    }
  });

  it('has no texts for codes that are not in FINDING_CATALOG', () => {
    const keys = Object.keys(tree('en').findings as Tree).filter((k) => k !== 'severity' && k !== 'step');
    expect(keys.filter((k) => !(FINDING_CODES as string[]).includes(k))).toEqual([]);
  });

  it.each(LOCALES)('%s names the three severities and the five steps', (lng) => {
    const findings = tree(lng).findings as Tree;
    expect(Object.keys(findings.severity as Tree).sort()).toEqual(['error', 'info', 'warning']);
    expect(Object.keys(findings.step as Tree).sort()).toEqual([...SETUP_STEPS].sort());
  });

  it('names the steps as the wizard does in English', () => {
    expect((tree('en').findings as Tree).step).toEqual({
      mailbox: 'Mailbox',
      'app-registration': 'App registration',
      'service-principal': 'Service principal',
      ise: 'ISE settings',
      network: 'Network',
    });
  });

  it.each(others)('%s translates every cause and fix (no copy of the English text)', (lng) => {
    const copies = [...flat.get(lng)!].filter(
      ([key, value]) => /^findings\.[A-Z0-9_]+\.(cause|fix)$/.test(key) && value === en.get(key),
    );
    expect(copies.map(([key]) => key)).toEqual([]);
  });

  it.each(others)('%s translates finding titles and validation messages unless they are pure product names or the same word', (lng) => {
    const copies = [...flat.get(lng)!].filter(
      ([key, value]) =>
        /^(findings|validation)\./.test(key) && value === en.get(key) && !SAME_IN_TRANSLATION.has(String(value)),
    );
    expect(copies.map(([key]) => key)).toEqual([]);
  });
});

describe('validation namespace', () => {
  const rules = Object.keys(VALIDATION_MESSAGES).sort();

  it.each(LOCALES)('%s has a message for every rule in VALIDATION_MESSAGES and no other', (lng) => {
    const validation = tree(lng).validation as Tree | undefined;
    expect(validation, `${lng}: validation namespace`).toBeTypeOf('object');
    expect(Object.keys(validation!).sort()).toEqual(rules);
  });

  it('names the expected format in English, as the rule does', () => {
    const v = tree('en').validation as Record<string, string>;
    expect(v.tenantId).toMatch(/Directory \(tenant\) ID.*GUID/);
    expect(v.clientId).toMatch(/Application \(client\) ID.*GUID/);
    expect(v.mailbox).toContain('no-reply@contoso.onmicrosoft.com');
    expect(v.secretLooksLikeId).toMatch(/Secret ID.*Value/);
    expect(v.expiry).toContain('YYYY-MM-DD');
    expect(v.scope).toContain('/.default');
    expect(v.port).toMatch(/1 to 65535/);
    expect(v.timeout).toMatch(/1 to 300/);
    expect(v.objectId).toMatch(/Enterprise Application object ID/);
  });

  it.each(LOCALES)('%s keeps the literal formats a field engineer must type', (lng) => {
    const v = tree(lng).validation as Record<string, string>;
    expect(v.tenantId).toContain('0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b');
    expect(v.mailbox).toContain('no-reply@contoso.onmicrosoft.com');
    expect(v.expiry).toContain('YYYY-MM-DD');
    expect(v.scope).toContain('/.default');
    expect(v.port).toContain('65535');
    expect(v.timeout).toContain('300');
    expect(v.iseVersion).toContain('3.3 P8');
  });
});
