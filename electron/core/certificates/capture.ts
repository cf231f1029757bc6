import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import {
  ISE_TRUST_OPTION,
  ISE_TRUST_OPTION_LEGACY,
  ISE_TRUST_OPTION_NOT_NEEDED,
  ISE_TRUSTED_IMPORT_PATH,
  type CertificateAnalysis,
  type CertificateSummary,
  type ChainEndpoint,
  type EndpointChain,
} from '../../../shared/contract/certificates';
import type { Finding } from '../../../shared/diagnostic-report';
import { makeFinding } from '../diagnostics/finding';
import { probeLogin, probeSmtp, type ProbeOutcome, type ProbeTarget } from '../diagnostics/network-probe';
import { DEFAULT_AUTHORITY_HOST, DEFAULT_SMTP_HOST, DEFAULT_SMTP_PORT, DEFAULT_TIMEOUT_SECONDS, type DiagnoseDeps, type DiagnoseOptions } from '../diagnostics/options';
import { describeProxy, proxyFromEnvironment } from '../diagnostics/proxy';
import { redact } from '../diagnostics';
import { describeCertificate } from './describe';
import { BUNDLE_FILE_NAME } from './file-names';
import { localIssuerFinder } from './local-roots';
import { selectIseCas } from './select';

/**
 * Where to capture from: ISE's two endpoints and the laptop's way out, exactly as a diagnosis
 * reaches them (the same option names and defaults). No identity is needed.
 */
export type CaptureOptions = Pick<DiagnoseOptions, 'authorityHost' | 'smtpHost' | 'smtpPort' | 'proxy' | 'caFile' | 'caPem' | 'timeoutSeconds' | 'practice'>;
export type CaptureDeps = DiagnoseDeps;

// Findings that come after the TLS handshake: the chain was captured and judged trusted.
const TLS_CODES = new Set(['TLS_UNTRUSTED_CHAIN', 'TLS_HOSTNAME_MISMATCH']);

/** The chain a probe recorded in its evidence, re-read from each PEM (never trusted blindly). */
function chainFrom(outcome: ProbeOutcome, now: Date): CertificateSummary[] {
  const raw = outcome.evidence.chain;
  if (!Array.isArray(raw)) return [];
  const out: CertificateSummary[] = [];
  for (const entry of raw) {
    const pem = (entry as { pem?: unknown } | null)?.pem;
    if (typeof pem !== 'string') continue;
    try {
      out.push(describeCertificate(pem, now));
    } catch {
      // A certificate Node could not re-read: skip it rather than fail the capture.
    }
  }
  return out;
}

function endpointChain(endpoint: ChainEndpoint, target: ProbeTarget, outcome: ProbeOutcome, now: Date): Omit<EndpointChain, 'rootPresent' | 'missingRoot'> {
  const chain = chainFrom(outcome, now);
  const tlsFault = outcome.findings.some((f) => TLS_CODES.has(f.code));
  return {
    endpoint,
    host: target.host,
    port: target.port,
    ...(target.proxy ? { proxy: describeProxy(target.proxy) } : {}),
    captured: chain.length > 0,
    trusted: chain.length > 0 && !tlsFault,
    chain,
    findings: outcome.findings,
  };
}

/** A probe that threw (it should not): still data, never an exception across the boundary. */
async function safely(run: () => Promise<ProbeOutcome>, target: ProbeTarget, fallback: 'TOKEN_UNCLASSIFIED' | 'SMTP_UNCLASSIFIED'): Promise<ProbeOutcome> {
  try {
    return await run();
  } catch (err) {
    const finding: Finding = makeFinding(fallback, { host: target.host, port: target.port, phase: 'capture' }, redact(err instanceof Error ? err.message : String(err)));
    return { ok: false, evidence: {}, findings: [finding] };
  }
}

/**
 * Captures the TLS chains ISE meets: the token host on 443 and the SMTP host after STARTTLS,
 * through the proxy and with the extra CA, reusing the diagnostics engine's probes (so faults
 * are classified the same way). A chain is captured even when untrusted: that chain is what
 * the engineer exports for ISE. Never throws; never downloads anything.
 */
export async function captureChains(options: CaptureOptions = {}, deps: CaptureDeps = {}): Promise<CertificateAnalysis> {
  const started = Date.now();
  const now = deps.now?.() ?? new Date();
  const authority = new URL(options.authorityHost ?? DEFAULT_AUTHORITY_HOST);
  const smtpHost = options.smtpHost ?? DEFAULT_SMTP_HOST;
  const smtpPort = options.smtpPort ?? DEFAULT_SMTP_PORT;
  const proxy = options.proxy ?? proxyFromEnvironment([authority.hostname, smtpHost], deps.env ?? process.env);

  let caPem = options.caPem;
  let caFileError: string | undefined;
  if (options.caFile) {
    try {
      caPem = [caPem, await readFile(options.caFile, 'utf8')].filter(Boolean).join('\n');
    } catch (err) {
      caFileError = (err as NodeJS.ErrnoException).code ?? 'unreadable';
    }
  }
  const common = {
    timeoutMs: (options.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS) * 1000,
    ...(caPem ? { ca: [...rootCertificates, caPem] } : {}),
    ...(proxy ? { proxy } : {}),
  };
  const loginTarget: ProbeTarget = { host: authority.hostname.replace(/^\[|\]$/g, ''), port: Number(authority.port || 443), ...common };
  const smtpTarget: ProbeTarget = { host: smtpHost, port: smtpPort, ...common };

  // Both endpoints at once: they are independent, and each phase is bounded by the timeout.
  const [login, smtp] = await Promise.all([
    safely(() => probeLogin(loginTarget), loginTarget, 'TOKEN_UNCLASSIFIED'),
    safely(() => probeSmtp(smtpTarget, (s) => redact(s)), smtpTarget, 'SMTP_UNCLASSIFIED'),
  ]);
  const endpoints = [endpointChain('token', loginTarget, login, now), endpointChain('smtp', smtpTarget, smtp, now)];
  const selection = selectIseCas(endpoints, localIssuerFinder(caPem), now);

  return {
    ok: endpoints.every((e) => e.captured),
    capturedAt: now.toISOString(),
    durationMs: Date.now() - started,
    practice: options.practice ?? false,
    endpoints: endpoints.map((e) => ({ ...e, ...selection.byEndpoint[e.endpoint] })),
    caCertificates: selection.caCertificates,
    bundleFileName: BUNDLE_FILE_NAME,
    importPath: ISE_TRUSTED_IMPORT_PATH,
    trustOption: ISE_TRUST_OPTION,
    trustOptionLegacy: ISE_TRUST_OPTION_LEGACY,
    trustOptionNotNeeded: ISE_TRUST_OPTION_NOT_NEEDED,
    ...(caFileError ? { caFileError } : {}),
  };
}
