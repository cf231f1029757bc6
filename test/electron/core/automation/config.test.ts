import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { chooseSignInClientId, findPackageJson, packagedSignInClientId, SIGN_IN_CLIENT_ID_ENV, signInClientIdSourceName } from '../../../../electron/core/automation/config';

const RUN = '11111111-1111-4111-8111-111111111111';
const PROFILE = '22222222-2222-4222-8222-222222222222';
const ENV = '33333333-3333-4333-8333-333333333333';
const PACKAGED = '44444444-4444-4444-8444-444444444444';
const env = (v?: string) => (v === undefined ? {} : { [SIGN_IN_CLIENT_ID_ENV]: v });

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the sign-in client ID: run → profile → environment → packaged default', () => {
  it('takes the most specific one given, and says where it came from', () => {
    expect(chooseSignInClientId({ run: RUN, profile: PROFILE, env: env(ENV), packaged: PACKAGED })).toEqual({ ok: true, clientId: RUN, source: 'run' });
    expect(chooseSignInClientId({ profile: PROFILE, env: env(ENV), packaged: PACKAGED })).toEqual({ ok: true, clientId: PROFILE, source: 'profile' });
    expect(chooseSignInClientId({ env: env(ENV), packaged: PACKAGED })).toEqual({ ok: true, clientId: ENV, source: 'environment' });
    expect(chooseSignInClientId({ env: env(), packaged: PACKAGED })).toEqual({ ok: true, clientId: PACKAGED, source: 'packaged' });
  });

  it('treats empty and blank values as not given (a source checkout has no default)', () => {
    expect(chooseSignInClientId({ run: '  ', profile: '', env: env(' '), packaged: '' })).toEqual({ ok: false, reason: 'none' });
    expect(chooseSignInClientId({ run: '', env: env(''), packaged: PACKAGED })).toMatchObject({ ok: true, source: 'packaged' });
  });

  it('a malformed value is an error naming its source, never skipped for the next one', () => {
    expect(chooseSignInClientId({ env: env('not-a-guid'), packaged: PACKAGED })).toEqual({ ok: false, reason: 'invalid', source: 'environment' });
    expect(signInClientIdSourceName('environment')).toBe(SIGN_IN_CLIENT_ID_ENV);
    expect(signInClientIdSourceName('run')).toBe('--sign-in-client-id');
    expect(chooseSignInClientId({ run: `${RUN}x`, packaged: PACKAGED })).toMatchObject({ ok: false, source: 'run' });
  });

  it('reads the packaged default from package.json iseSmtpOauth.signInClientId (what the packaging step fills in)', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pkg-'));
    const file = path.join(dir, 'package.json');
    writeFileSync(file, JSON.stringify({ name: 'ise-smtp-oauth', iseSmtpOauth: { signInClientId: ` ${PACKAGED} ` } }));
    expect(packagedSignInClientId(file)).toBe(PACKAGED);
    expect(chooseSignInClientId({ env: env(), packaged: packagedSignInClientId(file) })).toMatchObject({ clientId: PACKAGED, source: 'packaged' });
    writeFileSync(file, '{ not json');
    expect(packagedSignInClientId(file)).toBe('');
    expect(packagedSignInClientId(null)).toBe('');
  });

  it("finds this project's package.json from the code, whose default is empty in a source checkout", () => {
    const found = findPackageJson();
    expect(found).toBe(path.resolve(__dirname, '../../../../package.json'));
    expect(packagedSignInClientId(found)).toBe('');
  });
});
