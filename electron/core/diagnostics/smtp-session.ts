import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Finding } from '../../../shared/diagnostic-report';
import { makeFinding } from './finding';
import { chainEvidence, faultFinding, probeSmtp, replyFinding, type ProbeOutcome, type ProbeTarget } from './network-probe';
import { describeProxy } from './proxy';
import type { Redactor } from './redact';
import type { MailerError } from './smtp-classify';
import { authMechanisms, capabilities, parseReply, type SmtpReply } from './smtp-protocol';
import { peerChain, reach } from './tcp-tls';

/** The EHLO name the diagnosis announces (ISE announces its own host name). */
export const EHLO_NAME = 'ise-smtp-oauth.local';

/** Where the set-up was when it stopped: the `phase` param of the finding. */
type SetupStage = 'banner' | 'ehlo' | 'starttls' | 'tls' | 'ehlo-tls';

/**
 * One SMTP session, as ISE holds it: set up once (greeting, EHLO, STARTTLS, EHLO), then AUTH and
 * the optional test mail on the same connection. nodemailer's SMTPConnection speaks the protocol;
 * this only tracks whether the session can still carry a command and turns its failures into data.
 */
export class SmtpSession {
  private failure: MailerError | undefined;
  private ended = false;
  private closing = false;
  private readonly waiters = new Set<(err: MailerError) => void>();

  constructor(readonly connection: SMTPConnection) {
    // Persistent listeners: an 'error' with none would throw, and a session idling while the
    // token path finishes may time out or be closed by the server; it is then just not usable.
    connection.on('error', (err: MailerError) => {
      this.failure ??= err;
      this.settleWaiters(err);
    });
    connection.on('end', () => {
      this.ended = true;
      this.settleWaiters(this.failure ?? { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed' });
    });
  }

  /** True while the session can carry AUTH or a mail (no error, not closed). */
  get usable(): boolean {
    return !this.closing && !this.failure && !this.ended && !this.connection.destroyed;
  }

  private settleWaiters(err: MailerError): void {
    for (const w of [...this.waiters]) w(err);
  }

  /**
   * Runs one nodemailer call on the session. It settles on the call's callback, on a session
   * error or close (nodemailer reports those as events, not to the callback), or at `hardMs`.
   */
  call<T>(start: (done: (err: MailerError | null | undefined, value?: T) => void) => void, hardMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (!this.usable) {
        reject(this.failure ?? { code: 'ECONNECTION', command: 'CONN', message: 'Connection closed' });
        return;
      }
      // The hard bound fires later than any synchronous path, so `finish` exists by then.
      const timer: NodeJS.Timeout = setTimeout(() => {
        finish({ code: 'ETIMEDOUT', command: 'CONN', message: 'no result in time' });
        this.connection.close();
      }, hardMs);
      const finish = (err: MailerError | null | undefined, value?: T) => {
        clearTimeout(timer);
        this.waiters.delete(onSession);
        if (err) reject(err);
        else resolve(value as T);
      };
      const onSession = (err: MailerError) => finish(err);
      this.waiters.add(onSession);
      try {
        start(finish);
      } catch (err) {
        finish({ code: 'EPROTOCOL', message: err instanceof Error ? err.message : String(err) });
      }
    });
  }

  /** Says goodbye (QUIT, not waited for) when the session is healthy, else drops it. Idempotent. */
  close(): void {
    if (this.closing) return;
    this.closing = true;
    if (this.usable) this.connection.quit();
    else this.connection.close();
  }
}

/** The SMTP host up to AUTH, and the session to carry AUTH when it is ready. */
export interface SessionOutcome extends ProbeOutcome {
  session?: SmtpSession;
}

/**
 * The TLS socket nodemailer upgraded the session to. nodemailer offers no accessor for it; its
 * typings declare `_socket` public, and the chain the server presented is only on that socket.
 * Read in this one place so a change in nodemailer touches one line.
 */
function upgradedSocket(connection: SMTPConnection): TLSSocket | undefined {
  const socket = (connection as unknown as { _socket?: unknown })._socket;
  return socket instanceof TLSSocket ? socket : undefined;
}

/**
 * Watches the plain-text part of the session on our own socket (banner, EHLO, the STARTTLS
 * reply) without taking it from nodemailer: both listen; the watcher stops after the third
 * reply, where TLS begins. The socket is paused first so nodemailer, which resumes it once it
 * listens, and the watcher see the same bytes from the first one.
 */
function watchPlainText(socket: Socket, onReply: (reply: SmtpReply, index: number) => void): void {
  let buffer = '';
  let count = 0;
  const onData = (chunk: Buffer) => {
    buffer += chunk.toString('utf8');
    for (let parsed = parseReply(buffer); parsed; parsed = parseReply(buffer)) {
      buffer = parsed.rest;
      onReply(parsed.reply, count++);
      if (count >= 3) {
        socket.removeListener('data', onData);
        return;
      }
    }
  };
  socket.pause();
  socket.on('data', onData);
}

/** A nodemailer error's server reply, parsed; undefined when the error carries none. */
function replyOf(err: MailerError): SmtpReply | undefined {
  if (!err.response) return undefined;
  const parsed = parseReply(`${err.response.replace(/\r?\n?$/, '')}\n`);
  return parsed && parsed.reply.code > 0 ? parsed.reply : undefined;
}

/**
 * Opens the SMTP session exactly as ISE does on 587 (STARTTLS required) and stops before AUTH:
 * DNS and TCP (or the proxy's CONNECT) by our wire code, so their faults read as before, then
 * greeting, EHLO, STARTTLS, TLS and EHLO by nodemailer on that socket. The evidence is what the
 * hand-spoken probe gave: banner, capabilities before and after TLS, the chain, the protocol.
 * When the TLS handshake fails nodemailer has no socket left to read the chain from, so the raw
 * probe runs once more to capture it. Never throws.
 */
export async function openSmtpSession(t: ProbeTarget, redactor: Redactor, ehloName = EHLO_NAME): Promise<SessionOutcome> {
  const evidence: Record<string, unknown> = { host: t.host, port: t.port, ...(t.proxy ? { proxy: describeProxy(t.proxy) } : {}) };
  const { addresses, socket } = await reach(t.host, t.port, t.timeoutMs, t.proxy);
  evidence.addresses = addresses;
  if (!socket.ok) return { ok: false, evidence, findings: [faultFinding(socket.fault, t, 'SMTP_UNCLASSIFIED')] };

  const trust = t.secureContext ? { secureContext: t.secureContext } : t.ca ? { ca: t.ca } : {};
  const connection = new SMTPConnection({
    connection: socket.value,
    host: t.host,
    port: t.port,
    secure: false,
    requireTLS: true,
    name: ehloName,
    tls: trust,
    // Each reply within the phase bound, as the hand-spoken probe read them; the whole set-up
    // (greeting, EHLO, STARTTLS, TLS) within four of them.
    greetingTimeout: t.timeoutMs,
    socketTimeout: t.timeoutMs,
    connectionTimeout: t.timeoutMs * 4,
    logger: false,
  });
  const session = new SmtpSession(connection);
  const seen: SmtpReply[] = [];
  let refused: Finding | undefined;
  watchPlainText(socket.value, (reply, index) => {
    seen.push(reply);
    if (index === 0) evidence.banner = redactor(reply.text);
    if (index !== 1 || reply.code < 200 || reply.code >= 300) return;
    const before = capabilities(reply);
    evidence.capabilitiesBeforeTls = before;
    if (!before.includes('STARTTLS')) {
      // ISE (STARTTLS required) stops here rather than send STARTTLS to a server that did not offer it.
      refused = makeFinding('SMTP_STARTTLS_UNAVAILABLE', { host: t.host, port: t.port }, redactor(reply.text));
      connection.close();
    }
  });
  const stages = ['banner', 'ehlo', 'starttls'] as const;
  // A silence is named by the reply it waited for; a bad reply by the step that got it.
  const waitingFor = (): SetupStage => (connection.secure ? 'ehlo-tls' : (stages[seen.length] ?? 'tls'));
  const answered = (): SetupStage => (connection.secure ? 'ehlo-tls' : (stages[seen.length - 1] ?? 'banner'));
  const fail = (finding: Finding): SessionOutcome => {
    session.close();
    return { ok: false, evidence, findings: [finding] };
  };

  let setupError: MailerError | undefined;
  try {
    await session.call<void>((done) => connection.connect((err) => done(err)), t.timeoutMs * 5);
  } catch (err) {
    setupError = err as MailerError;
  }
  if (refused) return fail(refused);
  if (setupError) {
    const reply = replyOf(setupError);
    const replyFault = reply ? replyFinding(reply, t, answered(), redactor) : null;
    if (replyFault) return fail(replyFault);
    const at = waitingFor();
    if (setupError.code === 'ETIMEDOUT') {
      return fail(makeFinding('NET_READ_TIMEOUT', { host: t.host, port: t.port, phase: at, ...(at === 'tls' ? { errorCode: 'ETIMEDOUT' } : {}), timeoutMs: t.timeoutMs }));
    }
    if (at === 'tls') {
      // Untrusted chain, wrong name, or another TLS fault: the raw probe captures the chain and names it.
      session.close();
      return probeSmtp(t, redactor, ehloName);
    }
    if (/closed/i.test(setupError.message ?? '')) return fail(replyFinding('closed', t, at, redactor)!);
    return fail(makeFinding('SMTP_UNCLASSIFIED', { host: t.host, port: t.port, phase: at, reply: 'probe error' }, redactor(setupError.message ?? '')));
  }

  const tls = upgradedSocket(connection);
  evidence.chain = chainEvidence(tls ? peerChain(tls) : []);
  evidence.tlsProtocol = tls?.getProtocol() ?? null;
  // lastServerResponse is, at 'connect', the EHLO reply after STARTTLS (nodemailer's public field).
  const ehloTls = parseReply(`${String(connection.lastServerResponse || '')}\n`)?.reply;
  const after = ehloTls ? capabilities(ehloTls) : [];
  const mechanisms = authMechanisms(after);
  evidence.capabilitiesAfterTls = after;
  evidence.authMechanisms = mechanisms;
  if (!mechanisms.includes('XOAUTH2')) {
    return fail(makeFinding('SMTP_XOAUTH2_NOT_OFFERED', { host: t.host, port: t.port, offered: mechanisms.join(' ') }, redactor(ehloTls?.text ?? '')));
  }
  return { ok: true, evidence, findings: [], session };
}
