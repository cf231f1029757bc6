import type { IseImportReport, IseInspection } from '../../../shared/contract/ise';
import { ISE_NEXT_STEP_EN } from './next-steps-en';

/** The CLI's readable report (English; the UI has every language). */
const MAIL_EN: Record<string, string> = {
  guestExpiry: 'guest account expiry',
  alarms: 'alarms',
  portals: 'sponsor and guest portal notifications',
  passwordExpiry: 'password expiry',
};

export function formatInspection(i: IseInspection, title = `ISE ${i.host}`): string {
  const lines: string[] = [title, ''];
  if (i.certificate) {
    lines.push(`admin certificate  ${i.certificate.subject}${i.certificate.selfSigned ? ' (self-signed)' : ''}`);
    lines.push(`  SHA-256          ${i.certificate.sha256}`);
    lines.push(`  valid until      ${i.certificate.validTo.slice(0, 10)}; pin: ${i.pin}`);
  }
  lines.push(`ERS      port ${i.apis.ers.port}  ${i.apis.ers.state}${i.apis.csrf ? ' (CSRF token used)' : ''}`);
  lines.push(`OpenAPI  port ${i.apis.openapi.port}  ${i.apis.openapi.state}`);
  if (i.version) {
    const verdict = i.verdict.state === 'supported' ? 'supports MS Exchange Online OAuth' : i.verdict.state === 'unsupported' ? `does NOT support MS Exchange Online OAuth (needs ${i.verdict.required})` : 'unknown';
    lines.push(`version  ${i.version.version}, patches ${i.version.patches.join(',') || 'none'} → ${i.version.text}: ${verdict}`);
  }
  if (i.nodes.length) {
    lines.push('', 'nodes:');
    for (const n of i.nodes) lines.push(`  ${n.hostname.padEnd(14)} ${n.fqdn.padEnd(30)} ${n.ipAddress.padEnd(15)} ${n.personas.join(', ')} [${n.nodeStatus}]`);
    lines.push('', 'which node sends which mail:');
    for (const m of i.mailRoutes) lines.push(`  ${MAIL_EN[m.mail]!.padEnd(40)} ${m.nodes.join(', ') || '-'}`);
    lines.push(`  each of them must reach ${i.egress.map((e) => `${e.host}:${e.port}`).join(' and ')}`);
  }
  if (i.proxy) {
    lines.push('', `ISE proxy: ${i.proxy.configured ? `${i.proxy.fqdn}:${i.proxy.port ?? ''}${i.proxy.bypassHosts.length ? ` (bypass ${i.proxy.bypassHosts.join(', ')})` : ''}` : 'none'}; this computer: token host ${i.laptopPath.token}, SMTP host ${i.laptopPath.smtp}`);
  }
  if (i.guestSmtp) {
    lines.push(`guest email: default From ${i.guestSmtp.defaultFromAddress || '(empty)'}${i.guestSmtp.matchesMailbox === null ? '' : i.guestSmtp.matchesMailbox ? ' (the mailbox)' : ' (NOT the mailbox)'}, notifications ${i.guestSmtp.notificationEnabled ? 'on' : 'OFF'}, ${i.guestSmtp.useDefaultFromAddress ? 'always from the default address' : "from the sponsor's address"}`);
  }
  if (i.trustedStore.read) {
    lines.push('', `trusted certificates: ${i.trustedStore.count}; the Microsoft chains need:`);
    for (const c of i.trustedStore.required) lines.push(`  ${c.state.toUpperCase().padEnd(8)} ${c.subjectCN ?? c.subject}  SHA-256 ${c.sha256}`);
  }
  if (i.findings.length) {
    lines.push('', 'findings:');
    for (const f of i.findings) {
      const facts = Object.entries(f.params).map(([k, v]) => `${k}=${String(v)}`).join(', ');
      lines.push(`  ${f.severity.toUpperCase()} ${f.code}${facts ? ` (${facts})` : ''}`);
      lines.push(`    Fix: ${ISE_NEXT_STEP_EN[f.code]}`);
    }
  }
  lines.push('', i.ok ? 'OK: no error found.' : 'FAILED: see the findings above.');
  return `${lines.join('\n')}\n`;
}

export function formatImport(r: IseImportReport, title: string): string {
  const lines = [formatInspection(r.inspection, title).trimEnd(), ''];
  lines.push(r.whatIf ? 'what-if: would import (nothing sent to ISE):' : 'import:');
  const planned = r.whatIf ? r.audit.map((a) => `  PLANNED  ${a.subject}  SHA-256 ${a.sha256}`) : r.results.map((x) => `  ${x.outcome.toUpperCase().padEnd(15)} ${x.subject}  read back: ${x.readBack ? 'yes' : 'NO'}`);
  lines.push(...(planned.length ? planned : ['  nothing to import']));
  lines.push(`  trust flags: ${Object.entries(r.trustFlags).map(([k, v]) => `${k}=${v}`).join(', ')}`);
  for (const f of r.findings) lines.push(`  ${f.severity.toUpperCase()} ${f.code}: ${ISE_NEXT_STEP_EN[f.code]}`);
  lines.push('', r.ok ? 'OK.' : 'FAILED: see above.');
  return `${lines.join('\n')}\n`;
}
