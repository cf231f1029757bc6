#!/usr/bin/env node
// Issue 12, point 7: one register in Italian (the infinitive for instructions, as Microsoft's
// Italian pages use), Microsoft's terms for Enterprise applications and Send As in nl/fr/it,
// and two calques. Rewrites renderer/i18n/sources/*.json; idempotent, rerun after a merge.
// Usage: node scripts/i18n-language-fixes.mjs
import fs from 'node:fs';
import path from 'node:path';

/** Per language: [from, to], whole words or phrases, applied in order. */
export const LANGUAGE_FIXES = {
  it: [
    ['Da allora ISE', 'Da quel momento ISE'],
    ["dell'applicazione enterprise", "dell'applicazione aziendale"],
    ["dell’Enterprise Application", "dell’applicazione aziendale (Enterprise Application)"],
    ['autorizzazione Send As', 'autorizzazione Invia come (Send As)'],
    ['concedere Send As', 'concedere Invia come (Send As)'],
    ['Come volete iniziare?', 'Come si vuole iniziare?'],
    ['vedete i risultati', 'vedere i risultati'],
    ['Un indirizzo che potete leggere', 'Un indirizzo di cui si leggono i messaggi'],
    ...[
      ['selezionate', 'selezionare'], ['premete', 'premere'], ['Compilate', 'Compilare'], ['Inserite', 'Inserire'], ['inserite', 'inserire'],
      ['Seguite', 'Seguire'], ['Avviate', 'Avviare'], ['Riavviate', 'Riavviare'], ['Cambiate', 'Cambiare'], ['Aprite', 'Aprire'], ['aprite', 'aprire'],
      ['scegliete', 'scegliere'], ['mantenete', 'mantenere'], ['copiatene', 'copiarne'], ['copiate', 'copiare'], ['Copiate', 'Copiare'],
      ['aggiungete', 'aggiungere'], ['annotate', 'annotare'], ['Digitate', 'Digitare'], ['Eseguite', 'Eseguire'], ['verificate', 'verificare'],
      ['Lasciate', 'Lasciare'], ['usate', 'usare'], ['attivate', 'attivare'], ['Attivate', 'Attivare'], ['Fate clic', 'Fare clic'],
      ['conservate', 'conservare'], ['installate prima', 'installare prima'], ['impostate', 'impostare'], ['Poi eseguite', 'Poi eseguire'],
      ['date un nome', 'dare un nome'],
    ].map(([from, to]) => [new RegExp(`(?<![\\p{L}])${from}(?![\\p{L}])`, 'gu'), to]),
  ],
  nl: [
    ['de object-ID van de Enterprise Application', 'de object-ID van de bedrijfstoepassing (Enterprise Application)'],
    ['object-ID van de Enterprise Application', 'object-ID van de bedrijfstoepassing'],
    ['laat het verkeer vallen', 'blokkeert het verkeer'],
    ['geen Send As-machtiging', 'geen machtiging Verzenden als (Send As)'],
    ['verleen Send As', 'verleen Verzenden als (Send As)'],
  ],
  fr: [
    ["l’Enterprise Application", "l’application d’entreprise (Enterprise Application)"],
    ["l'autorisation Send As", "l'autorisation Envoyer en tant que (Send As)"],
    ['accordez Send As', 'accordez Envoyer en tant que (Send As)'],
  ],
};

export function applyFixes(lng, text) {
  let out = text;
  for (const [from, to] of LANGUAGE_FIXES[lng] ?? []) out = typeof from === 'string' ? out.split(from).join(to) : out.replace(from, to);
  return out;
}

// The files are rewritten as text, not re-serialised, so their layout (and other branches'
// diffs) stay as they are; every phrase below occurs only in its own language.
if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'renderer', 'i18n', 'sources');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const before = fs.readFileSync(file, 'utf8');
    let after = before;
    for (const lng of Object.keys(LANGUAGE_FIXES)) after = applyFixes(lng, after);
    if (after !== before) {
      JSON.parse(after); // still valid JSON
      fs.writeFileSync(file, after);
      console.log(`rewrote ${name}`);
    }
  }
}

/**
 * The Entra and Microsoft 365 admin centers are localized: the wizard's step texts show the
 * localized label with ISE-style English beside it, "API-Berechtigungen (API permissions)".
 * The localized names are Microsoft's as this project knows them (not checked against every
 * portal release). Applied to the wizard namespace by `--portal-labels`.
 */
export const PORTAL_LABELS = {
  de: { 'App registrations': 'App-Registrierungen', 'Enterprise applications': 'Unternehmensanwendungen', 'Manage email apps': 'E-Mail-Apps verwalten', 'Active users': 'Aktive Benutzer', 'API permissions': 'API-Berechtigungen', 'Certificates & secrets': 'Zertifikate & Geheimnisse', 'Grant admin consent': 'Administratorzustimmung erteilen' },
  fr: { 'App registrations': 'Inscriptions d’applications', 'Enterprise applications': 'Applications d’entreprise', 'Manage email apps': 'Gérer les applications de messagerie', 'Active users': 'Utilisateurs actifs', 'API permissions': 'Autorisations d’API', 'Certificates & secrets': 'Certificats & secrets', 'Grant admin consent': 'Accorder un consentement d’administrateur' },
  nl: { 'App registrations': 'App-registraties', 'Enterprise applications': 'Bedrijfstoepassingen', 'Manage email apps': 'E-mail-apps beheren', 'Active users': 'Actieve gebruikers', 'API permissions': 'API-machtigingen', 'Certificates & secrets': 'Certificaten en geheimen', 'Grant admin consent': 'Beheerderstoestemming verlenen' },
  it: { 'App registrations': 'Registrazioni app', 'Enterprise applications': 'Applicazioni aziendali', 'Manage email apps': 'Gestisci app di posta elettronica', 'Active users': 'Utenti attivi', 'API permissions': 'Autorizzazioni API', 'Certificates & secrets': 'Certificati e segreti', 'Grant admin consent': 'Concedi consenso amministratore' },
  'zh-TW': { 'App registrations': '應用程式註冊', 'Enterprise applications': '企業應用程式', 'Manage email apps': '管理電子郵件應用程式', 'Active users': '作用中的使用者', 'API permissions': 'API 權限', 'Certificates & secrets': '憑證及祕密', 'Grant admin consent': '授與管理員同意' },
};

export function withPortalLabels(lng, text) {
  let out = text;
  for (const [english, local] of Object.entries(PORTAL_LABELS[lng] ?? {})) {
    const escaped = english.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');
    out = out.replace(new RegExp(`(?<!\\()${escaped}(?!\\))`, 'g'), `${local} (${english})`);
  }
  return out;
}

if (process.argv.includes('--portal-labels')) {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'renderer', 'i18n', 'sources', 'wizard.json');
  const source = JSON.parse(fs.readFileSync(file, 'utf8'));
  const walk = (lng, node) =>
    typeof node === 'string' ? withPortalLabels(lng, node) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(lng, v)])) : node;
  const next = Object.fromEntries(Object.entries(source).map(([lng, tree]) => [lng, walk(lng, tree)]));
  fs.writeFileSync(file, JSON.stringify(next, null, 2) + '\n');
  console.log('portal labels: wizard.json');
}
