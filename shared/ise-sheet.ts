/**
 * The values to type into ISE (Administration > System > Settings > SMTP Server), in ISE's
 * order and with ISE's own English labels (DESIGN §2). The wizard's ISE step, the html
 * report and the json export all use this one list, so they can never disagree.
 */

export const DEFAULT_SMTP_HOST = 'smtp.office365.com';
export const DEFAULT_SMTP_PORT = 587;
export const DEFAULT_CONNECTION_TIMEOUT_S = 60;
export const DEFAULT_SCOPE = 'https://outlook.office.com/.default';
export const DEFAULT_AUTHORITY_HOST = 'https://login.microsoftonline.com';
export const ISE_AUTH_TYPE = 'MS Exchange Online OAuth';
/** Shown instead of the secret: the value is only ever read from the OS keychain. */
export const SECRET_PLACEHOLDER = '(from keychain)';

/** ISE's labels, exactly as ISE shows them in English. */
export const ISE_LABELS = [
  'SMTP Server',
  'SMTP Port',
  'Connection Timeout',
  'Use Authentication Settings',
  'Email Address',
  'Client ID',
  'Tenant ID',
  'Client Secret',
  'Expiry Date',
  'OAuth Token Endpoint API',
  'Scope',
] as const;
export type IseLabel = (typeof ISE_LABELS)[number];

/** One line of the sheet; `noteKey` points at an i18n text (`iseSheet.notes.<key>`). */
export interface IseSheetRow {
  label: IseLabel;
  value: string;
  noteKey?: string;
}

/** What the sheet needs from a profile (or from the wizard's form). */
export interface IseSheetInput {
  mailbox: string;
  tenantId: string;
  clientId: string;
  secretExpiry?: string | undefined;
  smtpHost?: string | undefined;
  smtpPort?: number | undefined;
  scope?: string | undefined;
}

/** ISE's auto-filled token endpoint for a tenant. */
export function tokenEndpointFor(tenantId: string, authorityHost = DEFAULT_AUTHORITY_HOST): string {
  return `${authorityHost.replace(/\/+$/, '')}/${tenantId}/oauth2/v2.0/token`;
}

/** The ordered rows to type into ISE. The secret row is always the placeholder. */
export function iseSheet(input: IseSheetInput): IseSheetRow[] {
  return [
    { label: 'SMTP Server', value: input.smtpHost ?? DEFAULT_SMTP_HOST },
    { label: 'SMTP Port', value: String(input.smtpPort ?? DEFAULT_SMTP_PORT), noteKey: 'starttls' },
    { label: 'Connection Timeout', value: String(DEFAULT_CONNECTION_TIMEOUT_S), noteKey: 'seconds' },
    { label: 'Use Authentication Settings', value: ISE_AUTH_TYPE, noteKey: 'authOn' },
    { label: 'Email Address', value: input.mailbox, noteKey: 'sender' },
    { label: 'Client ID', value: input.clientId },
    { label: 'Tenant ID', value: input.tenantId },
    { label: 'Client Secret', value: SECRET_PLACEHOLDER, noteKey: 'secretValue' },
    { label: 'Expiry Date', value: input.secretExpiry ?? '', noteKey: 'expiryAlarms' },
    // Without a tenant there is no endpoint: an empty value, never `https://login.microsoftonline.com//oauth2/…`.
    { label: 'OAuth Token Endpoint API', value: input.tenantId.trim() ? tokenEndpointFor(input.tenantId.trim()) : '', noteKey: 'autoFilled' },
    { label: 'Scope', value: input.scope ?? DEFAULT_SCOPE, noteKey: 'autoFilled' },
  ];
}
