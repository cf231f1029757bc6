import { ExchangeClient } from '../exchange/client';
import { GraphClient } from '../graph/client';
import type { ProfileService } from '../profiles/profile-service';
import type { EngineDeps, ProgressEvent, SetupOptions } from './context';
import { SetupEngine, type SetupResult } from './engine';
import { rotateSecret, type RotateResult } from './rotate';
import { AdminSession } from './signin';
import { undoSetup, type UndoResult } from './undo';

/**
 * The automated setup assembled: one admin session (tokens in memory), the Graph and Exchange
 * clients pointed at the given hosts (production defaults or the practice tenant), the engine,
 * undo and rotation. How to add a step: give it a SETUP_STEPS entry (shared/contract/automation.ts),
 * its look-up in discovery.ts, its plan line in plan.ts, its create in engine.ts and its
 * removal in undo.ts, and a test that a second run reuses it.
 */

export const DEFAULT_HOSTS = {
  authorityHost: 'https://login.microsoftonline.com',
  graphHost: 'https://graph.microsoft.com',
  exchangeHost: 'https://outlook.office365.com',
} as const;

export interface AutomationConfig {
  tenantId: string;
  signInClientId: string;
  authorityHost?: string;
  graphHost?: string;
  exchangeHost?: string;
  ca?: string[];
  timeoutMs?: number;
  profiles: ProfileService;
  onProgress?: (e: ProgressEvent) => void;
  afterStep?: EngineDeps['afterStep'];
  onCreateReturned?: EngineDeps['onCreateReturned'];
  replicationDelaysMs?: number[];
}

export interface Automation {
  session: AdminSession;
  setup(options: SetupOptions, whatIf?: boolean): Promise<SetupResult>;
  undo(profileName: string, whatIf?: boolean): Promise<UndoResult>;
  rotate(profileName: string, opts: { days: number; verify?: () => Promise<boolean>; removeOld: boolean }): Promise<RotateResult>;
  /** Signs out (drops every admin token) and closes the connections. */
  close(): Promise<void>;
}

export function createAutomation(c: AutomationConfig): Automation {
  const session = new AdminSession({ tenantId: c.tenantId, signInClientId: c.signInClientId, authorityHost: c.authorityHost ?? DEFAULT_HOSTS.authorityHost, ...(c.ca ? { ca: c.ca } : {}), ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}) });
  const http = { ...(c.ca ? { ca: c.ca } : {}), ...(c.timeoutMs ? { timeoutMs: c.timeoutMs } : {}) };
  const graph = new GraphClient({ host: c.graphHost ?? DEFAULT_HOSTS.graphHost, token: () => session.graphToken(), ...http });
  const exchange = new ExchangeClient({ host: c.exchangeHost ?? DEFAULT_HOSTS.exchangeHost, tenantId: c.tenantId, token: () => session.exchangeToken(), anchorUpn: () => session.upn, ...http });
  const deps: EngineDeps = {
    graph,
    exchange,
    upn: () => session.upn ?? '',
    profiles: c.profiles,
    signInCalls: () => session.calls,
    grantedScopes: (resource) => session.grantedScopes(resource),
    ...(c.onProgress ? { onProgress: c.onProgress } : {}),
    ...(c.afterStep ? { afterStep: c.afterStep } : {}),
    ...(c.onCreateReturned ? { onCreateReturned: c.onCreateReturned } : {}),
    ...(c.replicationDelaysMs ? { replicationDelaysMs: c.replicationDelaysMs } : {}),
  };
  const engine = new SetupEngine(deps);
  return {
    session,
    setup: (o, whatIf) => engine.setup(o, whatIf),
    undo: (name, whatIf) => undoSetup(deps, name, whatIf),
    rotate: (name, opts) => rotateSecret(deps, name, opts),
    async close() {
      await session.signOut();
      await Promise.all([graph.close(), exchange.close()]);
    },
  };
}

export type { SetupOptions, ProgressEvent } from './context';
export type { SetupResult } from './engine';
export type { UndoResult } from './undo';
export type { RotateResult } from './rotate';
