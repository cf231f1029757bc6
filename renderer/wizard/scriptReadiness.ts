import { ClientIdSchema, MailboxSchema, ObjectIdSchema, TenantIdSchema } from '../../shared/validators';

/** The values the Exchange Online PowerShell is built from, as the step has them. */
export interface ScriptValues {
  tenantId: string;
  clientId: string;
  mailbox: string;
  /** Optional: the script stops with a clear message when it is empty, but a wrong one must not run. */
  servicePrincipalObjectId: string;
}

/**
 * The fields (contract names) that keep the script from being run as shown: a required value
 * empty or invalid, or an object ID typed but invalid. Empty means ready.
 */
export function scriptBlockers(values: ScriptValues): Array<keyof ScriptValues> {
  const blockers: Array<keyof ScriptValues> = [];
  if (!TenantIdSchema.safeParse(values.tenantId).success) blockers.push('tenantId');
  if (!ClientIdSchema.safeParse(values.clientId).success) blockers.push('clientId');
  if (!MailboxSchema.safeParse(values.mailbox).success) blockers.push('mailbox');
  if (values.servicePrincipalObjectId.trim() !== '' && !ObjectIdSchema.safeParse(values.servicePrincipalObjectId).success) blockers.push('servicePrincipalObjectId');
  return blockers;
}
