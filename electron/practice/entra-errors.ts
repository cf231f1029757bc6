import { randomUUID } from 'node:crypto';

/**
 * Entra ID's error replies, in its own wire format: `error`, an `error_description` that starts
 * with `AADSTSnnnn:` and ends with the Trace ID / Correlation ID / Timestamp lines, `error_codes`,
 * `timestamp`, `trace_id`, `correlation_id` and `error_uri`. MSAL and the diagnostics engine
 * read these fields, so they must be exactly where Entra puts them.
 */
export interface EntraErrorBody {
  error: string;
  error_description: string;
  error_codes: number[];
  timestamp: string;
  trace_id: string;
  correlation_id: string;
  error_uri: string;
}

export interface EntraErrorReply {
  status: number;
  body: EntraErrorBody;
}

/** Entra's timestamp format: `2025-04-10 13:07:42Z`. */
export function entraTimestamp(date = new Date()): string {
  return date.toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z');
}

/**
 * One Entra error. `correlationId` echoes the client's `client-request-id` when it sent one,
 * as Entra does, so a support engineer can find the request.
 */
export function entraError(status: number, error: string, code: number, text: string, correlationId?: string): EntraErrorReply {
  const traceId = randomUUID();
  const correlation = correlationId && /^[0-9a-f-]{36}$/i.test(correlationId) ? correlationId : randomUUID();
  const timestamp = entraTimestamp();
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${text}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlation}\r\nTimestamp: ${timestamp}`,
      error_codes: [code],
      timestamp,
      trace_id: traceId,
      correlation_id: correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

/** The AADSTS errors the practice token endpoint can give, with Entra's status, error and text. */
export const ENTRA_ERRORS = {
  tenantNotFound: (tenant: string, cid?: string) =>
    entraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      cid,
    ),
  /** On the OpenID configuration endpoint Entra calls the same fault `invalid_tenant`. */
  tenantNotFoundDiscovery: (tenant: string, cid?: string) =>
    entraError(
      400,
      'invalid_tenant',
      90002,
      `Tenant '${tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.`,
      cid,
    ),
  tenantInvalid: (tenant: string, cid?: string) =>
    entraError(400, 'invalid_request', 900023, `Specified tenant identifier '${tenant}' is neither a valid DNS name, nor a valid external domain.`, cid),
  appNotFound: (clientId: string, directory: string, cid?: string) =>
    entraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${directory}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      cid,
    ),
  secretInvalid: (clientId: string, cid?: string) =>
    entraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
      cid,
    ),
  secretExpired: (clientId: string, cid?: string) =>
    entraError(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${clientId}' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.`,
      cid,
    ),
  secretMissing: (cid?: string) =>
    entraError(401, 'invalid_client', 7000218, `The request body must contain the following parameter: 'client_assertion' or 'client_secret'.`, cid),
  parameterMissing: (name: string, cid?: string) =>
    entraError(400, 'invalid_request', 900144, `The request body must contain the following parameter: '${name}'.`, cid),
  grantTypeUnsupported: (grantType: string, cid?: string) =>
    entraError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grantType}'.`, cid),
  scopeNotDefault: (scope: string, cid?: string) =>
    entraError(
      400,
      'invalid_scope',
      1002012,
      `The provided value for scope ${scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier (application ID URI).`,
      cid,
    ),
  scopeInvalid: (scope: string, cid?: string) =>
    entraError(400, 'invalid_scope', 70011, `The provided request must include a 'scope' input parameter. The provided value for the input parameter 'scope' is not valid. The scope ${scope} is not valid.`, cid),
  resourceNotFound: (resource: string, directory: string, cid?: string) =>
    entraError(
      400,
      'invalid_resource',
      500011,
      `The resource principal named ${resource} was not found in the tenant named ${directory}. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.`,
      cid,
    ),
  // Status and `error` of these two are as public reports show them; Microsoft documents only
  // the AADSTS numbers and texts (unconfirmed: the exact HTTP status for each).
  servicePrincipalMissing: (clientId: string, tenantId: string, cid?: string) =>
    entraError(
      400,
      'invalid_client',
      7000229,
      `The client application ${clientId} is missing service principal in the tenant ${tenantId}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119`,
      cid,
    ),
  blockedByConditionalAccess: (cid?: string) =>
    entraError(400, 'invalid_grant', 53003, 'Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.', cid),
} as const;
