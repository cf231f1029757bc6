import type { z } from 'zod';
import type { ApiStatusSchema } from '../../../shared/contract/ise';
import type { IseFinding } from '../../../shared/ise-api/findings';
import { parseIseVersion } from '../../../shared/ise-version';
import { API_SETTINGS_PATH, iseFinding } from './findings';
import type { Read } from './read';
import type { ApiReply } from './session';

type ApiStatus = z.infer<typeof ApiStatusSchema>;
type ApiName = 'ERS' | 'OpenAPI';

/** What one reply says about its API: answered, refused the account, switched off, or broken. */
export function apiState(r: Read<unknown>, port: number): ApiStatus {
  if (r.ok) return { port, state: 'answered', status: 200 };
  const reply = r.reply;
  switch (reply.kind) {
    case 'ok':
      return { port, state: 'answered', status: reply.status };
    case 'http':
      if (reply.status === 401) return { port, state: 'auth-failed', status: 401 };
      if (reply.status === 403) return { port, state: 'forbidden', status: 403 };
      if (reply.status === 404) return { port, state: 'off', status: 404 };
      return { port, state: 'error', status: reply.status };
    case 'network':
      // A closed port is how ISE shows ERS switched off (its own listener).
      return { port, state: reply.code === 'ECONNREFUSED' ? 'off' : 'unreachable' };
    case 'csrf':
      return { port, state: 'forbidden', status: reply.status };
    default:
      return { port, state: 'error', ...('status' in reply ? { status: reply.status } : {}) };
  }
}

/** The finding for a failed read that is not about the API as a whole (a later call failing). */
export function replyFinding(reply: ApiReply, ctx: { host: string; username: string; api: ApiName; path: string }): IseFinding | null {
  switch (reply.kind) {
    case 'ok':
      return null;
    case 'csrf':
      return iseFinding('ISE_CSRF_REQUIRED', { host: ctx.host, api: ctx.api });
    case 'http':
      if (reply.status === 401 || reply.status === 403) return iseFinding('ISE_ROLE_MISSING', { user: ctx.username, api: ctx.api, path: ctx.path, status: reply.status }, `HTTP ${reply.status} ${reply.message}`);
      return iseFinding('ISE_API_ERROR', { api: ctx.api, path: ctx.path, status: reply.status }, `HTTP ${reply.status} ${reply.message}`);
    case 'network':
      return iseFinding('ISE_API_ERROR', { api: ctx.api, path: ctx.path, status: reply.code });
    case 'certificate':
      return null; // handled before any read: the pin
    default:
      return iseFinding('ISE_API_ERROR', { api: ctx.api, path: ctx.path, status: `${reply.kind} ${reply.status}` });
  }
}

export interface ApiClassification {
  ers: ApiStatus;
  openapi: ApiStatus;
  findings: IseFinding[];
}

/**
 * The two version calls, read together: which API answers and, for the one that does not, why —
 * wrong password (both 401), missing role (401 on one only, or 403), switched off (closed port,
 * 404 while the other answers), too old for OpenAPI (before 3.1), or the host not reachable.
 */
export function classifyApis(input: {
  host: string;
  username: string;
  ersPort: number;
  apiPort: number;
  ers: Read<unknown>;
  openapi: Read<unknown>;
  version?: string;
}): ApiClassification {
  const ers = apiState(input.ers, input.ersPort);
  const openapi = apiState(input.openapi, input.apiPort);
  const findings: IseFinding[] = [];
  const both = [ers.state, openapi.state];
  const networkOnly = (r: Read<unknown>) => !r.ok && r.reply.kind === 'network';
  if (networkOnly(input.ers) && networkOnly(input.openapi)) {
    const code = !input.openapi.ok && input.openapi.reply.kind === 'network' ? input.openapi.reply.code : 'error';
    findings.push(iseFinding('ISE_UNREACHABLE', { host: input.host, ports: `${input.apiPort}, ${input.ersPort}`, code }));
    return { ers, openapi, findings };
  }
  if (both.every((s) => s === 'auth-failed')) {
    findings.push(iseFinding('ISE_AUTH_FAILED', { host: input.host, user: input.username }));
    return { ers, openapi, findings };
  }
  const old = input.version ? parseIseVersion(input.version) : null;
  const beforeOpenApi = old !== null && (old.major < 3 || (old.major === 3 && old.minor < 1));
  const judge = (api: ApiName, s: ApiStatus, other: ApiStatus, read: Read<unknown>) => {
    const otherAnswered = other.state === 'answered';
    const path = api === 'ERS' ? 'op/systemconfig/iseversion' : 'patch';
    if (s.state === 'answered') return;
    if (!read.ok && read.reply.kind === 'csrf') {
      findings.push(iseFinding('ISE_CSRF_REQUIRED', { host: input.host, api }));
      return;
    }
    if (s.state === 'auth-failed') {
      // The password is right (the other API took it): this API wants a role the account lacks.
      if (otherAnswered) findings.push(iseFinding('ISE_ROLE_MISSING', { user: input.username, api, path, status: 401 }));
      else findings.push(iseFinding('ISE_AUTH_FAILED', { host: input.host, user: input.username }));
      return;
    }
    if (s.state === 'forbidden') {
      findings.push(iseFinding('ISE_ROLE_MISSING', { user: input.username, api, path, status: s.status ?? 403 }));
      return;
    }
    if (s.state === 'off') {
      if (api === 'OpenAPI' && beforeOpenApi) findings.push(iseFinding('ISE_FEATURE_UNSUPPORTED', { feature: 'OpenAPI', version: input.version ?? '', minimum: '3.1' }));
      else findings.push(iseFinding('ISE_API_DISABLED', { api, host: input.host, port: s.port, path: API_SETTINGS_PATH }));
      return;
    }
    if (s.state === 'unreachable') {
      const code = !read.ok && read.reply.kind === 'network' ? read.reply.code : 'error';
      findings.push(iseFinding('ISE_UNREACHABLE', { host: input.host, ports: String(s.port), code }));
      return;
    }
    const f = !read.ok ? replyFinding(read.reply, { host: input.host, username: input.username, api, path }) : null;
    if (f) findings.push(f);
  };
  judge('ERS', ers, openapi, input.ers);
  judge('OpenAPI', openapi, ers, input.openapi);
  // De-duplicate ISE_AUTH_FAILED (both judged it).
  const seen = new Set<string>();
  return { ers, openapi, findings: findings.filter((f) => (f.code === 'ISE_AUTH_FAILED' ? !seen.has(f.code) && seen.add(f.code) : true)) };
}
