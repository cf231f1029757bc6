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
  secretTooLong: 'is too long for a client secret Value (at most 1024 characters): copy only the Value',
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

/** True for a rule key (a zod message from the rules below), not zod's own English text. */
export function isValidationKey(message: string): message is ValidationKey {
  return Object.prototype.hasOwnProperty.call(VALIDATION_MESSAGES, message);
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A mailbox as Exchange accepts it for SMTP: local part, @, a dotted domain. Kept simple on purpose.
const MAILBOX = /^[^\s@<>()",;:]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$/;
const HOST_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;

/** A dotted-quad IPv4 address, each part 0–255 without leading zeros (no 999.999.999.999). */
export function isIpv4(value: string): boolean {
  const parts = value.split('.');
  return parts.length === 4 && parts.every((p) => /^(?:0|[1-9]\d{0,2})$/.test(p) && Number(p) <= 255);
}

/** An IPv6 address (RFC 4291 text forms: eight groups, one `::`, an IPv4 tail). */
export function isIpv6(value: string): boolean {
  const halves = value.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]!);
  const tail = halves.length === 2 ? groups(halves[1]!) : [];
  const all = [...head, ...tail];
  let count = all.length;
  const last = all[all.length - 1];
  if (last !== undefined && last.includes('.')) {
    if (!isIpv4(last)) return false;
    all.pop();
    count += 1; // an IPv4 tail takes two groups
  }
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? count <= 7 : count === 8;
}

/**
 * A host name (dot-separated labels, no empty one: not `a..b` or `...`), an IPv4 address, or an
 * IPv6 address, bare or in matching brackets (not `[1.2.3.4`). A name whose last label is all
 * digits is read as an IPv4 address by URL parsers, so it must be one.
 */
export function isHost(value: string): boolean {
  if (value.startsWith('[') || value.endsWith(']')) {
    return value.startsWith('[') && value.endsWith(']') && isIpv6(value.slice(1, -1));
  }
  if (value.includes(':')) return isIpv6(value);
  const labels = value.split('.');
  if (/^\d+$/.test(labels[labels.length - 1] ?? '')) return isIpv4(value);
  return HOST_NAME.test(value);
}

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
  .max(1024, 'secretTooLong')
  .refine((s) => !looksLikeSecretId(s), 'secretLooksLikeId');
export const ExpiryDateSchema = trimmed().refine(isValidIsoDate, 'expiry');
export const ScopeSchema = trimmed().regex(/^https:\/\/[^\s/]+\/\.default$/, 'scope');
export const HttpUrlSchema = trimmed().regex(/^https?:\/\/[^\s]+$/, 'url');
export const HostSchema = trimmed().min(1, 'host').max(253, 'host').refine(isHost, 'host');
export const PortSchema = z.number().int('port').min(1, 'port').max(65535, 'port');
export const TimeoutSecondsSchema = z.number().int('timeout').min(1, 'timeout').max(300, 'timeout');

/** The English text for a rule key, for the CLI and HTTP API; unknown keys pass through. */
export function validationText(key: string): string {
  return (VALIDATION_MESSAGES as Record<string, string>)[key] ?? key;
}
