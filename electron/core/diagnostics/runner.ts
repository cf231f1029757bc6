import type { CheckResult, CheckStatus, ClaimsSummary, DiagnosticReport, Finding } from '../../../shared/diagnostic-report';
import type { FindingCode } from '../../../shared/findings';
import type { SetupStep } from '../../../shared/steps';
import { checkClaims, decodeJwtPayload, summarizeClaims } from './claims';
import { makeFinding, hasError } from './finding';
import { blocksNetwork, checkInputs } from './input-checks';
import { probeLogin, type ProbeTarget } from './network-probe';
import { resolveOptions, type DiagnoseDeps, type DiagnoseOptions, type ResolvedOptions } from './options';
import { describeProxy } from './proxy';
import { createRedactor, redactDeep, type Redactor } from './redact';
import { sendTestMail, verifySmtpAuth, type SmtpAuthRequest } from './smtp-auth';
import { openSmtpSession, type SessionOutcome, type SmtpSession } from './smtp-session';
import { acquireToken } from './token';

/** The checks of a diagnosis, in report order, with the wizard step each belongs to. */
export const CHECKS = {
  input: 'app-registration',
  'network.login': 'network',
  token: 'app-registration',
  claims: 'app-registration',
  'network.smtp': 'network',
  'smtp.auth': 'service-principal',
  'smtp.send': 'mailbox',
} as const satisfies Record<string, SetupStep>;
export type CheckId = keyof typeof CHECKS;

/** Which checks a wizard step needs to prove its part (a step-only run, DESIGN §4). */
export const CHECKS_FOR_STEP: Record<SetupStep, readonly CheckId[]> = {
  mailbox: ['input', 'token', 'claims', 'network.smtp', 'smtp.auth', 'smtp.send'],
  'app-registration': ['input', 'network.login', 'token', 'claims'],
  'service-principal': ['input', 'network.login', 'token', 'claims', 'network.smtp', 'smtp.auth'],
  ise: ['input', 'network.login', 'token', 'claims'],
  network: ['network.login', 'network.smtp'],
};

function statusOf(findings: readonly Finding[]): CheckStatus {
  if (findings.some((f) => f.severity === 'error')) return 'fail';
  if (findings.some((f) => f.severity === 'warning')) return 'warn';
  return 'pass';
}

class ReportBuilder {
  readonly results = new Map<CheckId, CheckResult>();
  constructor(
    private readonly wanted: ReadonlySet<CheckId>,
    private readonly redactor: Redactor,
  ) {}

  wants(id: CheckId): boolean {
    return this.wanted.has(id);
  }

  record(id: CheckId, durationMs: number, evidence: Record<string, unknown>, findings: Finding[], status?: CheckStatus): void {
    if (!this.wants(id)) return;
    this.results.set(id, {
      id,
      step: CHECKS[id],
      status: status ?? statusOf(findings),
      durationMs: Math.max(0, Math.round(durationMs)),
      evidence: redactDeep(evidence, this.redactor),
      findings: findings.map((f) => (f.raw ? { ...f, raw: this.redactor(f.raw) } : f)),
    });
  }

  skip(id: CheckId, reason: string): void {
    this.record(id, 0, { reason }, [], 'skip');
  }

  /** Runs one check; an unexpected exception becomes an unclassified finding, never a throw. */
  async run<T>(id: CheckId, fallback: FindingCode, work: () => Promise<T>): Promise<T | undefined> {
    const started = Date.now();
    try {
      return await work();
    } catch (err) {
      this.record(id, Date.now() - started, {}, [makeFinding(fallback, { check: id, reason: 'internal' }, err instanceof Error ? err.name : 'error')]);
      return undefined;
    }
  }

  ordered(): CheckResult[] {
    return (Object.keys(CHECKS) as CheckId[]).flatMap((id) => this.results.get(id) ?? []);
  }
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}|${JSON.stringify(f.params)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Diagnoses a configuration the way ISE will use it (DESIGN §3): inputs, then two paths in
 * parallel that meet only at AUTH — login host + fresh token + claims, and the SMTP host up to
 * STARTTLS/EHLO — then AUTH XOAUTH2 as the mailbox and, when asked, a test mail. Every phase is
 * bounded; the result is data and this function never throws.
 */
export async function diagnose(options: DiagnoseOptions, deps: DiagnoseDeps = {}): Promise<DiagnosticReport> {
  const startedMs = Date.now();
  const now = deps.now ?? (() => new Date());
  const startedAt = now().toISOString();
  const o = await resolveOptions(options, deps.env ?? process.env);
  let accessToken: string | undefined;
  const redactor = createRedactor(() => [o.clientSecret, accessToken]);
  const wanted = new Set<CheckId>(o.steps?.length ? o.steps.flatMap((s) => CHECKS_FOR_STEP[s]) : (Object.keys(CHECKS) as CheckId[]));
  const report = new ReportBuilder(wanted, redactor);
  let claims: ClaimsSummary | null = null;

  // 1. Inputs: no network, and a typo is named as a typo.
  const inputStarted = Date.now();
  const inputFindings = checkInputs({ ...o, clientSecret: o.clientSecret }, now());
  const inputEvidence: Record<string, unknown> = { tokenEndpoint: o.tokenEndpoint, scope: o.scope, route: o.route };
  if (o.caError) inputEvidence.caFileError = o.caError;
  report.record('input', Date.now() - inputStarted, inputEvidence, inputFindings, o.caError ? 'warn' : undefined);
  const tokenBlocked = blocksNetwork(inputFindings);
  // One TLS context for every connection of this run (building one per connection cost more than the network).
  const common = { timeoutMs: o.timeoutMs, secureContext: o.secureContext, ...(o.proxy ? { proxy: o.proxy } : {}) };

  // 2a. The token path: login host, a fresh token, its claims.
  const tokenPath = async (): Promise<void> => {
    const login = new URL(o.authorityHost);
    let loginOk = true;
    if (report.wants('network.login')) {
      const started = Date.now();
      const probe = await report.run('network.login', 'TOKEN_UNCLASSIFIED', () =>
        probeLogin({ host: login.hostname, port: Number(login.port || 443), ...common }),
      );
      if (probe) report.record('network.login', Date.now() - started, probe.evidence, probe.findings);
      loginOk = probe?.ok ?? false;
    }
    if (!report.wants('token')) return;
    const skipBoth = (reason: string) => {
      report.skip('token', reason);
      report.skip('claims', 'no-token');
    };
    if (tokenBlocked) return skipBoth('input-invalid');
    if (!o.clientSecret) return skipBoth('no-client-secret');
    if (!loginOk) return skipBoth('login-host-unreachable');
    const started = Date.now();
    const outcome = await report.run('token', 'TOKEN_UNCLASSIFIED', () =>
      acquireToken({ authorityHost: o.authorityHost, tenantId: o.tenantId, clientId: o.clientId, clientSecret: o.clientSecret!, scope: o.scope, ...common }, redactor),
    );
    if (!outcome) return;
    report.record('token', Date.now() - started, outcome.evidence, outcome.ok ? [] : outcome.findings);
    if (!outcome.ok) return report.skip('claims', 'no-token');
    accessToken = outcome.accessToken;
    const claimsStarted = Date.now();
    const payload = decodeJwtPayload(outcome.accessToken);
    if (!payload) {
      report.record('claims', Date.now() - claimsStarted, {}, [makeFinding('TOKEN_SERVICE_ERROR', { reason: 'not-a-jwt' })]);
      return;
    }
    claims = summarizeClaims(payload);
    const claimFindings = checkClaims(claims, {
      tenantId: o.tenantId,
      clientId: o.clientId,
      route: o.route,
      now: now(),
      ...(o.servicePrincipalObjectId ? { servicePrincipalObjectId: o.servicePrincipalObjectId } : {}),
    });
    report.record('claims', Date.now() - claimsStarted, { ...claims, servicePrincipalObjectId: claims.oid ?? '' }, claimFindings);
  };

  // 2b. The SMTP path up to AUTH: connect, banner, EHLO, STARTTLS, EHLO again — the session
  // that then carries AUTH, as ISE's does (one session, not a probe and then another).
  const smtpTarget: ProbeTarget = { host: o.smtpHost, port: o.smtpPort, ...common };
  const smtpPath = async (): Promise<SessionOutcome | undefined> => {
    if (!report.wants('network.smtp') && !report.wants('smtp.auth')) return undefined;
    const started = Date.now();
    const opened = await report.run('network.smtp', 'SMTP_UNCLASSIFIED', () => openSmtpSession(smtpTarget, redactor));
    if (opened) report.record('network.smtp', Date.now() - started, opened.evidence, opened.findings);
    return opened;
  };

  const [, smtpSetup] = await Promise.all([tokenPath(), smtpPath()]);

  // 3. Where the paths meet: AUTH XOAUTH2 as the mailbox, then the optional test mail.
  try {
    if (report.wants('smtp.auth')) {
      await runAuth(report, o, accessToken, smtpSetup, smtpTarget, redactor, now());
    }
  } finally {
    smtpSetup?.session?.close();
  }

  const findings = dedupe(report.ordered().flatMap((c) => c.findings));
  if (!o.steps?.length || o.steps.includes('ise') || o.steps.includes('network')) {
    findings.push(makeFinding('ISE_NODES_NOT_PROVEN', { smtpHost: o.smtpHost, smtpPort: o.smtpPort, loginHost: new URL(o.authorityHost).host }));
  }
  return {
    ok: !hasError(findings),
    startedAt,
    durationMs: Date.now() - startedMs,
    target: {
      tenantId: o.tenantId,
      clientId: o.clientId,
      mailbox: o.mailbox,
      scope: o.scope,
      tokenEndpoint: o.tokenEndpoint,
      smtpHost: o.smtpHost,
      smtpPort: o.smtpPort,
      route: o.route,
      ...(o.proxy ? { proxy: describeProxy(o.proxy) } : {}),
      practice: o.practice,
    },
    checks: report.ordered(),
    findings,
    claims,
  };
}

async function runAuth(
  report: ReportBuilder,
  o: ResolvedOptions,
  accessToken: string | undefined,
  smtpSetup: SessionOutcome | undefined,
  smtpTarget: ProbeTarget,
  redactor: Redactor,
  now: Date,
): Promise<void> {
  const skipReason = !accessToken ? 'no-token' : smtpSetup && !smtpSetup.ok ? 'smtp-host-not-ready' : undefined;
  if (skipReason) {
    report.skip('smtp.auth', skipReason);
    if (o.sendTo) report.skip('smtp.send', skipReason);
    return;
  }
  const req = {
    host: o.smtpHost,
    port: o.smtpPort,
    mailbox: o.mailbox,
    accessToken: accessToken!,
    timeoutMs: o.timeoutMs,
    ...(o.proxy ? { proxy: o.proxy } : {}),
  };
  let session = smtpSetup?.session;
  if (!session?.usable) {
    // The session ended while the token path ran (idle timeout, server closed it): a fresh one.
    session?.close();
    const started = Date.now();
    const again = await report.run('smtp.auth', 'SMTP_UNCLASSIFIED', () => openSmtpSession(smtpTarget, redactor));
    if (!again) return;
    if (!again.ok || !again.session) {
      report.record('smtp.auth', Date.now() - started, again.evidence, again.findings);
      if (o.sendTo) report.skip('smtp.send', 'smtp-host-not-ready');
      return;
    }
    session = again.session;
  }
  try {
    await authAndSend(report, o, req, session, redactor, now);
  } finally {
    session.close();
  }
}

async function authAndSend(
  report: ReportBuilder,
  o: ResolvedOptions,
  req: SmtpAuthRequest,
  session: SmtpSession,
  redactor: Redactor,
  now: Date,
): Promise<void> {
  const auth = await report.run('smtp.auth', 'SMTP_UNCLASSIFIED', () => verifySmtpAuth(session, req, redactor));
  if (!auth) return;
  // A 535 5.7.3 that the token's claims already explain (no role, wrong ObjectId) says so,
  // so the engineer fixes the cause rather than waiting out a propagation delay.
  const explained = (report.results.get('claims')?.findings ?? []).filter((f) => f.severity === 'error').map((f) => f.code);
  const authFindings = auth.findings.map((f) =>
    f.code === 'SMTP_AUTH_REJECTED' && explained.length > 0 ? { ...f, params: { ...f.params, explainedBy: explained.join(' ') } } : f,
  );
  report.record('smtp.auth', auth.durationMs, auth.evidence, authFindings);
  if (!o.sendTo || !report.wants('smtp.send')) return;
  if (!auth.ok) return report.skip('smtp.send', 'auth-failed');
  const sent = await report.run('smtp.send', 'SMTP_UNCLASSIFIED', () => sendTestMail(session, { ...req, sendTo: o.sendTo! }, redactor, now));
  if (sent) report.record('smtp.send', sent.durationMs, sent.evidence, sent.findings);
}
