import type { IseNode } from '../../../shared/contract/ise';
import type { IseFinding } from '../../../shared/ise-api/findings';
import { iseFinding } from './findings';
import type { IseProxyRead } from './read';

/** True when ISE's bypass list sends this host around the proxy ("*.example.com", ".example.com", exact). */
export function bypasses(list: readonly string[], host: string): boolean {
  const h = host.toLowerCase();
  return list.some((raw) => {
    const p = raw.trim().toLowerCase();
    if (!p) return false;
    if (p.startsWith('*.')) return h.endsWith(p.slice(1));
    if (p.startsWith('.')) return h.endsWith(p);
    return h === p;
  });
}

/**
 * A sending node that probably cannot reach Microsoft, judged from what is known without being
 * on the node (DESIGN §3): this laptop needed a proxy to reach the token host, and ISE has none
 * configured, or its bypass list sends the token host around it. HTTPS to the token endpoint is
 * what ISE's proxy carries; whether ISE's SMTP client uses it is UNCONFIRMED, so SMTP is not judged.
 */
export function egressFindings(
  nodes: readonly IseNode[],
  proxy: IseProxyRead | null,
  laptop: { tokenProxy?: string },
  tokenHost: string,
): IseFinding[] {
  if (!proxy || !laptop.tokenProxy) return [];
  const reason = !proxy.configured ? 'no-proxy' : bypasses(proxy.bypassHosts, tokenHost) ? 'bypassed' : null;
  if (!reason) return [];
  return nodes
    .filter((n) => n.sends.length > 0)
    .map((n) => iseFinding('ISE_NODE_NO_EGRESS', { node: n.hostname, host: tokenHost, port: 443, laptopProxy: laptop.tokenProxy!, reason }));
}
