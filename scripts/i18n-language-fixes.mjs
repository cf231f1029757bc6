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

/**
 * The finding texts (findings.json) name more portal labels than the wizard's steps. Same form,
 * "localized (English)"; the extra localized names are Microsoft's as this project knows them
 * (unconfirmed against the live portals, like PORTAL_LABELS). "Users > Active users" comes before
 * "Active users" so the path is localized as one.
 */
export const FINDING_PORTAL_LABELS = {
  de: { Overview: 'Übersicht', 'Users > Active users': 'Benutzer > Aktive Benutzer', ...PORTAL_LABELS.de, 'Authenticated SMTP': 'Authentifiziertes SMTP', 'New client secret': 'Neuer geheimer Clientschlüssel', 'Add a permission': 'Berechtigung hinzufügen', 'Application permissions': 'Anwendungsberechtigungen', 'APIs my organization uses': 'Von meiner Organisation verwendete APIs' },
  fr: { Overview: 'Vue d’ensemble', 'Users > Active users': 'Utilisateurs > Utilisateurs actifs', ...PORTAL_LABELS.fr, 'Authenticated SMTP': 'SMTP authentifié', 'New client secret': 'Nouveau secret client', 'Add a permission': 'Ajouter une autorisation', 'Application permissions': 'Autorisations d’application', 'APIs my organization uses': 'API utilisées par mon organisation' },
  nl: { Overview: 'Overzicht', 'Users > Active users': 'Gebruikers > Actieve gebruikers', ...PORTAL_LABELS.nl, 'Authenticated SMTP': 'Geverifieerde SMTP', 'New client secret': 'Nieuw clientgeheim', 'Add a permission': 'Een machtiging toevoegen', 'Application permissions': 'Toepassingsmachtigingen', 'APIs my organization uses': 'API’s die mijn organisatie gebruikt' },
  it: { Overview: 'Panoramica', 'Users > Active users': 'Utenti > Utenti attivi', ...PORTAL_LABELS.it, 'Authenticated SMTP': 'SMTP autenticato', 'New client secret': 'Nuovo segreto client', 'Add a permission': 'Aggiungi un’autorizzazione', 'Application permissions': 'Autorizzazioni applicazione', 'APIs my organization uses': 'API utilizzate dall’organizzazione' },
  'zh-TW': { Overview: '概觀', 'Users > Active users': '使用者 > 作用中的使用者', ...PORTAL_LABELS['zh-TW'], 'Authenticated SMTP': '已驗證的 SMTP', 'New client secret': '新增用戶端密碼', 'Add a permission': '新增權限', 'Application permissions': '應用程式權限', 'APIs my organization uses': '我的組織使用的 API' },
};

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');

/**
 * Where the English label already stands beside its localized one: the localized label (either
 * apostrophe, an optional closing quote), then a bracket group, half- or full-width, that holds
 * the English. "Benutzer > Aktive Benutzer (Users > Active users)", "「已驗證的 SMTP」(Authenticated SMTP)".
 */
export function besideLocal(local, english) {
  const l = escapeRe(local).replace(/[’']/g, "['’]");
  return new RegExp(`${l}[」”"]?\\s?[(（][^()（）]*${escapeRe(english)}[^()（）]*[)）]`, 'g');
}

/** Every English label that does not yet stand beside its localized one becomes "localized (English)". */
export function withLabelsBeside(lng, text, labels = FINDING_PORTAL_LABELS) {
  let out = text;
  for (const [english, local] of Object.entries(labels[lng] ?? {})) {
    const kept = [];
    out = out.replace(besideLocal(local, english), (m) => `\u0000${kept.push(m) - 1}\u0000`);
    out = out.split(english).join(`${local} (${english})`);
    // Chinese runs on without a space before the label the English stood in for.
    if (lng === 'zh-TW') out = out.replace(new RegExp(`(?<=[\\u3000-\\u9fff\\uff00-\\uffef]) (?=${escapeRe(`${local} (${english})`)})`, 'g'), '');
    out = out.replace(/\u0000(\d+)\u0000/g, (_, i) => kept[Number(i)]);
  }
  return out;
}

if (process.argv.includes('--finding-labels')) {
  const file = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'renderer', 'i18n', 'sources', 'findings.json');
  const source = JSON.parse(fs.readFileSync(file, 'utf8'));
  const walk = (lng, node) =>
    typeof node === 'string' ? withLabelsBeside(lng, node) : node && typeof node === 'object' ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(lng, v)])) : node;
  const next = Object.fromEntries(Object.entries(source).map(([lng, tree]) => [lng, walk(lng, tree)]));
  fs.writeFileSync(file, JSON.stringify(next, null, 2) + '\n');
  console.log('portal labels: findings.json');
}
