import type { FindingCode } from '../../../shared/findings';
import { classifyNetFault, type NetPhase } from './net-faults';
import { classifySmtpSignal } from '../../../shared/signals';
import { parseReply, type SmtpReply } from './smtp-protocol';
import { redactAndCut } from './redact';

/**
 * Names the cause of an SMTP reply: the one signal table (shared/signals.ts) that the error
 * lookup and the guest.log analyzer also read. Null for a success (2xx/3xx).
 */
export function classifySmtpReply(reply: Pick<SmtpReply, 'code' | 'enhanced' | 'text'>): FindingCode | null {
  return classifySmtpSignal(reply);
}

/** The params every reply finding carries: the first line as `reply` (the texts quote it), code, enhanced code. */
export function replyParams(reply: SmtpReply, redactor: (s: string) => string): { reply: string; replyCode: number; enhanced?: string } {
  const first = redactAndCut(`${reply.code} ${reply.lines[0] ?? ''}`.trim(), 200, redactor);
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
