import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { endpointsFor } from '../profiles/endpoints';
import { diagnose } from '../diagnostics';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';

/**
 * diagnoseProfile: the diagnosis for a stored profile, with its secret read from the vault
 * here in main. A practice profile is pointed at this process's practice tenant. A full run
 * (no `steps`) becomes the profile's last verification (the export's evidence).
 */
export function verificationHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, 'diagnoseProfile'> {
  const svc = lazyProfileService(ctx.dataDir, services);
  return {
    diagnoseProfile: async ({ profileId, steps, sendTo }) => {
      const s = svc();
      const profile = s.store.get(profileId);
      const secret = await s.vault.get(profile.id);
      const endpoints = await endpointsFor(profile, ctx.practiceHost);
      const report = await diagnose({
        tenantId: profile.tenantId,
        clientId: profile.clientId,
        mailbox: profile.mailbox,
        ...(secret !== null ? { clientSecret: secret } : {}),
        route: profile.route,
        ...(profile.scope ? { scope: profile.scope } : {}),
        ...(profile.servicePrincipalObjectId ? { servicePrincipalObjectId: profile.servicePrincipalObjectId } : {}),
        ...(profile.secretExpiry ? { secretExpiry: profile.secretExpiry } : {}),
        ...(profile.iseVersion ? { iseVersion: profile.iseVersion } : {}),
        ...(steps ? { steps } : {}),
        ...(sendTo ? { sendTo } : {}),
        ...endpoints,
      });
      if (!steps) await s.update(profile.id, { lastVerification: report });
      return report;
    },
  };
}
