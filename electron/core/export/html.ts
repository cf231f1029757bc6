import type { Profile } from '../../../shared/contract/profiles';
import { iseSheet } from '../../../shared/ise-sheet';
import type { ExportDocument } from '../../../shared/export-format';
import { printable } from '../../../shared/printable';

/** HTML text escaping for element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  // Control characters and bidi overrides out first (a profile name, a server's reply): issue 17.
  return printable(value).replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);
}

const STYLE = `
@page { size: A4; margin: 14mm; }
body { font: 10.5pt/1.35 "Segoe UI", Arial, sans-serif; color: #111; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 5mm 0 1.5mm; border-bottom: 1px solid #999; }
table { border-collapse: collapse; width: 100%; } th, td { text-align: left; vertical-align: top; padding: 1mm 2mm; border-bottom: 1px solid #ddd; }
th { width: 34%; font-weight: 600; } td { word-break: break-all; } .meta { color: #444; }
.pass { color: #0a6b0a; } .fail { color: #b00020; } .warn { color: #8a5a00; } .skip { color: #555; }
`;

function rows(pairs: Array<[string, string]>): string {
  return pairs.map(([k, v]) => `<tr><th scope="row">${escapeHtml(k)}</th><td>${escapeHtml(v)}</td></tr>`).join('\n');
}

/**
 * A printable one-page report for a change ticket: self-contained (inline CSS), no scripts
 * (and a CSP that forbids them), every value escaped. Never the secret: only whether one is stored.
 */
export function htmlReport(profile: Profile, doc: ExportDocument): string {
  const sheet = iseSheet(profile).map((row): [string, string] =>
    row.label === 'Client Secret'
      ? [row.label, doc.iseSettings['Client Secret'].storedInKeychain ? 'stored in the OS keychain (not shown)' : 'not stored']
      : [row.label, row.value],
  );
  const v = doc.lastVerification;
  const verification = v
    ? `<p class="meta">Verified ${escapeHtml(v.startedAt)}: <strong class="${v.ok ? 'pass' : 'fail'}">${v.ok ? 'passed' : 'failed'}</strong>${v.practice ? ' (practice tenant)' : ''}</p>
<table>${v.checks.map((c) => `<tr><th scope="row">${escapeHtml(c.id)}</th><td class="${escapeHtml(c.status)}">${escapeHtml(c.status)}</td></tr>`).join('\n')}</table>
${v.findings.length > 0 ? `<p>Findings: ${v.findings.map((f) => `${escapeHtml(f.code)} (${escapeHtml(f.severity)})`).join(', ')}</p>` : ''}
<h2>Token claims</h2><table>${rows([
        ['aud', v.claims?.aud ?? ''],
        ['roles', (v.claims?.roles ?? []).join(', ')],
        ['tid', v.claims?.tid ?? ''],
        ['appid', v.claims?.appid ?? ''],
        ['oid', v.claims?.oid ?? ''],
        ['exp', v.claims?.exp !== undefined ? new Date(v.claims.exp * 1000).toISOString() : ''],
      ])}</table>
<h2>SMTP and certificates</h2><table>${rows([
        ['Banner', v.smtp.banner ?? ''],
        ['Capabilities', (v.smtp.capabilities ?? []).join(' ')],
        ...v.certificates.map((c): [string, string] => [`${c.isCA ? 'CA' : 'Server'} (${c.source})`, `${c.subject}; SHA-256 ${c.sha256}`]),
      ])}</table>`
    : '<p>No verification has been run for this profile yet.</p>';
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>ISE SMTP OAuth configuration: ${escapeHtml(profile.name)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>Cisco ISE SMTP OAuth configuration</h1>
<p class="meta">${escapeHtml(profile.name)}${profile.customer ? ` · ${escapeHtml(profile.customer)}` : ''}${profile.iseVersion ? ` · ISE ${escapeHtml(profile.iseVersion)}` : ''} · exported ${escapeHtml(doc.exportedAt)} by ise-smtp-oauth ${escapeHtml(doc.toolVersion)}</p>
<h2>ISE: Administration &gt; System &gt; Settings &gt; SMTP Server</h2>
<table>${rows(sheet)}</table>
<h2>Exchange Online</h2>
<table>${rows([
    ['Route', profile.route === 'classic' ? 'classic (SMTP.SendAsApp + mailbox FullAccess)' : 'App RBAC (management scope)'],
    ['Service principal object ID', profile.servicePrincipalObjectId ?? ''],
  ])}</table>
<h2>Verification</h2>
${verification}
<p class="meta">The wizard runs on a laptop: each ISE node that sends mail still needs egress to login.microsoftonline.com:443 and smtp.office365.com:587, and both CA chains in its trusted store. ISE's Test Connection remains the final check.</p>
</body>
</html>
`;
}
