import { describe, expect, it } from 'vitest';
import { classifyMailerError } from '../../electron/core/diagnostics/smtp-classify';
import { aadstsNumber, classifyTokenError } from '../../electron/core/diagnostics/token-classify';
import { lookupErrorText } from '../../electron/core/troubleshoot/lookup';
import { analyzeGuestLogs, bufferInput } from '../../electron/core/troubleshoot/guest-log';
import type { FindingCode } from '../../shared/findings';
import { classifySmtpSignal, SMTP_SIGNALS } from '../../shared/signals';

/**
 * One list of Exchange and Entra replies, each read three ways: as diagnose reads it (the reply
 * nodemailer reports / the token endpoint's body), as `lookup-error` reads a paste of it, and as
 * the guest.log analyzer reads it inside ISE's exception line. All three must name the same
 * finding (DESIGN §5: one table). Replies carry Exchange's bracketed suffix, as on the wire.
 */
const SUFFIX = '[SN4PR0601CA0002.namprd06.prod.outlook.com 2026-12-01T09:00:00.000Z 08DE2F1A3B4C5D6E]';

const SMTP_CASES: Array<[string, FindingCode]> = [
  [`535 5.7.139 Authentication unsuccessful, basic authentication is disabled. ${SUFFIX}`, 'SMTP_BASIC_AUTH_REJECTED'],
  ['550 5.7.30 Basic authentication is not supported for Client Submission.', 'SMTP_BASIC_AUTH_REJECTED'],
  [`535 5.7.139 Authentication unsuccessful, the user credentials were incorrect. ${SUFFIX}`, 'SMTP_BASIC_AUTH_REJECTED'],
  [`535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. ${SUFFIX}`, 'SMTP_AUTH_DISABLED'],
  [`535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. ${SUFFIX}`, 'SMTP_AUTH_DISABLED'],
  // reworded: no "SmtpClientAuthentication", but the stable link and keyword stay
  [`535 5.7.139 Authentication unsuccessful, SMTP client authentication has been turned off for this mailbox. See https://aka.ms/smtp_auth_disabled ${SUFFIX}`, 'SMTP_AUTH_DISABLED'],
  [`535 5.7.139 Authentication unsuccessful, user is locked by your organization's security defaults policy. Contact your administrator. ${SUFFIX}`, 'SMTP_AUTH_BLOCKED_BY_POLICY'],
  [`535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. ${SUFFIX}`, 'SMTP_AUTH_BLOCKED_BY_POLICY'],
  [`535 5.7.3 Authentication unsuccessful ${SUFFIX}`, 'SMTP_AUTH_REJECTED'],
  // reworded 5.7.3: the code decides
  [`535 5.7.3 Sign-in was not successful for this client ${SUFFIX}`, 'SMTP_AUTH_REJECTED'],
  [`501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth data is correct and try again. ${SUFFIX}`, 'SMTP_USER_INVALID'],
  [`504 5.7.4 Unrecognized authentication type ${SUFFIX}`, 'SMTP_XOAUTH2_NOT_OFFERED'],
  [
    `554 5.2.0 STOREDRV.Submission.Exception:SubmissionQuotaExceededException; Failed to process message due to a permanent exception with message Cannot submit message. [Hostname=CH2PR14MB4005.namprd14.prod.outlook.com] ${SUFFIX}`,
    'SMTP_QUOTA_EXCEEDED',
  ],
  [
    `554 5.2.252 SendAsDenied; no-reply@contoso.onmicrosoft.com not allowed to send as sponsor@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied [Hostname=CH2PR14MB4005.namprd14.prod.outlook.com] ${SUFFIX}`,
    'SMTP_SEND_AS_DENIED',
  ],
  [`554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message ${SUFFIX}`, 'SMTP_SEND_AS_DENIED'],
  [`421 4.7.66 TLS 1.0 and 1.1 are not supported. Please upgrade/update your client to support TLS 1.2. Visit https://aka.ms/smtp_auth_tls. ${SUFFIX}`, 'SMTP_TLS_VERSION_UNSUPPORTED'],
  [`530 5.7.57 Client not authenticated to send mail. ${SUFFIX}`, 'SMTP_NOT_AUTHENTICATED'],
  [`432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=CH2PR14MB4005.namprd14.prod.outlook.com] ${SUFFIX}`, 'SMTP_THROTTLED'],
  [`451 4.7.500 Server busy. Please try again later. ${SUFFIX}`, 'SMTP_THROTTLED'],
  [`550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP. ${SUFFIX}`, 'SMTP_UNCLASSIFIED'],
];

const AADSTS_CASES: Array<[number, string, string, FindingCode]> = [
  [400, 'invalid_request', "AADSTS90002: Tenant 'a3c9e7d1-2b4f-4e6a-8c0d-9f1b3e5a7c29' not found.", 'TOKEN_TENANT_NOT_FOUND'],
  [400, 'invalid_request', "AADSTS900023: Specified tenant identifier 'contoso' is neither a valid DNS name, nor a valid external domain.", 'TOKEN_TENANT_INVALID'],
  [400, 'unauthorized_client', "AADSTS700016: Application with identifier '1f6d8b3a-4c2e-4a9b-8d7f-6e0c5b2a9d14' was not found in the directory 'Contoso'.", 'TOKEN_APP_NOT_FOUND'],
  [401, 'invalid_client', 'AADSTS7000215: Invalid client secret provided.', 'TOKEN_SECRET_INVALID'],
  [401, 'invalid_client', "AADSTS7000222: The provided client secret keys for app '8e4b2c17-93d5-4f0a-b6e8-2a7c1d9f5e36' are expired.", 'TOKEN_SECRET_EXPIRED'],
  [400, 'invalid_client', 'AADSTS7000229: The client application 8e4b2c17-93d5-4f0a-b6e8-2a7c1d9f5e36 is missing service principal in the tenant 5d2f8a41-7c3e-4b9a-9e16-3f0c7a2b8d54.', 'TOKEN_APP_NO_SERVICE_PRINCIPAL'],
  [400, 'invalid_grant', 'AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.', 'TOKEN_BLOCKED_BY_CONDITIONAL_ACCESS'],
  [400, 'invalid_scope', 'AADSTS1002012: The provided value for scope https://outlook.office.com/SMTP.Send is not valid.', 'TOKEN_SCOPE_INVALID'],
  [400, 'invalid_grant', 'AADSTS50000: There was an error issuing a token.', 'TOKEN_UNCLASSIFIED'],
];

/** The analyzer's reading of one ISE exception line that carries the text. */
async function analyzerCode(exceptionText: string): Promise<FindingCode | undefined> {
  const log =
    '2026-12-01 09:00:00,100 DEBUG [admin-http-pool3][[]] cpm.admin.guestaccess.action.SmtpServerSettingsAction -::admin:::- inside smtpServerSettings testConnection\n' +
    `2026-12-01 09:00:02,300 ERROR [admin-http-pool3][[]] cpm.guestaccess.apiservices.util.SmtpSession -::admin:::- Exception : ${exceptionText}\n`;
  const a = await analyzeGuestLogs([bufferInput('guest.log', Buffer.from(log))]);
  return a.findings[0]?.code;
}

describe('diagnose, lookup-error and the guest.log analyzer agree on every Exchange reply', () => {
  it.each(SMTP_CASES)('%s → %s', async (reply, expected) => {
    const diagnosed = classifyMailerError({ code: 'EAUTH', responseCode: Number(reply.slice(0, 3)), response: reply, command: 'AUTH XOAUTH2' }).finding;
    const looked = lookupErrorText(reply).matches[0]?.code;
    const logged = await analyzerCode(`javax.mail.MessagingException: ${reply}`);
    expect({ diagnosed, looked, logged }).toEqual({ diagnosed: expected, looked: expected, logged: expected });
  });

  it('never matches a code inside the bracketed suffix', () => {
    // a suffix whose id happens to look like an enhanced status code must not change the answer
    const reply = '535 5.7.3 Authentication unsuccessful [AM0PR01CA0001.eurprd01.prod.outlook.com 2026-12-01T09:00:00.000Z 5.7.139]';
    expect(classifyMailerError({ code: 'EAUTH', responseCode: 535, response: reply }).finding).toBe('SMTP_AUTH_REJECTED');
    expect(lookupErrorText(reply).matches[0]?.code).toBe('SMTP_AUTH_REJECTED');
  });

  it('reads nothing into healthy replies', () => {
    for (const ok of ['235 2.7.0 Authentication successful', '250 2.0.0 OK <A1B2@CH2PR14MB4005.namprd14.prod.outlook.com> [Hostname=CH2PR14MB4005.namprd14.prod.outlook.com]']) {
      expect(classifySmtpSignal({ code: Number(ok.slice(0, 3)), enhanced: ok.split(' ')[1], text: ok })).toBeNull();
      expect(lookupErrorText(ok).matches).toEqual([]);
    }
  });

  it('has unique row ids', () => {
    const ids = SMTP_SIGNALS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('diagnose, lookup-error and the guest.log analyzer agree on every Entra error', () => {
  it.each(AADSTS_CASES)('%i %s %s → %s', async (status, error, description, expected) => {
    const body = { error, error_description: `${description}\r\nTrace ID: 0b6a3c1e-2f4d-4e5a-9b8c-7d6e5f4a3b2c\r\nTimestamp: 2026-12-01 09:00:00Z`, error_codes: [Number(/AADSTS(\d+)/.exec(description)![1])] };
    const diagnosed = classifyTokenError(status, aadstsNumber(body.error_codes, body.error_description));
    const looked = lookupErrorText(`Error acquiring token: ${JSON.stringify(body)}`).matches[0]?.code;
    const logged = await analyzerCode(`com.microsoft.aad.msal4j.MsalServiceException: ${description}`);
    expect({ diagnosed, looked, logged }).toEqual({ diagnosed: expected, looked: expected, logged: expected });
  });
});
