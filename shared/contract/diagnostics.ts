import { z } from 'zod';
import { RouteSchema } from '../diagnostic-report';
import { SETUP_STEPS } from '../steps';
import {
  ClientIdSchema,
  ExpiryDateSchema,
  HostSchema,
  HttpUrlSchema,
  MailboxSchema,
  ObjectIdSchema,
  PortSchema,
  ScopeSchema,
  TenantIdSchema,
  TimeoutSecondsSchema,
} from '../validators';

/**
 * What a diagnosis is run with: the values ISE will be given (DESIGN §2) and the laptop's way
 * out (proxy, extra CA). The CLI's `diagnose` validates its flags with it and the diagnosis
 * options derive from it (electron/core/diagnostics/options.ts). It is not a call of its own:
 * the renderer diagnoses stored profiles (diagnoseProfile), and `caFile` is a path, which main
 * never takes from the page (files reach main as bytes the user picked). The secret is checked only for presence and size here: a Secret ID
 * pasted for the Value is a diagnosis (INPUT_SECRET_LOOKS_LIKE_ID), not a refused call.
 */
export const DiagnoseInputSchema = z
  .object({
    tenantId: TenantIdSchema,
    clientId: ClientIdSchema,
    mailbox: MailboxSchema,
    /** Optional: absent, the token path is skipped (a later profile call supplies it from the keychain). */
    clientSecret: z.string().min(1, 'secretRequired').max(1024, 'secretRequired').optional(),
    scope: ScopeSchema.optional(),
    authorityHost: HttpUrlSchema.optional(),
    smtpHost: HostSchema.optional(),
    smtpPort: PortSchema.optional(),
    proxy: HttpUrlSchema.optional(),
    caFile: z.string().min(1).max(4096).optional(),
    timeoutSeconds: TimeoutSecondsSchema.optional(),
    servicePrincipalObjectId: ObjectIdSchema.optional(),
    route: RouteSchema.optional(),
    sendTo: MailboxSchema.optional(),
    iseVersion: z.string().trim().min(1, 'iseVersion').max(40, 'iseVersion').optional(),
    secretExpiry: ExpiryDateSchema.optional(),
    steps: z.array(z.enum(SETUP_STEPS)).min(1).optional(),
  })
  .strict();
export type DiagnoseInput = z.output<typeof DiagnoseInputSchema>;
