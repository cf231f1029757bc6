/**
 * The sign-in client id: a product default set at packaging time (the environment variable is
 * how the packaging step and engineers override it), overridable per profile and per run
 * (`--sign-in-client-id`). See README "Automated setup: which sign-in client".
 */
export const SIGN_IN_CLIENT_ID_ENV = 'ISE_SMTP_OAUTH_SIGN_IN_CLIENT_ID';

/** Baked in by the packaging step (electron-builder extraMetadata); empty in a source checkout. */
export const PACKAGED_SIGN_IN_CLIENT_ID = '';

export function defaultSignInClientId(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const v = env[SIGN_IN_CLIENT_ID_ENV]?.trim() || PACKAGED_SIGN_IN_CLIENT_ID;
  return v || undefined;
}
