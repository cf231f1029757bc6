import type { Profile } from '../../../shared/contract/profiles';
import { DEFAULT_AUTHORITY_HOST, iseSheet } from '../../../shared/ise-sheet';
import type { ExportDocument, ExportVerification } from '../../../shared/export-format';
import { findingTexts } from '../texts/finding-texts';
import { daysLeft } from '../profiles/expiry';
import { utcToday } from '../../../shared/secret-expiry';
import { REMINDER_DAYS_BEFORE } from './ics';
import { NODE_ROLES, nodeNeeds, proofLines } from './handoff-text';
import type { FindingCode } from '../../../shared/findings';
import { findingValues } from '../../../shared/finding-values';
import { printable } from '../../../shared/printable';

/** HTML text escaping for element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  // Control characters and bidi overrides out first (a profile name, a server's reply): issue 17.
  return printable(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

/** Options of the hand-off document. */
export interface HtmlReportOptions {
  /** BCP 47 locale for dates (the reader's); an unknown one falls back to en-GB. */
  locale?: string | undefined;
  /** The paper it is printed on; without it the printer's own (A4 or Letter) is used. */
  paper?: 'A4' | 'Letter' | undefined;
  now?: Date | undefined;
}

/**
 * Print-ready on A4 and Letter: the margins fit both, the content is narrower than the
 * narrower of the two (A4, 210 mm), and tables never split a row across pages.
 */
function style(paper: HtmlReportOptions['paper']): string {
  return `
@page { ${paper ? `size: ${paper}; ` : ''}margin: 18mm 16mm 18mm 16mm; }
@media screen { body { max-width: 178mm; margin: 12mm auto; padding: 0 6mm; } }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font: 10.5pt/1.4 "Segoe UI", "Noto Sans", Arial, sans-serif; color: #111; }
h1 { font-size: 16pt; margin: 0 0 1mm; } h2 { font-size: 12pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #888; break-after: avoid; }
h3 { font-size: 10.5pt; margin: 4mm 0 1mm; break-after: avoid; }
table { border-collapse: collapse; width: 100%; margin: 1mm 0; } tr { break-inside: avoid; }
th, td { text-align: left; vertical-align: top; padding: 1.2mm 2mm; border-bottom: 1px solid #ddd; }
th { width: 36%; font-weight: 600; } table.audit th { width: auto; } table.audit td { font-size: 9pt; } td { overflow-wrap: anywhere; }
.meta { color: #444; } .value { font-family: Consolas, "DejaVu Sans Mono", monospace; font-size: 9.5pt; }
.summary { border: 1.5pt solid #555; padding: 3mm 4mm; margin: 4mm 0; break-inside: avoid; }
.summary.ok { border-color: #0a6b0a; } .summary.bad { border-color: #b00020; }
.proven { color: #0a6b0a; } .failed { color: #b00020; } .warning { color: #8a5a00; } .not-tested { color: #555; }
ul.proof { list-style: none; padding: 0; margin: 0; } ul.proof li { margin: 0 0 1.2mm; padding-left: 22mm; text-indent: -22mm; }
ul.proof b { display: inline-block; width: 22mm; text-indent: 0; }
.signatures { display: flex; gap: 10mm; margin-top: 8mm; break-inside: avoid; }
.signatures div { flex: 1; border-top: 1px solid #333; padding-top: 1mm; color: #444; font-size: 9pt; }
.appendix { break-before: page; } .appendix td, .appendix th { font-size: 9pt; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 8.5pt; margin: 0; }
`;
}

function rows(pairs: Array<[string, string]>, valueClass = ''): string {
  return pairs
    .filter(([, v]) => v.trim() !== '')
    .map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td${valueClass ? ` class="${valueClass}"` : ''}>${escapeHtml(v)}</td></tr>`)
    .join('\n');
}

function usableLocale(locale: string | undefined): string {
  try {
    if (locale && Intl.DateTimeFormat.supportedLocalesOf([locale]).length > 0) return locale;
  } catch {
    // an invalid tag: fall through
  }
  return 'en-GB';
}

/** A moment in the reader's locale, to the second, with its time zone (never an ISO string with ms). */
function moment(iso: string, locale: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'long' }).format(d);
}

/** A calendar date (YYYY-MM-DD) in the reader's locale, without shifting it by the time zone. */
function calendarDate(ymd: string, locale: string): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

function shiftDays(ymd: string, days: number): string {
  return new Date(Date.parse(`${ymd}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

function summary(profile: Profile, v: ExportVerification | null, locale: string): string {
  if (!v) {
    return `<div class="summary bad"><strong>Not verified yet.</strong> No verification has been run for these values; run it in the wizard before handing this document over.</div>`;
  }
  const when = moment(v.startedAt, locale);
  return v.ok
    ? `<div class="summary ok"><strong class="proven">Verified</strong> on ${escapeHtml(when)}${v.practice ? ' against the practice tenant (not a real Microsoft 365 tenant)' : ''}: with the values below, ISE can obtain a token from Microsoft Entra ID and send mail as ${escapeHtml(profile.mailbox)} through Exchange Online. ISE's own Test Connection on the SMTP Server page remains the final check.</div>`
    : `<div class="summary bad"><strong class="failed">The last verification failed</strong> (${escapeHtml(when)}). The notes below say what to change; verify again before handing this document over.</div>`;
}

/** A finding's fix in English with the profile's values, without its code; '' if the texts are not found. */
function fixText(code: FindingCode, profile: Profile): string {
  try {
    const texts = findingTexts('en');
    const context = { mailbox: profile.mailbox, tenantId: profile.tenantId, clientId: profile.clientId, servicePrincipalObjectId: profile.servicePrincipalObjectId };
    const text = texts.fix(code, findingValues({ code }, context, texts.unknownValue));
    return text === code ? '' : text.replace(/<\/?[a-z]+>/g, '');
  } catch {
    return '';
  }
}

function proofSection(profile: Profile, v: ExportVerification, smtpHost: string, smtpPort: number, tokenHost: string): string {
  const lines = proofLines(v, { mailbox: profile.mailbox, route: profile.route, smtpHost, smtpPort, tokenHost });
  // Info findings (e.g. "ISE's nodes are not proven") are covered by the node section.
  const findings = v.findings.filter((f) => f.severity !== 'info').map((f) => fixText(f.code as FindingCode, profile));
  return `<ul class="proof">${lines.map((l) => `<li><b class="${l.status.replace(' ', '-')}">${escapeHtml(l.status[0]!.toUpperCase() + l.status.slice(1))}</b>${escapeHtml(l.text)}</li>`).join('\n')}</ul>
${findings.length > 0 ? `<h3>What to change</h3><ul>${[...new Set(findings.filter(Boolean))].map((t) => `<li>${escapeHtml(t)}</li>`).join('')}</ul>` : ''}`;
}

function expirySection(profile: Profile, locale: string, now: Date): string {
  if (!profile.secretExpiry) {
    return '<p>No expiry date was recorded for the client secret. Enter it in ISE\'s Expiry Date field: ISE raises its alarms ("SMTP OAuth Client Secret about to be expired", "… has expired") from it.</p>';
  }
  const left = daysLeft(profile.secretExpiry, utcToday(now));
  const status = left < 0 ? `expired ${-left} days ago` : left === 0 ? 'expires today' : `${left} days left`;
  return `<table>${rows([
    ['Client secret expires', `${calendarDate(profile.secretExpiry, locale)} (${status})`],
    ['Reminder', `${calendarDate(shiftDays(profile.secretExpiry, -REMINDER_DAYS_BEFORE), locale)}, ${REMINDER_DAYS_BEFORE} days before (calendar file: the wizard's "Expiry reminder (.ics)" export)`],
    ['Before it expires', 'Create a new client secret in the app registration, then enter its Value and Expiry Date in ISE (SMTP Server page) and run Test Connection.'],
  ])}</table>`;
}

/** The operation's words for the reader (the exact call stays in the table, monospace). */
const RESULT_WORDS: Record<string, string> = {
  created: 'Created', reused: 'Reused (already there)', changed: 'Changed', removed: 'Removed', failed: 'Failed', skipped: 'Skipped',
};

/**
 * The automated setup's audit trail (issue 14 point 4): every change, when (in the reader's
 * locale), by whom, what, Microsoft's request id and the result. The record holds ids and names
 * only, never a secret or a token, and every value is escaped.
 */
function auditSection(doc: ExportDocument, locale: string): string {
  const trail = doc.automation?.audit ?? [];
  if (!doc.automation || trail.length === 0) return '';
  const route = doc.automation.route === 'classic' ? 'classic route' : 'App RBAC route';
  return `<h2>Automated setup: audit trail</h2>
<p class="meta">The changes ise-smtp-oauth made in the tenant with the administrator's sign-in (${escapeHtml(route)}), oldest first. The request id is the one Microsoft returned: quote it to Microsoft support.</p>
<table class="audit"><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Request id</th><th scope="col">Result</th></tr>
${trail.map((e) => `<tr><td>${escapeHtml(moment(e.at, locale))}</td><td>${escapeHtml(e.upn)}</td><td><span class="value">${escapeHtml(e.operation)}</span>${e.target ? `<br>${escapeHtml(e.target)}` : ''}</td><td class="value">${escapeHtml(e.requestId ?? '')}</td><td class="${e.result === 'failed' ? 'failed' : e.result === 'skipped' ? 'not-tested' : 'proven'}">${escapeHtml(RESULT_WORDS[e.result] ?? e.result)}${e.status !== undefined ? ` (HTTP ${e.status})` : ''}</td></tr>`).join('\n')}</table>`;
}

function appendix(v: ExportVerification | null, doc: ExportDocument, locale: string): string {
  if (!v) return '';
  const claims = v.claims;
  return `<section class="appendix">
<h2>Appendix: raw evidence</h2>
<p class="meta">For support staff. Recorded by ise-smtp-oauth ${escapeHtml(doc.toolVersion)} on ${escapeHtml(moment(v.startedAt, locale))}; the whole run took ${escapeHtml((v.durationMs / 1000).toFixed(1))} s.</p>
<h3>Checks</h3>
<table><tr><th scope="col">Check</th><th scope="col">Result</th></tr>
${v.checks.map((c) => `<tr><td class="value">${escapeHtml(c.id)}</td><td>${escapeHtml(c.status)}</td></tr>`).join('\n')}</table>
${v.findings.length > 0 ? `<h3>Findings</h3><table>${v.findings.map((f) => `<tr><td class="value">${escapeHtml(f.code)}</td><td>${escapeHtml(f.severity)}</td></tr>`).join('\n')}</table>` : ''}
${claims ? `<h3>Token claims</h3><table>${rows([
    ['aud (audience)', claims.aud ?? ''],
    ['roles', (claims.roles ?? []).join(', ')],
    ['tid (tenant)', claims.tid ?? ''],
    ['appid (client)', claims.appid ?? ''],
    ['oid (service principal object ID)', claims.oid ?? ''],
    ['exp (token expiry)', claims.exp !== undefined ? moment(new Date(claims.exp * 1000).toISOString(), locale) : ''],
  ], 'value')}</table>` : ''}
${v.smtp.banner || (v.smtp.capabilities ?? []).length > 0 ? `<h3>SMTP</h3><table>${rows([
    ['Banner', v.smtp.banner ?? ''],
    ['Capabilities', (v.smtp.capabilities ?? []).join(' ')],
  ], 'value')}</table>` : ''}
${v.certificates.length > 0 ? `<h3>Certificates presented</h3><table>${v.certificates.map((c) => `<tr><th scope="row">${c.isCA ? 'CA' : 'Server'} · ${escapeHtml(c.source === 'network.smtp' ? 'SMTP host' : 'sign-in host')}</th><td class="value">${escapeHtml(c.subject)}<br>issuer: ${escapeHtml(c.issuer)}<br>SHA-256: ${escapeHtml(c.sha256)}</td></tr>`).join('\n')}</table>` : ''}
</section>`;
}

/**
 * The hand-off document a customer's change board accepts: who, when, which tenant, app,
 * mailbox and ISE version, what was proven (in words), the values to type into ISE (never the
 * secret), what each ISE node needs, the secret's expiry and reminder, and the raw evidence in
 * an appendix. Self-contained (inline CSS), no scripts (a CSP forbids them), every value escaped.
 */
export function htmlReport(profile: Profile, doc: ExportDocument, options: HtmlReportOptions = {}): string {
  const locale = usableLocale(options.locale);
  const now = options.now ?? new Date(doc.exportedAt);
  const s = doc.iseSettings;
  const tokenHost = hostOf(s['OAuth Token Endpoint API']) || hostOf(DEFAULT_AUTHORITY_HOST);
  const sheet = iseSheet(profile).map((row): [string, string] =>
    row.label === 'Client Secret'
      ? [row.label, 'the client secret Value (not in this document; the engineer enters it)']
      : row.label === 'Expiry Date' && profile.secretExpiry
        ? [row.label, `${profile.secretExpiry} (${calendarDate(profile.secretExpiry, locale)})`]
        : [row.label, row.value],
  );
  const v = doc.lastVerification;
  const caSubjects = [...new Set((v?.certificates ?? []).filter((c) => c.isCA).map((c) => c.subject.split(', ').find((p) => p.startsWith('CN='))?.slice(3) ?? c.subject))];
  const route = profile.route === 'classic'
    ? 'Classic: the app has the SMTP.SendAsApp permission and its service principal has FullAccess on the mailbox'
    : 'App RBAC (least privilege): a management scope for the mailbox and the "Application SMTP.SendAsApp" role';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>ISE SMTP OAuth configuration: ${escapeHtml(profile.name)}</title>
<style>${style(options.paper)}</style>
</head>
<body>
<h1>Cisco ISE: sending mail with Exchange Online OAuth</h1>
<p class="meta">Configuration hand-off${profile.customer ? ` for ${escapeHtml(profile.customer)}` : ''} · ${escapeHtml(profile.name)} · prepared on ${escapeHtml(moment(doc.exportedAt, locale))}</p>
${summary(profile, v, locale)}
<h2>What this covers</h2>
<table>${rows([
    ['Customer', profile.customer],
    ['Site / profile', profile.name],
    ['Cisco ISE version', profile.iseVersion || 'not recorded'],
    ['Microsoft Entra tenant (Tenant ID)', profile.tenantId],
    ['App registration (Client ID)', profile.clientId],
    ['Sender mailbox (Email Address)', profile.mailbox],
    ['Exchange Online permission', route],
    ['Service principal object ID', profile.servicePrincipalObjectId || v?.claims?.oid || ''],
    ['Proxy', doc.profile.proxy ?? ''],
  ])}</table>
<h2>What was proven</h2>
${v ? proofSection(profile, v, s['SMTP Server'], s['SMTP Port'], tokenHost) : '<p>Nothing yet: no verification has been run.</p>'}
<p class="meta">The checks ran on the engineer's computer, exactly as ISE will run them (a fresh token, STARTTLS on port ${escapeHtml(String(s['SMTP Port']))}, AUTH XOAUTH2 as the mailbox). They cannot prove that each ISE node reaches Microsoft: see "What each ISE node needs".</p>
<h2>Values for ISE: Administration &gt; System &gt; Settings &gt; SMTP Server</h2>
<table>${rows(sheet, 'value')}</table>
<p class="meta">ISE saves these settings only after Test Connection succeeds. Then set the same mailbox as the sender in Work Centers &gt; Guest Access &gt; Settings &gt; Guest Email Settings (Default 'From', "Always send notifications from the default email address") and in Administration &gt; System &gt; Settings &gt; Alarm Settings. ISE does not include these settings in Backup &amp; Restore: keep this document.</p>
<h2>What each ISE node needs</h2>
<table><tr><th scope="col">Node</th><th scope="col">Sends</th></tr>
${NODE_ROLES.map((r) => `<tr><td>${escapeHtml(r.node)}</td><td>${escapeHtml(r.sends)}</td></tr>`).join('\n')}</table>
<p>Each of these nodes needs:</p>
<ul>${nodeNeeds(tokenHost, s['SMTP Server'], s['SMTP Port'], caSubjects).map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>
<h2>Client secret expiry</h2>
${expirySection(profile, locale, now)}
${auditSection(doc, locale)}
<div class="signatures"><div>Prepared by (name, date, signature)</div><div>Approved by (name, date, signature)</div></div>
${appendix(v, doc, locale)}
</body>
</html>
`;
}
