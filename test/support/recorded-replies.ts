/**
 * Recorded wire replies (Entra token endpoint error bodies, Exchange Online SMTP reply lines),
 * shaped exactly as the services send them; trace and correlation IDs are made up.
 */
const trace = 'Trace ID: 0b6a3c1e-2f4d-4e5a-9b8c-7d6e5f4a3b2c\r\nCorrelation ID: 5c4b3a29-1807-4f6e-8d5c-4b3a29180706\r\nTimestamp: 2025-03-04 10:11:12Z';

export function entraError(code: number, error: string, description: string): string {
  return JSON.stringify({
    error,
    error_description: `AADSTS${code}: ${description}\r\n${trace}`,
    error_codes: [code],
    timestamp: '2025-03-04 10:11:12Z',
    trace_id: '0b6a3c1e-2f4d-4e5a-9b8c-7d6e5f4a3b2c',
    correlation_id: '5c4b3a29-1807-4f6e-8d5c-4b3a29180706',
    error_uri: `https://login.microsoftonline.com/error?code=${code}`,
  });
}

/** AADSTS number → [HTTP status, body, the finding it must produce]. */
export const ENTRA_REPLIES = {
  TOKEN_TENANT_NOT_FOUND: [400, entraError(90002, 'invalid_request', "Tenant '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.")],
  TOKEN_TENANT_INVALID: [400, entraError(900023, 'invalid_request', "Specified tenant identifier 'contoso' is neither a valid DNS name, nor a valid external domain.")],
  TOKEN_APP_NOT_FOUND: [400, entraError(700016, 'unauthorized_client', "Application with identifier '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' was not found in the directory 'Contoso'.")],
  TOKEN_SECRET_INVALID: [401, entraError(7000215, 'invalid_client', "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d'.")],
  TOKEN_SECRET_EXPIRED: [401, entraError(7000222, 'invalid_client', "The provided client secret keys for app '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d' are expired.")],
  TOKEN_SCOPE_INVALID: [400, entraError(1002012, 'invalid_scope', "The provided value for scope https://outlook.office.com/SMTP.Send is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).")],
} as const;

export const SCOPE_VARIANTS: Array<[number, string]> = [
  [400, entraError(70011, 'invalid_scope', 'The provided request must include a \'scope\' input parameter.')],
  [400, entraError(500011, 'invalid_resource', "The resource principal named https://outlook.office.con was not found in the tenant named Contoso.")],
];

export const ENTRA_UNCLASSIFIED: [number, string] = [400, entraError(50126, 'invalid_grant', 'Error validating credentials due to invalid username or password.')];

/** Exchange Online's replies, verbatim in form: code, enhanced code, text. */
export const SMTP_REPLIES = {
  SMTP_AUTH_DISABLED: [
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
    '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Mailbox. Visit https://aka.ms/smtp_auth_disabled for more information. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
  ],
  SMTP_AUTH_BLOCKED_BY_POLICY: [
    '535 5.7.139 Authentication unsuccessful, user is locked by your organization\'s security defaults policy. Contact your administrator. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
    '535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be authenticated successfully. Contact your administrator. [AM0PR02CA0001.eurprd02.prod.outlook.com]',
  ],
  SMTP_AUTH_REJECTED: ['535 5.7.3 Authentication unsuccessful [AM0PR02CA0001.eurprd02.prod.outlook.com]'],
  SMTP_USER_INVALID: ['501 5.5.124 Invalid XOAUTH2 auth data - User address provided is not valid. Please ensure the auth d [AM0PR02CA0001.eurprd02.prod.outlook.com]'],
  SMTP_SEND_AS_DENIED: [
    '554 5.2.252 SendAsDenied; no-reply@contoso.onmicrosoft.com not allowed to send as alerts@contoso.com; STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied',
    '554 5.2.0 STOREDRV.Submission.Exception:SendAsDeniedException.MapiExceptionSendAsDenied; Failed to process message due to a permanent exception',
    '550 5.7.60 SMTP; Client does not have permissions to send as this sender',
  ],
  SMTP_NOT_AUTHENTICATED: ['530 5.7.57 Client not authenticated to send mail. [AM0PR02CA0001.eurprd02.prod.outlook.com]'],
  SMTP_THROTTLED: [
    '432 4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded [Hostname=AM0PR02MB0001]',
    '421 4.3.2 Service not available, closing transmission channel',
    '451 4.7.500 Server busy. Please try again later.',
    '450 4.2.1 Mailbox temporarily unavailable',
  ],
  SMTP_UNCLASSIFIED: ['550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.', '535 Authentication failed'],
} as const;

/** Healthy replies: none of them may produce a finding. */
export const SMTP_HEALTHY = [
  '235 2.7.0 Authentication successful',
  '250 2.1.0 Sender OK',
  '250 2.0.0 OK <abc@AM0PR02MB0001.eurprd02.prod.outlook.com> [Hostname=AM0PR02MB0001]',
  '220 2.0.0 SMTP server ready',
  '334 ',
];
