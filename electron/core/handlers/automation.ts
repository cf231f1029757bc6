import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';
import { endpointsFor } from '../profiles/endpoints';
import { CallFailure } from '../errors/call-failure';
import { createAutomation, DEFAULT_HOSTS, type Automation } from '../automation';
import { chooseSignInClientId, signInClientIdSourceName } from '../automation/config';
import { rotationInProgress } from '../automation/rotation-state';
import { practiceApproveDeviceCode, practiceBrowser } from '../automation/practice-browser';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import type { SessionStatus, SetupFinding } from '../../../shared/contract/automation';

type AutomationCallName = 'automationSignIn' | 'automationSignOut' | 'automationStatus' | 'automationPlan' | 'automationApply' | 'automationUndo' | 'automationRotate' | 'automationRotations';

/**
 * The automated setup for the renderer. One admin session per process, in main: the renderer
 * sees the UPN and the results, never a token (SessionStatus has no field that could hold one).
 * Practice: the practice tenant's hosts, CA and sign-in client, and its one-click sign-in.
 */
export function automationHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, AutomationCallName> {
  const svc = lazyProfileService(ctx.dataDir, services);
  let current: { automation: Automation; practice: boolean; tenantId: string } | undefined;
  let deviceCode: SessionStatus['deviceCode'];
  let lastFinding: SetupFinding | undefined;
  let progress: SessionStatus['progress'] = [];
  let running = false;

  const status = (): SessionStatus => ({
    signedIn: Boolean(current?.automation.session.signedIn),
    ...(current?.automation.session.upn ? { upn: current.automation.session.upn } : {}),
    ...(current ? { tenantId: current.tenantId } : {}),
    practice: current?.practice ?? false,
    ...(deviceCode ? { deviceCode } : {}),
    ...(lastFinding ? { finding: lastFinding } : {}),
    progress: progress.slice(-100),
    running,
  });

  async function practiceEndpoints() {
    if (!ctx.practiceHost) throw new CallFailure('PRACTICE_UNAVAILABLE', 'the practice tenant is not available in this process');
    const t = await ctx.practiceHost.get();
    if (!t.automation) throw new CallFailure('PRACTICE_UNAVAILABLE', 'this practice tenant has no automation emulators');
    return { t, a: t.automation };
  }

  function signedIn(): Automation {
    if (!current?.automation.session.signedIn) throw new CallFailure('SIGNED_OUT', 'sign in as an admin first');
    return current.automation;
  }

  async function request(input: { practice: boolean; tenantId?: string | undefined; mailbox?: string | undefined; route: 'classic' | 'app-rbac'; secretDays: number; profileName?: string | undefined; enableMailboxSmtpAuth: boolean }) {
    const a = signedIn();
    let tenantId = input.tenantId;
    let mailbox = input.mailbox;
    if (input.practice) {
      const { t } = await practiceEndpoints();
      tenantId ??= t.credentials().tenantId;
      mailbox ??= t.credentials().mailbox;
    }
    if (!tenantId) throw new CallFailure('INVALID_INPUT', 'a tenant ID is required', 'tenantId');
    if (!mailbox) throw new CallFailure('INVALID_INPUT', 'a mailbox is required', 'mailbox');
    if (tenantId.toLowerCase() !== current!.tenantId.toLowerCase()) throw new CallFailure('INVALID_INPUT', 'the signed-in session is for another tenant: sign out first', 'tenantId');
    const profileName = input.profileName ?? (input.practice ? `practice-automated-${input.route}` : `${mailbox} (automated)`);
    return { a, options: { tenantId, mailbox, route: input.route, secretDays: input.secretDays, profileName, enableMailboxSmtpAuth: input.enableMailboxSmtpAuth, practice: input.practice } };
  }

  return {
    automationStatus: async () => status(),
    automationSignOut: async () => {
      await current?.automation.close();
      current = undefined;
      deviceCode = undefined;
      lastFinding = undefined;
      progress = [];
      return status();
    },
    automationSignIn: async (input) => {
      await current?.automation.close();
      current = undefined;
      deviceCode = undefined;
      lastFinding = undefined;
      const onProgress = (e: import('../automation').ProgressEvent) => {
        progress.push(e.type === 'step' ? { step: e.step, state: e.state } : { step: e.step, state: `waiting-${e.reason}`, waitMs: e.waitMs });
      };
      let automation: Automation;
      let tenantId: string;
      let open: (url: string) => Promise<void>;
      let ca: string[] | undefined;
      if (input.practice) {
        const { t, a } = await practiceEndpoints();
        tenantId = t.credentials().tenantId;
        ca = [t.caPem];
        automation = createAutomation({ tenantId, signInClientId: a.signInClientId, authorityHost: t.authorityHost, graphHost: a.graphHost, exchangeHost: a.exchangeHost, ca, profiles: svc(), onProgress });
        open = practiceBrowser(ca);
      } else {
        if (!input.tenantId) throw new CallFailure('INVALID_INPUT', 'a tenant ID is required', 'tenantId');
        tenantId = input.tenantId;
        const choice = chooseSignInClientId({ run: input.signInClientId });
        if (!choice.ok && choice.reason === 'invalid') throw new CallFailure('INVALID_INPUT', `${signInClientIdSourceName(choice.source)} must be an application (client) ID: a GUID`, 'signInClientId');
        if (!choice.ok) throw new CallFailure('INVALID_INPUT', 'this build has no default sign-in client: enter a sign-in client ID', 'signInClientId');
        const clientId = choice.clientId;
        automation = createAutomation({ tenantId, signInClientId: clientId, ...DEFAULT_HOSTS, profiles: svc(), onProgress });
        const opener = ctx.openExternal;
        open = async (url) => {
          if (!opener) throw new Error('no browser');
          await opener(url);
        };
      }
      current = { automation, practice: input.practice, tenantId };
      if (input.deviceCode) {
        // Polls in the background; automationStatus shows the code, then the UPN.
        void automation.session
          .signInWithDeviceCode((p) => {
            deviceCode = { userCode: p.userCode, verificationUri: p.verificationUri, message: p.message };
            if (input.practice && ca) void practiceApproveDeviceCode(p.verificationUri, p.userCode, ca).catch(() => undefined);
          })
          .then((r) => {
            deviceCode = undefined;
            if (!r.ok) lastFinding = r.finding;
          });
        await new Promise((r) => setTimeout(r, 200));
        return status();
      }
      const r = await automation.session.signInInteractive(open);
      if (!r.ok) lastFinding = r.finding;
      return status();
    },
    automationPlan: async (input) => {
      const { a, options } = await request(input);
      return a.setup(options, true);
    },
    automationApply: async (input) => {
      const { a, options } = await request(input);
      if (running) throw new CallFailure('BUSY', 'a setup is already running');
      running = true;
      progress = [];
      try {
        return await a.setup(options, false);
      } finally {
        running = false;
      }
    },
    automationUndo: async ({ profileName, whatIf }) => signedIn().undo(profileName, whatIf),
    automationRotate: async ({ profileName, days, verify: check, removeOld }) => {
      const a = signedIn();
      const s = svc();
      // The old secret is never removed unverified: removeOld always checks the new one first.
      const verifyNew = check || removeOld;
      const verify = async () => {
        const { diagnose } = await import('../diagnostics');
        const profile = s.resolve(profileName);
        const secret = await s.vault.get(profile.id);
        const ep = await endpointsFor(profile, ctx.practiceHost);
        const report = await diagnose({
          tenantId: profile.tenantId,
          clientId: profile.clientId,
          mailbox: profile.mailbox,
          clientSecret: secret ?? '',
          route: profile.route,
          ...(profile.servicePrincipalObjectId ? { servicePrincipalObjectId: profile.servicePrincipalObjectId } : {}),
          ...(ep.authorityHost ? { authorityHost: ep.authorityHost } : {}),
          ...(ep.smtpHost ? { smtpHost: ep.smtpHost } : {}),
          ...(ep.smtpPort ? { smtpPort: ep.smtpPort } : {}),
          ...(ep.caPem ? { caPem: ep.caPem } : {}),
        });
        // The new secret's verification is the profile's verification now (its proofs, never the secret).
        await s.recordVerification(profile.id, report);
        return report.ok;
      };
      return a.rotate(profileName, { days, removeOld, ...(verifyNew ? { verify } : {}) });
    },
    automationRotations: async () => svc().store.list().flatMap((p) => rotationInProgress(p) ?? []),
  };
}
