import type { SecureContext } from 'node:tls';
import type { Finding } from '../../../shared/diagnostic-report';
import type { FindingCode } from '../../../shared/findings';
import { makeFinding } from './finding';
import { describeProxy } from './proxy';
import type { Redactor } from './redact';
import { classifySmtpReply, replyParams } from './smtp-classify';
import { SmtpWire, authMechanisms, capabilities, type SmtpReply } from './smtp-protocol';
import { handshake, reach, type ChainCertificate, type WireFault } from './tcp-tls';

export interface ProbeTarget {
  host: string;
  port: number;
  proxy?: string;
  ca?: string[];
  /** The diagnosis's shared TLS context; preferred over `ca` when both are given. */
  secureContext?: SecureContext;
  timeoutMs: number;
}

/** What the TLS handshake trusts: the shared context when there is one, else the CA list. */
function trustOf(t: ProbeTarget): string[] | SecureContext | undefined {
  return t.secureContext ?? t.ca;
}

/** What a probe saw and what it concluded; the runner wraps it into a CheckResult. */
export interface ProbeOutcome {
  ok: boolean;
  evidence: Record<string, unknown>;
  findings: Finding[];
}

/** A chain as report evidence (what ISE's trusted store import needs). */
export function chainEvidence(chain: ChainCertificate[]) {
  return chain.map((c) => ({ subject: c.subject, issuer: c.issuer, validFrom: c.validFrom, validTo: c.validTo, sha256: c.sha256, pem: c.pem }));
}

/** A classified connection fault as a finding naming the host, port and phase. */
export function faultFinding(f: WireFault, t: ProbeTarget, fallback: FindingCode): Finding {
  return makeFinding(
    f.finding ?? fallback,
    {
      host: t.host,
      port: t.port,
      phase: f.phase,
      ...(f.errorCode ? { errorCode: f.errorCode } : {}),
      ...(t.proxy ? { proxy: describeProxy(t.proxy) } : {}),
      ...(f.finding === 'NET_READ_TIMEOUT' || f.finding === 'NET_CONNECT_TIMEOUT' ? { timeoutMs: t.timeoutMs } : {}),
    },
    f.detail,
  );
}

/**
 * The login host on 443: DNS, TCP (or a CONNECT tunnel), TLS with the whole chain captured.
 * It sends no HTTP: the token call that follows is the application-level proof.
 */
export async function probeLogin(t: ProbeTarget): Promise<ProbeOutcome> {
  const evidence: Record<string, unknown> = { host: t.host, port: t.port, ...(t.proxy ? { proxy: describeProxy(t.proxy) } : {}) };
  const { addresses, socket } = await reach(t.host, t.port, t.timeoutMs, t.proxy);
  evidence.addresses = addresses;
  if (!socket.ok) return { ok: false, evidence, findings: [faultFinding(socket.fault, t, 'TOKEN_UNCLASSIFIED')] };
  const tls = await handshake(socket.value, t.host, trustOf(t), t.timeoutMs);
  evidence.chain = chainEvidence(tls.chain);
  if (tls.fault || !tls.outcome) {
    socket.value.destroy();
    return { ok: false, evidence, findings: [faultFinding(tls.fault ?? { phase: 'tls', finding: null, detail: 'handshake failed' }, t, 'TOKEN_UNCLASSIFIED')] };
  }
  evidence.tlsProtocol = tls.outcome.protocol;
  tls.outcome.socket.destroy();
  return { ok: true, evidence, findings: [] };
}

/** A reply (or its absence) at one stage of the SMTP set-up as a finding; null when it is a success. */
export function replyFinding(reply: SmtpReply | 'timeout' | 'closed', t: ProbeTarget, stage: string, redactor: Redactor): Finding | null {
  if (reply === 'timeout') return makeFinding('NET_READ_TIMEOUT', { host: t.host, port: t.port, phase: stage, timeoutMs: t.timeoutMs });
  if (reply === 'closed') return makeFinding('SMTP_UNCLASSIFIED', { host: t.host, port: t.port, phase: stage, reply: 'connection closed' });
  const code = classifySmtpReply(reply);
  if (!code) return null;
  return makeFinding(code, { host: t.host, port: t.port, phase: stage, ...replyParams(reply, redactor) }, redactor(reply.text));
}

/**
 * The SMTP host before AUTH, spoken by hand so every step is visible: banner, EHLO, STARTTLS,
 * the TLS chain, EHLO again. Says whether STARTTLS and XOAUTH2 are offered (ISE needs both).
 * The diagnosis itself uses one nodemailer session (smtp-session.ts) and falls back to this
 * probe only to capture the chain of a TLS handshake that failed; certificate capture uses it.
 */
export async function probeSmtp(t: ProbeTarget, redactor: Redactor, ehloName = 'ise-smtp-oauth.local'): Promise<ProbeOutcome> {
  const evidence: Record<string, unknown> = { host: t.host, port: t.port, ...(t.proxy ? { proxy: describeProxy(t.proxy) } : {}) };
  const { addresses, socket } = await reach(t.host, t.port, t.timeoutMs, t.proxy);
  evidence.addresses = addresses;
  if (!socket.ok) return { ok: false, evidence, findings: [faultFinding(socket.fault, t, 'SMTP_UNCLASSIFIED')] };
  const wire = new SmtpWire(socket.value);
  const fail = (finding: Finding): ProbeOutcome => {
    wire.close();
    return { ok: false, evidence, findings: [finding] };
  };
  try {
    const banner = await wire.read(t.timeoutMs);
    if (typeof banner !== 'string') evidence.banner = redactor(banner.text);
    const bannerFault = replyFinding(banner, t, 'banner', redactor);
    if (bannerFault) return fail(bannerFault);
    wire.send(`EHLO ${ehloName}`);
    const ehlo = await wire.read(t.timeoutMs);
    const ehloFault = replyFinding(ehlo, t, 'ehlo', redactor);
    if (ehloFault || typeof ehlo === 'string') return fail(ehloFault!);
    const before = capabilities(ehlo);
    evidence.capabilitiesBeforeTls = before;
    if (!before.includes('STARTTLS')) {
      return fail(makeFinding('SMTP_STARTTLS_UNAVAILABLE', { host: t.host, port: t.port }, redactor(ehlo.text)));
    }
    wire.send('STARTTLS');
    const ready = await wire.read(t.timeoutMs);
    const readyFault = replyFinding(ready, t, 'starttls', redactor);
    if (readyFault) return fail(readyFault);
    const tls = await handshake(wire.release(), t.host, trustOf(t), t.timeoutMs);
    evidence.chain = chainEvidence(tls.chain);
    if (tls.fault || !tls.outcome) {
      return fail(faultFinding(tls.fault ?? { phase: 'tls', finding: null, detail: 'handshake failed' }, t, 'SMTP_UNCLASSIFIED'));
    }
    evidence.tlsProtocol = tls.outcome.protocol;
    wire.upgrade(tls.outcome.socket);
    wire.send(`EHLO ${ehloName}`);
    const ehloTls = await wire.read(t.timeoutMs);
    const ehloTlsFault = replyFinding(ehloTls, t, 'ehlo-tls', redactor);
    if (ehloTlsFault || typeof ehloTls === 'string') return fail(ehloTlsFault!);
    const after = capabilities(ehloTls);
    const mechanisms = authMechanisms(after);
    evidence.capabilitiesAfterTls = after;
    evidence.authMechanisms = mechanisms;
    if (!mechanisms.includes('XOAUTH2')) {
      return fail(makeFinding('SMTP_XOAUTH2_NOT_OFFERED', { host: t.host, port: t.port, offered: mechanisms.join(' ') }, redactor(ehloTls.text)));
    }
    wire.close();
    return { ok: true, evidence, findings: [] };
  } catch (err) {
    // Defensive: a socket fault the reader did not turn into data. Still data here.
    return fail(makeFinding('SMTP_UNCLASSIFIED', { host: t.host, port: t.port, reply: 'probe error' }, redactor(err instanceof Error ? err.message : String(err))));
  }
}
