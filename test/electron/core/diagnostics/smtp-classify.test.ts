import { describe, expect, it } from 'vitest';
import { classifyMailerError, classifySmtpReply } from '../../../../electron/core/diagnostics/smtp-classify';
import { parseReply } from '../../../../electron/core/diagnostics/smtp-protocol';
import { SMTP_HEALTHY, SMTP_REPLIES } from '../../../support/recorded-replies';

const reply = (line: string) => parseReply(`${line}\r\n`)!.reply;

describe('classifySmtpReply', () => {
  for (const [code, lines] of Object.entries(SMTP_REPLIES)) {
    for (const line of lines) {
      it(`${code} fires on "${line.slice(0, 40)}…"`, () => {
        expect(classifySmtpReply(reply(line))).toBe(code);
      });
    }
  }

  for (const line of SMTP_HEALTHY) {
    it(`no finding on the healthy reply "${line}"`, () => {
      expect(classifySmtpReply(reply(line))).toBeNull();
    });
  }

  it('tells a disabled SMTP AUTH from a policy block by the keyword, not the sentence', () => {
    expect(classifySmtpReply(reply('535 5.7.139 SMTP AUTH DISABLED (reworded)'))).toBe('SMTP_AUTH_DISABLED');
    expect(classifySmtpReply(reply('535 5.7.139 Something new Microsoft wrote'))).toBe('SMTP_AUTH_BLOCKED_BY_POLICY');
  });

  it('reads the enhanced status code of a multi-line reply from its first line', () => {
    const parsed = parseReply('535-5.7.3 Authentication unsuccessful\r\n535 5.7.3 more text\r\n')!.reply;
    expect(parsed.code).toBe(535);
    expect(parsed.enhanced).toBe('5.7.3');
    expect(classifySmtpReply(parsed)).toBe('SMTP_AUTH_REJECTED');
  });
});

describe('classifyMailerError', () => {
  it('classifies by the server reply nodemailer carries', () => {
    const f = classifyMailerError({ code: 'EAUTH', responseCode: 535, response: SMTP_REPLIES.SMTP_AUTH_REJECTED[0], command: 'AUTH XOAUTH2' });
    expect(f.finding).toBe('SMTP_AUTH_REJECTED');
    expect(f.reply?.enhanced).toBe('5.7.3');
  });

  it('classifies connection faults without a reply', () => {
    expect(classifyMailerError({ code: 'ECONNECTION', originalCode: 'ECONNREFUSED', command: 'CONN' }).finding).toBe('NET_CONNECT_REFUSED');
    expect(classifyMailerError({ code: 'ETIMEDOUT', command: 'CONN' }).finding).toBe('NET_READ_TIMEOUT');
    expect(classifyMailerError({ code: 'ESOCKET', originalCode: 'SELF_SIGNED_CERT_IN_CHAIN', command: 'CONN' }).finding).toBe('TLS_UNTRUSTED_CHAIN');
    expect(classifyMailerError({ code: 'ECONNECTION', originalCode: 'ECONNREFUSED', command: 'CONN' }, true).finding).toBe('NET_PROXY_FAILED');
  });

  it('keeps anything else unclassified', () => {
    expect(classifyMailerError({ code: 'EPROTOCOL', command: 'DATA' }).finding).toBe('SMTP_UNCLASSIFIED');
  });
});
