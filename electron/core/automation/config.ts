import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The sign-in client id of the automated setup. Where it comes from, most specific first:
 *   1. the run: `--sign-in-client-id` (CLI) or the Automation screen's field;
 *   2. the profile: the client a previous run of that profile signed in with (a customer who
 *      registered their own client keeps using it);
 *   3. the machine: the ISE_SMTP_OAUTH_SIGN_IN_CLIENT_ID environment variable;
 *   4. the product default, set at packaging time in package.json `iseSmtpOauth.signInClientId`
 *      (electron-builder `extraMetadata` or an edit before `npm run package`), read at start-up.
 * An empty packaged value (a source checkout) means "no default": the engineer must give one.
 * See README "Which sign-in client" for the trade-offs.
 */
export const SIGN_IN_CLIENT_ID_ENV = 'ISE_SMTP_OAUTH_SIGN_IN_CLIENT_ID';
/** The package.json key the packaging step fills in. */
export const PACKAGED_CONFIG_KEY = 'iseSmtpOauth';
const PACKAGE_NAME = 'ise-smtp-oauth';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export type SignInClientIdSource = 'run' | 'profile' | 'environment' | 'packaged';
export type SignInClientIdChoice = { ok: true; clientId: string; source: SignInClientIdSource } | { ok: false; reason: 'none' } | { ok: false; reason: 'invalid'; source: SignInClientIdSource };

/** The project's package.json, found by walking up from this code (source or bundled in out/main, or app.asar). */
export function findPackageJson(fromUrl: string = import.meta.url): string | null {
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'package.json');
    try {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8')) as { name?: unknown };
      if (pkg.name === PACKAGE_NAME) return candidate;
    } catch {
      // not here (or not JSON): keep walking up
    }
    dir = path.dirname(dir);
  }
  return null;
}

/** The packaged default from package.json, '' when absent (a source checkout) or unreadable. */
export function packagedSignInClientId(packageJsonPath: string | null = findPackageJson()): string {
  if (!packageJsonPath) return '';
  try {
    const pkg = JSON.parse(fs.readFileSync(packageJsonPath, 'utf8')) as Record<string, unknown>;
    const v = (pkg[PACKAGED_CONFIG_KEY] as { signInClientId?: unknown } | undefined)?.signInClientId;
    return typeof v === 'string' ? v.trim() : '';
  } catch {
    return '';
  }
}

/** The first given of run → profile → environment → packaged; a given but malformed value is an error naming its source (never skipped silently). */
export function chooseSignInClientId(c: { run?: string | undefined; profile?: string | undefined; env?: NodeJS.ProcessEnv; packaged?: string }): SignInClientIdChoice {
  const candidates: [SignInClientIdSource, string | undefined][] = [
    ['run', c.run],
    ['profile', c.profile],
    ['environment', (c.env ?? process.env)[SIGN_IN_CLIENT_ID_ENV]],
    ['packaged', c.packaged ?? packagedSignInClientId()],
  ];
  for (const [source, raw] of candidates) {
    const v = raw?.trim();
    if (!v) continue;
    return GUID.test(v) ? { ok: true, clientId: v.toLowerCase(), source } : { ok: false, reason: 'invalid', source };
  }
  return { ok: false, reason: 'none' };
}

/** Where a malformed value came from, in the words of the CLI and the screen's error. */
export function signInClientIdSourceName(source: SignInClientIdSource): string {
  return source === 'run' ? '--sign-in-client-id' : source === 'profile' ? "the profile's sign-in client ID" : source === 'environment' ? SIGN_IN_CLIENT_ID_ENV : `package.json ${PACKAGED_CONFIG_KEY}.signInClientId`;
}
