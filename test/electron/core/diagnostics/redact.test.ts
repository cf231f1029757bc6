import { describe, expect, it } from 'vitest';
import { createRedactor, redact, redactDeep, redactLogText } from '../../../../electron/core/diagnostics/redact';

// Shapes as Entra issues them; real values from the practice tenant are in
// redact-practice.integration.test.ts beside this file.
const SECRET = 'Xy8Q~abcdefghijklmnopqrstuvwxyz0123456789';
const JWT = 'eyJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
const TENANT = 'f1108d36-ea07-4c3b-9d4e-0123456789ab';

describe('redact (known values and shapes)', () => {
  it('masks known secrets, JWTs, bearer tokens and XOAUTH2 blobs', () => {
    const blob = Buffer.from(`user=a@b.c\x01auth=Bearer ${JWT}\x01\x01`).toString('base64');
    const text = `secret ${SECRET} token ${JWT} header Authorization: Bearer abc.def-123 cmd AUTH XOAUTH2 ${blob} bare ${blob} form client_secret=${encodeURIComponent(SECRET)}&x=1`;
    const out = redact(text, [SECRET]);
    expect(out).not.toContain(SECRET);
    expect(out).not.toContain(encodeURIComponent(SECRET));
    expect(out).not.toContain(JWT);
    expect(out).not.toContain(blob);
    expect(out).not.toContain('abc.def-123');
    expect(out).toContain('[redacted');
  });

  it('masks a known value in its form-encoded and base64 forms', () => {
    const known = 'Ab1~cd.ef_gh-ij~kl';
    const form = new URLSearchParams({ client_id: 'x', other: known }).toString();
    const out = redact(`${form} b64=${Buffer.from(known).toString('base64')} b64url=${Buffer.from(known).toString('base64url')}`, [known]);
    expect(out).not.toContain(new URLSearchParams({ v: known }).toString().slice(2));
    expect(out).not.toContain(Buffer.from(known).toString('base64'));
    expect(out).not.toContain(Buffer.from(known).toString('base64url'));
  });

  it('masks secret-shaped values after client_secret= and "client_secret":, whatever they look like', () => {
    expect(redact('grant_type=client_credentials&client_secret=hunter2hunter2&scope=x')).toBe('grant_type=client_credentials&client_secret=[redacted]&scope=x');
    expect(redact('{"client_id":"c","client_secret":"not-a-known-value"}')).toBe('{"client_id":"c","client_secret":"[redacted]"}');
    expect(redact("{ client_secret: 'abc' }")).not.toContain('abc');
  });

  it('masks the plain XOAUTH2 string (user=…\\x01auth=Bearer …)', () => {
    const plain = `user=no-reply@contoso.com\x01auth=Bearer opaque-token-value-123\x01\x01`;
    const out = redact(plain);
    expect(out).not.toContain('opaque-token-value-123');
    expect(out).toContain('user=no-reply@contoso.com');
  });

  it('masks Authorization headers of any scheme', () => {
    expect(redact('Authorization: Basic dXNlcjpwYXNz next')).toBe('Authorization: [redacted] next');
    expect(redact('"authorization":"Bearer abc"')).not.toContain('abc');
  });

  it('leaves ordinary text alone', () => {
    const text = '535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]';
    expect(redact(text, [undefined, 'abc'])).toBe(text);
    const settings = `SMTP server smtp.office365.com port 587 tenant ${TENANT} user no-reply@contoso.com expiry 2026-08-01`;
    expect(redact(settings)).toBe(settings);
  });

  it('redacts deep inside evidence objects, reading known values at call time', () => {
    const run: { token?: string } = {};
    const r = createRedactor(() => [SECRET, run.token]);
    run.token = 'opaque-access-token-learnt-mid-run';
    const out = JSON.stringify(redactDeep({ a: [`x ${SECRET}`], b: { c: JWT, d: `t=${run.token}` }, n: 3 }, r));
    expect(out).not.toMatch(/Xy8Q|eyJhbGci|opaque-access-token/);
    expect(out).toContain('"n":3');
  });
});

describe('redactLogText (shapes only: pasted logs)', () => {
  it('masks tokens, secrets and XOAUTH2 blobs, keeps the rest', () => {
    const jwt = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiJodHRwczovL291dGxvb2sub2ZmaWNlLmNvbSJ9.c2lnbmF0dXJlc2lnbmF0dXJl';
    const text = `token ${jwt} Authorization: Bearer abc.def client_secret=abc8Q~Zz0123456789abcdefghijklmnopqrstu AUTH XOAUTH2 dXNlcj1uby1yZXBseUBjb250b3NvLmNvbQFhdXRo tenant ${TENANT}`;
    const out = redactLogText(text);
    expect(out).not.toContain(jwt);
    expect(out).not.toContain('abc.def');
    expect(out).not.toContain('Zz0123456789');
    expect(out).not.toContain('dXNlcj1uby1yZXBseUBjb250b3NvLmNvbQFhdXRo');
    // A tenant ID is not a secret: the engineer needs it to compare.
    expect(out).toContain(TENANT);
  });

  it('masks a bare client secret Value, in the old and the "Q~" shape', () => {
    expect(redactLogText('secret Value xyz8Q~AbCdEfGhIjKlMnOpQrStUvWxYz0123456789 pasted')).toBe('secret Value [redacted-secret] pasted');
    expect(redactLogText('value Pq8~Zk3vR.4nTg7Wx_Lm2Yb9Hc6Jd1Fs5Qe0Ua~K end')).toBe('value [redacted-secret] end');
  });
});
