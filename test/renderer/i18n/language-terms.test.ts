import { describe, expect, it } from 'vitest';
import { readLocale } from '../../support/locale-files';

/** Every text of a language as the build merges it, with its key. */
function texts(lng: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const walk = (node: unknown, at: string) => {
    if (typeof node === 'string') out.push([at, node]);
    else if (node && typeof node === 'object') for (const [k, v] of Object.entries(node)) walk(v, at ? `${at}.${k}` : k);
  };
  walk(readLocale(lng), '');
  return out;
}
const keysWith = (lng: string, re: RegExp) => texts(lng).filter(([, t]) => re.test(t)).map(([k]) => k);

// Issue 12, point 7 (scripts/i18n-language-fixes.mjs fixes what these find).
describe('Microsoft terms and one register', () => {
  it('Italian: "Da quel momento", "applicazione aziendale", and instructions in the infinitive, never the voi imperative', () => {
    expect(keysWith('it', /Da allora/)).toEqual([]);
    expect(keysWith('it', /applicazione enterprise/i)).toEqual([]);
    expect(keysWith('it', /(?<!\p{L})(?:aprite|scegliete|copiate|inserite|selezionate|eseguite il|impostate|attivate)(?!\p{L})/iu)).toEqual([]);
  });

  it('Dutch and French: Bedrijfstoepassingen / application d’entreprise, Verzenden als / Envoyer en tant que', () => {
    expect(keysWith('nl', /Enterprise Application(?!\))/)).toEqual([]);
    expect(keysWith('fr', /Enterprise Application(?!\))/)).toEqual([]);
    expect(keysWith('nl', /laat het verkeer vallen/)).toEqual([]);
    for (const [lng, local] of [['nl', 'Verzenden als'], ['fr', 'Envoyer en tant que'], ['it', 'Invia come']] as const) {
      // "Send As" may stand only beside the local term, as the portal label in brackets
      expect(keysWith(lng, new RegExp(`(?<!\\()Send As(?!\\))`)), lng).toEqual([]);
      expect(texts(lng).some(([, t]) => t.includes(`${local} (Send As)`)), lng).toBe(true);
    }
  });
});

describe('portal labels: localized, with the English beside them', () => {
  it.each(['de', 'fr', 'nl', 'it', 'zh-TW'] as const)('%s wizard texts name no admin-center label in English alone', async (lng) => {
    const { PORTAL_LABELS } = (await import('../../../scripts/i18n-language-fixes.mjs')) as { PORTAL_LABELS: Record<string, Record<string, string>> };
    const wizard = texts(lng).filter(([k]) => k.startsWith('wizard.'));
    for (const [english, local] of Object.entries(PORTAL_LABELS[lng]!)) {
      const alone = wizard.filter(([, t]) => t.replaceAll(`${local} (${english})`, '').includes(english)).map(([k]) => k);
      expect(alone, `${lng}: ${english}`).toEqual([]);
    }
    expect(wizard.some(([, t]) => t.includes(`${PORTAL_LABELS[lng]!['API permissions']} (API permissions)`))).toBe(true);
  });
});

// The finding texts (cause and fix) name more admin-center menus and buttons than the steps;
// scripts/i18n-language-fixes.mjs --finding-labels writes them in the same form.
describe('finding texts: admin-center labels localized, with the English beside them', () => {
  it.each(['de', 'fr', 'nl', 'it', 'zh-TW'] as const)('%s findings name no admin-center label in English alone', async (lng) => {
    const { FINDING_PORTAL_LABELS, besideLocal } = (await import('../../../scripts/i18n-language-fixes.mjs')) as {
      FINDING_PORTAL_LABELS: Record<string, Record<string, string>>;
      besideLocal: (local: string, english: string) => RegExp;
    };
    const findings = texts(lng).filter(([k]) => k.startsWith('findings.'));
    expect(findings.length).toBeGreaterThan(50);
    for (const [english, local] of Object.entries(FINDING_PORTAL_LABELS[lng]!)) {
      const alone = findings.filter(([, t]) => t.replace(besideLocal(local, english), '').includes(english)).map(([k]) => k);
      expect(alone, `${lng}: ${english}`).toEqual([]);
    }
    for (const english of ['API permissions', 'Grant admin consent', 'App registrations', 'Enterprise applications', 'Certificates & secrets', 'Manage email apps', 'Authenticated SMTP']) {
      const local = FINDING_PORTAL_LABELS[lng]![english]!;
      expect(findings.some(([, t]) => t.includes(`${local} (${english})`) || besideLocal(local, english).test(t)), `${lng}: ${local} (${english})`).toBe(true);
    }
  });

  it('the English finding texts keep the English labels, and ISE menus stay English everywhere', () => {
    const en = texts('en').filter(([k]) => k.startsWith('findings.'));
    expect(en.some(([, t]) => t.includes('App registrations > your app > API permissions'))).toBe(true);
    for (const lng of ['de', 'fr', 'nl', 'it', 'zh-TW']) {
      expect(texts(lng).some(([k, t]) => k.startsWith('findings.') && t.includes('Administration > System > Settings > SMTP Server')), lng).toBe(true);
    }
  });
});

