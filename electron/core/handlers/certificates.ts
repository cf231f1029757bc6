import type { CertificateAnalysis } from '../../../shared/contract/certificates';
import { captureChains, exportPem, type CaptureOptions } from '../certificates';
import type { CoreContext } from './context';
import { type Handlers } from './dispatch';
import { CallFailure } from '../errors/call-failure';
import type { ProfileStore } from '../profiles/store';
import { defaultProfileServices } from '../profiles/process-services';
import { endpointsFor } from '../profiles/endpoints';

export interface CertificateHandlerDeps {
  store?: ProfileStore;
  capture?: (options: CaptureOptions) => Promise<CertificateAnalysis>;
}

/**
 * captureCertificates / exportCertificates for a stored profile: its SMTP host, port and proxy
 * (a practice profile: this process's practice tenant and its CA, as diagnoseProfile does).
 * The last capture per profile is kept in memory so a download is exactly the chain the
 * engineer saw; without one, export captures first. No secret is involved.
 */
export function certificateHandlers(ctx: CoreContext, deps: CertificateHandlerDeps = {}): Pick<Handlers, 'captureCertificates' | 'exportCertificates'> {
  const store = () => deps.store ?? defaultProfileServices(ctx.dataDir).store;
  const capture = deps.capture ?? ((o: CaptureOptions) => captureChains(o));
  const lastCapture = new Map<string, CertificateAnalysis>();

  const captureFor = async (profileId: string): Promise<CertificateAnalysis> => {
    const profile = store().get(profileId);
    const { practice, ...reach } = await endpointsFor(profile, ctx.practiceHost);
    const analysis = await capture(practice ? { ...reach, practice } : reach);
    lastCapture.set(profile.id, analysis);
    return analysis;
  };

  return {
    captureCertificates: ({ profileId }) => captureFor(profileId),
    exportCertificates: async ({ profileId, which }) => {
      const analysis = lastCapture.get(profileId) ?? (await captureFor(profileId));
      const file = exportPem(analysis, which);
      if (!file) {
        throw new CallFailure(
          'CERTIFICATE_NOT_FOUND',
          which === 'bundle' ? 'no CA certificate was captured for this profile' : `no captured CA certificate has the SHA-256 fingerprint ${which}`,
          'which',
        );
      }
      return file;
    },
  };
}
