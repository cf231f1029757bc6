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

// Every namespace, not only the wizard's steps: the finding texts, automation, the ISE API panel,
// certificates, advice, ux, profiles and validation name the same admin-center menus and buttons.
// ADMIN_CENTER_LABELS is the one table; `node scripts/i18n-language-fixes.mjs` writes the form.
describe('portal labels in every namespace: localized, with the English beside them', () => {
  it.each(['de', 'fr', 'nl', 'it', 'zh-TW'] as const)('%s names no admin-center label in English alone', async (lng) => {
    const { ADMIN_CENTER_LABELS, besideLocal, localForms } = (await import('../../../scripts/i18n-language-fixes.mjs')) as {
      ADMIN_CENTER_LABELS: Record<string, Record<string, string>>;
      besideLocal: (local: string | string[], english: string) => RegExp;
      localForms: (lng: string, english: string) => string[];
    };
    const all = texts(lng);
    for (const ns of ['wizard', 'findings', 'automation', 'iseApi', 'certificates', 'advice', 'ux', 'profiles', 'validation', 'app']) {
      expect(all.some(([k]) => k.startsWith(`${ns}.`)), ns).toBe(true);
    }
    const labels = Object.entries(ADMIN_CENTER_LABELS[lng]!);
    // Take out every "localized (English)" first, so a path read as one ("Benutzer > Aktive Benutzer
    // (Users > Active users)") does not leave its parts behind; what English is left stands alone.
    const rest = (t: string) => labels.reduce((out, [english]) => out.replace(besideLocal(localForms(lng, english), english), ''), t);
    for (const [english] of labels) {
      const alone = all.filter(([, t]) => rest(t).includes(english)).map(([k]) => k);
      expect(alone, `${lng}: ${english}`).toEqual([]);
    }
    // A path whose first part stayed English: "Users > Aktive Benutzer (Active users)".
    for (const [english, local] of labels.filter(([english]) => english.includes(' > '))) {
      const parts = english.split(' > ');
      const mixed = `${parts.slice(0, -1).join(' > ')} > ${local.split(' > ').at(-1)} (${parts.at(-1)})`;
      expect(all.filter(([, t]) => t.includes(mixed)).map(([k]) => k), `${lng}: ${mixed}`).toEqual([]);
    }
    for (const english of ['API permissions', 'Client secrets', 'Value', 'Revoke admin consent', 'Remove permission', 'Conditional Access', 'Authenticated SMTP']) {
      expect(all.some(([, t]) => besideLocal(localForms(lng, english), english).test(t)), `${lng}: ${english} beside its localized label`).toBe(true);
    }
  });
});

// The finding texts (cause and fix) name more admin-center menus and buttons than the steps;
// scripts/i18n-language-fixes.mjs --finding-labels writes them in the same form.
describe('finding texts: admin-center labels localized, with the English beside them', () => {
  it.each(['de', 'fr', 'nl', 'it', 'zh-TW'] as const)('%s findings name the main admin-center labels localized, the English beside them', async (lng) => {
    const { FINDING_PORTAL_LABELS, besideLocal } = (await import('../../../scripts/i18n-language-fixes.mjs')) as {
      FINDING_PORTAL_LABELS: Record<string, Record<string, string>>;
      besideLocal: (local: string, english: string) => RegExp;
    };
    const findings = texts(lng).filter(([k]) => k.startsWith('findings.'));
    expect(findings.length).toBeGreaterThan(50);
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


// Issue 12 / domain review E8: ISE's certificate stores sit under Certificate Management, in every
// text of every language and in the CLI's English lines alike.
describe("ISE's certificate menus", () => {
  it('name Administration > System > Certificates > Certificate Management > …', async () => {
    const { ISE_NEXT_STEP_EN } = await import('../../../electron/core/ise/next-steps-en');
    const short = /Administration > System > Certificates > (?!Certificate Management >)/;
    for (const lng of ['en', 'de', 'fr', 'nl', 'it', 'zh-TW']) expect(keysWith(lng, short), lng).toEqual([]);
    expect(Object.entries(ISE_NEXT_STEP_EN).filter(([, line]) => short.test(line)).map(([code]) => code)).toEqual([]);
    expect(keysWith('en', /Administration > System > Certificates > Certificate Management > Trusted Certificates/).length).toBeGreaterThan(0);
  });
});
