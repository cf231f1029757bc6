import type { AuditEntry, AutomationRecord, PlannedOperation, SetupFinding, SetupStep } from '../../../shared/contract/automation';
import type { Route } from '../../../shared/diagnostic-report';
import type { ExchangeClient } from '../exchange/client';
import type { GraphClient } from '../graph/client';
import type { ProfileService } from '../profiles/profile-service';

/** What one setup run is about (the engineer's choices). */
export interface SetupOptions {
  tenantId: string;
  mailbox: string;
  route: Route;
  /** Lifetime of the new client secret in days (default 180). */
  secretDays?: number;
  /** The profile that records the result (created when absent). */
  profileName: string;
  /** Default "ISE SMTP OAuth (<mailbox>)" (App RBAC: "ISE SMTP OAuth App RBAC (<mailbox>)"): also how a re-run finds the app. */
  appDisplayName?: string;
  /** Set-CASMailbox -SmtpClientAuthenticationDisabled $false when the mailbox has it off (default true). */
  enableMailboxSmtpAuth?: boolean;
  /** The profile points at the practice tenant. */
  practice?: boolean;
  signInClientId?: string;
}

export type ProgressEvent =
  | { type: 'step'; step: SetupStep; state: 'running' | 'created' | 'reused' | 'changed' | 'removed' | 'skipped' | 'failed' }
  | { type: 'waiting'; step: SetupStep; reason: 'replication' | 'throttled'; waitMs: number; attempt: number };

export interface EngineDeps {
  graph: GraphClient;
  exchange: ExchangeClient;
  /** The signed-in admin's UPN, for the audit trail. */
  upn: () => string;
  profiles: ProfileService;
  onProgress?: (e: ProgressEvent) => void;
  /** Test hook: runs after each step is recorded; a throw interrupts the run right there. */
  afterStep?: (step: SetupStep) => void | Promise<void>;
  /**
   * Test hook: runs when a create's reply has arrived, before anything records it; a throw there
   * is a run killed between Microsoft creating the object and this tool writing down its id.
   */
  onCreateReturned?: (step: SetupStep) => void | Promise<void>;
  /** Waits between replication retries (bounded: the list's length is the retry count). */
  replicationDelaysMs?: number[];
  wait?: (ms: number) => Promise<void>;
  /** The delegated permissions the admin's token for that resource was granted (undefined: not known yet). */
  grantedScopes?: (resource: 'graph' | 'exchange') => string[] | undefined;
  /** Token requests made by the sign-in (for the call count). */
  signInCalls?: () => number;
}

/** A run's mutable state: the record (saved as it changes), findings, audit. */
export interface RunState {
  options: Required<Pick<SetupOptions, 'tenantId' | 'mailbox' | 'route' | 'profileName'>> & SetupOptions;
  record: AutomationRecord;
  profileId?: string;
  findings: SetupFinding[];
  audit: AuditEntry[];
  waits: Map<SetupStep, number>;
  created: SetupStep[];
  reused: SetupStep[];
  /** Set once InvokeCommand proved unusable: the Exchange steps become the PowerShell fallback. */
  exchangeFallback: boolean;
}

export const DEFAULT_REPLICATION_DELAYS_MS = [2000, 4000, 8000, 16_000, 30_000];

export function appDisplayName(o: SetupOptions): string {
  // The route is in the name: an App RBAC app must not be the classic one (it carries no SMTP.SendAsApp).
  return o.appDisplayName ?? (o.route === 'app-rbac' ? `ISE SMTP OAuth App RBAC (${o.mailbox})` : `ISE SMTP OAuth (${o.mailbox})`);
}
export function scopeName(mailbox: string): string {
  return `ISE SMTP OAuth ${mailbox}`;
}
export function assignmentName(mailbox: string): string {
  return `ISE SMTP OAuth SMTP.SendAsApp ${mailbox}`;
}

export type { PlannedOperation };
