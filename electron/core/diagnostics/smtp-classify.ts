import type { FindingCode } from '../../../shared/findings';
import { classifyNetFault, type NetPhase } from './net-faults';
import { parseReply, type SmtpReply } from './smtp-protocol';

/**
 * Names the cause of an SMTP reply from its code and enhanced status code (DESIGN §5). Exchange
 * gives no machine-readable reason beyond these, and rewords its texts, so sentences are never
 * matched: only the status codes, plus the single keywords Exchange has kept stable for years
 * ("disabled" in 5.7.139, "SendAsDenied" in 5.2.0). Null for a success (2xx/3xx).
 */
export function classifySmtpReply(reply: Pick<SmtpReply, 'code' | 'enhanced' | 'text'>): FindingCode | null {
  const { code, enhanced, text } = reply;
  if (code >= 200 && code < 400) return null;
  if (enhanced === '5.7.139') return /disabled/i.test(text) ? 'SMTP_AUTH_DISABLED' : 'SMTP_AUTH_BLOCKED_BY_POLICY';
  if (code === 535 && enhanced === '5.7.3') return 'SMTP_AUTH_REJECTED';
  if (code === 501 && enhanced === '5.5.124') return 'SMTP_USER_INVALID';
  if (enhanced === '5.2.252' || enhanced === '5.7.60' || (enhanced === '5.2.0' && /SendAsDenied/i.test(text))) {
    return 'SMTP_SEND_AS_DENIED';
  }
  if (code === 530 && enhanced === '5.7.57') return 'SMTP_NOT_AUTHENTICATED';
  if (code >= 400 && code < 500) return 'SMTP_THROTTLED';
  return 'SMTP_UNCLASSIFIED';
}

/** The params every reply finding carries: the first line as `reply` (the texts quote it), code, enhanced code. */
export function replyParams(reply: SmtpReply, redactor: (s: string) => string): { reply: string; replyCode: number; enhanced?: string } {
  const first = redactor(`${reply.code} ${reply.lines[0] ?? ''}`.trim()).slice(0, 200);
  return { reply: first, replyCode: reply.code, ...(reply.enhanced ? { enhanced: reply.enhanced } : {}) };
}

/** The parts of a nodemailer error the classifier reads (its message is never trusted). */
export interface MailerError {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
  command?: string;
  message?: string;
}

/** A classified nodemailer failure: the finding, the reply it came from, and the SMTP command. */
export interface SmtpFailure {
  finding: FindingCode;
  reply?: SmtpReply;
  command?: string;
  errorCode?: string;
}

/**
 * Classifies what nodemailer reports: a server reply when there is one, else the connection
 * fault behind its own codes (ECONNECTION, ETIMEDOUT, ESOCKET, ETLS, EPROXY …).
 */
export function classifyMailerError(err: MailerError, viaProxy = false): SmtpFailure {
  const command = err.command;
  if (err.response) {
    const parsed = parseReply(`${err.response.replace(/\r?\n?$/, '')}\n`);
    if (parsed && parsed.reply.code > 0) {
      return { finding: classifySmtpReply(parsed.reply) ?? 'SMTP_UNCLASSIFIED', reply: parsed.reply, ...(command ? { command } : {}) };
    }
  }
  const system = err.originalCode ?? err.code;
  const phase: NetPhase = command === 'CONN' && err.code !== 'ETIMEDOUT' ? 'connect' : err.code === 'ETIMEDOUT' ? 'read' : 'connect';
  const net =
    err.code === 'EPROXY' || (command === 'PROXY')
      ? 'NET_PROXY_FAILED'
      : classifyNetFault(system, phase, viaProxy) ?? (err.code === 'ETIMEDOUT' ? 'NET_READ_TIMEOUT' : null);
  return { finding: net ?? 'SMTP_UNCLASSIFIED', ...(command ? { command } : {}), ...(system ? { errorCode: system } : {}) };
}
