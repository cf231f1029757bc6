import { createHash, createPublicKey, createSign, createVerify, type KeyObject } from 'node:crypto';

/**
 * RS256 JSON Web Tokens as Entra issues them, with node:crypto only. The practice token
 * endpoint signs with the practice signing key; the practice SMTP server verifies with it,
 * as Exchange Online verifies Entra's signature before anything else.
 */

export type JwtClaims = Record<string, unknown>;

export interface JwtHeader {
  typ: string;
  alg: string;
  x5t?: string;
  kid?: string;
}

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/** The key identifier Entra puts in kid and x5t: here a SHA-1 thumbprint of the public key. */
export function keyThumbprint(key: KeyObject): string {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  return b64url(createHash('sha1').update(pub.export({ type: 'spki', format: 'der' })).digest());
}

/** Signs `claims` with RS256; the header carries kid and x5t like Entra's. */
export function signJwt(claims: JwtClaims, privateKey: KeyObject): string {
  const thumb = keyThumbprint(privateKey);
  const header: JwtHeader = { typ: 'JWT', alg: 'RS256', x5t: thumb, kid: thumb };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(claims))}`;
  const signature = createSign('RSA-SHA256').update(signingInput).sign(privateKey);
  return `${signingInput}.${b64url(signature)}`;
}

/** Header and claims of a JWT without checking anything; null when it is not one. */
export function decodeJwt(token: string): { header: JwtHeader; claims: JwtClaims } | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  try {
    const header = JSON.parse(Buffer.from(parts[0] ?? '', 'base64url').toString('utf8')) as unknown;
    const claims = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (!header || typeof header !== 'object' || !claims || typeof claims !== 'object' || Array.isArray(claims)) return null;
    return { header: header as JwtHeader, claims: claims as JwtClaims };
  } catch {
    return null;
  }
}

export type JwtVerification =
  | { ok: true; header: JwtHeader; claims: JwtClaims }
  | { ok: false; reason: 'malformed' | 'algorithm' | 'signature' };

/** Verifies an RS256 signature against `key` (private or public). Claims are the caller's job. */
export function verifyJwt(token: string, key: KeyObject): JwtVerification {
  const decoded = decodeJwt(token);
  if (!decoded) return { ok: false, reason: 'malformed' };
  // Only RS256: accepting the header's own choice is the classic alg=none / HS256 confusion.
  if (decoded.header.alg !== 'RS256') return { ok: false, reason: 'algorithm' };
  const [h, p, s] = token.split('.') as [string, string, string];
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  const valid = createVerify('RSA-SHA256').update(`${h}.${p}`).verify(pub, Buffer.from(s, 'base64url'));
  return valid ? { ok: true, ...decoded } : { ok: false, reason: 'signature' };
}
