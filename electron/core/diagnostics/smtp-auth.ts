import MailComposer from 'nodemailer/lib/mail-composer';
import XOAuth2 from 'nodemailer/lib/xoauth2';
import type { Finding } from '../../../shared/diagnostic-report';
import { makeFinding } from './finding';
import { describeProxy } from './proxy';
import type { Redactor } from './redact';
import { classifyMailerError, replyParams, type MailerError } from './smtp-classify';
import type { SmtpSession } from './smtp-session';

export interface SmtpAuthRequest {
  host: string;
  port: number;
  mailbox: string;
  accessToken: string;
  /** Named in the findings, and a connect fault through it is the proxy's. */
  proxy?: string;
  timeoutMs: number;
  /** Send a test mail from the mailbox to this address after AUTH. */
  sendTo?: string;
}

export interface SmtpStepOutcome {
  ok: boolean;
  durationMs: number;
  evidence: Record<string, unknown>;
  findings: Finding[];
}

function failure(err: unknown, req: SmtpAuthRequest, redactor: Redactor, phase: string): Finding {
  const e = (err ?? {}) as MailerError;
  const c = classifyMailerError(e, Boolean(req.proxy));
  const params = {
    host: req.host,
    port: req.port,
    mailbox: req.mailbox,
    phase,
    ...(c.command ? { command: redactor(c.command) } : {}),
    ...(c.reply ? replyParams(c.reply, redactor) : { reply: c.errorCode ?? e.code ?? 'no reply' }),
    ...(c.errorCode ? { errorCode: c.errorCode } : {}),
    ...(req.proxy ? { proxy: describeProxy(req.proxy) } : {}),
    ...(c.finding === 'NET_READ_TIMEOUT' || c.finding === 'NET_CONNECT_TIMEOUT' ? { timeoutMs: req.timeoutMs } : {}),
    // Exchange applies New-ServicePrincipal / Add-MailboxPermission after 30 min – 2 h (DESIGN §2).
    ...(c.finding === 'SMTP_AUTH_REJECTED' ? { propagationDelay: '30 min – 2 h' } : {}),
  };
  const raw = c.reply ? c.reply.text : (e.message ?? '');
  return makeFinding(c.finding, params, redactor(raw));
}

/**
 * AUTH XOAUTH2 as the mailbox on the session already set up (nodemailer's login with the fresh
 * token; the same command and classification as its verify()). Never throws.
 */
export async function verifySmtpAuth(session: SmtpSession, req: SmtpAuthRequest, redactor: Redactor): Promise<SmtpStepOutcome> {
  const started = Date.now();
  const evidence: Record<string, unknown> = { host: req.host, port: req.port, user: req.mailbox, mechanism: 'XOAUTH2' };
  // A token, not a way to renew one: a 334 challenge ends in the 535 it announces, as in verify().
  const oauth2 = new XOAuth2({ user: req.mailbox, accessToken: req.accessToken }, false);
  try {
    await session.call<boolean>((done) => session.connection.login({ type: 'OAuth2', user: req.mailbox, oauth2 }, done), req.timeoutMs * 2);
    evidence.reply = '235 2.7.0';
    return { ok: true, durationMs: Date.now() - started, evidence, findings: [] };
  } catch (err) {
    return { ok: false, durationMs: Date.now() - started, evidence, findings: [failure(err, req, redactor, 'auth')] };
  }
}

/** A test mail from the mailbox (MAIL FROM = the mailbox, as ISE sends) on the authenticated session. Never throws. */
export async function sendTestMail(session: SmtpSession, req: SmtpAuthRequest & { sendTo: string }, redactor: Redactor, now: Date): Promise<SmtpStepOutcome> {
  const started = Date.now();
  const evidence: Record<string, unknown> = { from: req.mailbox, to: req.sendTo };
  try {
    const mail = new MailComposer({
      from: req.mailbox,
      to: req.sendTo,
      subject: 'ISE SMTP OAuth Setup: test message',
      text: `This message proves that ${req.mailbox} can send through ${req.host}:${req.port} with OAuth (XOAUTH2), as Cisco ISE will.\nSent ${now.toISOString()}.\n`,
    }).compile();
    const info = await session.call<{ response?: string }>((done) => session.connection.send(mail.getEnvelope(), mail.createReadStream(), done), req.timeoutMs * 3);
    evidence.reply = redactor(String(info?.response ?? ''));
    evidence.messageId = mail.messageId();
    return { ok: true, durationMs: Date.now() - started, evidence, findings: [] };
  } catch (err) {
    return { ok: false, durationMs: Date.now() - started, evidence, findings: [failure(err, req, redactor, 'send')] };
  }
}
