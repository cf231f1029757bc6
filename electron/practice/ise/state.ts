import type { IsePracticeScenario } from '../../../shared/ise-api/practice';

/**
 * What the practice ISE is in one scenario: its release and patches, its deployment, which API
 * listens, the account's password rule, CSRF, whether the Microsoft CAs are trusted, and the
 * guest sender. One fault per scenario; everything else as in `healthy`.
 */
export interface IseNodeRecord {
  hostname: string;
  fqdn: string;
  ipAddress: string;
  roles: string[];
  services: string[];
  nodeStatus: string;
}

export interface IsePracticeState {
  /** ISE's full build, e.g. "3.4.0.608" (what ERS and OpenAPI report). */
  version: string;
  patches: number[];
  ersOn: boolean;
  openapiOn: boolean;
  /** The password handed out is not the account's (wrong-password). */
  passwordRejected: boolean;
  csrf: boolean;
  /** The practice tenant's CA is already in the trusted store. */
  casPresent: boolean;
  /** Guest Email Settings' default From, when it is not the mailbox. */
  guestFrom: string | null;
  nodes: IseNodeRecord[];
}

const DOMAIN = 'practice.example';

// Four nodes, roles and services in Cisco's enum spelling (cisco-ise-open-api-deployment.yaml).
const FOUR_NODES: IseNodeRecord[] = [
  { hostname: 'ise-pan01', roles: ['PrimaryAdmin', 'PrimaryMonitoring'], services: [], ipAddress: '192.0.2.11' },
  { hostname: 'ise-pan02', roles: ['SecondaryAdmin', 'SecondaryMonitoring'], services: [], ipAddress: '192.0.2.12' },
  { hostname: 'ise-psn01', roles: [], services: ['Session', 'Profiler'], ipAddress: '192.0.2.21' },
  { hostname: 'ise-psn02', roles: [], services: ['Session', 'Profiler', 'pxGrid'], ipAddress: '192.0.2.22' },
].map((n) => ({ ...n, fqdn: `${n.hostname}.${DOMAIN}`, nodeStatus: 'Connected' }));

const HEALTHY: IsePracticeState = {
  version: '3.4.0.608',
  patches: [1, 2, 3, 4],
  ersOn: true,
  openapiOn: true,
  passwordRejected: false,
  csrf: false,
  casPresent: false,
  guestFrom: null,
  nodes: FOUR_NODES,
};

export function isePracticeStateFor(scenario: IsePracticeScenario): IsePracticeState {
  const s: IsePracticeState = { ...HEALTHY, nodes: HEALTHY.nodes.map((n) => ({ ...n })) };
  switch (scenario) {
    case 'healthy':
      return s;
    case 'unpatched':
      return { ...s, version: '3.3.0.430', patches: [1, 2, 3, 4, 6] };
    case 'openapi-off':
      return { ...s, openapiOn: false };
    case 'ers-off':
      return { ...s, ersOn: false };
    case 'wrong-password':
      return { ...s, passwordRejected: true };
    case 'csrf':
      return { ...s, csrf: true };
    case 'cas-present':
      return { ...s, casPresent: true };
    case 'guest-sender':
      return { ...s, guestFrom: 'donotreply@practice.example' };
  }
}
