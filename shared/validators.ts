import { z } from 'zod';

/**
 * The rules for what a field engineer types, shared by the form (react-hook-form), the
 * contract (zod at the boundary) and the CLI. A rule's message is a stable key: the UI
 * translates it (`validation.<key>` in i18n), the CLI and the HTTP API print the English text.
 */
export const VALIDATION_MESSAGES = {
  tenantId: 'must be the Directory (tenant) ID: a GUID like 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  clientId: 'must be the Application (client) ID: a GUID like 0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b',
  mailbox: 'must be an email address like no-reply@contoso.onmicrosoft.com',
  secretRequired: 'is required: the client secret Value from Certificates & secrets',
  secretLooksLikeId: 'looks like a Secret ID (a GUID): copy the Value column instead',
  expiry: 'must be a date as YYYY-MM-DD',
  scope: 'must be an https URL ending in /.default',
  url: 'must be an http(s) URL',
  host: 'must be a host name or IP address',
  port: 'must be a port number from 1 to 65535',
  timeout: 'must be a number of seconds from 1 to 300',
  iseVersion: 'must be an ISE version like 3.3 P8 or 3.4',
  objectId: 'must be the Enterprise Application object ID: a GUID',
} as const;
export type ValidationKey = keyof typeof VALIDATION_MESSAGES;

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A mailbox as Exchange accepts it for SMTP: local part, @, a dotted domain. Kept simple on purpose.
const MAILBOX = /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const HOST = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$|^\[?[0-9a-fA-F:.]+\]?$/;

export function isGuid(value: string): boolean {
  return GUID.test(value.trim());
}

/** Entra shows a secret's Value once; its Secret ID is a GUID. A GUID here is the wrong column. */
export function looksLikeSecretId(secret: string): boolean {
  return isGuid(secret);
}

export function isValidIsoDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(value);
}

const trimmed = () => z.string().trim();
export const TenantIdSchema = trimmed().regex(GUID, 'tenantId');
export const ClientIdSchema = trimmed().regex(GUID, 'clientId');
export const MailboxSchema = trimmed().max(254, 'mailbox').regex(MAILBOX, 'mailbox');
export const ObjectIdSchema = trimmed().regex(GUID, 'objectId');
export const ClientSecretSchema = z
  .string()
  .min(1, 'secretRequired')
  .max(1024, 'secretRequired')
  .refine((s) => !looksLikeSecretId(s), 'secretLooksLikeId');
export const ExpiryDateSchema = trimmed().refine(isValidIsoDate, 'expiry');
export const ScopeSchema = trimmed().regex(/^https:\/\/[^\s/]+\/\.default$/, 'scope');
export const HttpUrlSchema = trimmed().regex(/^https?:\/\/[^\s]+$/, 'url');
export const HostSchema = trimmed().min(1, 'host').max(253, 'host').regex(HOST, 'host');
export const PortSchema = z.number().int('port').min(1, 'port').max(65535, 'port');
export const TimeoutSecondsSchema = z.number().int('timeout').min(1, 'timeout').max(300, 'timeout');

/** The English text for a rule key, for the CLI and HTTP API; unknown keys pass through. */
export function validationText(key: string): string {
  return (VALIDATION_MESSAGES as Record<string, string>)[key] ?? key;
}
