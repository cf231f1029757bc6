import { describe, expect, it } from 'vitest';
import { ISE_ERROR_RULES, lookupIseError, primaryIseErrorCode } from '../../shared/ise-errors';
import { lookupErrorText } from '../../electron/core/troubleshoot/lookup';

const codes = (text: string) => lookupIseError(text).map((m) => m.code);

describe('ISE error lookup: the GUI texts of Test Connection', () => {
  it.each([
    ['Connection to smtp.office365.com failed', 'NET_CONNECT_TIMEOUT'],
    ['connect timed out', 'NET_CONNECT_TIMEOUT'],
    ['Invalid OAuth endpoint or tenant identifier', 'TOKEN_TENANT_NOT_FOUND'],
    ['Invalid client secret', 'TOKEN_SECRET_INVALID'],
    ['Invalid email address', 'SMTP_AUTH_REJECTED'],
    ['PKIX path building failed: sun.security.provider.certpath.SunCertPathBuilderException', 'TLS_UNTRUSTED_CHAIN'],
    ['unable to find valid certification path to requested target', 'TLS_UNTRUSTED_CHAIN'],
  ])('%s → %s first', (text, code) => {
    expect(codes(text)[0]).toBe(code);
  });

  it('is case- and whitespace-tolerant (a paste from a PDF or a screenshot)', () => {
    expect(codes('INVALID   OAUTH endpoint\n or tenant\tidentifier')[0]).toBe('TOKEN_TENANT_NOT_FOUND');
    expect(codes('invalid CLIENT\r\nsecret')[0]).toBe('TOKEN_SECRET_INVALID');
    expect(codes('  Connect Timed   Out ')[0]).toBe('NET_CONNECT_TIMEOUT');
  });

  it('ranks several causes: the generic GUI text lists the network causes', () => {
    expect(codes('Connection to smtp.office365.com failed')).toEqual(['NET_CONNECT_TIMEOUT', 'NET_DNS_FAILED', 'NET_CONNECT_REFUSED', 'TLS_UNTRUSTED_CHAIN']);
    expect(codes('Invalid client secret')).toContain('TOKEN_SECRET_EXPIRED');
  });
});

describe('ISE error lookup: Java exception texts', () => {
  it.each([
    ['java.net.SocketTimeoutException: connect timed out', 'NET_CONNECT_TIMEOUT'],
    ['java.net.SocketTimeoutException: Read timed out', 'NET_READ_TIMEOUT'],
    ['java.net.UnknownHostException: smtp.office365.com', 'NET_DNS_FAILED'],
    ['java.net.ConnectException: Connection refused (Connection refused)', 'NET_CONNECT_REFUSED'],
    ['java.io.IOException: Unable to tunnel through proxy. Proxy returns "HTTP/1.1 407 Proxy Authentication Required"', 'NET_PROXY_FAILED'],
    ['javax.mail.AuthenticationFailedException: failed to connect', 'SMTP_AUTH_REJECTED'],
    ['javax.net.ssl.SSLHandshakeException: Received fatal alert: handshake_failure', 'TLS_UNTRUSTED_CHAIN'],
    ['javax.net.ssl.SSLHandshakeException: No subject alternative DNS name matching smtp.office365.com found.', 'TLS_HOSTNAME_MISMATCH'],
    ['javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful [AM0PR01CA0001]', 'SMTP_AUTH_REJECTED'],
    ['javax.mail.AuthenticationFailedException: 535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.', 'SMTP_AUTH_DISABLED'],
    ['535 5.7.139 Authentication unsuccessful, user is locked by your organization\'s security defaults policy.', 'SMTP_AUTH_BLOCKED_BY_POLICY'],
    ['535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully.', 'SMTP_AUTH_BLOCKED_BY_POLICY'],
    ['com.sun.mail.smtp.SMTPSendFailedException: 530 5.7.57 Client not authenticated to send mail.', 'SMTP_NOT_AUTHENTICATED'],
    ['javax.mail.MessagingException: 554 5.2.252 SendAsDenied; no-reply@contoso.com not allowed to send as x@contoso.com', 'SMTP_SEND_AS_DENIED'],
    ['501 5.5.124 Invalid XOAUTH2 user', 'SMTP_USER_INVALID'],
    ['432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded', 'SMTP_THROTTLED'],
    ['530 5.7.0 Must issue a STARTTLS command first', 'SMTP_STARTTLS_UNAVAILABLE'],
    ['javax.mail.AuthenticationFailedException: No authentication mechanisms supported by both server and client', 'SMTP_XOAUTH2_NOT_OFFERED'],
    ['javax.mail.MessagingException: 550 5.1.10 RESOLVER.ADR.RecipientNotFound', 'SMTP_UNCLASSIFIED'],
  ])('%s → %s first', (text, code) => {
    expect(codes(text)[0]).toBe(code);
  });

  it.each([
    ['AADSTS90002: Tenant not found', 'TOKEN_TENANT_NOT_FOUND'],
    ['AADSTS900023: Specified tenant identifier is neither a valid DNS name', 'TOKEN_TENANT_INVALID'],
    ['AADSTS700016: Application with identifier was not found', 'TOKEN_APP_NOT_FOUND'],
    ['AADSTS7000215: Invalid client secret provided.', 'TOKEN_SECRET_INVALID'],
    ['AADSTS7000222: The provided client secret keys are expired.', 'TOKEN_SECRET_EXPIRED'],
    ['AADSTS1002012: The provided value for scope is not valid.', 'TOKEN_SCOPE_INVALID'],
    ['AADSTS70011: invalid scope', 'TOKEN_SCOPE_INVALID'],
    ['AADSTS500011: The resource principal was not found', 'TOKEN_SCOPE_INVALID'],
    ['AADSTS50000: There was an error issuing a token', 'TOKEN_UNCLASSIFIED'],
    ['{"error":"temporarily_unavailable"}', 'TOKEN_SERVICE_ERROR'],
  ])('AADSTS in a pasted text: %s → %s', (text, code) => {
    expect(codes(`Error acquiring token: ${text}`)[0]).toBe(code);
  });

  it('keeps codes apart that share digits (5.7.3 vs 5.7.30, AADSTS7000215 vs AADSTS70002)', () => {
    expect(codes('550 5.7.30 something else')).not.toContain('SMTP_AUTH_REJECTED');
    expect(codes('AADSTS700021: other')).toEqual(['TOKEN_UNCLASSIFIED']);
  });

  it('recognises nothing in a healthy log line or plain prose', () => {
    expect(lookupIseError('Successfully connected to smtp.office365.com.')).toEqual([]);
    expect(lookupIseError('SMTP server settings successfully saved')).toEqual([]);
    expect(primaryIseErrorCode('Access token acquired (no caching in this method)')).toBeNull();
  });

  it('gives each match its step and severity from the catalog and the fragment as evidence', () => {
    const [top] = lookupIseError('Exception : javax.mail.AuthenticationFailedException: 535 5.7.3 Authentication unsuccessful');
    expect(top).toMatchObject({ code: 'SMTP_AUTH_REJECTED', step: 'service-principal', severity: 'error', evidence: '535 5.7.3' });
    expect(top!.rules).toEqual(['smtp-5.7.3', 'authentication-failed']);
  });

  it('serves the lookup through the core with redacted evidence', () => {
    const { matches } = lookupErrorText('Invalid client secret');
    expect(matches[0]).toMatchObject({ code: 'TOKEN_SECRET_INVALID', evidence: 'Invalid client secret' });
  });

  it('has unique rule ids', () => {
    const ids = ISE_ERROR_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
