/**
 * Which HTTP proxy the diagnosis goes through. An explicit URL wins; else HTTPS_PROXY /
 * https_proxy, the variables a field engineer's laptop already has, unless NO_PROXY exempts
 * every host we talk to (127.0.0.1/localhost are always exempt: a proxy cannot reach them).
 */
export function proxyFromEnvironment(hosts: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  const proxy = env.HTTPS_PROXY || env.https_proxy;
  if (!proxy) return undefined;
  return hosts.every((h) => bypassesProxy(h, env)) ? undefined : proxy;
}

/** True when a host is exempt from the proxy (loopback, or matched by NO_PROXY). */
export function bypassesProxy(host: string, env: NodeJS.ProcessEnv): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost' || h === '::1' || h.startsWith('127.')) return true;
  const list = (env.NO_PROXY || env.no_proxy || '')
    .split(',')
    .map((s) => s.trim().toLowerCase().replace(/:\d+$/, ''))
    .filter(Boolean);
  return list.some((entry) => {
    if (entry === '*') return true;
    const bare = entry.replace(/^\*?\./, '');
    return h === bare || h.endsWith(`.${bare}`);
  });
}

/** host:port of a proxy URL for messages and params (never its credentials). */
export function describeProxy(proxyUrl: string): string {
  try {
    const u = new URL(proxyUrl);
    return `${u.hostname}:${u.port || (u.protocol === 'https:' ? '443' : '80')}`;
  } catch {
    return 'proxy';
  }
}
