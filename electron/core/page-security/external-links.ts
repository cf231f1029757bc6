/**
 * Which links the app may open in the user's browser: https only, and only the portals and
 * documentation the instructions point to. Everything else is refused, so injected content
 * can never make the app open an arbitrary page.
 */
export const EXTERNAL_LINK_HOSTS = [
  'admin.microsoft.com',
  'admin.cloud.microsoft',
  'entra.microsoft.com',
  'portal.azure.com',
  'admin.exchange.microsoft.com',
  'learn.microsoft.com',
  'support.microsoft.com',
  'aka.ms',
  'www.cisco.com',
  'cisco.com',
] as const;

export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  return (EXTERNAL_LINK_HOSTS as readonly string[]).includes(url.hostname.toLowerCase());
}
