import type { Profile } from '../../../shared/contract/profiles';
import { KeychainUnavailableError, type Vault } from '../vault/vault';

/**
 * The password inside a profile's proxy URL (`http://user:password@proxy:3128`) is a secret like
 * the client secret: it lives in the OS keychain under its own account beside the profile's
 * (`<profileId>/proxy`), never in profiles.json, never in a response. The stored URL keeps the
 * user name (not a secret, and it says whose password it is); main joins the two for a call.
 */
export const proxyAccount = (profileId: string): string => `${profileId}/proxy`;

/** The URL without its password, and the password (decoded) when there was one. */
export function splitProxyPassword(url: string): { proxy: string; password?: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { proxy: url };
  }
  if (!parsed.password) return { proxy: url };
  const password = safeDecode(parsed.password);
  parsed.password = '';
  return { proxy: sameTail(parsed.toString(), url), password };
}

/** True when the URL names a proxy user (whose password may be in the keychain). */
export function proxyHasUser(url: string): boolean {
  try {
    return new URL(url).username !== '';
  } catch {
    return false;
  }
}

/** The proxy URL with the password put back (for the network call, in main only). */
export function joinProxyPassword(proxy: string, password: string): string {
  const parsed = new URL(proxy);
  parsed.password = password; // the setter percent-encodes what the userinfo may not hold
  return sameTail(parsed.toString(), proxy);
}

/**
 * The profile's proxy URL as the network call needs it: with its password from the keychain.
 * A legacy profile whose URL still holds the password (the keychain was down when it was
 * migrated) is used as it is; with the keychain down, the URL goes without a password.
 */
export async function proxyUrlFor(vault: Vault, profile: Profile): Promise<string | undefined> {
  if (!profile.proxy) return undefined;
  if (splitProxyPassword(profile.proxy).password !== undefined) return profile.proxy;
  if (!proxyHasUser(profile.proxy)) return profile.proxy;
  const password = await storedProxyPassword(vault, profile.id);
  return password ? joinProxyPassword(profile.proxy, password) : profile.proxy;
}

/** The stored proxy password, or null (none, or the keychain unreachable). */
export async function storedProxyPassword(vault: Vault, profileId: string): Promise<string | null> {
  try {
    return await vault.get(proxyAccount(profileId));
  } catch (err) {
    if (err instanceof KeychainUnavailableError) return null;
    throw err;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** URL.toString() adds a `/` path to a bare origin: keep the form the engineer typed. */
function sameTail(serialized: string, original: string): string {
  return !original.endsWith('/') && serialized.endsWith('/') ? serialized.slice(0, -1) : serialized;
}
