import { randomUUID } from 'node:crypto';
import { removeOrphanSecrets, secretDisplayName } from './orphan-secret';
import type { AuditEntry, SetupFinding } from '../../../shared/contract/automation';
import type { EngineDeps } from './context';
import { classifyFailure } from './findings';

/**
 * Secret rotation, the recurring job: add a new secret (addPassword → keychain), let the caller
 * verify it (a fresh token + SMTP AUTH with the new value), then, on confirmation, remove the
 * old one (removePassword). The profile's expiry date moves with it. Until the old one is removed
 * both work, so ISE keeps sending while the engineer pastes the new Client Secret.
 */

export interface RotateResult {
  ok: boolean;
  stage: 'added' | 'verified' | 'completed' | 'failed';
  newKeyId?: string;
  previousKeyId?: string;
  secretExpiry?: string;
  verified?: boolean;
  findings: SetupFinding[];
  audit: AuditEntry[];
}

export async function rotateSecret(
  deps: EngineDeps,
  profileName: string,
  opts: { days: number; verify?: () => Promise<boolean>; removeOld: boolean },
): Promise<RotateResult> {
  const profile = deps.profiles.resolve(profileName);
  const r = profile.automation;
  const audit: AuditEntry[] = [];
  const findings: SetupFinding[] = [];
  if (!r?.applicationObjectId) {
    findings.push({ code: 'SETUP_SERVICE_ERROR', severity: 'error', step: 'client-secret', params: { errorCode: 'NotAutomated' } });
    return { ok: false, stage: 'failed', findings, audit };
  }
  const note = (operation: string, target: string, result: AuditEntry['result'], requestId?: string) => {
    const e: AuditEntry = { at: new Date().toISOString(), upn: deps.upn(), step: 'client-secret', operation, target, result, ...(requestId ? { requestId } : {}) };
    audit.push(e);
    r.audit.push(e);
  };
  let newKeyId = r.previousSecretKeyId ? r.secretKeyId : undefined;
  const previousKeyId = r.previousSecretKeyId ?? r.secretKeyId;
  try {
    // A secret an interrupted rotation added but never recorded: found by its unique name, removed.
    for (const e of await removeOrphanSecrets(deps.graph, r, deps.upn())) {
      audit.push(e);
      r.audit.push(e);
    }
    if (!newKeyId) {
      // Keep the old value until the new one is verified: it stays valid in Entra meanwhile.
      const endDateTime = new Date(Date.now() + opts.days * 86_400_000).toISOString();
      const path = `/applications/${r.applicationObjectId}/addPassword`;
      // The intent first (a unique name), so a lost reply still leaves a secret we can find.
      const displayName = secretDisplayName(randomUUID());
      r.secretDisplayName = displayName;
      r.pending = [...(r.pending ?? []).filter((s) => s !== 'client-secret'), 'client-secret'];
      deps.profiles.store.update(profile.id, { automation: r });
      const reply = await deps.graph.send<{ keyId: string; secretText: string; endDateTime: string }>('POST', path, { passwordCredential: { displayName, endDateTime } });
      await deps.onCreateReturned?.('client-secret');
      const secretText = reply.body.secretText;
      reply.body.secretText = '';
      try {
        await deps.profiles.vault.set(profile.id, secretText);
      } catch (err) {
        await deps.graph.send('POST', `/applications/${r.applicationObjectId}/removePassword`, { keyId: reply.body.keyId }).catch(() => undefined);
        throw err;
      }
      newKeyId = reply.body.keyId;
      delete r.secretDisplayName;
      r.pending = (r.pending ?? []).filter((s) => s !== 'client-secret');
      r.previousSecretKeyId = previousKeyId;
      r.secretKeyId = newKeyId;
      note(`POST /v1.0${path}`, newKeyId, 'created', reply.requestId);
      deps.profiles.store.update(profile.id, { secretExpiry: (reply.body.endDateTime ?? endDateTime).slice(0, 10), automation: r });
    }
    const verified = opts.verify ? await opts.verify() : undefined;
    if (verified === false || !opts.removeOld || !previousKeyId) {
      deps.profiles.store.update(profile.id, { automation: r });
      return { ok: verified !== false, stage: verified ? 'verified' : 'added', newKeyId, ...(previousKeyId ? { previousKeyId } : {}), ...(verified !== undefined ? { verified } : {}), secretExpiry: deps.profiles.store.get(profile.id).secretExpiry, findings, audit };
    }
    const reply = await deps.graph.send('POST', `/applications/${r.applicationObjectId}/removePassword`, { keyId: previousKeyId });
    note(`POST /v1.0/applications/${r.applicationObjectId}/removePassword`, previousKeyId, 'removed', reply.requestId);
    delete r.previousSecretKeyId;
    deps.profiles.store.update(profile.id, { automation: r });
    return { ok: true, stage: 'completed', newKeyId, previousKeyId, ...(verified !== undefined ? { verified } : {}), secretExpiry: deps.profiles.store.get(profile.id).secretExpiry, findings, audit };
  } catch (err) {
    findings.push(classifyFailure(err, 'client-secret', 'rotate'));
    deps.profiles.store.update(profile.id, { automation: r });
    return { ok: false, stage: 'failed', ...(newKeyId ? { newKeyId } : {}), findings, audit };
  }
}
