import type { IseCertificate, PinState } from '../../../shared/contract/ise';
import type { Profile } from '../../../shared/contract/profiles';
import { DEFAULT_ERS_PORT, DEFAULT_OPENAPI_PORT, iseAccount, normaliseFingerprint, type IseConnection } from '../../../shared/ise-api/connection';
import type { IseFinding } from '../../../shared/ise-api/findings';
import { ISE_PRACTICE_SCENARIOS } from '../../../shared/ise-api/practice';
import { CallFailure } from '../errors/call-failure';
import { importMissingCas, inspectIse, probeCertificate, type IseInspectOptions } from '../ise';
import { iseFinding } from '../ise/findings';
import { inspectOptionsFor, isePassword, savePin } from '../ise/profile';
import { endpointsFor } from '../profiles/endpoints';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';
import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import type { PracticeIseEndpoints } from './practice-tenant';

type IseCallName = 'iseConnectionGet' | 'iseConnect' | 'iseAcceptCertificate' | 'iseInspect' | 'iseImportCas' | 'isePracticeScenario';

/**
 * The ISE API calls for a profile (issue 15). The ISE password goes from the renderer (or the
 * practice ISE) straight to the keychain, account `ise-admin:<profile id>`, and is read back
 * from there for each call; no reply carries it. A practice profile is pointed at this process's
 * practice ISE and practice tenant.
 */
export function iseHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, IseCallName> {
  const svc = lazyProfileService(ctx.dataDir, services);

  const practiceIse = async (): Promise<PracticeIseEndpoints> => {
    if (!ctx.practiceHost?.ise) throw new CallFailure('PRACTICE_UNAVAILABLE', 'the practice ISE is not available in this process');
    return ctx.practiceHost.ise();
  };

  const view = async (profileId: string, connection: IseConnection) => {
    // An unavailable keychain reads as "not stored"; the call that needs the password says why.
    const passwordStored = await svc()
      .vault.get(iseAccount(profileId))
      .then((p) => p !== null)
      .catch(() => false);
    return { ...connection, passwordStored };
  };

  const connectionOf = (profile: Profile): IseConnection => {
    if (!profile.ise) throw new CallFailure('ISE_NOT_CONNECTED', 'connect to ISE first (host, admin user and password)', 'host');
    return profile.ise;
  };

  /** The practice profile's connection follows the practice ISE (its ports change per start). */
  const syncPractice = async (profile: Profile): Promise<{ connection: IseConnection; password: string }> => {
    const p = await practiceIse();
    const samePorts = profile.ise?.host === p.host && profile.ise.apiPort === p.apiPort && profile.ise.ersPort === p.ersPort;
    const connection: IseConnection = { ...(samePorts ? profile.ise : {}), host: p.host, username: p.username, ersPort: p.ersPort, apiPort: p.apiPort };
    if (profile.ise?.pinnedSha256) Object.assign(connection, { pinnedSha256: profile.ise.pinnedSha256, pinnedSubject: profile.ise.pinnedSubject, pinnedAt: profile.ise.pinnedAt });
    svc().store.update(profile.id, { ise: connection });
    await svc().vault.set(iseAccount(profile.id), p.password, { allowSession: true });
    return { connection, password: p.password };
  };

  const meet = async (connection: IseConnection): Promise<{ certificate: IseCertificate | null; pin: PinState; findings: IseFinding[] }> => {
    const apiPort = connection.apiPort ?? DEFAULT_OPENAPI_PORT;
    const ersPort = connection.ersPort ?? DEFAULT_ERS_PORT;
    let probe = await probeCertificate(connection.host, apiPort, 10_000);
    if (!('certificate' in probe)) probe = await probeCertificate(connection.host, ersPort, 10_000);
    if (!('certificate' in probe)) return { certificate: null, pin: 'unreachable', findings: [iseFinding('ISE_UNREACHABLE', { host: connection.host, ports: `${apiPort}, ${ersPort}`, code: probe.code })] };
    const c = probe.certificate;
    if (!connection.pinnedSha256) return { certificate: c, pin: 'unpinned', findings: [iseFinding('ISE_CERT_UNPINNED', { host: connection.host, sha256: c.sha256, subject: c.subject })] };
    if (normaliseFingerprint(connection.pinnedSha256) !== c.sha256) {
      return { certificate: c, pin: 'changed', findings: [iseFinding('ISE_CERT_CHANGED', { host: connection.host, pinned: connection.pinnedSha256, sha256: c.sha256, subject: c.subject })] };
    }
    return { certificate: c, pin: 'matched', findings: [] };
  };

  const optionsFor = async (profileId: string): Promise<{ options: IseInspectOptions; profile: Profile }> => {
    let profile = svc().store.get(profileId);
    let password: string;
    if (profile.practice) {
      password = (await syncPractice(profile)).password;
      profile = svc().store.get(profileId);
    } else {
      connectionOf(profile);
      password = await isePassword(svc().vault, profileId);
    }
    const reach = await endpointsFor(profile, ctx.practiceHost);
    return { options: inspectOptionsFor(profile, connectionOf(profile), password, reach), profile };
  };

  return {
    iseConnectionGet: async ({ profileId }) => {
      const profile = svc().store.get(profileId);
      return { connection: profile.ise ? await view(profileId, profile.ise) : null };
    },

    iseConnect: async ({ profileId, host, username, password, ersPort, apiPort }) => {
      const profile = svc().store.get(profileId);
      let connection: IseConnection;
      if (profile.practice) {
        connection = (await syncPractice(profile)).connection;
      } else {
        const h = host ?? profile.ise?.host;
        const u = username ?? profile.ise?.username;
        if (!h) throw new CallFailure('INVALID_INPUT', 'host is required: the Primary PAN of ISE', 'host');
        if (!u) throw new CallFailure('INVALID_INPUT', 'username is required: an ISE admin user', 'username');
        const keepPin = profile.ise && profile.ise.host === h;
        connection = {
          ...(keepPin ? profile.ise : {}),
          host: h,
          username: u,
          ...((ersPort ?? profile.ise?.ersPort) ? { ersPort: ersPort ?? profile.ise?.ersPort } : {}),
          ...((apiPort ?? profile.ise?.apiPort) ? { apiPort: apiPort ?? profile.ise?.apiPort } : {}),
        };
        svc().store.update(profileId, { ise: connection });
        if (password !== undefined) await svc().vault.set(iseAccount(profileId), password, { allowSession: true });
      }
      const met = await meet(connection);
      return { connection: await view(profileId, connection), ...met };
    },

    iseAcceptCertificate: async ({ profileId, sha256 }) => {
      const profile = svc().store.get(profileId);
      const connection = connectionOf(profile);
      const met = await meet({ ...connection, pinnedSha256: undefined });
      if (!met.certificate) throw new CallFailure('ISE_UNREACHABLE', `ISE ${connection.host} does not answer: nothing was pinned`);
      // Only the certificate ISE presents now can be pinned, and only if it is the one the engineer saw.
      if (met.certificate.sha256 !== normaliseFingerprint(sha256)) throw new CallFailure('ISE_CERT_MISMATCH', 'ISE now presents a different certificate than the one shown: check it again', 'sha256');
      const saved = savePin(svc().store, profileId, connection, met.certificate);
      return { connection: await view(profileId, saved.ise!) };
    },

    iseInspect: async ({ profileId }) => {
      const { options } = await optionsFor(profileId);
      return inspectIse(options);
    },

    iseImportCas: async ({ profileId, sha256, whatIf }) => {
      const { options } = await optionsFor(profileId);
      return importMissingCas({ ...options, ...(sha256 ? { only: sha256 } : {}), whatIf: whatIf ?? false, auditDataDir: ctx.dataDir, profileId });
    },

    isePracticeScenario: async ({ scenario }) => {
      const p = await practiceIse();
      await p.setScenario(scenario);
      return { scenario: p.scenario, scenarios: [...ISE_PRACTICE_SCENARIOS] };
    },
  };
}
