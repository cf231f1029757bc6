import { randomBytes } from 'node:crypto';

/**
 * Exchange Online's SMTP submission dialect (smtp.office365.com:587): its greeting, its EHLO
 * list, and its reply texts with their enhanced status codes, as clients see them on the wire.
 * smtp-server speaks its own texts; `toExchangeReply` rewrites each reply just before it is
 * written, so the emulator's wire is Exchange's (tests and the engine match on these codes).
 */

/** The front-end server a session lands on: a name like Exchange's, fixed per tenant start. */
export interface ExchangeFrontEnd {
  /** e.g. `PH7PR02CA0017.outlook.office365.com` (greeting, EHLO). */
  name: string;
  /** e.g. `PH7PR02CA0017.namprd02.prod.outlook.com` (the bracket at the end of errors). */
  internalName: string;
  /** The mailbox server that stores the submission, e.g. `CH2PR14MB4005.namprd14.prod.outlook.com` (250 after DATA, STOREDRV replies). */
  mailboxServer: string;
  /** The banner's trailing tag, e.g. `[08DDFAA3FED0C1E0]`: fixed per front end. */
  bannerTag: string;
}

export function newFrontEnd(): ExchangeFrontEnd {
  const n = randomBytes(2).readUInt16BE(0);
  const machine = `PH7PR0${n % 10}CA${String(n % 10_000).padStart(4, '0')}`;
  const mailboxMachine = `CH2PR${String(n % 100).padStart(2, '0')}MB${String(n % 10_000).padStart(4, '0')}`;
  return {
    name: `${machine}.outlook.office365.com`,
    internalName: `${machine}.namprd0${n % 10}.prod.outlook.com`,
    mailboxServer: `${mailboxMachine}.namprd${String(n % 100).padStart(2, '0')}.prod.outlook.com`,
    bannerTag: `[08DD${randomBytes(6).toString('hex').toUpperCase()}]`,
  };
}

/** Exchange's diagnostic bracket: `[host 2023-09-12T20:59:57.214Z 08DBB276B7E699C4]`. */
export function diagnosticTag(fe: ExchangeFrontEnd, now = new Date()): string {
  return `[${fe.internalName} ${now.toISOString()} 08DD${randomBytes(6).toString('hex').toUpperCase()}]`;
}

/** RFC 5322 date as Exchange writes it in its greeting: `Tue, 11 Feb 2020 09:46:22 +0000`. */
function rfc5322Date(d: Date): string {
  return d.toUTCString().replace(/^(\w{3}), 0?(\d+) /, '$1, $2 ').replace('GMT', '+0000');
}

/**
 * Exchange's 501 to XOAUTH2 data whose user= is not a mailbox address. Seen on
 * smtp-hve.office365.com (sasl-xoauth2#110) as "501 5.5.124 Invalid XOAUTH2 auth data - User
 * address provided is not valid. Please ensure the auth d…": the log is cut there, so the end of
 * the second sentence is unconfirmed (the classifier keys on 5.5.124 only, never on this tail).
 */
export const INVALID_XOAUTH2_TEXT =
  '5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth data is correct and try again.';

/** The replies the emulator's own decisions produce (code + text including the enhanced code). */
export const EXCHANGE_REPLIES = {
  authRejected: (fe: ExchangeFrontEnd) => ({ code: 535, text: `5.7.3 Authentication unsuccessful ${diagnosticTag(fe)}` }),
  smtpAuthDisabledTenant: (fe: ExchangeFrontEnd) => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${diagnosticTag(fe)}`,
  }),
  smtpAuthDisabledMailbox: (fe: ExchangeFrontEnd) => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${diagnosticTag(fe)}`,
  }),
  securityDefaults: (fe: ExchangeFrontEnd) => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. ${diagnosticTag(fe)}`,
  }),
  basicAuthDisabled: (fe: ExchangeFrontEnd) => ({ code: 535, text: `5.7.139 Authentication unsuccessful, basic authentication is disabled. ${diagnosticTag(fe)}` }),
  // After the cutoff (MC786329; the Exchange Team blog quotes this reply).
  basicAuthRetired: (fe: ExchangeFrontEnd) => ({ code: 550, text: `5.7.30 Basic authentication is not supported for Client Submission. ${diagnosticTag(fe)}` }),
  // The same fault in other words: a future wording, kept only to the stable parts (code, link).
  smtpAuthDisabledReworded: (fe: ExchangeFrontEnd) => ({
    code: 535,
    text: `5.7.139 Authentication unsuccessful, SMTP client authentication has been turned off for this mailbox. See https://aka.ms/smtp_auth_disabled ${diagnosticTag(fe)}`,
  }),
  // zehm/sendEmail#1 and Microsoft's aka.ms/smtp_auth_tls page.
  tlsVersionUnsupported: (fe: ExchangeFrontEnd) => ({
    code: 421,
    text: `4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. ${diagnosticTag(fe)}`,
  }),
  submissionQuotaExceeded: (fe: ExchangeFrontEnd) => ({
    code: 554,
    text: `5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message Cannot submit message. [Hostname=${fe.mailboxServer}]`,
  }),
  // Exchange's answer to a mechanism it does not offer (PHPMailer#1254, ntfy#1020). Before
  // STARTTLS its EHLO lists no AUTH at all; that it answers exactly this there is unconfirmed.
  unrecognizedAuth: () => ({ code: 504, text: '5.7.4 Unrecognized authentication type' }),
  invalidXoauth2: (fe: ExchangeFrontEnd) => ({ code: 501, text: `${INVALID_XOAUTH2_TEXT} ${diagnosticTag(fe)}` }),
  notAuthenticated: (fe: ExchangeFrontEnd) => ({ code: 530, text: `5.7.57 Client not authenticated to send mail. ${diagnosticTag(fe)}` }),
  throttled: (fe: ExchangeFrontEnd) => ({
    code: 432,
    text: `4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=${fe.mailboxServer}]`,
  }),
  sendAsDenied: (mailbox: string, from: string, fe: ExchangeFrontEnd) => ({
    code: 554,
    text:
      `5.2.252 SendAsDenied; ${mailbox} not allowed to send as ${from}; ` +
      `STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; ` +
      `Failed to process message due to a permanent exception with message [BeginDiagnosticData]Cannot submit message. ` +
      `0.35250:0A00C287, 1.36674:0A000000, 1.61250:00000000 [EndDiagnosticData] [Hostname=${fe.mailboxServer}]`,
  }),
  // Exchange's 250 after DATA: the internal message ID on the mailbox server, then its name.
  queued: (fe: ExchangeFrontEnd) => ({
    code: 250,
    text: `2.0.0 OK <${randomBytes(16).toString('hex').toUpperCase()}@${fe.mailboxServer}> [Hostname=${fe.mailboxServer}]`,
  }),
};

/** What the connection knows when a reply goes out. */
export interface ReplyContext {
  secure: boolean;
  remoteAddress: string;
  greeted: boolean;
}

// smtp-server's own texts (no enhanced code) → Exchange's. Anything not listed passes unchanged.
const PLAIN_REWRITES: Record<string, string> = {
  '220:Ready to start TLS': '2.0.0 SMTP server ready',
  '235:Authentication successful': '2.7.0 Authentication successful',
  '250:Accepted': '2.1.0 Sender OK',
  '250:Flushed': '2.0.0 Resetting',
  '250:OK': '2.0.0 OK',
  '354:End data with <CR><LF>.<CR><LF>': 'Start mail input; end with <CRLF>.<CRLF>',
  '221:Bye': '2.0.0 Service closing transmission channel',
  '501:Error: invalid userdata': INVALID_XOAUTH2_TEXT,
};

/** Whether a reply already ends with Exchange's `[host time id]` tag. */
const HAS_TAG = /\[\S+ \d{4}-\d\d-\d\dT[\d:.]+Z [0-9A-F]+\]\s*$/;

/**
 * Exchange ends every 4xx/5xx with its diagnostic tag; STOREDRV replies carry `[Hostname=…]`
 * first (whether the tag then follows them too is unconfirmed: real logs are cut there).
 */
export function withDiagnosticTag(code: number, text: string, fe: ExchangeFrontEnd): string {
  if (code < 400 || HAS_TAG.test(text)) return text;
  return `${text} ${diagnosticTag(fe)}`;
}

/** The EHLO capabilities Exchange Online advertises, before and after STARTTLS. */
export function exchangeEhloLines(fe: ExchangeFrontEnd, ctx: ReplyContext): string[] {
  return [
    `${fe.name} Hello [${ctx.remoteAddress}]`,
    'SIZE 157286400',
    'PIPELINING',
    'DSN',
    'ENHANCEDSTATUSCODES',
    ...(ctx.secure ? ['AUTH LOGIN XOAUTH2'] : ['STARTTLS']),
    '8BITMIME',
    'BINARYMIME',
    'CHUNKING',
    'SMTPUTF8',
  ];
}

/**
 * Rewrites one reply of smtp-server into Exchange's words. `data` is what smtp-server passes
 * to its send(): a string or, for EHLO, the list of lines.
 */
export function toExchangeReply(
  code: number,
  data: string | string[] | undefined,
  fe: ExchangeFrontEnd,
  ctx: ReplyContext,
  /** smtp-server's context tag, e.g. 'RCPT_TO_OK' (MAIL and RCPT both say "Accepted"). */
  tag?: unknown,
): string | string[] | undefined {
  if (code === 220 && !ctx.greeted) return `${fe.name} Microsoft ESMTP MAIL Service ready at ${rfc5322Date(new Date())} ${fe.bannerTag}`;
  if (code === 250 && Array.isArray(data)) return exchangeEhloLines(fe, ctx);
  if (typeof data !== 'string') return data;
  if (code === 250 && data === 'Accepted' && tag === 'RCPT_TO_OK') return '2.1.5 Recipient OK';
  return PLAIN_REWRITES[`${code}:${data}`] ?? data;
}
