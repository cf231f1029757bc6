import type { SetupFinding, SetupStep } from '../../../shared/contract/automation';
import { ExchangeCallError } from '../exchange/client';
import { GraphCallError } from '../graph/client';

/**
 * Graph and Exchange failures as setup findings: a refusal names the role the operation needs,
 * throttling and replication say "retry", an unreachable InvokeCommand says "run the PowerShell".
 * Never the raw body (it can echo input); codes, statuses and request ids only.
 */

/** The least role that may do each Graph operation (automation-apis.md §A.4). */
const GRAPH_ROLE: Partial<Record<SetupStep, string>> = {
  application: 'Application Developer',
  'service-principal': 'Application Developer',
  'client-secret': 'Application Developer',
  'admin-consent': 'Cloud Application Administrator',
};
const EXCHANGE_ROLE = 'Exchange Administrator';

/**
 * The delegated Graph permission each write needs (any one of the list), automation-apis.md §A.4;
 * the first is the one the sign-in asks for and the finding names.
 */
export const GRAPH_SCOPE: Partial<Record<SetupStep, string[]>> = {
  application: ['Application.ReadWrite.All', 'Directory.ReadWrite.All'],
  'service-principal': ['Application.ReadWrite.All', 'Directory.ReadWrite.All'],
  'client-secret': ['Application.ReadWrite.All', 'Directory.ReadWrite.All'],
  'admin-consent': ['AppRoleAssignment.ReadWrite.All'],
};

/** The permission the step needs that the token was not granted, or undefined (also when the grant is not known). */
export function missingScope(step: SetupStep | 'discovery', granted: string[] | undefined): string | undefined {
  const need = GRAPH_SCOPE[step as SetupStep];
  if (!need || !granted) return undefined;
  const have = new Set(granted.map((s) => s.toLowerCase()));
  return need.some((s) => have.has(s.toLowerCase())) ? undefined : need[0];
}

/** Whether the error is directory replication lag right after a create. */
export function isReplicationLag(err: unknown): boolean {
  if (!(err instanceof GraphCallError)) return false;
  return (err.status === 404 && err.code === 'Request_ResourceNotFound') || (err.status === 400 && err.detailCodes.includes('NoBackingApplicationObject'));
}

/** Whether InvokeCommand itself is out of reach (not a cmdlet's answer): fall back to PowerShell. */
export function isExchangeApiUnavailable(err: unknown): boolean {
  if (!(err instanceof ExchangeCallError)) return false;
  if (err.notAllowed) return false;
  return err.status === 0 || (err.status === 403 && err.code === 'empty') || err.status === 404 && err.code === 'empty' || err.status === 405 || err.status >= 500;
}

/**
 * `grantedGraphScopes`: what the admin's Graph token carries. Graph's 403 Authorization_RequestDenied
 * ("Insufficient privileges to complete the operation.") is the same for a missing role and a
 * token without the permission, so the token decides which of the two it is.
 */
export function classifyFailure(err: unknown, step: SetupStep | 'discovery', operation: string, grantedGraphScopes?: string[]): SetupFinding {
  const base = { step, params: { operation } as Record<string, string | number | boolean> };
  if (err instanceof GraphCallError) {
    if (err.requestId) base.params.requestId = err.requestId;
    base.params.status = err.status;
    if (err.status === 0) return { code: 'SETUP_NETWORK_FAILED', severity: 'error', ...base, params: { ...base.params, service: 'graph', reason: err.code, ...(err.netCode ? { errorCode: err.netCode } : {}) } };
    if (err.status === 403 && err.code === 'Authorization_RequestDenied') {
      const scope = missingScope(step, grantedGraphScopes);
      if (scope) return { code: 'SETUP_SCOPE_MISSING', severity: 'error', ...base, params: { ...base.params, service: 'entra', scope } };
      return { code: 'SETUP_ROLE_MISSING', severity: 'error', ...base, params: { ...base.params, service: 'entra', role: GRAPH_ROLE[step as SetupStep] ?? 'Cloud Application Administrator' } };
    }
    if (err.status === 401) return { code: 'SETUP_SIGNIN_FAILED', severity: 'error', ...base, params: { ...base.params, reason: err.code } };
    if (err.status === 429 || err.status === 503 || err.status === 504) return { code: 'SETUP_THROTTLED', severity: 'error', ...base, params: { ...base.params, service: 'graph' } };
    if (isReplicationLag(err)) return { code: 'SETUP_REPLICATION_WAIT', severity: 'error', ...base, params: { ...base.params, service: 'graph', gaveUp: true } };
    return { code: 'SETUP_SERVICE_ERROR', severity: 'error', ...base, params: { ...base.params, service: 'graph', errorCode: err.code } };
  }
  if (err instanceof ExchangeCallError) {
    if (err.requestId) base.params.requestId = err.requestId;
    base.params.status = err.status;
    base.params.cmdlet = err.cmdlet;
    if (err.notAllowed) return { code: 'SETUP_ROLE_MISSING', severity: 'error', ...base, params: { ...base.params, service: 'exchange', role: EXCHANGE_ROLE } };
    if (err.status === 429) return { code: 'SETUP_THROTTLED', severity: 'error', ...base, params: { ...base.params, service: 'exchange' } };
    if (err.status === 0) return { code: 'SETUP_NETWORK_FAILED', severity: 'error', ...base, params: { ...base.params, service: 'exchange', reason: err.code, ...(err.netCode ? { errorCode: err.netCode } : {}) } };
    return { code: 'SETUP_SERVICE_ERROR', severity: 'error', ...base, params: { ...base.params, service: 'exchange', errorCode: err.code, ...(err.exceptionType ? { exceptionType: err.exceptionType.split('.').pop() ?? '' } : {}) } };
  }
  const name = err instanceof Error ? err.name : 'error';
  if (name === 'SignInRequired') return { code: 'SETUP_SIGNIN_FAILED', severity: 'error', ...base, params: { ...base.params, reason: 'signed-out' } };
  if (name === 'KeychainUnavailableError') return { code: 'SETUP_KEYCHAIN_UNAVAILABLE', severity: 'error', ...base };
  return { code: 'SETUP_SERVICE_ERROR', severity: 'error', ...base, params: { ...base.params, errorCode: name } };
}
