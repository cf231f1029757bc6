import type { CoreContext } from '../context';
import { CallFailure, type Handlers } from '../dispatch';
import { diagnose } from '../diagnostics';
import { ProfileService, type ProfileServices } from '../profiles/service';
import { defaultProfileServices } from '../profiles/services';

/**
 * diagnoseProfile: the diagnosis for a stored profile, with its secret read from the vault
 * here in main. A practice profile is pointed at this process's practice tenant. A full run
 * (no `steps`) becomes the profile's last verification (the export's evidence).
 */
export function verificationHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, 'diagnoseProfile'> {
  let service: ProfileService | undefined;
  const svc = () => (service ??= new ProfileService(services ?? defaultProfileServices(ctx.dataDir)));
  return {
    diagnoseProfile: async ({ profileId, steps, sendTo }) => {
      const s = svc();
      const profile = s.store.get(profileId);
      const secret = await s.vault.get(profile.id);
      let practice = {};
      if (profile.practice) {
        if (!ctx.practiceHost) throw new CallFailure('PRACTICE_UNAVAILABLE', 'the practice tenant is not available in this process');
        const tenant = await ctx.practiceHost.get();
        practice = { authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort, caPem: tenant.caPem };
      }
      const report = await diagnose({
        tenantId: profile.tenantId,
        clientId: profile.clientId,
        mailbox: profile.mailbox,
        ...(secret !== null ? { clientSecret: secret } : {}),
        route: profile.route,
        ...(profile.scope ? { scope: profile.scope } : {}),
        ...(profile.smtpHost ? { smtpHost: profile.smtpHost } : {}),
        ...(profile.smtpPort ? { smtpPort: profile.smtpPort } : {}),
        ...(profile.proxy ? { proxy: profile.proxy } : {}),
        ...(profile.servicePrincipalObjectId ? { servicePrincipalObjectId: profile.servicePrincipalObjectId } : {}),
        ...(profile.secretExpiry ? { secretExpiry: profile.secretExpiry } : {}),
        ...(profile.iseVersion ? { iseVersion: profile.iseVersion } : {}),
        ...(steps ? { steps } : {}),
        ...(sendTo ? { sendTo } : {}),
        ...practice,
        practice: profile.practice,
      });
      if (!steps) await s.update(profile.id, { lastVerification: report });
      return report;
    },
  };
}
