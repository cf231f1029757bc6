// Writes a data folder with `count` profiles (profiles.json as ProfileStore keeps it), for the
// scale benchmark and tests: a partner's store of customer profiles, each with a realistic
// last verification when `withReports` (the full report the wizard keeps, ~2 KB each).
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const guid = (i, salt) => {
  const h = ((i + 1) * 2654435761 + salt * 40503) >>> 0;
  const hex = (n, w) => (n >>> 0).toString(16).padStart(w, '0').slice(-w);
  return `${hex(h, 8)}-${hex(h >>> 16, 4)}-4${hex(h, 3)}-a${hex(h >>> 4, 3)}-${hex(h * 31, 8)}${hex(i, 4)}`;
};

function report(i, at) {
  return {
    ok: i % 7 !== 0,
    startedAt: at,
    durationMs: 380 + (i % 50),
    target: { tenantId: guid(i, 1), clientId: guid(i, 2), mailbox: `no-reply@customer${i}.onmicrosoft.com`, tokenEndpoint: `https://login.microsoftonline.com/${guid(i, 1)}/oauth2/v2.0/token`, scope: 'https://outlook.office.com/.default', smtpHost: 'smtp.office365.com', smtpPort: 587, route: 'classic', practice: false },
    checks: ['input', 'network.login', 'token', 'claims', 'network.smtp', 'smtp.auth'].map((id, k) => ({ id, step: 'network', status: 'pass', durationMs: 10 + k * 40, evidence: { host: 'smtp.office365.com', port: 587, tls: 'TLSv1.3' }, findings: [] })),
    findings: i % 7 === 0 ? [{ code: 'SMTP_AUTH_REJECTED', step: 'service-principal', severity: 'error', params: { enhanced: '5.7.3' }, raw: '535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]' }] : [],
    claims: { tid: guid(i, 1), appid: guid(i, 2), oid: guid(i, 3), aud: 'https://outlook.office.com', roles: ['SMTP.SendAsApp'] },
  };
}

/** @returns {string[]} the profile ids */
export function writeProfileStore({ dataDir, count, withReports = false }) {
  fs.mkdirSync(dataDir, { recursive: true });
  const at = new Date().toISOString();
  const profiles = Array.from({ length: count }, (_, i) => ({
    customer: `Customer ${i}`,
    iseVersion: '3.3 P8',
    mailbox: `no-reply@customer${i}.onmicrosoft.com`,
    tenantId: guid(i, 1),
    clientId: guid(i, 2),
    secretExpiry: new Date(Date.now() + ((i % 400) - 20) * 86_400_000).toISOString().slice(0, 10),
    route: 'classic',
    practice: false,
    id: randomUUID(),
    name: `Customer ${String(i).padStart(5, '0')} site`,
    createdAt: at,
    updatedAt: at,
    lastVerification: withReports ? report(i, at) : null,
  }));
  fs.writeFileSync(path.join(dataDir, 'profiles.json'), JSON.stringify({ schemaVersion: 1, profiles, __internal__: { migrations: { version: '1.0.0' } } }), { mode: 0o600 });
  return profiles.map((p) => p.id);
}
