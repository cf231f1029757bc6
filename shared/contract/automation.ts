import { z } from 'zod';
import { RouteSchema } from '../diagnostic-report';
import { defineCalls } from './define';

/**
 * The automated setup ("Set it up for me", issue 14): what it records in a profile, the
 * findings it reports and the audit trail it keeps. Never a secret or a token in any of it:
 * the client secret goes from Graph's addPassword reply straight into the keychain, admin
 * tokens stay in the main process's memory.
 */

/** Finding codes of the automated setup (texts: renderer/i18n/sources/automation.json). */
export const SETUP_FINDING_CODES = [
  /** The signed-in account lacks an Entra or Exchange role for one operation; params.role names it. */
  'SETUP_ROLE_MISSING',
  /**
   * The admin token lacks a delegated permission (scope); params.scope names it. Graph answers
   * this with the same 403 Authorization_RequestDenied as a missing role, so it is told apart by
   * the scopes the token was granted (the token response's `scope`), checked before any change.
   */
  'SETUP_SCOPE_MISSING',
  /** Graph or Exchange answered 429 (or 503) more often than the bounded retry allows. */
  'SETUP_THROTTLED',
  /** A new object was not visible yet (directory replication); retried with backoff. */
  'SETUP_REPLICATION_WAIT',
  /** InvokeCommand refused or unreachable: run the generated PowerShell (params.powershell) instead. */
  'SETUP_EXCHANGE_API_UNAVAILABLE',
  /** The admin sign-in failed (params.aadsts) or was cancelled / timed out. */
  'SETUP_SIGNIN_FAILED',
  /** The mailbox does not exist in Exchange Online. */
  'SETUP_MAILBOX_NOT_FOUND',
  /** Authenticated SMTP is off for the mailbox and the engineer did not allow changing it. */
  'SETUP_SMTP_AUTH_DISABLED',
  /** Exchange already has a service principal for the app with a different ObjectId (not created by this tool). */
  'SETUP_SP_OBJECT_ID_CONFLICT',
  /**
   * App RBAC: Test-ServicePrincipalAuthorization says the service principal is not (yet) allowed
   * SMTP.SendAsApp on the mailbox (params.mailbox, params.servicePrincipalId, params.attempts).
   */
  'SETUP_SP_NOT_AUTHORIZED',
  /** The OS keychain cannot take the new client secret: nothing was added. */
  'SETUP_KEYCHAIN_UNAVAILABLE',
  /** A network fault reaching Graph / Exchange / Entra (DNS, connect, TLS, timeout). */
  'SETUP_NETWORK_FAILED',
  /** Any other error reply from Graph or Exchange (code and request id kept). */
  'SETUP_SERVICE_ERROR',
] as const;
export const SetupFindingCodeSchema = z.enum(SETUP_FINDING_CODES);
export type SetupFindingCode = z.infer<typeof SetupFindingCodeSchema>;

export const SetupFindingSchema = z.object({
  code: SetupFindingCodeSchema,
  severity: z.enum(['error', 'warning', 'info']),
  /** The plan step it belongs to. */
  step: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
});
export type SetupFinding = z.infer<typeof SetupFindingSchema>;

/** The steps of the setup, in the order they are applied (undo runs them backwards). */
export const SETUP_STEPS = [
  'application',
  'service-principal',
  'admin-consent',
  'client-secret',
  'exchange-service-principal',
  'mailbox-permission',
  'management-scope',
  'management-role-assignment',
  'smtp-auth',
] as const;
export const SetupStepSchema = z.enum(SETUP_STEPS);
export type SetupStep = z.infer<typeof SetupStepSchema>;

/** One line of the audit trail: when, who, what, Microsoft's request id, the result. */
export const AuditEntrySchema = z.object({
  at: z.string(),
  /** The signed-in admin's UPN. */
  upn: z.string(),
  step: z.string(),
  /** The exact operation, e.g. "POST /v1.0/applications" or "New-ServicePrincipal". */
  operation: z.string(),
  /** The object it concerns (an id or a name; never a secret). */
  target: z.string(),
  requestId: z.string().optional(),
  result: z.enum(['created', 'reused', 'changed', 'removed', 'failed', 'skipped']),
  status: z.number().int().optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;

const Guid = z.string().regex(/^[0-9a-f-]{36}$/i);

/**
 * What the setup created (and only that: undo removes exactly these), kept in the profile as
 * each object is created so an interrupted run resumes. `created` lists the steps this tool
 * created; any other id here was found and reused.
 */
export const AutomationRecordSchema = z.object({
  route: RouteSchema,
  signInClientId: Guid.optional(),
  applicationObjectId: Guid.optional(),
  appId: Guid.optional(),
  appDisplayName: z.string().max(256).optional(),
  servicePrincipalId: Guid.optional(),
  consentAssignmentId: z.string().max(200).optional(),
  smtpSendAsAppRoleId: Guid.optional(),
  exchangeResourceSpId: Guid.optional(),
  secretKeyId: Guid.optional(),
  /** The secret being replaced during a rotation, removed once the new one is verified. */
  previousSecretKeyId: Guid.optional(),
  /** The unique displayName of the secret being added (written before addPassword), to find it if its keyId was never recorded. */
  secretDisplayName: z.string().max(256).optional(),
  exchangeServicePrincipal: z.boolean().optional(),
  mailboxPermission: z.boolean().optional(),
  managementScopeName: z.string().max(256).optional(),
  managementRoleAssignmentName: z.string().max(256).optional(),
  /** Set-CASMailbox was run by this tool; the value before, for undo. */
  smtpAuthBefore: z.union([z.boolean(), z.null()]).optional(),
  created: z.array(SetupStepSchema).default([]),
  /**
   * Creates sent but not yet answered: written before each create, cleared when its id is
   * recorded (or Microsoft refused it). A step still here on the next run was created by the
   * interrupted one if it now exists, so it joins `created` (undo removes it) instead of "reused".
   */
  pending: z.array(SetupStepSchema).optional(),
  audit: z.array(AuditEntrySchema).default([]),
});
export type AutomationRecord = z.output<typeof AutomationRecordSchema>;

/** One planned operation: what will happen, in words (a code) and as the exact call. */
export const PlannedOperationSchema = z.object({
  step: SetupStepSchema,
  action: z.enum(['create', 'reuse', 'change', 'skip']),
  /** "POST /v1.0/applications", "New-ServicePrincipal -AppId … -ObjectId …" (no secret). */
  operation: z.string(),
  /** The existing object when reused. */
  existing: z.string().optional(),
});
export type PlannedOperation = z.infer<typeof PlannedOperationSchema>;

/**
 * Faults the practice tenant can play for the automated setup (tests and trainees): a missing
 * role, throttling, replication delay, an unreachable InvokeCommand endpoint, …
 */
export const AUTOMATION_FAULTS = [
  'admin-no-entra-role',
  'admin-app-developer-only',
  'admin-no-exchange-role',
  'graph-throttled',
  'graph-throttled-always',
  'exchange-throttled',
  'replication-delay',
  'exchange-api-unavailable',
  'mailbox-smtp-auth-off',
  /** The tenant's consent for the sign-in client lacks AppRoleAssignment.ReadWrite.All: the token's scp is narrower than asked. */
  'signin-consent-partial',
] as const;
export const AutomationFaultSchema = z.enum(AUTOMATION_FAULTS);
export type AutomationFault = z.infer<typeof AutomationFaultSchema>;

/** The Entra built-in role template ids (documented, learn.microsoft.com "Microsoft Entra built-in roles"). */
export const ENTRA_ROLE_TEMPLATE_IDS = {
  'Global Administrator': '62e90394-69f5-4237-9190-012177145e10',
  'Application Administrator': '9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3',
  'Cloud Application Administrator': '158c047a-c907-4556-b7ef-446551a6b5f7',
  'Application Developer': 'cf1c38e5-3621-4004-a7cb-879624dced7c',
  'Privileged Role Administrator': 'e8611ab8-c189-46e8-94e1-60213ab1f814',
  'Exchange Administrator': '29232cdf-9323-42fd-ade2-1d097af3e4de',
} as const;
export type EntraRoleName = keyof typeof ENTRA_ROLE_TEMPLATE_IDS;

/** Office 365 Exchange Online's application id (the resource of SMTP.SendAsApp). */
export const EXCHANGE_ONLINE_APP_ID = '00000002-0000-0ff1-ce00-000000000000';
export const MICROSOFT_GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** What the account needs, said before sign-in. */
export const REQUIRED_ROLES = {
  entra: ['Cloud Application Administrator', 'Application Administrator', 'Global Administrator'],
  exchange: ['Exchange Administrator (Organization Management)', 'Global Administrator'],
} as const;

// ---- the renderer ↔ main calls of the automated setup --------------------------------------

const CallsSchema = z.object({ graph: z.number(), exchange: z.number(), signIn: z.number(), total: z.number() });

export const SetupRequestSchema = z
  .object({
    /** Use the built-in practice tenant (its tenant, mailbox, hosts and sign-in client). */
    practice: z.boolean().default(false),
    tenantId: z.string().trim().max(256).optional(),
    mailbox: z.string().trim().max(320).optional(),
    route: RouteSchema,
    secretDays: z.number().int().min(1).max(730).default(180),
    profileName: z.string().trim().min(1).max(100).optional(),
    enableMailboxSmtpAuth: z.boolean().default(true),
  })
  .strict();
export type SetupRequest = z.input<typeof SetupRequestSchema>;

export const SetupResultSchema = z.object({
  ok: z.boolean(),
  whatIf: z.boolean(),
  profileName: z.string(),
  profileId: z.string().optional(),
  appId: z.string().optional(),
  servicePrincipalId: z.string().optional(),
  plan: z.array(PlannedOperationSchema),
  created: z.array(SetupStepSchema),
  reused: z.array(SetupStepSchema),
  findings: z.array(SetupFindingSchema),
  audit: z.array(AuditEntrySchema),
  powershell: z.string().optional(),
  calls: CallsSchema,
});
export type SetupResultView = z.infer<typeof SetupResultSchema>;

export const UndoResultSchema = z.object({
  ok: z.boolean(),
  whatIf: z.boolean(),
  profileName: z.string(),
  removed: z.array(SetupStepSchema),
  remaining: z.array(SetupStepSchema),
  operations: z.array(z.object({ step: SetupStepSchema, operation: z.string() })),
  findings: z.array(SetupFindingSchema),
  audit: z.array(AuditEntrySchema),
  profileDeleted: z.boolean(),
  calls: CallsSchema,
});

export const RotateResultSchema = z.object({
  ok: z.boolean(),
  stage: z.enum(['added', 'verified', 'completed', 'failed']),
  newKeyId: z.string().optional(),
  previousKeyId: z.string().optional(),
  secretExpiry: z.string().optional(),
  verified: z.boolean().optional(),
  findings: z.array(SetupFindingSchema),
  audit: z.array(AuditEntrySchema),
});

export const SessionStatusSchema = z.object({
  signedIn: z.boolean(),
  upn: z.string().optional(),
  tenantId: z.string().optional(),
  practice: z.boolean(),
  /** Device-code sign-in in progress: what to show the admin. */
  deviceCode: z.object({ userCode: z.string(), verificationUri: z.string(), message: z.string() }).optional(),
  finding: SetupFindingSchema.optional(),
  /** The running setup's progress, newest last (steps and waits). */
  progress: z.array(z.object({ step: z.string(), state: z.string(), waitMs: z.number().optional() })),
  running: z.boolean(),
});
export type SessionStatus = z.infer<typeof SessionStatusSchema>;

/** A rotation whose new secret was added and whose old one is not removed yet (no secret, key ids only). */
export const RotationInProgressSchema = z.object({
  profileId: z.string(),
  profileName: z.string(),
  newKeyId: z.string(),
  previousKeyId: z.string(),
  /** When the new secret was added (the audit trail's time), ISO. */
  addedAt: z.string().optional(),
  /** The new secret's end date (YYYY-MM-DD): ISE's Expiry Date. */
  secretExpiry: z.string().optional(),
});
export type RotationInProgress = z.infer<typeof RotationInProgressSchema>;

const ProfileRef = z.object({ profileName: z.string().trim().min(1).max(100) }).strict();

export const automationCalls = defineCalls({
  /** Signs the admin in (system browser, or device code); practice: the practice tenant's one-click sign-in. */
  automationSignIn: {
    input: z.object({ practice: z.boolean().default(false), tenantId: z.string().trim().max(256).optional(), signInClientId: z.string().trim().max(64).optional(), deviceCode: z.boolean().default(false) }).strict(),
    output: SessionStatusSchema,
  },
  /** Drops every admin token. */
  automationSignOut: { input: z.object({}).strict(), output: SessionStatusSchema },
  automationStatus: { input: z.object({}).strict(), output: SessionStatusSchema },
  /** The what-if: discovery and the plan, nothing changes. */
  automationPlan: { input: SetupRequestSchema, output: SetupResultSchema },
  /** Applies the plan (after the engineer confirmed it). */
  automationApply: { input: SetupRequestSchema, output: SetupResultSchema },
  automationUndo: { input: ProfileRef.extend({ whatIf: z.boolean().default(false) }).strict(), output: UndoResultSchema },
  /**
   * Secret rotation in three calls the screen makes one after the other: add the new secret
   * (into the keychain; `verify: false`, so the engineer first copies it into ISE), verify with it,
   * then `removeOld` (verified again first). A rotation in progress adds nothing new.
   */
  automationRotate: {
    input: ProfileRef.extend({ days: z.number().int().min(1).max(730).default(180), verify: z.boolean().default(true), removeOld: z.boolean().default(false) }).strict(),
    output: RotateResultSchema,
  },
  /** Rotations left half-done, from the profiles' automation records, so a reopened screen shows them. No sign-in needed. */
  automationRotations: { input: z.object({}).strict(), output: z.array(RotationInProgressSchema) },
});
