import { z } from 'zod';
import { FINDING_CODES, type FindingCode } from './findings';
import { SETUP_STEPS } from './steps';

/** One diagnosis: a code (texts come from i18n), its step, and the values the texts need. */
export const FindingSchema = z.object({
  code: z.enum(FINDING_CODES as [FindingCode, ...FindingCode[]]),
  step: z.enum(SETUP_STEPS).nullable(),
  severity: z.enum(['error', 'warning', 'info']),
  /** Values for the i18n texts (e.g. the AADSTS number, the mailbox). Never a secret. */
  params: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])),
  /** What the server said, verbatim but redacted: the evidence behind the finding. */
  raw: z.string().optional(),
});
export type Finding = z.infer<typeof FindingSchema>;

export const CheckStatusSchema = z.enum(['pass', 'fail', 'warn', 'skip']);
export type CheckStatus = z.infer<typeof CheckStatusSchema>;

/** The outcome of one check: results are data, a check never throws (DESIGN §4). */
export const CheckResultSchema = z.object({
  id: z.string(),
  step: z.enum(SETUP_STEPS),
  status: CheckStatusSchema,
  durationMs: z.number().nonnegative(),
  /** Facts the check observed (banner, capabilities, certificate fingerprints, HTTP status …). */
  evidence: z.record(z.string(), z.unknown()),
  findings: z.array(FindingSchema),
});
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** The access token's claims that matter to ISE; never the token itself. */
export const ClaimsSummarySchema = z.object({
  aud: z.string().optional(),
  tid: z.string().optional(),
  appid: z.string().optional(),
  oid: z.string().optional(),
  roles: z.array(z.string()).optional(),
  exp: z.number().optional(),
  iat: z.number().optional(),
  iss: z.string().optional(),
});
export type ClaimsSummary = z.infer<typeof ClaimsSummarySchema>;

export const RouteSchema = z.enum(['classic', 'app-rbac']);
export type Route = z.infer<typeof RouteSchema>;

/** What was tested: the values ISE will use, without the secret. */
export const DiagnoseTargetSchema = z.object({
  tenantId: z.string(),
  clientId: z.string(),
  mailbox: z.string(),
  scope: z.string(),
  tokenEndpoint: z.string(),
  smtpHost: z.string(),
  smtpPort: z.number().int(),
  route: RouteSchema,
  proxy: z.string().optional(),
  practice: z.boolean(),
});
export type DiagnoseTarget = z.infer<typeof DiagnoseTargetSchema>;

export const DiagnosticReportSchema = z.object({
  ok: z.boolean(),
  startedAt: z.string(),
  durationMs: z.number().nonnegative(),
  target: DiagnoseTargetSchema,
  checks: z.array(CheckResultSchema),
  findings: z.array(FindingSchema),
  claims: ClaimsSummarySchema.nullable(),
});
export type DiagnosticReport = z.infer<typeof DiagnosticReportSchema>;
