import { removeOrphanSecrets } from './orphan-secret';
import { SETUP_STEPS, type AuditEntry, type AutomationRecord, type SetupFinding, type SetupStep } from '../../../shared/contract/automation';
import { ExchangeCallError } from '../exchange/client';
import { GraphCallError } from '../graph/client';
import type { EngineDeps } from './context';
import { classifyFailure } from './findings';

/**
 * Undo: removes what this tool created (the record's `created` list, and only that), in the
 * reverse order of the setup, each removal recorded in the audit trail. An object already gone
 * (404 / NotFound) counts as removed. When everything is gone the profile and its keychain
 * secret go too (the profile was the setup's); otherwise the record keeps what is left so undo
 * can be run again.
 */

export interface UndoResult {
  ok: boolean;
  whatIf: boolean;
  profileName: string;
  removed: SetupStep[];
  remaining: SetupStep[];
  /** The removals, in order (what-if: what would run). */
  operations: { step: SetupStep; operation: string }[];
  findings: SetupFinding[];
  audit: AuditEntry[];
  profileDeleted: boolean;
  calls: { graph: number; exchange: number; signIn: number; total: number };
}

function removal(step: SetupStep, r: AutomationRecord, mailbox: string): { operation: string; run: (deps: EngineDeps) => Promise<{ requestId?: string } | undefined> } {
  switch (step) {
    case 'smtp-auth':
      return { operation: `Set-CASMailbox -Identity ${mailbox} -SmtpClientAuthenticationDisabled ${r.smtpAuthBefore === null ? '$null' : '$true'}`, run: (d) => d.exchange.invoke('Set-CASMailbox', { Identity: mailbox, SmtpClientAuthenticationDisabled: r.smtpAuthBefore ?? true }) };
    case 'management-role-assignment':
      return { operation: `Remove-ManagementRoleAssignment -Identity '${r.managementRoleAssignmentName}' -Confirm:$false`, run: (d) => d.exchange.invoke('Remove-ManagementRoleAssignment', { Identity: r.managementRoleAssignmentName, Confirm: false }) };
    case 'management-scope':
      return { operation: `Remove-ManagementScope -Identity '${r.managementScopeName}' -Confirm:$false`, run: (d) => d.exchange.invoke('Remove-ManagementScope', { Identity: r.managementScopeName, Confirm: false }) };
    case 'mailbox-permission':
      return { operation: `Remove-MailboxPermission -Identity ${mailbox} -User ${r.servicePrincipalId} -AccessRights FullAccess -Confirm:$false`, run: (d) => d.exchange.invoke('Remove-MailboxPermission', { Identity: mailbox, User: r.servicePrincipalId, AccessRights: ['FullAccess'], InheritanceType: 'All', Confirm: false }) };
    case 'exchange-service-principal':
      return { operation: `Remove-ServicePrincipal -Identity ${r.appId} -Confirm:$false`, run: (d) => d.exchange.invoke('Remove-ServicePrincipal', { Identity: r.appId, Confirm: false }) };
    case 'client-secret':
      return { operation: `POST /v1.0/applications/${r.applicationObjectId}/removePassword {"keyId":"${r.secretKeyId}"}`, run: (d) => d.graph.send('POST', `/applications/${r.applicationObjectId}/removePassword`, { keyId: r.secretKeyId }) };
    case 'admin-consent':
      return { operation: `DELETE /v1.0/servicePrincipals/${r.exchangeResourceSpId}/appRoleAssignedTo/${r.consentAssignmentId}`, run: (d) => d.graph.send('DELETE', `/servicePrincipals/${r.exchangeResourceSpId}/appRoleAssignedTo/${r.consentAssignmentId}`) };
    case 'service-principal':
      return { operation: `DELETE /v1.0/servicePrincipals/${r.servicePrincipalId}`, run: (d) => d.graph.send('DELETE', `/servicePrincipals/${r.servicePrincipalId}`) };
    case 'application':
      return { operation: `DELETE /v1.0/applications/${r.applicationObjectId}`, run: (d) => d.graph.send('DELETE', `/applications/${r.applicationObjectId}`) };
  }
}

function alreadyGone(err: unknown): boolean {
  if (err instanceof GraphCallError) return err.status === 404 || (err.status === 400 && /password/i.test(err.graphMessage ?? '') && /No password credential/i.test(err.graphMessage ?? ''));
  if (err instanceof ExchangeCallError) return err.notFound;
  return false;
}

export async function undoSetup(deps: EngineDeps, profileName: string, whatIf = false): Promise<UndoResult> {
  const calls = () => {
    const s = deps.signInCalls?.() ?? 0;
    return { graph: deps.graph.calls, exchange: deps.exchange.calls, signIn: s, total: deps.graph.calls + deps.exchange.calls + s };
  };
  const profile = deps.profiles.store.find(profileName);
  const empty: UndoResult = { ok: true, whatIf, profileName, removed: [], remaining: [], operations: [], findings: [], audit: [], profileDeleted: false, calls: calls() };
  if (!profile?.automation) return empty;
  const r = profile.automation;
  const order = [...SETUP_STEPS].reverse().filter((s) => r.created.includes(s));
  const operations = order.map((step) => ({ step, operation: removal(step, r, profile.mailbox).operation }));
  if (whatIf) return { ...empty, operations, remaining: order };

  const result: UndoResult = { ...empty, operations };
  // A secret an interrupted add left unrecorded: found by the name written before the call.
  try {
    const orphans = await removeOrphanSecrets(deps.graph, r, deps.upn());
    result.audit.push(...orphans);
    r.audit.push(...orphans);
    deps.profiles.store.update(profile.id, { automation: r });
  } catch (err) {
    if (!alreadyGone(err)) {
      result.findings.push(classifyFailure(err, 'client-secret', 'removePassword'));
      result.ok = false;
      result.calls = calls();
      return result;
    }
  }
  for (const step of order) {
    const { operation, run } = removal(step, r, profile.mailbox);
    deps.onProgress?.({ type: 'step', step, state: 'running' });
    let outcome: AuditEntry['result'] = 'removed';
    let from: unknown;
    try {
      from = await run(deps);
    } catch (err) {
      if (!alreadyGone(err)) {
        result.findings.push(classifyFailure(err, step, operation));
        const failed: AuditEntry = { at: new Date().toISOString(), upn: deps.upn(), step, operation, target: step, result: 'failed', ...((err as { requestId?: string }).requestId ? { requestId: (err as { requestId: string }).requestId } : {}) };
        result.audit.push(failed);
        r.audit.push(failed);
        deps.profiles.store.update(profile.id, { automation: r });
        deps.onProgress?.({ type: 'step', step, state: 'failed' });
        break; // reverse order matters: stop rather than remove a parent under a child
      }
      outcome = 'skipped';
    }
    const requestId = (from as { requestId?: string } | undefined)?.requestId;
    const entry: AuditEntry = { at: new Date().toISOString(), upn: deps.upn(), step, operation, target: step, result: outcome, ...(requestId ? { requestId } : {}) };
    result.audit.push(entry);
    r.audit.push(entry);
    r.created = r.created.filter((s) => s !== step);
    if (step === 'client-secret') {
      await deps.profiles.vault.delete(profile.id).catch(() => false);
      delete r.secretKeyId;
    }
    deps.profiles.store.update(profile.id, { automation: r });
    result.removed.push(step);
    deps.onProgress?.({ type: 'step', step, state: 'removed' });
  }
  result.remaining = [...r.created];
  result.ok = result.findings.length === 0;
  if (result.ok && r.created.length === 0) {
    await deps.profiles.vault.delete(profile.id).catch(() => false);
    deps.profiles.store.delete(profile.id);
    result.profileDeleted = true;
  }
  result.calls = calls();
  return result;
}
