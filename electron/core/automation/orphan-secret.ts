import type { AuditEntry, AutomationRecord } from '../../../shared/contract/automation';

/**
 * A run killed right after addPassword returned leaves a secret in Entra whose keyId was never
 * recorded (issue 14 point 3). So each secret this tool adds gets a unique displayName, written
 * into the record as an intent (`secretDisplayName` + `pending`) BEFORE the call; the next run or
 * undo looks that name up in the application's passwordCredentials (GET /applications/{id} lists
 * displayName and keyId, never the secret) and removes it. A credential with any other name, or
 * the one recorded as the profile's secret, is never touched: someone else's secret stays.
 */

interface Graph {
  send<T>(method: string, path: string, body?: unknown): Promise<{ body: T; requestId?: string | undefined }>;
}

/** A displayName no other secret has: the tool's name and a run id. */
export function secretDisplayName(runId: string): string {
  return `ise-smtp-oauth ${runId}`;
}

/** Removes the secrets an interrupted add left behind; returns the audit lines (key ids only). */
export async function removeOrphanSecrets(graph: Graph, r: AutomationRecord, upn: string, step = 'client-secret'): Promise<AuditEntry[]> {
  const name = r.secretDisplayName;
  if (!name || !r.applicationObjectId || !r.pending?.includes('client-secret')) return [];
  const app = await graph.send<{ passwordCredentials?: Array<{ keyId: string; displayName: string | null }> }>('GET', `/applications/${r.applicationObjectId}?$select=id,passwordCredentials`);
  const keep = new Set([r.secretKeyId, r.previousSecretKeyId].filter(Boolean));
  const audit: AuditEntry[] = [];
  for (const c of app.body.passwordCredentials ?? []) {
    if (c.displayName !== name || keep.has(c.keyId)) continue;
    const path = `/applications/${r.applicationObjectId}/removePassword`;
    const reply = await graph.send('POST', path, { keyId: c.keyId });
    audit.push({ at: new Date().toISOString(), upn, step, operation: `POST /v1.0${path}`, target: c.keyId, result: 'removed', ...(reply.requestId ? { requestId: reply.requestId } : {}) });
  }
  r.pending = r.pending.filter((s) => s !== 'client-secret');
  delete r.secretDisplayName;
  return audit;
}
