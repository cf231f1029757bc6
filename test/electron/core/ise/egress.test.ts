import { describe, expect, it } from 'vitest';
import { bypasses, egressFindings } from '../../../../electron/core/ise/egress';
import type { IseNode } from '../../../../shared/contract/ise';

const nodes: IseNode[] = [
  { hostname: 'pan1', fqdn: '', ipAddress: '', roles: ['PrimaryAdmin', 'PrimaryMonitoring'], services: [], nodeStatus: 'Connected', personas: [], sends: ['guestExpiry', 'alarms', 'passwordExpiry'] },
  { hostname: 'pan2', fqdn: '', ipAddress: '', roles: ['SecondaryAdmin'], services: [], nodeStatus: 'Connected', personas: [], sends: [] },
  { hostname: 'psn1', fqdn: '', ipAddress: '', roles: [], services: ['Session'], nodeStatus: 'Connected', personas: [], sends: ['portals'] },
];
const none = { configured: false, fqdn: '', port: null, bypassHosts: [], passwordRequired: false, userName: '' };
const proxy = { ...none, configured: true, fqdn: 'proxy.corp', port: 8080 };

describe('ISE_NODE_NO_EGRESS', () => {
  it('fires for every sending node when this laptop needs a proxy and ISE has none', () => {
    const f = egressFindings(nodes, none, { tokenProxy: 'proxy.corp:8080' }, 'login.microsoftonline.com');
    expect(f.map((x) => x.params['node'])).toEqual(['pan1', 'psn1']);
    expect(f[0]!.params).toMatchObject({ reason: 'no-proxy', host: 'login.microsoftonline.com' });
  });
  it('fires when ISE\'s bypass list sends the token host around its proxy', () => {
    expect(egressFindings(nodes, { ...proxy, bypassHosts: ['*.microsoftonline.com'] }, { tokenProxy: 'p:1' }, 'login.microsoftonline.com')).toHaveLength(2);
  });
  it('does not fire when ISE has a proxy, or when the laptop goes direct', () => {
    expect(egressFindings(nodes, proxy, { tokenProxy: 'p:1' }, 'login.microsoftonline.com')).toEqual([]);
    expect(egressFindings(nodes, none, {}, 'login.microsoftonline.com')).toEqual([]);
  });
  it('bypass patterns', () => {
    expect(bypasses(['.microsoftonline.com'], 'login.microsoftonline.com')).toBe(true);
    expect(bypasses(['login.microsoftonline.com'], 'login.microsoftonline.com')).toBe(true);
    expect(bypasses(['microsoft.com'], 'login.microsoftonline.com')).toBe(false);
  });
});
