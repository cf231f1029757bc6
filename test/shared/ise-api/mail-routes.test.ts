import { describe, expect, it } from 'vitest';
import { mailRoutes, mailsSentBy, personasOf } from '../../../shared/ise-api/mail-routes';

describe('which ISE node sends which mail', () => {
  it('a standalone ISE sends everything', () => {
    const n = { hostname: 'ise', roles: ['Standalone'], services: ['Session'] };
    expect(mailsSentBy(n)).toEqual(['guestExpiry', 'alarms', 'portals', 'passwordExpiry']);
    expect(personasOf(n)).toEqual(['Standalone (PAN, MnT, PSN)']);
  });

  it('a distributed deployment: primary PAN and MnT on separate nodes, dedicated MnT, PSNs', () => {
    const nodes = [
      { hostname: 'pan1', roles: ['PrimaryAdmin'], services: [] },
      { hostname: 'pan2', roles: ['SecondaryAdmin'], services: [] },
      { hostname: 'mnt1', roles: ['PrimaryDedicatedMonitoring'], services: [] },
      { hostname: 'mnt2', roles: ['SecondaryDedicatedMonitoring'], services: [] },
      { hostname: 'psn1', roles: [], services: ['Session', 'Profiler'] },
      { hostname: 'px1', roles: [], services: ['pxGrid'] },
    ];
    expect(Object.fromEntries(mailRoutes(nodes).map((r) => [r.mail, r.nodes]))).toEqual({
      guestExpiry: ['pan1'],
      alarms: ['mnt1'],
      portals: ['psn1'],
      passwordExpiry: ['pan1'],
    });
    expect(mailsSentBy(nodes[1]!)).toEqual([]);
    expect(mailsSentBy(nodes[5]!)).toEqual([]);
    expect(personasOf(nodes[3]!)).toEqual(['Secondary MnT']);
  });
});
