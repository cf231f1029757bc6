import { z } from 'zod';
import type { SetupStep, WizardScreen } from './steps';

/**
 * The checks of a diagnosis, their evidence and what each proves: one table for the engine
 * (electron/core/diagnostics/runner.ts), the wizard's step status (renderer/wizard/screens.ts)
 * and the export (electron/core/export/evidence.ts).
 *
 * How to add a check: add its id to CHECK_IDS (in report order), its evidence schema to
 * CHECK_EVIDENCE, its row to CHECKS (the step its findings belong to, the wizard screens it
 * proves), run it in the runner (CHECKS_FOR_STEP there says which step-only runs need it),
 * and add a test beside the runner's that it passes on a healthy run.
 */
export const CHECK_IDS = ['input', 'network.login', 'token', 'claims', 'network.smtp', 'smtp.auth', 'smtp.send'] as const;
export const CheckIdSchema = z.enum(CHECK_IDS);
export type CheckId = z.infer<typeof CheckIdSchema>;

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

/** One certificate of a peer's chain, as recorded: what ISE's trusted store import needs. */
export const ChainEntrySchema = z.object({
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  sha256: z.string(),
  pem: z.string(),
});
export type ChainEntry = z.infer<typeof ChainEntrySchema>;

// Every evidence field is optional: a check that stops early (or is skipped, `reason`) records
// less. Objects are loose so a report stored by an older version still reads.
const skipped = { reason: z.string().optional() };
const connection = {
  host: z.string().optional(),
  port: z.number().int().optional(),
  proxy: z.string().optional(),
  addresses: z.array(z.string()).optional(),
  chain: z.array(ChainEntrySchema).optional(),
  tlsProtocol: z.string().nullable().optional(),
};
const smtpConnection = {
  ...connection,
  banner: z.string().optional(),
  capabilitiesBeforeTls: z.array(z.string()).optional(),
  capabilitiesAfterTls: z.array(z.string()).optional(),
  authMechanisms: z.array(z.string()).optional(),
};

/** What each check records as evidence (redacted before it leaves the engine). */
export const CHECK_EVIDENCE = {
  input: z.looseObject({ ...skipped, tokenEndpoint: z.string().optional(), scope: z.string().optional(), route: z.string().optional(), caFileError: z.string().optional() }),
  'network.login': z.looseObject({ ...skipped, ...connection }),
  token: z.looseObject({
    ...skipped,
    tokenEndpoint: z.string().optional(),
    scope: z.string().optional(),
    proxy: z.string().optional(),
    httpStatus: z.number().int().optional(),
    tokenType: z.string().optional(),
    expiresOn: z.string().optional(),
    fromCache: z.boolean().optional(),
  }),
  claims: z.looseObject({ ...skipped, ...ClaimsSummarySchema.shape, servicePrincipalObjectId: z.string().optional() }),
  'network.smtp': z.looseObject({ ...skipped, ...smtpConnection }),
  // A session that had to be opened again for AUTH records the connection's evidence here.
  'smtp.auth': z.looseObject({ ...skipped, ...smtpConnection, user: z.string().optional(), mechanism: z.string().optional(), reply: z.string().optional() }),
  'smtp.send': z.looseObject({ ...skipped, from: z.string().optional(), to: z.string().optional(), reply: z.string().optional(), messageId: z.string().optional() }),
} as const satisfies Record<CheckId, z.ZodType>;
export type CheckEvidence = { [K in CheckId]: z.infer<(typeof CHECK_EVIDENCE)[K]> };

/**
 * Each check: the setup step its findings belong to, and the wizard screens whose part it
 * proves when it passes (a step-only run also runs the checks the step depends on: those tell
 * where a failure is, not what the screen proves). Verify is proven by the full run.
 */
export const CHECKS: Record<CheckId, { step: SetupStep; proves: readonly Exclude<WizardScreen, 'verify'>[] }> = {
  input: { step: 'app-registration', proves: [] },
  'network.login': { step: 'network', proves: [] },
  token: { step: 'app-registration', proves: ['app-registration'] },
  claims: { step: 'app-registration', proves: ['app-registration', 'ise'] },
  'network.smtp': { step: 'network', proves: [] },
  'smtp.auth': { step: 'service-principal', proves: ['mailbox', 'service-principal'] },
  'smtp.send': { step: 'mailbox', proves: [] },
};

/** The checks that prove a wizard screen's part, read from CHECKS. */
export function provingChecks(screen: Exclude<WizardScreen, 'verify'>): CheckId[] {
  return CHECK_IDS.filter((id) => CHECKS[id].proves.includes(screen));
}

/** The checks whose connections record a certificate chain (the token host and the SMTP host). */
export const CHAIN_CHECK_IDS = ['network.login', 'network.smtp'] as const satisfies readonly CheckId[];

/** A full run, as opposed to one step's: it reached both hosts' checks. */
export const FULL_RUN_CHECKS = ['smtp.auth', 'network.login'] as const satisfies readonly CheckId[];
