import { randomUUID } from 'node:crypto';
import { AutomationRecordSchema, EXCHANGE_ONLINE_APP_ID, type AuditEntry, type AutomationRecord, type PlannedOperation, type SetupFinding, type SetupStep } from '../../../shared/contract/automation';
import type { Profile } from '../../../shared/contract/profiles';
import type { StoreChanges } from '../profiles/store';
import { ExchangeCallError } from '../exchange/client';
import { GraphCallError } from '../graph/client';
import { assignmentName, appDisplayName, DEFAULT_REPLICATION_DELAYS_MS, scopeName, type EngineDeps, type RunState, type SetupOptions } from './context';
import { traceNeeds, traceStep } from '../calls/trace';
import { discover, DISCOVERY_STEPS, type Discovery } from './discovery';
import { removeOrphanSecrets, secretDisplayName } from './orphan-secret';
import { classifyFailure, isExchangeApiUnavailable, isReplicationLag, missingScope } from './findings';
import { buildPlan } from './plan';
import { IntentJournal } from './intents';
import { exchangeFallbackScript } from './powershell';
import path from 'node:path';

/**
 * The automated setup: discover → plan (what-if) → apply, idempotent and resumable. Every
 * object is looked up before it is created; every id is written to the profile's automation
 * record as soon as Microsoft returns it (so an interrupted run resumes), and `created` lists
 * what this tool made (undo removes only those, in reverse). Independent steps run in parallel:
 * after the application, the secret, the service principal chain, the management scope and the
 * SMTP AUTH change go side by side.
 */

export interface SetupResult {
  ok: boolean;
  whatIf: boolean;
  profileName: string;
  profileId?: string;
  appId?: string;
  servicePrincipalId?: string;
  plan: PlannedOperation[];
  created: SetupStep[];
  reused: SetupStep[];
  findings: SetupFinding[];
  audit: AuditEntry[];
  /** The Exchange half as PowerShell, when InvokeCommand could not be used. */
  powershell?: string;
  calls: { graph: number; exchange: number; signIn: number; total: number };
}

class StepFailed extends Error {}

/**
 * What each step needs before its first call (the call graph the benchmark reads, see
 * electron/core/calls/trace.ts; the order below in setup() follows it). Every change needs the
 * plan (all of discovery) and the profile that records it, which exists once the application
 * step has run: an interrupted run must find each change in the record to resume or undo it.
 */
export const STEP_NEEDS: Partial<Record<SetupStep, readonly string[]>> = {
  application: ['plan'],
  'service-principal': ['application'], // its appId
  'admin-consent': ['service-principal'], // principalId
  'client-secret': ['application'], // the application's object id
  'exchange-service-principal': ['service-principal'], // -ObjectId
  'mailbox-permission': ['exchange-service-principal'], // -User: Exchange must know the SP
  'management-scope': ['application'],
  'management-role-assignment': ['exchange-service-principal', 'management-scope'], // -App, -CustomResourceScope
  'smtp-auth': ['application'],
};

export class SetupEngine {
  private readonly intents: IntentJournal;
  constructor(private readonly deps: EngineDeps) {
    this.intents = new IntentJournal(path.dirname(deps.profiles.store.path));
  }

  private calls(): SetupResult['calls'] {
    const graph = this.deps.graph.calls;
    const exchange = this.deps.exchange.calls;
    const signIn = this.deps.signInCalls?.() ?? 0;
    return { graph, exchange, signIn, total: graph + exchange + signIn };
  }

  private profile(name: string): Profile | undefined {
    return this.deps.profiles.store.find(name);
  }

  /** The run: with `whatIf`, discovery and the plan only (nothing changes). */
  async setup(options: SetupOptions, whatIf = false): Promise<SetupResult> {
    const throttledBefore = { graph: this.deps.graph.throttledWaits, exchange: this.deps.exchange.throttledWaits };
    const existing = this.profile(options.profileName);
    const record: AutomationRecord = existing?.automation ?? AutomationRecordSchema.parse({ route: options.route, ...(options.signInClientId ? { signInClientId: options.signInClientId } : {}) });
    const run: RunState = { options, record, ...(existing ? { profileId: existing.id } : {}), findings: [], audit: [], waits: new Map(), created: [], reused: [], exchangeFallback: false };
    const d = await discover(this.deps, options, existing?.automation);
    traceNeeds('plan', DISCOVERY_STEPS);
    run.findings.push(...d.findings);
    const secretUsable = await this.secretUsable(existing, d);
    const plan = buildPlan(options, d, secretUsable);
    const scopeFindings = this.scopePreflight(plan);
    run.findings.push(...scopeFindings);
    const blocked = d.findings.some((f) => f.severity === 'error') || scopeFindings.length > 0;
    if (!d.exchangeReachable) run.exchangeFallback = true;
    if (whatIf || blocked) return this.result(run, plan, whatIf, d);

    try {
      await this.step(run, 'application', () => this.application(run, d));
      const scope = options.route === 'app-rbac' ? this.step(run, 'management-scope', () => this.managementScope(run, d)) : Promise.resolve();
      const spChain = (async () => {
        await this.step(run, 'service-principal', () => this.servicePrincipal(run, d));
        const consent = options.route === 'classic' ? this.step(run, 'admin-consent', () => this.consent(run, d)) : Promise.resolve();
        const exchange = (async () => {
          await this.step(run, 'exchange-service-principal', () => this.exchangeServicePrincipal(run, d));
          if (options.route === 'classic') await this.step(run, 'mailbox-permission', () => this.mailboxPermission(run, d));
          else {
            await scope;
            await this.step(run, 'management-role-assignment', () => this.roleAssignment(run, d));
          }
        })();
        await settle([consent, exchange]);
      })();
      await settle([spChain, this.step(run, 'client-secret', () => this.secret(run, d)), scope, this.step(run, 'smtp-auth', () => this.smtpAuth(run, d))]);
    } catch (err) {
      if (!(err instanceof StepFailed)) throw err;
    }
    for (const [step, attempts] of run.waits) run.findings.push({ code: 'SETUP_REPLICATION_WAIT', severity: 'info', step, params: { attempts } });
    const throttled = { graph: this.deps.graph.throttledWaits - throttledBefore.graph, exchange: this.deps.exchange.throttledWaits - throttledBefore.exchange };
    for (const service of ['graph', 'exchange'] as const) {
      if (throttled[service] > 0 && !run.findings.some((f) => f.code === 'SETUP_THROTTLED' && f.params.service === service)) {
        run.findings.push({ code: 'SETUP_THROTTLED', severity: 'info', step: 'discovery', params: { service, retries: throttled[service] } });
      }
    }
    return this.result(run, plan, false, d);
  }

  /**
   * Before any change: each Graph write the plan will make needs its delegated permission in the
   * admin's token (its granted scopes). Missing, the run stops here with SETUP_SCOPE_MISSING
   * naming it, rather than half-way with a 403 that reads like a missing role.
   */
  private scopePreflight(plan: PlannedOperation[]): SetupFinding[] {
    const granted = this.deps.grantedScopes?.('graph');
    const findings: SetupFinding[] = [];
    for (const p of plan) {
      if (p.action !== 'create') continue;
      const scope = missingScope(p.step, granted);
      if (scope && !findings.some((f) => f.params.scope === scope)) findings.push({ code: 'SETUP_SCOPE_MISSING', severity: 'error', step: p.step, params: { service: 'entra', scope, operation: p.operation.split(' {')[0]! } });
    }
    return findings;
  }

  private async secretUsable(profile: Profile | undefined, d: Discovery): Promise<boolean> {
    const keyId = profile?.automation?.secretKeyId;
    if (!profile || !keyId || !d.app?.passwordKeyIds.includes(keyId)) return false;
    try {
      return (await this.deps.profiles.vault.get(profile.id)) !== null;
    } catch {
      return false;
    }
  }

  private result(run: RunState, plan: PlannedOperation[], whatIf: boolean, d: Discovery): SetupResult {
    const r = run.record;
    let powershell: string | undefined;
    if (run.exchangeFallback && (r.appId ?? d.app?.appId)) {
      powershell = exchangeFallbackScript({
        tenantId: run.options.tenantId,
        appId: r.appId ?? d.app!.appId,
        servicePrincipalId: r.servicePrincipalId ?? d.servicePrincipalId ?? '<servicePrincipalId>',
        displayName: appDisplayName(run.options),
        mailbox: run.options.mailbox,
        route: run.options.route,
        scopeName: scopeName(run.options.mailbox),
        assignmentName: assignmentName(run.options.mailbox),
        enableSmtpAuth: d.mailboxSmtpAuthDisabled === true,
      });
    }
    if (run.exchangeFallback && !run.findings.some((f) => f.code === 'SETUP_EXCHANGE_API_UNAVAILABLE')) {
      run.findings.push({ code: 'SETUP_EXCHANGE_API_UNAVAILABLE', severity: 'warning', step: 'exchange-service-principal', params: { ...(powershell ? { powershell } : {}) } });
    }
    return {
      ok: !run.findings.some((f) => f.severity === 'error'),
      whatIf,
      profileName: run.options.profileName,
      ...(run.profileId ? { profileId: run.profileId } : {}),
      ...(r.appId ? { appId: r.appId } : d.app ? { appId: d.app.appId } : {}),
      ...(r.servicePrincipalId ? { servicePrincipalId: r.servicePrincipalId } : {}),
      plan,
      created: run.created,
      reused: run.reused,
      findings: run.findings,
      audit: run.audit,
      ...(powershell ? { powershell } : {}),
      calls: this.calls(),
    };
  }

  /** Runs one step: progress, failure → finding (the step's dependents do not run), the test hook. */
  private async step(run: RunState, step: SetupStep, body: () => Promise<'created' | 'reused' | 'changed' | 'skipped'>): Promise<void> {
    this.deps.onProgress?.({ type: 'step', step, state: 'running' });
    let outcome;
    try {
      outcome = await traceStep(step, STEP_NEEDS[step] ?? ['plan'], body);
    } catch (err) {
      if (err instanceof StepFailed) throw err;
      if (isExchangeApiUnavailable(err)) {
        run.exchangeFallback = true;
        this.deps.onProgress?.({ type: 'step', step, state: 'skipped' });
        throw new StepFailed(step);
      }
      const f = classifyFailure(err, step, operationOf(err), this.deps.grantedScopes?.('graph'));
      run.findings.push(f);
      this.audit(run, step, operationOf(err), run.options.mailbox, 'failed', err);
      this.deps.onProgress?.({ type: 'step', step, state: 'failed' });
      throw new StepFailed(step);
    }
    if (outcome === 'created' || outcome === 'changed') run.created.push(step);
    if (outcome === 'reused') run.reused.push(step);
    this.deps.onProgress?.({ type: 'step', step, state: outcome });
    await this.deps.afterStep?.(step);
  }

  /**
   * Adds an audit line and writes the record (with `changes` to the profile in the same write:
   * each write is a locked, fsync'd rewrite of the store, on the step's critical path).
   */
  private audit(run: RunState, step: SetupStep, operation: string, target: string, result: AuditEntry['result'], from?: unknown, changes: StoreChanges = {}): void {
    this.auditEntry(run, step, operation, target, result, from);
    this.save(run, changes);
  }

  /** The audit line alone, for a step whose next write (ensureProfile) carries it. */
  private auditEntry(run: RunState, step: SetupStep, operation: string, target: string, result: AuditEntry['result'], from?: unknown): void {
    const requestId = (from as { requestId?: string } | undefined)?.requestId;
    const status = (from as { status?: number } | undefined)?.status;
    const entry: AuditEntry = { at: new Date().toISOString(), upn: this.deps.upn(), step, operation, target, result, ...(requestId ? { requestId } : {}), ...(typeof status === 'number' && status > 0 ? { status } : {}) };
    run.audit.push(entry);
    run.record.audit.push(entry);
  }

  /** Writes the record into the profile (synchronously: an interruption right after keeps it). */
  private save(run: RunState, changes: StoreChanges = {}): void {
    if (!run.profileId) return;
    this.deps.profiles.store.update(run.profileId, { ...changes, automation: run.record });
  }

  private markCreated(run: RunState, step: SetupStep): void {
    if (!run.record.created.includes(step)) run.record.created.push(step);
    run.record.pending = (run.record.pending ?? []).filter((s) => s !== step);
  }

  /**
   * One create, its intent written durably first (the profile's record, or for the application,
   * which comes before the profile, the intent journal). A definite refusal from Microsoft clears
   * the intent; a network fault or timeout keeps it (the object may exist after all).
   */
  private async create<T>(run: RunState, step: SetupStep, send: () => Promise<T>): Promise<T> {
    if (step === 'application' && !run.profileId) {
      this.intents.record(run.options.profileName, { displayName: appDisplayName(run.options), tenantId: run.options.tenantId, at: new Date().toISOString() });
    } else {
      run.record.pending = [...(run.record.pending ?? []).filter((s) => s !== step), step];
      this.save(run);
    }
    let reply: T;
    try {
      reply = await send();
    } catch (err) {
      const refused = (err instanceof GraphCallError || err instanceof ExchangeCallError) && err.status > 0;
      if (refused) {
        if (step === 'application' && !run.profileId) this.intents.clear(run.options.profileName);
        run.record.pending = (run.record.pending ?? []).filter((s) => s !== step);
        this.save(run);
      }
      throw err;
    }
    await this.deps.onCreateReturned?.(step);
    return reply;
  }

  /** An object found existing that an interrupted run of this profile had been creating: this tool's, so undo removes it. */
  private adopt(run: RunState, step: SetupStep): boolean {
    if (!run.record.pending?.includes(step)) return false;
    this.markCreated(run, step);
    return true;
  }

  private async retryReplication<T>(run: RunState, step: SetupStep, fn: () => Promise<T>): Promise<T> {
    const delays = this.deps.replicationDelaysMs ?? DEFAULT_REPLICATION_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      try {
        return await fn();
      } catch (err) {
        if (!isReplicationLag(err) || attempt >= delays.length) throw err;
        const waitMs = delays[attempt]!;
        run.waits.set(step, (run.waits.get(step) ?? 0) + 1);
        this.deps.onProgress?.({ type: 'waiting', step, reason: 'replication', waitMs, attempt: attempt + 1 });
        await (this.deps.wait ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(waitMs);
      }
    }
  }

  // ---- the steps -------------------------------------------------------------------------

  private async application(run: RunState, d: Discovery): Promise<'created' | 'reused'> {
    const o = run.options;
    const r = run.record;
    r.smtpSendAsAppRoleId = d.smtpSendAsAppRoleId;
    r.exchangeResourceSpId = d.exchangeResourceSpId;
    if (d.app) {
      r.applicationObjectId = d.app.id;
      r.appId = d.app.appId;
      const ours = this.adopt(run, 'application') || (!r.created.includes('application') && this.intents.createdByUs(o.profileName, d.app, o.tenantId));
      if (ours) this.markCreated(run, 'application');
      this.auditEntry(run, 'application', ours ? 'GET /v1.0/applications (created by this tool in an interrupted run)' : 'GET /v1.0/applications', d.app.appId, 'reused');
      this.ensureProfile(run); // carries the audit line
      this.intents.clear(o.profileName);
      return 'reused';
    }
    const body = {
      displayName: appDisplayName(o),
      signInAudience: 'AzureADMyOrg',
      requiredResourceAccess: o.route === 'classic' ? [{ resourceAppId: EXCHANGE_ONLINE_APP_ID, resourceAccess: [{ id: d.smtpSendAsAppRoleId, type: 'Role' }] }] : [],
    };
    const reply = await this.create(run, 'application', () => this.deps.graph.send<{ id: string; appId: string }>('POST', '/applications', body));
    r.applicationObjectId = reply.body.id;
    r.appId = reply.body.appId;
    this.markCreated(run, 'application');
    d.app = { id: reply.body.id, appId: reply.body.appId, displayName: body.displayName, passwordKeyIds: [], hasSmtpPermission: o.route === 'classic' };
    this.auditEntry(run, 'application', 'POST /v1.0/applications', reply.body.appId, 'created', reply);
    this.ensureProfile(run);
    this.intents.clear(o.profileName);
    return 'created';
  }

  /** The profile exists from the moment the client id is known (one write: the record with the step's audit line). */
  private ensureProfile(run: RunState): void {
    const o = run.options;
    const r = run.record;
    r.appDisplayName = appDisplayName(o);
    const fields = { mailbox: o.mailbox, tenantId: o.tenantId, clientId: r.appId!, route: o.route, practice: o.practice ?? false, automation: r };
    if (run.profileId) {
      this.deps.profiles.store.update(run.profileId, fields);
    } else {
      const p = this.deps.profiles.store.create({ name: o.profileName, customer: '', iseVersion: '', ...fields });
      run.profileId = p.id;
    }
  }

  private async servicePrincipal(run: RunState, d: Discovery): Promise<'created' | 'reused'> {
    const r = run.record;
    if (d.servicePrincipalId) {
      r.servicePrincipalId = d.servicePrincipalId;
      this.adopt(run, 'service-principal');
      this.audit(run, 'service-principal', 'GET /v1.0/servicePrincipals', d.servicePrincipalId, 'reused', undefined, { servicePrincipalObjectId: d.servicePrincipalId });
      return 'reused';
    }
    try {
      const reply = await this.create(run, 'service-principal', () => this.retryReplication(run, 'service-principal', () => this.deps.graph.send<{ id: string }>('POST', '/servicePrincipals', { appId: r.appId })));
      r.servicePrincipalId = reply.body.id;
      d.servicePrincipalId = reply.body.id;
      this.markCreated(run, 'service-principal');
      this.audit(run, 'service-principal', 'POST /v1.0/servicePrincipals', reply.body.id, 'created', reply, { servicePrincipalObjectId: reply.body.id });
      return 'created';
    } catch (err) {
      // 409: it exists after all (created meanwhile, or not yet listed): find it and reuse it.
      if (!(err instanceof GraphCallError && err.status === 409)) throw err;
      const list = await this.deps.graph.send<{ value: { id: string }[] }>('GET', `/servicePrincipals?$filter=${encodeURIComponent(`appId eq '${r.appId}'`)}&$select=id`);
      const id = list.body.value[0]?.id;
      if (!id) throw err;
      r.servicePrincipalId = d.servicePrincipalId = id;
      this.audit(run, 'service-principal', 'GET /v1.0/servicePrincipals', id, 'reused', list);
      return 'reused';
    }
  }

  private async consent(run: RunState, d: Discovery): Promise<'created' | 'reused'> {
    const r = run.record;
    if (d.consentAssignmentId) {
      r.consentAssignmentId = d.consentAssignmentId;
      this.adopt(run, 'admin-consent');
      this.audit(run, 'admin-consent', 'GET /v1.0/servicePrincipals/{id}/appRoleAssignments', d.consentAssignmentId, 'reused');
      return 'reused';
    }
    const path = `/servicePrincipals/${d.exchangeResourceSpId}/appRoleAssignedTo`;
    const reply = await this.create(run, 'admin-consent', () =>
      this.retryReplication(run, 'admin-consent', () => this.deps.graph.send<{ id: string }>('POST', path, { principalId: r.servicePrincipalId, resourceId: d.exchangeResourceSpId, appRoleId: d.smtpSendAsAppRoleId })),
    );
    r.consentAssignmentId = reply.body.id;
    this.markCreated(run, 'admin-consent');
    this.audit(run, 'admin-consent', `POST /v1.0${path}`, `SMTP.SendAsApp → ${r.servicePrincipalId}`, 'created', reply);
    return 'created';
  }

  private async secret(run: RunState, d: Discovery): Promise<'created' | 'reused'> {
    const r = run.record;
    // A secret an interrupted run added but never recorded: found by its unique name, removed.
    const hadIntent = Boolean(r.secretDisplayName);
    for (const e of await removeOrphanSecrets(this.deps.graph, r, this.deps.upn())) this.auditEntry(run, 'client-secret', e.operation, e.target, 'removed', e);
    if (hadIntent) this.save(run);
    const profile = this.deps.profiles.store.get(run.profileId!);
    if (await this.secretUsable(profile, d)) {
      this.audit(run, 'client-secret', 'keychain', r.secretKeyId!, 'reused');
      return 'reused';
    }
    await this.addSecret(run, run.options.secretDays ?? 180, 'client-secret');
    return 'created';
  }

  /**
   * addPassword, and the secretText straight into the keychain; a keychain failure removes the
   * new secret again. Then one write: the key id, the expiry and the audit line.
   */
  async addSecret(run: RunState, days: number, step: SetupStep): Promise<{ keyId: string; endDateTime: string }> {
    const r = run.record;
    const endDateTime = new Date(Date.now() + days * 86_400_000).toISOString();
    const path = `/applications/${r.applicationObjectId}/addPassword`;
    // The intent first: a unique name, so a secret whose reply is lost can still be found and removed.
    const displayName = secretDisplayName(randomUUID());
    r.secretDisplayName = displayName;
    r.pending = [...(r.pending ?? []).filter((s) => s !== 'client-secret'), 'client-secret'];
    this.save(run);
    const reply = await this.retryReplication(run, step, () =>
      this.deps.graph.send<{ keyId: string; secretText: string; endDateTime: string }>('POST', path, { passwordCredential: { displayName, endDateTime } }),
    );
    await this.deps.onCreateReturned?.('client-secret');
    const { keyId, secretText } = reply.body;
    reply.body.secretText = ''; // the only copy goes to the keychain
    try {
      await this.deps.profiles.vault.set(run.profileId!, secretText);
    } catch (err) {
      await this.deps.graph.send('POST', `/applications/${r.applicationObjectId}/removePassword`, { keyId }).catch(() => undefined);
      throw err;
    }
    const end = reply.body.endDateTime ?? endDateTime;
    r.secretKeyId = keyId;
    delete r.secretDisplayName;
    r.pending = (r.pending ?? []).filter((s) => s !== 'client-secret');
    this.markCreated(run, step);
    this.audit(run, step, `POST /v1.0${path}`, keyId, 'created', reply, { secretExpiry: end.slice(0, 10) });
    return { keyId, endDateTime: end };
  }

  private async exchangeServicePrincipal(run: RunState, d: Discovery): Promise<'created' | 'reused' | 'skipped'> {
    if (run.exchangeFallback) return 'skipped';
    const r = run.record;
    const spId = r.servicePrincipalId!;
    if (d.exchangeSp) {
      if (d.exchangeSp.objectId === spId) {
        r.exchangeServicePrincipal = true;
        this.adopt(run, 'exchange-service-principal');
        this.audit(run, 'exchange-service-principal', 'Get-ServicePrincipal', spId, 'reused');
        return 'reused';
      }
      run.findings.push({ code: 'SETUP_SP_OBJECT_ID_CONFLICT', severity: 'error', step: 'exchange-service-principal', params: { appId: r.appId!, exchangeObjectId: d.exchangeSp.objectId, servicePrincipalId: spId } });
      throw new StepFailed('exchange-service-principal');
    }
    const reply = await this.create(run, 'exchange-service-principal', () => this.deps.exchange.invoke('New-ServicePrincipal', { AppId: r.appId, ObjectId: spId, DisplayName: appDisplayName(run.options) }));
    r.exchangeServicePrincipal = true;
    this.markCreated(run, 'exchange-service-principal');
    this.audit(run, 'exchange-service-principal', `New-ServicePrincipal -AppId ${r.appId} -ObjectId ${spId}`, spId, 'created', reply);
    return 'created';
  }

  private async mailboxPermission(run: RunState, d: Discovery): Promise<'created' | 'reused' | 'skipped'> {
    if (run.exchangeFallback) return 'skipped';
    const r = run.record;
    const o = run.options;
    if (d.mailboxPermission) {
      r.mailboxPermission = true;
      this.adopt(run, 'mailbox-permission');
      this.audit(run, 'mailbox-permission', 'Get-MailboxPermission', o.mailbox, 'reused');
      return 'reused';
    }
    const reply = await this.create(run, 'mailbox-permission', () => this.deps.exchange.invoke('Add-MailboxPermission', { Identity: o.mailbox, User: r.servicePrincipalId, AccessRights: ['FullAccess'], InheritanceType: 'All', AutoMapping: false }));
    r.mailboxPermission = true;
    this.markCreated(run, 'mailbox-permission');
    this.audit(run, 'mailbox-permission', `Add-MailboxPermission -Identity ${o.mailbox} -User ${r.servicePrincipalId} -AccessRights FullAccess`, o.mailbox, 'created', reply);
    return 'created';
  }

  private async managementScope(run: RunState, d: Discovery): Promise<'created' | 'reused' | 'skipped'> {
    if (run.exchangeFallback) return 'skipped';
    const name = scopeName(run.options.mailbox);
    if (d.managementScope) {
      run.record.managementScopeName = name;
      this.adopt(run, 'management-scope');
      this.audit(run, 'management-scope', 'Get-ManagementScope', name, 'reused');
      return 'reused';
    }
    const reply = await this.create(run, 'management-scope', () => this.deps.exchange.invoke('New-ManagementScope', { Name: name, RecipientRestrictionFilter: `PrimarySmtpAddress -eq '${run.options.mailbox}'` }));
    run.record.managementScopeName = name;
    this.markCreated(run, 'management-scope');
    this.audit(run, 'management-scope', `New-ManagementScope -Name '${name}'`, name, 'created', reply);
    return 'created';
  }

  private async roleAssignment(run: RunState, d: Discovery): Promise<'created' | 'reused' | 'skipped'> {
    if (run.exchangeFallback || !run.record.managementScopeName) return 'skipped';
    const name = assignmentName(run.options.mailbox);
    if (d.roleAssignment) {
      run.record.managementRoleAssignmentName = name;
      this.adopt(run, 'management-role-assignment');
      this.audit(run, 'management-role-assignment', 'Get-ManagementRoleAssignment', name, 'reused');
      await this.authorizationCheck(run);
      return 'reused';
    }
    const reply = await this.create(run, 'management-role-assignment', () => this.deps.exchange.invoke('New-ManagementRoleAssignment', { Name: name, Role: 'Application SMTP.SendAsApp', App: run.record.appId, CustomResourceScope: run.record.managementScopeName }));
    run.record.managementRoleAssignmentName = name;
    this.markCreated(run, 'management-role-assignment');
    this.audit(run, 'management-role-assignment', `New-ManagementRoleAssignment -Role 'Application SMTP.SendAsApp' -App ${run.record.appId}`, name, 'created', reply);
    await this.authorizationCheck(run);
    return 'created';
  }

  /**
   * App RBAC's own check: Test-ServicePrincipalAuthorization -Identity <SP> -Resource <mailbox>
   * must list "Application SMTP.SendAsApp" with InScope true. Right after the assignment is
   * created Exchange may not see it yet (RBAC replication): that is retried with the same bounded
   * backoff as Graph's replication and shown as waiting; still not authorized after it, a warning
   * finding (the objects exist; the Mailbox step's own check tells later whether it settled).
   */
  private async authorizationCheck(run: RunState): Promise<void> {
    const spId = run.record.servicePrincipalId!;
    const mailbox = run.options.mailbox;
    const operation = `Test-ServicePrincipalAuthorization -Identity ${spId} -Resource ${mailbox}`;
    const delays = this.deps.replicationDelaysMs ?? DEFAULT_REPLICATION_DELAYS_MS;
    for (let attempt = 0; ; attempt++) {
      const reply = await this.deps.exchange.invoke('Test-ServicePrincipalAuthorization', { Identity: spId, Resource: mailbox });
      const authorized = reply.value.some((row) => row.RoleName === 'Application SMTP.SendAsApp' && (row.InScope === true || row.InScope === 'True'));
      // A check, not a change: the audit trail keeps changes; a refusal is the finding below.
      if (authorized) return;
      if (attempt >= delays.length) {
        run.findings.push({ code: 'SETUP_SP_NOT_AUTHORIZED', severity: 'warning', step: 'management-role-assignment', params: { operation, mailbox, servicePrincipalId: spId, attempts: attempt + 1, ...(reply.requestId ? { requestId: reply.requestId } : {}) } });
        return;
      }
      const waitMs = delays[attempt]!;
      run.waits.set('management-role-assignment', (run.waits.get('management-role-assignment') ?? 0) + 1);
      this.deps.onProgress?.({ type: 'waiting', step: 'management-role-assignment', reason: 'replication', waitMs, attempt: attempt + 1 });
      await (this.deps.wait ?? ((ms) => new Promise((r) => setTimeout(r, ms))))(waitMs);
    }
  }

  private async smtpAuth(run: RunState, d: Discovery): Promise<'changed' | 'skipped'> {
    if (run.exchangeFallback) return 'skipped';
    if (d.mailboxSmtpAuthDisabled !== true) {
      // The interrupted run turned it on: still this tool's change, so undo turns it off again.
      if (d.mailboxSmtpAuthDisabled === false && this.adopt(run, 'smtp-auth')) {
        run.record.smtpAuthBefore = true;
        this.save(run);
      }
      return 'skipped';
    }
    const o = run.options;
    if (o.enableMailboxSmtpAuth === false) {
      run.findings.push({ code: 'SETUP_SMTP_AUTH_DISABLED', severity: 'warning', step: 'smtp-auth', params: { mailbox: o.mailbox } });
      return 'skipped';
    }
    const reply = await this.create(run, 'smtp-auth', () => this.deps.exchange.invoke('Set-CASMailbox', { Identity: o.mailbox, SmtpClientAuthenticationDisabled: false }));
    run.record.smtpAuthBefore = true;
    this.markCreated(run, 'smtp-auth');
    this.audit(run, 'smtp-auth', `Set-CASMailbox -Identity ${o.mailbox} -SmtpClientAuthenticationDisabled $false`, o.mailbox, 'changed', reply);
    return 'changed';
  }
}

/** Waits for every branch, then fails with the first failure (so no branch runs on unobserved). */
async function settle(branches: Promise<unknown>[]): Promise<void> {
  const results = await Promise.allSettled(branches);
  const failed = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) throw failed.reason;
}

function operationOf(err: unknown): string {
  if (err instanceof ExchangeCallError) return err.cmdlet;
  if (err instanceof GraphCallError) return `Graph ${err.status}`;
  return err instanceof Error ? err.name : 'error';
}
