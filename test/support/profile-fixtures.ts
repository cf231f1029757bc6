import { generate } from 'selfsigned';
import type { KeytarLike } from '../../electron/core/vault/keychain-status';
import type { DiagnosticReport } from '../../shared/diagnostic-report';

export const TENANT = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
export const CLIENT = '11111111-2222-4333-8444-555555555555';
export const SP_OID = '99999999-8888-4777-8666-555555555555';
export const MAILBOX = 'no-reply@contoso.onmicrosoft.com';
export const CANARY = 'CANARY~Secret.Value_1234567890abcdef';

/** An in-memory keytar: a working keychain without D-Bus. */
export function memoryKeytar(): KeytarLike & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  const key = (s: string, a: string) => `${s}\u0000${a}`;
  return {
    entries,
    getPassword: async (s, a) => entries.get(key(s, a)) ?? null,
    setPassword: async (s, a, p) => void entries.set(key(s, a), p),
    deletePassword: async (s, a) => entries.delete(key(s, a)),
    findCredentials: async (s) =>
      [...entries].filter(([k]) => k.startsWith(`${s}\u0000`)).map(([k, password]) => ({ account: k.split('\u0000')[1] ?? '', password })),
  };
}

/** A keytar whose every call fails the way libsecret does without a Secret Service. */
export function failingKeytar(message = 'The name org.freedesktop.secrets was not provided by any .service files'): KeytarLike {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return { getPassword: fail, setPassword: fail, deletePassword: fail, findCredentials: fail };
}

/** A CA and a server certificate it signed, as the engine would capture them. */
export async function certificateChain(): Promise<{ caPem: string; leafPem: string }> {
  const ca = await generate([{ name: 'commonName', value: 'Test Root CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [
      { name: 'basicConstraints', cA: true, critical: true },
      { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    ],
  });
  const leaf = await generate([{ name: 'commonName', value: 'smtp.test.invalid' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    ca: { key: ca.private, cert: ca.cert },
    extensions: [{ name: 'basicConstraints', cA: false }],
  });
  return { caPem: ca.cert, leafPem: leaf.cert };
}

/** A passing verification report with claims, SMTP evidence and captured chains. */
export function sampleReport(chain?: { caPem: string; leafPem: string }): DiagnosticReport {
  const chainEvidence = chain
    ? { chain: [{ pem: chain.leafPem, isCA: false, subject: 'x', issuer: 'y', sha256: 'z' }, { pem: chain.caPem, isCA: true }] }
    : {};
  return {
    ok: true,
    startedAt: '2026-11-20T10:00:00.000Z',
    durationMs: 1234,
    target: {
      tenantId: TENANT,
      clientId: CLIENT,
      mailbox: MAILBOX,
      scope: 'https://outlook.office.com/.default',
      tokenEndpoint: `https://login.microsoftonline.com/${TENANT}/oauth2/v2.0/token`,
      smtpHost: 'smtp.office365.com',
      smtpPort: 587,
      route: 'classic',
      practice: false,
    },
    checks: [
      { id: 'network.login', step: 'network', status: 'pass', durationMs: 10, evidence: { ...chainEvidence }, findings: [] },
      {
        id: 'network.smtp',
        step: 'network',
        status: 'pass',
        durationMs: 10,
        evidence: { banner: '220 test.outlook.com Microsoft ESMTP MAIL Service ready', capabilities: ['STARTTLS', 'AUTH XOAUTH2', '8BITMIME'], ...chainEvidence },
        findings: [],
      },
      { id: 'token', step: 'app-registration', status: 'pass', durationMs: 10, evidence: {}, findings: [] },
    ],
    findings: [{ code: 'ISE_NODES_NOT_PROVEN', step: 'ise', severity: 'info', params: {} }],
    claims: { aud: 'https://outlook.office.com', tid: TENANT, appid: CLIENT, oid: SP_OID, roles: ['SMTP.SendAsApp'], exp: 1_800_000_000 },
  };
}
