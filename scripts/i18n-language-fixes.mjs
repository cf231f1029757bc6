#!/usr/bin/env node
// Issue 12, point 7: one register in Italian (the infinitive for instructions, as Microsoft's
// Italian pages use), Microsoft's terms for Enterprise applications and Send As in nl/fr/it,
// and two calques; and the admin-center labels of every namespace as "localized (English)".
// Rewrites renderer/i18n/sources/*.json; idempotent, rerun after a merge.
// Usage: node scripts/i18n-language-fixes.mjs --portal-labels   (the fixes, then the labels)
import fs from 'node:fs';
import path from 'node:path';

/** Per language: [from, to], whole words or phrases, applied in order. */
export const LANGUAGE_FIXES = {
  it: [
    // Articles before a label the label pass localized: la Panoramica.
    ['Nell’<code>Panoramica (Overview)</code>', 'Nella <code>Panoramica (Overview)</code>'],
    ['dall’Panoramica (Overview)', 'dalla Panoramica (Overview)'],
    ['e il <code>ID della directory (tenant)', 'e l’<code>ID della directory (tenant)'],
    ['dell’Panoramica (Overview)', 'della Panoramica (Overview)'],
    ['SMTP.SendAsApp (Revoke admin consent, poi Remove permission).', 'SMTP.SendAsApp: prima Revoca consenso amministratore (Revoke admin consent), poi Rimuovi autorizzazione (Remove permission).'],
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
    // Articles before a label the label pass localized: het Overzicht.
    ['op de <code>Overzicht (Overview)</code>', 'op het <code>Overzicht (Overview)</code>'],
    ['de Overzicht (Overview)', 'het Overzicht (Overview)'],
    ['SMTP.SendAsApp (Revoke admin consent, daarna Remove permission).', 'SMTP.SendAsApp: eerst Beheerderstoestemming intrekken (Revoke admin consent), daarna Machtiging verwijderen (Remove permission).'],
    ['de object-ID van de Enterprise Application', 'de object-ID van de bedrijfstoepassing (Enterprise Application)'],
    ['object-ID van de Enterprise Application', 'object-ID van de bedrijfstoepassing'],
    ['laat het verkeer vallen', 'blokkeert het verkeer'],
    ['geen Send As-machtiging', 'geen machtiging Verzenden als (Send As)'],
    ['verleen Send As', 'verleen Verzenden als (Send As)'],
  ],
  fr: [
    // Articles before a label the label pass localized: la Vue d’ensemble; no bracket in a bracket.
    ['l’<code>Vue d’ensemble (Overview)</code>', 'la <code>Vue d’ensemble (Overview)</code>'],
    ['de l’Vue d’ensemble (Overview)', 'de la Vue d’ensemble (Overview)'],
    ['et le <code>ID de l’annuaire (locataire)', 'et l’<code>ID de l’annuaire (locataire)'],
    ['dans Entra (Certificats & secrets (Certificates & secrets))', 'dans Entra, sous Certificats & secrets (Certificates & secrets)'],
    ['SMTP.SendAsApp (Revoke admin consent, puis Remove permission).', 'SMTP.SendAsApp : d’abord Révoquer le consentement administrateur (Revoke admin consent), puis Supprimer l’autorisation (Remove permission).'],
    ["l’Enterprise Application", "l’application d’entreprise (Enterprise Application)"],
    ["l'autorisation Send As", "l'autorisation Envoyer en tant que (Send As)"],
    ['accordez Send As', 'accordez Envoyer en tant que (Send As)'],
  ],
  // The two buttons of the CLAIMS_ROLE_UNEXPECTED fix, as a sentence rather than brackets in brackets.
  de: [
    ['SMTP.SendAsApp (Revoke admin consent, dann Remove permission).', 'SMTP.SendAsApp: zuerst Administratorzustimmung widerrufen (Revoke admin consent), dann Berechtigung entfernen (Remove permission).'],
    ['einen neuen geheimen Clientschlüssel (Zertifikate & Geheimnisse (Certificates & secrets))', 'einen neuen geheimen Clientschlüssel unter Zertifikate & Geheimnisse (Certificates & secrets)'],
  ],
  'zh-TW': [
    ['（先 Revoke admin consent，再 Remove permission）', '（先撤銷管理員同意 (Revoke admin consent)，再移除權限 (Remove permission)）'],
    ['請在 Entra（憑證及祕密 (Certificates & secrets)）建立', '請在 Entra 的憑證及祕密 (Certificates & secrets) 中建立'],
    ['使用者 > 作用中使用者 >', '使用者 > 作用中的使用者 >'],
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
 * portal release). The base of ADMIN_CENTER_LABELS below, which `--portal-labels` applies.
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

/**
 * The finding texts (findings.json) name more portal labels than the wizard's steps. Same form,
 * "localized (English)"; the extra localized names are Microsoft's as this project knows them
 * (unconfirmed against the live portals, like PORTAL_LABELS). "Users > Active users" comes before
 * "Active users" so the path is localized as one.
 */
export const FINDING_PORTAL_LABELS = {
  de: { 'Overview > Properties > Manage security defaults': 'Übersicht > Eigenschaften > Sicherheitsstandards verwalten', Overview: 'Übersicht', 'Users > Active users': 'Benutzer > Aktive Benutzer', 'Mail > Manage email apps': 'E-Mail > E-Mail-Apps verwalten', ...PORTAL_LABELS.de, 'Authenticated SMTP': 'Authentifiziertes SMTP', 'New client secret': 'Neuer geheimer Clientschlüssel', 'Client secrets': 'Geheime Clientschlüssel', Value: 'Wert', 'Add a permission': 'Berechtigung hinzufügen', 'Application permissions': 'Anwendungsberechtigungen', 'APIs my organization uses': 'Von meiner Organisation verwendete APIs', 'Revoke admin consent': 'Administratorzustimmung widerrufen', 'Remove permission': 'Berechtigung entfernen', Properties: 'Eigenschaften', 'Conditional Access': 'Bedingter Zugriff', 'Security Defaults': 'Sicherheitsstandards', 'Save changes': 'Änderungen speichern', 'Application (client) ID': 'Anwendungs-ID (Client)', 'Directory (tenant) ID': 'Verzeichnis-ID (Mandant)', 'Object ID': 'Objekt-ID', 'New registration': 'Neue Registrierung', 'Accounts in this organizational directory only': 'Nur Konten in diesem Organisationsverzeichnis' },
  fr: { 'Overview > Properties > Manage security defaults': 'Vue d’ensemble > Propriétés > Gérer les paramètres de sécurité par défaut', Overview: 'Vue d’ensemble', 'Users > Active users': 'Utilisateurs > Utilisateurs actifs', 'Mail > Manage email apps': 'Courrier > Gérer les applications de messagerie', ...PORTAL_LABELS.fr, 'Authenticated SMTP': 'SMTP authentifié', 'New client secret': 'Nouveau secret client', 'Client secrets': 'Secrets client', Value: 'Valeur', 'Add a permission': 'Ajouter une autorisation', 'Application permissions': 'Autorisations d’application', 'APIs my organization uses': 'API utilisées par mon organisation', 'Revoke admin consent': 'Révoquer le consentement administrateur', 'Remove permission': 'Supprimer l’autorisation', Properties: 'Propriétés', 'Conditional Access': 'Accès conditionnel', 'Security Defaults': 'paramètres de sécurité par défaut', 'Save changes': 'Enregistrer les modifications', 'Application (client) ID': 'ID d’application (client)', 'Directory (tenant) ID': 'ID de l’annuaire (locataire)', 'Object ID': 'ID d’objet', 'New registration': 'Nouvelle inscription', 'Accounts in this organizational directory only': 'Comptes dans cet annuaire organisationnel uniquement' },
  nl: { 'Overview > Properties > Manage security defaults': 'Overzicht > Eigenschappen > Standaardinstellingen voor beveiliging beheren', Overview: 'Overzicht', 'Users > Active users': 'Gebruikers > Actieve gebruikers', 'Mail > Manage email apps': 'E-mail > E-mail-apps beheren', ...PORTAL_LABELS.nl, 'Authenticated SMTP': 'Geverifieerde SMTP', 'New client secret': 'Nieuw clientgeheim', 'Client secrets': 'Clientgeheimen', Value: 'Waarde', 'Add a permission': 'Een machtiging toevoegen', 'Application permissions': 'Toepassingsmachtigingen', 'APIs my organization uses': 'API’s die mijn organisatie gebruikt', 'Revoke admin consent': 'Beheerderstoestemming intrekken', 'Remove permission': 'Machtiging verwijderen', Properties: 'Eigenschappen', 'Conditional Access': 'Voorwaardelijke toegang', 'Security Defaults': 'standaardinstellingen voor beveiliging', 'Save changes': 'Wijzigingen opslaan', 'Application (client) ID': 'Toepassings-id (client)', 'Directory (tenant) ID': 'Map-id (tenant)', 'Object ID': 'Object-id', 'New registration': 'Nieuwe registratie', 'Accounts in this organizational directory only': 'Alleen accounts in deze organisatiemap' },
  it: { 'Overview > Properties > Manage security defaults': 'Panoramica > Proprietà > Gestisci impostazioni predefinite per la sicurezza', Overview: 'Panoramica', 'Users > Active users': 'Utenti > Utenti attivi', 'Mail > Manage email apps': 'Posta > Gestisci app di posta elettronica', ...PORTAL_LABELS.it, 'Authenticated SMTP': 'SMTP autenticato', 'New client secret': 'Nuovo segreto client', 'Client secrets': 'Segreti client', Value: 'Valore', 'Add a permission': 'Aggiungi un’autorizzazione', 'Application permissions': 'Autorizzazioni applicazione', 'APIs my organization uses': 'API utilizzate dall’organizzazione', 'Revoke admin consent': 'Revoca consenso amministratore', 'Remove permission': 'Rimuovi autorizzazione', Properties: 'Proprietà', 'Conditional Access': 'Accesso condizionale', 'Security Defaults': 'impostazioni predefinite per la sicurezza', 'Save changes': 'Salva modifiche', 'Application (client) ID': 'ID applicazione (client)', 'Directory (tenant) ID': 'ID della directory (tenant)', 'Object ID': 'ID oggetto', 'New registration': 'Nuova registrazione', 'Accounts in this organizational directory only': 'Solo account in questa directory organizzativa' },
  'zh-TW': { 'Overview > Properties > Manage security defaults': '概觀 > 屬性 > 管理安全性預設值', Overview: '概觀', 'Users > Active users': '使用者 > 作用中的使用者', 'Mail > Manage email apps': '郵件 > 管理電子郵件應用程式', ...PORTAL_LABELS['zh-TW'], 'Authenticated SMTP': '已驗證的 SMTP', 'New client secret': '新增用戶端密碼', 'Client secrets': '用戶端密碼', Value: '值', 'Add a permission': '新增權限', 'Application permissions': '應用程式權限', 'APIs my organization uses': '我的組織使用的 API', 'Revoke admin consent': '撤銷管理員同意', 'Remove permission': '移除權限', Properties: '屬性', 'Conditional Access': '條件式存取', 'Security Defaults': '安全性預設值', 'Save changes': '儲存變更', 'Application (client) ID': '應用程式 (用戶端) 識別碼', 'Directory (tenant) ID': '目錄 (租用戶) 識別碼', 'Object ID': '物件識別碼', 'New registration': '新增註冊', 'Accounts in this organizational directory only': '僅此組織目錄中的帳戶' },
};

/**
 * The one table of admin-center labels, for every namespace (the steps, the findings, automation,
 * the ISE API panel, certificates, advice, ux, profiles, validation). Paths come before their
 * parts so a path is localized as one. Sources, checked in Microsoft's localized Learn pages and
 * docs repositories: de Geheime Clientschlüssel / Neuer geheimer Clientschlüssel, Authentifiziertes
 * SMTP / Änderungen speichern, Bedingter Zugriff; fr Secrets client / Nouveau secret client,
 * Supprimer l’autorisation; nl Clientgeheimen / Nieuw clientgeheim, Geverifieerde SMTP,
 * beheerderstoestemming intrekken; it Segreti client / Nuovo segreto client; zh-TW 用戶端密碼 /
 * 新增用戶端密碼, 撤銷管理員同意, 條件式存取; the Overview IDs in every language (Anwendungs-ID (Client),
 * Verzeichnis-ID (Mandant), ID de l’annuaire (locataire), Map-id (tenant), ID della directory (tenant),
 * 目錄 (租用戶) 識別碼, ID oggetto). The rest are Microsoft's terms as this project knows
 * them, not confirmed against a live portal (Revoke admin consent in de/fr/it, Remove permission
 * in de/nl/it/zh-TW, Value, Properties, Save changes outside de).
 */
export const ADMIN_CENTER_LABELS = FINDING_PORTAL_LABELS;

/**
 * Forms a running sentence uses for a label besides the label itself (German declines it); the
 * English beside any of them counts. Matching is case-insensitive, so "une stratégie d'accès
 * conditionnel (Conditional Access)" is already right.
 */
export const LABEL_FORMS = {
  de: { 'Conditional Access': ['bedingten Zugriff'] },
  nl: { 'Security Defaults': ['standaardbeveiliging'] },
};

export function localForms(lng, english, labels = ADMIN_CENTER_LABELS) {
  const local = labels[lng]?.[english];
  return [...(local ? [local] : []), ...(LABEL_FORMS[lng]?.[english] ?? [])];
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\&]/g, '\\$&');
const localRe = (local) => escapeRe(local).replace(/[’']/g, "['’]");

/**
 * Where the English label already stands beside its localized one: the localized label (any of
 * its forms, either apostrophe, any case, an optional closing quote), then a bracket group, half-
 * or full-width, that holds the English. "Benutzer > Aktive Benutzer (Users > Active users)",
 * "「已驗證的 SMTP」(Authenticated SMTP)".
 */
export function besideLocal(local, english) {
  const forms = (Array.isArray(local) ? local : [local]).map(localRe).join('|');
  return new RegExp(`(?:${forms})[」”"]?\\s?[(（][^()（）]*${escapeRe(english)}[^()（）]*[)）]`, 'gi');
}

/** Every English label that does not yet stand beside its localized one becomes "localized (English)". */
export function withLabelsBeside(lng, text, labels = FINDING_PORTAL_LABELS) {
  const entries = Object.entries(labels[lng] ?? {});
  const kept = [];
  const keep = (s) => entries.reduce((out, [english]) => out.replace(besideLocal(localForms(lng, english, labels), english), (m) => `\u0000${kept.push(m) - 1}\u0000`), s);
  let out = text;
  for (const [english, local] of entries.filter(([e]) => e.includes(' > '))) {
    // A path that stands localized alone gets its English; one whose first parts stayed English
    // ("Users > Aktive Benutzer (Active users)") is read as one path.
    const parts = english.split(' > ');
    const localParts = local.split(' > ');
    out = out.split(`${parts.slice(0, -1).join(' > ')} > ${localParts.at(-1)} (${parts.at(-1)})`).join(`${local} (${english})`);
    out = out.replace(new RegExp(`${localRe(local)}(?![」”"]?\\s?[(（])`, 'g'), (m) => `${m} (${english})`);
  }
  out = keep(out);
  for (const [english, local] of entries) {
    out = out.split(english).join(`${local} (${english})`);
    // Chinese runs on without a space before the label the English stood in for.
    if (lng === 'zh-TW') out = out.replace(new RegExp(`(?<=[\\u3000-\\u9fff\\uff00-\\uffef]) (?=${escapeRe(`${local} (${english})`)})`, 'g'), '');
    out = keep(out);
  }
  while (/\u0000\d+\u0000/.test(out)) out = out.replace(/\u0000(\d+)\u0000/g, (_, i) => kept[Number(i)]);
  return out;
}

/**
 * Applies `fn(lng, text)` to every text of every language but English in one source file's raw
 * JSON, in place: only changed strings are re-encoded, so each file keeps its layout and other
 * branches' diffs stay small. The top-level language blocks start with `  "<lng>": {`.
 */
export function rewriteTexts(raw, fn) {
  const starts = [...raw.matchAll(/^ {2}"([A-Za-z-]+)": \{/gm)].map((m) => ({ lng: m[1], at: m.index }));
  let out = '';
  let from = 0;
  starts.forEach(({ lng, at }, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].at : raw.length;
    out += raw.slice(from, at);
    const block = raw.slice(at, end);
    out +=
      lng === 'en'
        ? block
        : block.replace(/"((?:[^"\\]|\\.)*)"(\s*:)?/g, (m, body, isKey) => {
            if (isKey) return m;
            const text = JSON.parse(`"${body}"`);
            const next = fn(lng, text);
            return next === text ? m : JSON.stringify(next);
          });
    from = end;
  });
  return out + raw.slice(from);
}

if (process.argv.includes('--finding-labels') || process.argv.includes('--portal-labels')) {
  const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'renderer', 'i18n', 'sources');
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const file = path.join(dir, name);
    const before = fs.readFileSync(file, 'utf8');
    // The language fixes again after the labels: some of them mend what a new label did to a sentence.
    const after = rewriteTexts(before, (lng, text) => applyFixes(lng, withLabelsBeside(lng, text)));
    if (after === before) continue;
    JSON.parse(after); // still valid JSON
    fs.writeFileSync(file, after);
    console.log(`portal labels: ${name}`);
  }
}
