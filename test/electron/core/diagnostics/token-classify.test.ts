import { ServerError } from '@azure/msal-node';
import { describe, expect, it } from 'vitest';
import { classifyTokenFailure } from '../../../../electron/core/diagnostics/token';
import { aadstsNumber, classifyTokenError } from '../../../../electron/core/diagnostics/token-classify';
import { TokenTransportError } from '../../../../electron/core/diagnostics/token-http';
import { redact } from '../../../../electron/core/diagnostics/redact';
import { ENTRA_REPLIES, ENTRA_UNCLASSIFIED, SCOPE_VARIANTS } from '../../../support/recorded-replies';

const req = { authorityHost: 'https://login.microsoftonline.com', timeoutMs: 15_000 };
const redactor = (s: string) => redact(s);

/** What MSAL throws for an Entra error body: a ServerError with errorNo = error_codes[0]. */
function serverErrorFor(status: number, body: string): ServerError {
  const json = JSON.parse(body) as { error: string; error_description: string; error_codes: number[]; correlation_id: string };
  return new ServerError(json.error, json.correlation_id, json.error_description, undefined, String(json.error_codes[0]), status);
}

describe('token error classification', () => {
  for (const [code, [status, body]] of Object.entries(ENTRA_REPLIES)) {
    it(`${code} fires on its recorded Entra reply`, () => {
      const f = classifyTokenFailure(serverErrorFor(status, body), status, body, req, redactor);
      expect(f.code).toBe(code);
      expect(String(f.params.aadsts)).toMatch(/^AADSTS\d+$/);
      expect(f.raw).toContain('AADSTS');
    });
  }

  it('maps every scope-related AADSTS to TOKEN_SCOPE_INVALID', () => {
    for (const [status, body] of SCOPE_VARIANTS) {
      expect(classifyTokenFailure(serverErrorFor(status, body), status, body, req, redactor).code).toBe('TOKEN_SCOPE_INVALID');
    }
  });

  it('keeps any other AADSTS as TOKEN_UNCLASSIFIED with the raw text', () => {
    const [status, body] = ENTRA_UNCLASSIFIED;
    const f = classifyTokenFailure(serverErrorFor(status, body), status, body, req, redactor);
    expect(f.code).toBe('TOKEN_UNCLASSIFIED');
    expect(f.raw).toContain('AADSTS50126');
  });

  it('a 5xx is a service error whatever its body says', () => {
    expect(classifyTokenError(503, '7000215')).toBe('TOKEN_SERVICE_ERROR');
    const f = classifyTokenFailure(new TokenTransportError('malformed', { status: 502, body: '<html>Bad gateway</html>' }), 502, '<html>Bad gateway</html>', req, redactor);
    expect(f.code).toBe('TOKEN_SERVICE_ERROR');
  });

  it('a garbled 200 is a service error', () => {
    const f = classifyTokenFailure(new TokenTransportError('malformed', { status: 200, body: '{"access_tok' }), 200, '{"access_tok', req, redactor);
    expect(f.code).toBe('TOKEN_SERVICE_ERROR');
    expect(f.params.reason).toBe('malformed');
  });

  it('reads the AADSTS number from error_codes, else from the description', () => {
    expect(aadstsNumber('700016', undefined)).toBe('700016');
    expect(aadstsNumber([90002], undefined)).toBe('90002');
    expect(aadstsNumber(undefined, 'AADSTS7000222: The provided client secret keys are expired.')).toBe('7000222');
    expect(aadstsNumber(undefined, 'no number')).toBeUndefined();
  });

  it('transport faults become network findings with host and port', () => {
    const refused = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) });
    const f = classifyTokenFailure(new TokenTransportError('transport', { transportError: refused }), undefined, undefined, { authorityHost: 'https://127.0.0.1:9', timeoutMs: 1000 }, redactor);
    expect(f.code).toBe('NET_CONNECT_REFUSED');
    expect(f.params).toMatchObject({ host: '127.0.0.1', port: 9 });
    const viaProxy = classifyTokenFailure(new TokenTransportError('transport', { transportError: refused }), undefined, undefined, { ...req, proxy: 'http://127.0.0.1:3128' }, redactor);
    expect(viaProxy.code).toBe('NET_PROXY_FAILED');
    const dns = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND'), { code: 'ENOTFOUND' }) });
    expect(classifyTokenFailure(new TokenTransportError('transport', { transportError: dns }), undefined, undefined, req, redactor).code).toBe('NET_DNS_FAILED');
    const untrusted = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('self-signed certificate'), { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' }) });
    expect(classifyTokenFailure(new TokenTransportError('transport', { transportError: untrusted }), undefined, undefined, req, redactor).code).toBe('TLS_UNTRUSTED_CHAIN');
    const timeout = Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' });
    expect(classifyTokenFailure(new TokenTransportError('transport', { transportError: timeout }), undefined, undefined, req, redactor).code).toBe('NET_READ_TIMEOUT');
  });
});
