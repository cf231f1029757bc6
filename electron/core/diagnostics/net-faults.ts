import type { FindingCode } from '../../../shared/findings';

/** Which phase of a connection failed: the same error code means different things in each. */
export type NetPhase = 'dns' | 'connect' | 'proxy' | 'tls' | 'read';

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'ENODATA', 'ESERVFAIL', 'ENONAME']);
const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_GET_ISSUER_CERT',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_REVOKED',
]);
const CONNECT_TIMEOUT_CODES = new Set(['ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'ECONNECT_TIMEOUT']);
const READ_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'EREAD_TIMEOUT']);

/** The error code of an error or of its cause chain (undici wraps the system error in `cause`). */
export function errorCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let depth = 0; depth < 5 && e && typeof e === 'object'; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code !== 'UND_ERR_SOCKET' && code !== 'ERR_SSL_WRONG_VERSION_NUMBER') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return typeof (err as { code?: unknown })?.code === 'string' ? ((err as { code: string }).code) : undefined;
}

/**
 * Maps a connection-level error code to a finding (DESIGN §5 "network"), or null when the code
 * is not a network fault the engineer can act on (the caller then keeps it as unclassified).
 * Through a proxy every connect-level failure is the proxy's: the target is never dialled directly.
 */
export function classifyNetFault(code: string | undefined, phase: NetPhase, viaProxy = false): FindingCode | null {
  if (!code) return phase === 'read' ? 'NET_READ_TIMEOUT' : null;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') return 'TLS_HOSTNAME_MISMATCH';
  if (UNTRUSTED_CODES.has(code)) return 'TLS_UNTRUSTED_CHAIN';
  if (phase === 'proxy') return 'NET_PROXY_FAILED';
  if (viaProxy && (DNS_CODES.has(code) || code === 'ECONNREFUSED' || CONNECT_TIMEOUT_CODES.has(code))) {
    return 'NET_PROXY_FAILED';
  }
  if (DNS_CODES.has(code)) return 'NET_DNS_FAILED';
  if (code === 'ECONNREFUSED') return 'NET_CONNECT_REFUSED';
  if (READ_TIMEOUT_CODES.has(code)) return 'NET_READ_TIMEOUT';
  if (CONNECT_TIMEOUT_CODES.has(code)) return phase === 'read' ? 'NET_READ_TIMEOUT' : 'NET_CONNECT_TIMEOUT';
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return 'NET_CONNECT_TIMEOUT';
  return null;
}
