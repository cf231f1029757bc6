import { describe, expect, it } from 'vitest';
import { classifyNetFault, errorCode } from '../../../../electron/core/diagnostics/net-faults';
import { bypassesProxy, proxyFromEnvironment } from '../../../../electron/core/diagnostics/proxy';

describe('network fault classification', () => {
  it('maps system and TLS codes to findings', () => {
    expect(classifyNetFault('ENOTFOUND', 'dns')).toBe('NET_DNS_FAILED');
    expect(classifyNetFault('EAI_AGAIN', 'connect')).toBe('NET_DNS_FAILED');
    expect(classifyNetFault('ECONNREFUSED', 'connect')).toBe('NET_CONNECT_REFUSED');
    expect(classifyNetFault('ETIMEDOUT', 'connect')).toBe('NET_CONNECT_TIMEOUT');
    expect(classifyNetFault('UND_ERR_CONNECT_TIMEOUT', 'connect')).toBe('NET_CONNECT_TIMEOUT');
    expect(classifyNetFault('UND_ERR_HEADERS_TIMEOUT', 'read')).toBe('NET_READ_TIMEOUT');
    for (const code of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY']) {
      expect(classifyNetFault(code, 'tls')).toBe('TLS_UNTRUSTED_CHAIN');
    }
    expect(classifyNetFault('ERR_TLS_CERT_ALTNAME_INVALID', 'tls')).toBe('TLS_HOSTNAME_MISMATCH');
    expect(classifyNetFault('ECONNRESET', 'connect')).toBeNull();
  });

  it('through a proxy, connect-level failures are the proxy’s', () => {
    expect(classifyNetFault('ECONNREFUSED', 'connect', true)).toBe('NET_PROXY_FAILED');
    expect(classifyNetFault('ENOTFOUND', 'connect', true)).toBe('NET_PROXY_FAILED');
    expect(classifyNetFault('SELF_SIGNED_CERT_IN_CHAIN', 'tls', true)).toBe('TLS_UNTRUSTED_CHAIN');
  });

  it('finds the code in undici’s cause chain', () => {
    const err = Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('x'), { code: 'ECONNREFUSED' }) });
    expect(errorCode(err)).toBe('ECONNREFUSED');
  });
});

describe('proxy from the environment', () => {
  it('uses HTTPS_PROXY unless NO_PROXY or loopback exempts the hosts', () => {
    const env = { HTTPS_PROXY: 'http://proxy.corp:8080', NO_PROXY: '.internal,example.org' };
    expect(proxyFromEnvironment(['login.microsoftonline.com', 'smtp.office365.com'], env)).toBe('http://proxy.corp:8080');
    expect(proxyFromEnvironment(['127.0.0.1', 'localhost'], env)).toBeUndefined();
    expect(proxyFromEnvironment(['a.internal'], env)).toBeUndefined();
    expect(proxyFromEnvironment(['login.microsoftonline.com'], {})).toBeUndefined();
    expect(bypassesProxy('mail.example.org', env)).toBe(true);
    expect(bypassesProxy('example.com', env)).toBe(false);
  });
});
