import { PRACTICE_SCENARIOS, SCENARIO_EXPECTATIONS, type PracticeScenario } from '../../../shared/practice';
import type { PracticeStatus } from '../../../shared/contract/practice';
import type { ProfileView } from '../../../shared/contract/profiles';
import type { CoreContext } from './context';
import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';
import type { PracticeEndpoints, PracticeHost } from './practice-tenant';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';

type PracticeCallName = 'practiceStatus' | 'practiceSetScenario' | 'practiceProfile';
export const PRACTICE_PROFILE_NAME = 'Practice tenant';

/**
 * Handlers for the practice calls: the scenario switcher and the practice profile. The
 * practice secret goes from the tenant straight to the vault here in main, so even a
 * practice secret never travels to the renderer.
 */
export function practiceHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, PracticeCallName> {
  const svc = lazyProfileService(ctx.dataDir, services);
  const host = (): PracticeHost => {
    if (!ctx.practiceHost) throw new CallFailure('PRACTICE_UNAVAILABLE', 'the practice tenant is not available in this process');
    return ctx.practiceHost;
  };

  async function status(): Promise<PracticeStatus> {
    const h = ctx.practiceHost;
    const scenario = h?.running ? (await h.get()).scenario : undefined;
    return {
      active: Boolean(h?.running),
      ...(scenario ? { scenario } : {}),
      scenarios: PRACTICE_SCENARIOS.map((name) => ({ name, expect: SCENARIO_EXPECTATIONS[name].expect, route: SCENARIO_EXPECTATIONS[name].route })),
    };
  }

  /** Writes the scenario's credentials into the practice profile (created on first use). */
  async function syncPracticeProfile(tenant: PracticeEndpoints): Promise<ProfileView> {
    const creds = tenant.credentials();
    const fields = {
      tenantId: creds.tenantId,
      clientId: creds.clientId,
      mailbox: creds.mailbox,
      secretExpiry: creds.secretExpiry,
      servicePrincipalObjectId: creds.servicePrincipalObjectId,
      route: SCENARIO_EXPECTATIONS[tenant.scenario as PracticeScenario].route,
      practice: true,
    };
    const s = svc();
    const existing = (await s.list()).find((p) => p.practice);
    const profile = existing
      ? await s.update(existing.id, { ...fields, lastVerification: null })
      : await s.create({ ...fields, name: PRACTICE_PROFILE_NAME, customer: 'Practice', iseVersion: '3.4 P4', smtpHost: undefined, smtpPort: undefined, scope: undefined, proxy: undefined });
    await s.vault.set(profile.id, creds.clientSecret, { allowSession: true });
    return s.view(s.store.get(profile.id));
  }

  return {
    practiceStatus: status,
    practiceSetScenario: async ({ scenario }) => {
      const tenant = await host().get();
      tenant.setScenario(scenario);
      if ((await svc().list()).some((p) => p.practice)) await syncPracticeProfile(tenant);
      return status();
    },
    practiceProfile: async () => syncPracticeProfile(await host().get()),
  };
}
