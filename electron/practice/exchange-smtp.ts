import type { KeyObject } from 'node:crypto';
import type { AddressInfo, Socket } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAuthentication, type SMTPServerSession } from 'smtp-server';
import { EXCHANGE_REPLIES, newFrontEnd, toExchangeReply, withDiagnosticTag, type ExchangeFrontEnd } from './exchange-replies';
import { decideXoauth2 } from './smtp-auth';
import { decodeJwt } from './jwt';
import type { PracticeTenantState } from './tenant-state';

/**
 * The practice Exchange Online submission server (like smtp.office365.com:587) on smtp-server:
 * STARTTLS offered and required before AUTH, `AUTH XOAUTH2` judged by smtp-auth.ts against the
 * tenant's state, SendAs checked at the end of DATA, accepted mail kept in memory, every reply
 * rewritten into Exchange's texts (exchange-replies.ts). In 'smtp-hangs' it accepts the TCP
 * connection and never greets.
 */
export interface ReceivedMail {
  /** The XOAUTH2 user the session authenticated as. */
  user: string;
  from: string;
  to: string[];
  /** The message as received (headers and body). */
  raw: string;
  receivedAt: string;
}

export interface ExchangeSmtpOptions {
  state: () => PracticeTenantState;
  signingKey: KeyObject;
  tls: () => { cert: string; key: string };
  port?: number;
  latencyMs?: number;
  /** How many accepted messages to keep (oldest dropped first). */
  keepLast?: number;
  /** The tenant as seen by one client id (the token's appid; directory/project.ts). */
  stateFor?: (clientId: string | undefined) => PracticeTenantState;
}

export interface ExchangeSmtp {
  port: number;
  frontEnd: ExchangeFrontEnd;
  /** Accepted messages, oldest first. */
  received: ReceivedMail[];
  reloadTls(): void;
  close(): Promise<void>;
}

/** The parts of smtp-server's connection the dialect rewrite needs (not in its public types). */
interface ConnectionLike {
  send(code: number, data?: string | string[] | null, context?: string | false): void;
  close(): void;
  secure: boolean;
  remoteAddress: string;
  _socket?: { getProtocol?: () => string | null };
  /** Added here: the negotiated TLS version once STARTTLS is done. */
  tlsProtocol(): string | null;
}

const MAX_MESSAGE_BYTES = 157_286_400;
// Kept in memory for assertions only; a test mail is small, anything bigger is cut.
const MAX_KEPT_MESSAGE_BYTES = 1024 * 1024;

/** A TLS 1.0/1.1 handshake is accepted (to be refused the way Exchange refuses it). */
const LEGACY_TLS_ACCEPTED = { minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } as const;

function smtpError(reply: { code: number; text: string }): Error {
  return Object.assign(new Error(reply.text), { responseCode: reply.code });
}

export async function startExchangeSmtp(opts: ExchangeSmtpOptions): Promise<ExchangeSmtp> {
  const fe = newFrontEnd();
  const received: ReceivedMail[] = [];
  const keepLast = opts.keepLast ?? 50;
  const rawSockets = new Set<Socket>();
  const later = (fn: () => void) => (opts.latencyMs ? setTimeout(fn, opts.latencyMs) : setImmediate(fn));

  const server = new SMTPServer({
    name: fe.name,
    secure: false,
    ...opts.tls(),
    // Accept a TLS 1.0/1.1 handshake (OpenSSL 3 refuses it above security level 0) so that the
    // emulator can answer it as Exchange does, with 421 4.7.66 (see conn.send below). Loopback only.
    ...LEGACY_TLS_ACCEPTED,
    // LOGIN is advertised like Exchange does, and refused like Exchange does (basic auth is off).
    authMethods: ['LOGIN', 'XOAUTH2'],
    allowInsecureAuth: false,
    hideSTARTTLS: false,
    // The enhanced codes are written by exchange-replies.ts, not guessed by smtp-server.
    hideENHANCEDSTATUSCODES: true,
    // Exchange advertises DSN, so accept its MAIL/RCPT parameters (RET, ENVID, NOTIFY, ORCPT).
    hideDSN: false,
    size: MAX_MESSAGE_BYTES,
    disableReverseLookup: true,
    logger: false,
    socketTimeout: 60_000,
    closeTimeout: 250,

    onAuth(auth: SMTPServerAuthentication, _session: SMTPServerSession, callback) {
      later(() => {
        if (auth.method !== 'XOAUTH2') {
          const basic = opts.state().basicAuth === 'retired' ? EXCHANGE_REPLIES.basicAuthRetired(fe) : EXCHANGE_REPLIES.basicAuthDisabled(fe);
          return callback(smtpError(basic));
        }
        // Routed by the (not yet verified) appid claim; decideXoauth2 verifies the token itself.
        const appid = decodeJwt(auth.accessToken ?? '')?.claims.appid;
        const seen = opts.stateFor ? opts.stateFor(typeof appid === 'string' ? appid : undefined) : opts.state();
        const decision = decideXoauth2(seen, { user: auth.username ?? '', accessToken: auth.accessToken ?? '' }, opts.signingKey, fe);
        if (!decision.ok) return callback(smtpError(decision));
        callback(null, { user: auth.username });
      });
    },

    onMailFrom(_address, _session, callback) {
      later(() => callback());
    },

    onData(stream: Readable, session: SMTPServerSession, callback) {
      const chunks: Buffer[] = [];
      let kept = 0;
      stream.on('data', (c: Buffer) => {
        if (kept < MAX_KEPT_MESSAGE_BYTES) {
          chunks.push(c);
          kept += c.length;
        }
      });
      stream.on('end', () =>
        later(() => {
          const user = typeof session.user === 'string' ? session.user : '';
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
          const state = opts.state();
          // Exchange throttles and enforces sending limits at submission, after the message is
          // in (timeoff-management#308 shows 432 4.3.2 as the reply to DATA), then checks SendAs.
          if (state.throttled) return callback(smtpError(EXCHANGE_REPLIES.throttled(fe)));
          if (state.mailbox.submissionQuotaExceeded) return callback(smtpError(EXCHANGE_REPLIES.submissionQuotaExceeded(fe)));
          if (from.toLowerCase() !== user.toLowerCase() || !state.mailbox.sendAsAllowed) {
            return callback(smtpError(EXCHANGE_REPLIES.sendAsDenied(user, from, fe)));
          }
          received.push({
            user,
            from,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
            receivedAt: new Date().toISOString(),
          });
          if (received.length > keepLast) received.splice(0, received.length - keepLast);
          callback(null, EXCHANGE_REPLIES.queued(fe).text);
        }),
      );
    },
  });
  // Client-side TLS refusals and resets are the client's story, not a server failure.
  server.on('error', () => undefined);
  server.server.on('connection', (s: Socket) => {
    rawSockets.add(s);
    s.once('close', () => rawSockets.delete(s));
  });

  const baseConnect = server.connect.bind(server);
  server.connect = (socket, socketOptions) => {
    if (opts.state().smtpHangs) {
      // Accept and stay silent: the client's greeting timeout must fire (the guide's hang).
      socket.on('error', () => undefined);
      return;
    }
    baseConnect(socket, socketOptions);
    const conn = Array.from(server.connections).pop() as unknown as ConnectionLike | undefined;
    if (!conn) return;
    const send = conn.send.bind(conn);
    conn.tlsProtocol = () => conn._socket?.getProtocol?.() ?? null;
    let greeted = false;
    conn.send = (code, data, context) => {
      // Exchange refuses TLS 1.0/1.1 sessions (aka.ms/smtp_auth_tls). Answering the EHLO after
      // STARTTLS is where this emulator says so; the exact command Exchange refuses first is
      // unconfirmed (public logs show the reply, not the command before it).
      if (code === 250 && Array.isArray(data) && conn.secure && /^TLSv1(?:\.1)?$/.test(conn.tlsProtocol() ?? '')) {
        const r = EXCHANGE_REPLIES.tlsVersionUnsupported(fe);
        send(r.code, withDiagnosticTag(r.code, r.text, fe), context);
        conn.close();
        return;
      }
      const ctx = { secure: conn.secure, remoteAddress: conn.remoteAddress, greeted };
      let out = toExchangeReply(code, data ?? undefined, fe, ctx, context);
      if (code === 530) out = EXCHANGE_REPLIES.notAuthenticated(fe).text;
      // smtp-server's invented 538 for AUTH before STARTTLS: Exchange offers no AUTH before
      // STARTTLS and answers an unoffered mechanism with 504 5.7.4 (exact text there unconfirmed).
      if (code === 538) {
        const r = EXCHANGE_REPLIES.unrecognizedAuth();
        code = r.code;
        out = r.text;
      }
      if (typeof out === 'string') out = withDiagnosticTag(code, out, fe);
      if (code === 220) greeted = true;
      send(code, out, context);
    };
  };

  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.server.off('error', reject);
      resolve();
    });
  });

  return {
    port: (server.server.address() as AddressInfo).port,
    frontEnd: fe,
    received,
    reloadTls: () => server.updateSecureContext({ ...opts.tls(), ...LEGACY_TLS_ACCEPTED }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Do not wait out smtp-server's grace period: hung and idle sessions just end.
        for (const s of rawSockets) s.destroy();
      }),
  };
}
