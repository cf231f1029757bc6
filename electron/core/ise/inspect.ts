import type { CertificateAnalysis, IseCaCertificate } from '../../../shared/contract/certificates';
import type { IseCertificate, IseInspection, PinState } from '../../../shared/contract/ise';
import { DEFAULT_ERS_PORT, DEFAULT_OPENAPI_PORT, normaliseFingerprint } from '../../../shared/ise-api/connection';
import type { IseFinding } from '../../../shared/ise-api/findings';
import { mailRoutes } from '../../../shared/ise-api/mail-routes';
import { iseSupportsOAuthSmtp, parseIseVersion, requiredIseVersion } from '../../../shared/ise-version';
import { captureChains, type CaptureOptions } from '../certificates';
import { DEFAULT_AUTHORITY_HOST, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT } from '../diagnostics/options';
import { traceCall, traceStep } from '../calls/trace';
import { compareTrustStore } from './compare';
import { egressFindings } from './egress';
import { classifyApis, replyFinding } from './classify';
import { iseFinding } from './findings';
import { readErsVersion, readGuestSmtp, readNodes, readOpenApiVersion, readProxy, readTrustedCertificates, type IseVersionRead } from './read';
import { IseSession } from './session';
import { probeCertificate, type IseTrust } from './transport';

export interface IseInspectOptions {
  host: string;
  username: string;
  password: string;
  ersPort?: number;
  apiPort?: number;
  /** The accepted admin certificate (trust on first use), or a CA file's PEM: one of them. */
  pinSha256?: string;
  caPem?: string;
  /** The sender mailbox, for the guest sender check. */
  mailbox?: string;
  /** Where the Microsoft side is, as for a diagnosis (the chains ISE must trust). */
  microsoft?: CaptureOptions;
  /** Bound on each ISE exchange (default 15 s). */
  timeoutMs?: number;
  honourCsrf?: boolean;
  practice?: boolean;
}

export interface IseInspectDeps {
  capture?: (o: CaptureOptions) => Promise<CertificateAnalysis>;
  now?: () => Date;
}

/** The inspection, plus what an import needs next (the session and the CAs to import). */
export interface InspectionRun {
  inspection: IseInspection;
  session: IseSession | null;
  needed: IseCaCertificate[];
}

const DEFAULT_TIMEOUT_MS = 15_000;

function pinFindings(pin: PinState, certificate: IseCertificate | null, pinned: string | undefined, host: string, reason?: string): IseFinding[] {
  if (pin === 'unpinned' && certificate) return [iseFinding('ISE_CERT_UNPINNED', { host, sha256: certificate.sha256, subject: certificate.subject })];
  if (pin === 'changed' && certificate) return [iseFinding('ISE_CERT_CHANGED', { host, pinned: pinned ?? '', sha256: certificate.sha256, subject: certificate.subject })];
  if (pin === 'untrusted' && certificate) return [iseFinding('ISE_CERT_UNTRUSTED', { host, sha256: certificate.sha256, subject: certificate.subject, reason: reason ?? '' })];
  return [];
}

function versionText(v: IseVersionRead): { patch: number; text: string } {
  const patch = v.patches.length ? Math.max(...v.patches) : 0;
  const mm = /^(\d+)\.(\d+)/.exec(v.version);
  const train = mm ? `${mm[1]}.${mm[2]}` : v.version;
  return { patch, text: patch > 0 ? `${train} P${patch}` : train };
}

/**
 * Reads one ISE: its admin certificate against the pin, which API answers, version and patches
 * → the OAuth verdict, the nodes → who sends which mail, the proxy, the guest sender, and the
 * trusted store against the chains the Microsoft hosts serve now. Never throws: every failure
 * is a finding. Nothing here writes to ISE.
 */
export async function runInspection(options: IseInspectOptions, deps: IseInspectDeps = {}): Promise<InspectionRun> {
  const started = Date.now();
  const now = deps.now?.() ?? new Date();
  const ersPort = options.ersPort ?? DEFAULT_ERS_PORT;
  const apiPort = options.apiPort ?? DEFAULT_OPENAPI_PORT;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const microsoft = options.microsoft ?? {};
  const tokenHost = new URL(microsoft.authorityHost ?? DEFAULT_AUTHORITY_HOST).hostname;
  const tokenPort = Number(new URL(microsoft.authorityHost ?? DEFAULT_AUTHORITY_HOST).port || 443);
  const smtpHost = microsoft.smtpHost ?? DEFAULT_SMTP_HOST;
  const smtpPort = microsoft.smtpPort ?? DEFAULT_SMTP_PORT;
  // The Microsoft side is captured meanwhile: it needs nothing from ISE.
  // (Each part is a step of the call graph the benchmark reads: electron/core/calls/trace.ts.)
  const capturing = traceStep('ise.microsoft-chains', [], () => traceCall('microsoft', 'TLS chains of the token and SMTP hosts', () => (deps.capture ?? captureChains)(microsoft)));

  const base: IseInspection = {
    ok: false,
    inspectedAt: now.toISOString(),
    durationMs: 0,
    practice: options.practice ?? false,
    host: options.host,
    certificate: null,
    pin: 'unreachable',
    apis: { ers: { port: ersPort, state: 'not-tried' }, openapi: { port: apiPort, state: 'not-tried' }, csrf: false },
    version: null,
    verdict: { state: 'unknown' },
    nodes: [],
    mailRoutes: [],
    egress: [
      { host: tokenHost, port: tokenPort },
      { host: smtpHost, port: smtpPort },
    ],
    proxy: null,
    laptopPath: { token: 'direct', smtp: 'direct' },
    guestSmtp: null,
    trustedStore: { read: false, count: 0, required: [] },
    findings: [],
  };
  const finish = async (run: Omit<InspectionRun, 'inspection'> & { inspection: IseInspection }): Promise<InspectionRun> => {
    const i = run.inspection;
    i.durationMs = Date.now() - started;
    i.ok = !i.findings.some((f) => f.severity === 'error');
    return run;
  };

  // 1. The admin certificate, before any credential goes out.
  const probe = await traceStep('ise.certificate', [], async () => {
    const onApi = await traceCall('ise', `TLS probe :${apiPort}`, () => probeCertificate(options.host, apiPort, timeoutMs));
    return 'certificate' in onApi ? onApi : traceCall('ise', `TLS probe :${ersPort}`, () => probeCertificate(options.host, ersPort, timeoutMs));
  });
  if (!('certificate' in probe)) {
    await capturing.catch(() => undefined);
    base.findings.push(iseFinding('ISE_UNREACHABLE', { host: options.host, ports: `${apiPort}, ${ersPort}`, code: probe.code }));
    return finish({ inspection: base, session: null, needed: [] });
  }
  base.certificate = probe.certificate;
  let trust: IseTrust;
  if (options.caPem) {
    trust = { kind: 'ca', caPem: options.caPem };
    base.pin = 'ca-verified';
  } else if (options.pinSha256) {
    trust = { kind: 'pin', sha256: options.pinSha256 };
    base.pin = normaliseFingerprint(options.pinSha256) === probe.certificate.sha256 ? 'matched' : 'changed';
  } else {
    base.pin = 'unpinned';
    trust = { kind: 'look' };
  }
  if (base.pin === 'changed' || base.pin === 'unpinned') {
    await capturing.catch(() => undefined);
    base.findings.push(...pinFindings(base.pin, probe.certificate, options.pinSha256, options.host));
    return finish({ inspection: base, session: null, needed: [] });
  }

  const session = new IseSession({ host: options.host, ersPort, apiPort, username: options.username, password: options.password, trust, timeoutMs, honourCsrf: options.honourCsrf ?? true });

  // 2. Which API answers, with the version call of each.
  const [ersVersion, apiVersion] = await Promise.all([traceStep('ise.ers-version', ['ise.certificate'], () => readErsVersion(session)), traceStep('ise.openapi-version', ['ise.certificate'], () => readOpenApiVersion(session))]);
  const certProblem = [ersVersion, apiVersion].map((r) => (!r.ok && r.reply.kind === 'certificate' ? r.reply : null)).find(Boolean);
  if (certProblem) {
    base.pin = certProblem.problem === 'changed' ? 'changed' : 'untrusted';
    base.certificate = certProblem.certificate;
    base.findings.push(...pinFindings(base.pin, certProblem.certificate, options.pinSha256, options.host, certProblem.reason));
    await capturing.catch(() => undefined);
    return finish({ inspection: base, session: null, needed: [] });
  }
  const versionRead = apiVersion.ok ? { ...apiVersion.value, source: 'openapi' as const } : ersVersion.ok ? { ...ersVersion.value, source: 'ers' as const } : null;
  const apis = classifyApis({ host: options.host, username: options.username, ersPort, apiPort, ers: ersVersion, openapi: apiVersion, version: versionRead?.version });
  base.apis = { ers: apis.ers, openapi: apis.openapi, csrf: session.csrfUsed };
  base.findings.push(...apis.findings);

  // 3. The verdict.
  if (versionRead) {
    const { patch, text } = versionText(versionRead);
    base.version = { version: versionRead.version, patch, patches: versionRead.patches, source: versionRead.source, text };
    const parsed = parseIseVersion(`${versionRead.version} P${patch}`);
    if (parsed) {
      const supported = iseSupportsOAuthSmtp(parsed);
      base.verdict = { state: supported ? 'supported' : 'unsupported', required: requiredIseVersion(parsed) };
      if (!supported) base.findings.push(iseFinding('ISE_VERSION_UNSUPPORTED', { version: text, minimum: requiredIseVersion(parsed) }));
    }
  }

  // 4. The rest, from whichever API answered.
  const openapiOk = apis.openapi.state === 'answered';
  const ersOk = apis.ers.state === 'answered';
  // Only once both version replies are in: a certificate problem on either port stops every read.
  const VERSIONS = ['ise.ers-version', 'ise.openapi-version'];
  const [nodes, proxy, store, guest] = await Promise.all([
    openapiOk ? traceStep('ise.nodes', VERSIONS, () => readNodes(session)) : null,
    openapiOk ? traceStep('ise.proxy', VERSIONS, () => readProxy(session)) : null,
    openapiOk ? traceStep('ise.trusted-certificates', VERSIONS, () => readTrustedCertificates(session)) : null,
    ersOk ? traceStep('ise.guest-smtp', VERSIONS, () => readGuestSmtp(session)) : null,
  ]);
  for (const [what, r] of [['deployment/node', nodes], ['system-settings/proxy', proxy], ['certs/trusted-certificate', store], ['guestsmtpnotificationsettings', guest]] as const) {
    if (r && !r.ok) {
      const f = replyFinding(r.reply, { host: options.host, username: options.username, api: what === 'guestsmtpnotificationsettings' ? 'ERS' : 'OpenAPI', path: what });
      if (f) base.findings.push(f);
    }
  }
  if (nodes?.ok) {
    base.nodes = nodes.value;
    base.mailRoutes = mailRoutes(nodes.value);
  }
  if (proxy?.ok) base.proxy = proxy.value;

  if (guest?.ok && guest.value) {
    const g = guest.value;
    const mailbox = options.mailbox?.trim().toLowerCase();
    const matches = mailbox ? g.defaultFromAddress.trim().toLowerCase() === mailbox : null;
    base.guestSmtp = { ...g, matchesMailbox: matches };
    if (matches === false) base.findings.push(iseFinding('ISE_GUEST_SENDER_MISMATCH', { actual: g.defaultFromAddress, mailbox: options.mailbox ?? '' }));
    if (!g.useDefaultFromAddress) base.findings.push(iseFinding('ISE_GUEST_SENDER_NOT_DEFAULT', { mailbox: options.mailbox ?? g.defaultFromAddress }));
    if (!g.notificationEnabled) base.findings.push(iseFinding('ISE_GUEST_NOTIFICATIONS_OFF', {}));
  }

  // 5. The trusted store against the chains captured now.
  const analysis = await capturing.catch(() => null);
  const tokenEndpoint = analysis?.endpoints.find((e) => e.endpoint === 'token');
  const smtpEndpoint = analysis?.endpoints.find((e) => e.endpoint === 'smtp');
  base.laptopPath = { token: tokenEndpoint?.proxy ? `proxy ${tokenEndpoint.proxy}` : 'direct', smtp: smtpEndpoint?.proxy ? `proxy ${smtpEndpoint.proxy}` : 'direct' };
  const needed = analysis?.caCertificates ?? [];
  if (store?.ok) {
    base.trustedStore = { read: true, count: store.value.length, required: compareTrustStore(needed, store.value, now) };
    for (const ca of base.trustedStore.required) {
      const params = { subject: ca.subjectCN ?? ca.subject, sha256: ca.sha256, hosts: [...new Set(ca.endpoints.map((e) => (e === 'token' ? `${tokenHost}:${tokenPort}` : `${smtpHost}:${smtpPort}`)))].join(', ') };
      if (ca.state === 'missing') base.findings.push(iseFinding('ISE_CA_MISSING', params));
      if (ca.state === 'expired') base.findings.push(iseFinding('ISE_CA_EXPIRED', { ...params, iseName: ca.iseName ?? '' }));
    }
  }
  base.findings.push(...egressFindings(base.nodes, proxy?.ok ? proxy.value : null, { ...(tokenEndpoint?.proxy ? { tokenProxy: tokenEndpoint.proxy } : {}) }, tokenHost));
  return finish({ inspection: base, session, needed });
}

export async function inspectIse(options: IseInspectOptions, deps: IseInspectDeps = {}): Promise<IseInspection> {
  return (await runInspection(options, deps)).inspection;
}
