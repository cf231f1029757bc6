import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decodeJwt, keyThumbprint, signJwt, verifyJwt } from '../../../electron/practice/jwt';

const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const other = generateKeyPairSync('rsa', { modulusLength: 2048 });

describe('practice JWT (RS256)', () => {
  it('signs a three-part token whose header names RS256 and the key thumbprint', () => {
    const token = signJwt({ aud: 'https://outlook.office.com', tid: 't' }, privateKey);
    expect(token.split('.')).toHaveLength(3);
    const decoded = decodeJwt(token);
    expect(decoded?.header).toMatchObject({ typ: 'JWT', alg: 'RS256', kid: keyThumbprint(privateKey), x5t: keyThumbprint(privateKey) });
    expect(decoded?.claims).toEqual({ aud: 'https://outlook.office.com', tid: 't' });
  });

  it('verifies with the public key and with the private key', () => {
    const token = signJwt({ a: 1 }, privateKey);
    expect(verifyJwt(token, publicKey)).toMatchObject({ ok: true, claims: { a: 1 } });
    expect(verifyJwt(token, privateKey).ok).toBe(true);
  });

  it('rejects a token signed by another key', () => {
    const token = signJwt({ a: 1 }, other.privateKey);
    expect(verifyJwt(token, publicKey)).toEqual({ ok: false, reason: 'signature' });
  });

  it('rejects tampered claims', () => {
    const [h, , s] = signJwt({ roles: [] }, privateKey).split('.');
    const forged = `${h}.${Buffer.from(JSON.stringify({ roles: ['SMTP.SendAsApp'] })).toString('base64url')}.${s}`;
    expect(verifyJwt(forged, publicKey)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses alg=none instead of trusting the header', () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const claims = Buffer.from(JSON.stringify({ a: 1 })).toString('base64url');
    expect(verifyJwt(`${header}.${claims}.`, publicKey)).toEqual({ ok: false, reason: 'algorithm' });
  });

  it('calls garbage malformed', () => {
    expect(verifyJwt('not-a-jwt', publicKey)).toEqual({ ok: false, reason: 'malformed' });
    expect(verifyJwt('a.b.c', publicKey)).toEqual({ ok: false, reason: 'malformed' });
    expect(decodeJwt('x.y')).toBeNull();
  });
});
