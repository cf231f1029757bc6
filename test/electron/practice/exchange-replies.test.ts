import { describe, expect, it } from 'vitest';
import { EXCHANGE_REPLIES, INVALID_XOAUTH2_TEXT, diagnosticTag, exchangeEhloLines, newFrontEnd, toExchangeReply } from '../../../electron/practice/exchange-replies';
import { classifyMailerError } from '../../../electron/core/diagnostics/smtp-classify';
import { lookupErrorText } from '../../../electron/core/troubleshoot/lookup';

const fe = newFrontEnd();
const plain = { secure: false, remoteAddress: '127.0.0.1', greeted: true };
const secure = { ...plain, secure: true };

describe("Exchange Online's SMTP dialect", () => {
  it('greets like Exchange', () => {
    const greeting = toExchangeReply(220, `${fe.name} ESMTP`, fe, { ...plain, greeted: false });
    expect(greeting).toMatch(/^PH7PR0\dCA\d{4}\.outlook\.office365\.com Microsoft ESMTP MAIL Service ready at \w{3}, \d{1,2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0000 \[08DD[0-9A-F]{12}\]$/);
  });

  it('after the greeting a 220 is the STARTTLS answer', () => {
    expect(toExchangeReply(220, 'Ready to start TLS', fe, plain)).toBe('2.0.0 SMTP server ready');
  });

  it('offers STARTTLS but no AUTH before TLS, AUTH LOGIN XOAUTH2 and no STARTTLS after', () => {
    const before = exchangeEhloLines(fe, plain);
    expect(before[0]).toBe(`${fe.name} Hello [127.0.0.1]`);
    expect(before.slice(1)).toEqual(['SIZE 157286400', 'PIPELINING', 'DSN', 'ENHANCEDSTATUSCODES', 'STARTTLS', '8BITMIME', 'BINARYMIME', 'CHUNKING', 'SMTPUTF8']);
    const after = exchangeEhloLines(fe, secure);
    expect(after).toContain('AUTH LOGIN XOAUTH2');
    expect(after).not.toContain('STARTTLS');
    expect(toExchangeReply(250, ['x Nice to meet you', 'PIPELINING'], fe, secure)).toEqual(after);
  });

  it('rewrites smtp-server texts into Exchange ones, MAIL and RCPT apart', () => {
    expect(toExchangeReply(250, 'Accepted', fe, secure, 'MAIL_FROM_OK')).toBe('2.1.0 Sender OK');
    expect(toExchangeReply(250, 'Accepted', fe, secure, 'RCPT_TO_OK')).toBe('2.1.5 Recipient OK');
    expect(toExchangeReply(354, 'End data with <CR><LF>.<CR><LF>', fe, secure)).toBe('Start mail input; end with <CRLF>.<CRLF>');
    expect(toExchangeReply(235, 'Authentication successful', fe, secure)).toBe('2.7.0 Authentication successful');
    expect(toExchangeReply(221, 'Bye', fe, secure)).toBe('2.0.0 Service closing transmission channel');
    expect(toExchangeReply(501, 'Error: invalid userdata', fe, secure)).toBe(INVALID_XOAUTH2_TEXT);
  });

  it("501 5.5.124 goes on like Exchange's (sasl-xoauth2#110) and still reads as SMTP_USER_INVALID", () => {
    const r = EXCHANGE_REPLIES.invalidXoauth2(fe);
    expect(r.code).toBe(501);
    expect(r.text).toMatch(/^5\.5\.124 Invalid XOAUTH2 auth data - User address provided is not valid\. Please ensure the auth d/);
    expect(r.text).toMatch(/\[PH7PR0\dCA\d{4}\.namprd0\d\.prod\.outlook\.com \S+Z 08DD[0-9A-F]{12}\]$/);
    const wire = `${r.code} ${r.text}`;
    expect(classifyMailerError({ code: 'EAUTH', responseCode: r.code, response: wire, command: 'AUTH XOAUTH2' }).finding).toBe('SMTP_USER_INVALID');
    expect(lookupErrorText(wire).matches[0]?.code).toBe('SMTP_USER_INVALID');
  });

  it('leaves replies that already carry an enhanced code alone', () => {
    const t = EXCHANGE_REPLIES.authRejected(fe).text;
    expect(toExchangeReply(535, t, fe, secure)).toBe(t);
  });

  it('writes the diagnostic bracket like Exchange', () => {
    expect(diagnosticTag(fe, new Date('2026-01-02T03:04:05.678Z'))).toMatch(/^\[PH7PR0\dCA\d{4}\.namprd0\d\.prod\.outlook\.com 2026-01-02T03:04:05\.678Z 08DD[0-9A-F]{12}\]$/);
  });

  it('SendAsDenied names the mailbox and the From', () => {
    const r = EXCHANGE_REPLIES.sendAsDenied('a@x.com', 'b@y.com', fe);
    expect(r.code).toBe(554);
    expect(r.text).toMatch(/^5\.2\.252 SendAsDenied; a@x\.com not allowed to send as b@y\.com; STOREDRV\.Submission\.Exception:SendAsDeniedException\.MapiExceptionSendAsDenied;/);
  });
});
