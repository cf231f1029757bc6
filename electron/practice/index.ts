import { isPracticeScenario, type PracticeScenario } from '../../shared/practice';
import { loadOrCreatePki } from './certificates';
import { startExchangeSmtp, type ReceivedMail } from './exchange-smtp';
import { credentialsFor, tenantStateFor, type PracticeTenantState, type ScenarioCredentials } from './tenant-state';
import { startTokenServer } from './token-server';
import { PracticeDirectory, PRACTICE_SIGN_IN_CLIENT_ID, directoryFile } from './directory/state';
import { stateForClient } from './directory/project';
import { createAdminSignIn, type AdminSignIn } from './entra-signin/signin';
import { startGraphEmulator } from './graph/server';
import { startExchangeAdminEmulator } from './exchange-admin/server';
import type { HttpsService } from './directory/http';
import type { AutomationFault } from '../../shared/contract/automation';

/**
 * The built-in practice tenant: an emulated Entra token endpoint and an emulated Exchange Online
 * submission server on 127.0.0.1, playing one scenario at a time (shared/practice.ts). It is the
 * product's default when a trainee has no tenant, and the diagnostics engine's test bed.
 *
 * How to add a scenario: name it in shared/practice.ts (with its expected finding), give it its
 * one fault in tenantStateFor (tenant-state.ts), and teach token-issuer.ts or smtp-auth.ts the
 * rule the real service applies, with Entra's / Exchange's real reply.
 */

/** The values the wizard is to be given in the current scenario. */
export type PracticeCredentials = ScenarioCredentials;
export type { ReceivedMail } from './exchange-smtp';

export interface PracticeTenant {
  /** `https://127.0.0.1:<port>`: token endpoint = `${authorityHost}/${tenantId}/oauth2/v2.0/token`. */
  authorityHost: string;
  smtpHost: string;
  /** STARTTLS, like smtp.office365.com:587. */
  smtpPort: number;
  /** The practice CA the client must trust, and the file it is kept in (inside dataDir). */
  caPem: string;
  caFile: string;
  scenario: PracticeScenario;
  /** Credentials as the wizard should fill them in for the current scenario (already "wrong" where the scenario says). */
  credentials(): PracticeCredentials;
  /** Switches the scenario live: the next request and the next SMTP connection see it. */
  setScenario(name: PracticeScenario): void;
  /** The mail the SMTP emulator accepted, oldest first (the last 50). */
  receivedMail(): ReceivedMail[];
  /** The automated setup's side (issue 14): Graph and Exchange admin emulators over the directory. */
  automation: PracticeAutomation;
  close(): Promise<void>;
}

export interface PracticeAutomation {
  /** `https://127.0.0.1:<port>`: Graph v1.0 subset (stands in for https://graph.microsoft.com). */
  graphHost: string;
  /** `https://127.0.0.1:<port>`: InvokeCommand subset (stands in for https://outlook.office365.com). */
  exchangeHost: string;
  /** The practice sign-in client (public client) the admin signs in with. */
  signInClientId: string;
  directory: PracticeDirectory;
  signIn: AdminSignIn;
  setFaults(faults: AutomationFault[]): void;
}

export interface StartPracticeOptions {
  /** The app's data folder: the practice CA and keys live in `<dataDir>/practice/`. */
  dataDir: string;
  scenario?: PracticeScenario;
  /** 0 or absent: a free port. Both servers bind 127.0.0.1 only. */
  tokenPort?: number;
  smtpPort?: number;
  /** A delay added to every exchange (token answer, SMTP AUTH / MAIL / DATA), for benchmarks. */
  latencyMs?: number;
}

export async function startPracticeTenant(opts: StartPracticeOptions): Promise<PracticeTenant> {
  const initial = opts.scenario ?? 'healthy';
  if (!isPracticeScenario(initial)) throw new Error(`unknown practice scenario '${String(initial)}'`);
  const pki = await loadOrCreatePki(opts.dataDir);

  let scenario: PracticeScenario = initial;
  let state: PracticeTenantState = tenantStateFor(scenario);
  const tls = () => (state.untrustedCertificate ? pki.untrustedServer : pki.server);

  const directory = new PracticeDirectory(directoryFile(opts.dataDir));
  const stateFor = (clientId: string | undefined) => {
    directory.reload();
    return stateForClient(state, directory, clientId);
  };
  let tokenHost = '';
  const signIn = createAdminSignIn({ directory, signingKey: pki.tokenSigningKey, tenantId: state.tenantId, host: () => tokenHost });
  const token = await startTokenServer({
    state: () => state,
    stateFor,
    adminGrant: (t, form, cid) => signIn.grant(t, form, cid),
    extraRoute: (req, res, url) => signIn.extraRoute(req, res, url),
    signingKey: pki.tokenSigningKey,
    tls,
    port: opts.tokenPort,
    latencyMs: opts.latencyMs,
  });
  tokenHost = token.authorityHost;
  let smtp;
  let graph: HttpsService | undefined;
  let exchange: HttpsService | undefined;
  try {
    smtp = await startExchangeSmtp({ state: () => state, stateFor, signingKey: pki.tokenSigningKey, tls, port: opts.smtpPort, latencyMs: opts.latencyMs });
    graph = await startGraphEmulator({ directory, signingKey: pki.tokenSigningKey, tenantId: state.tenantId, tls });
    exchange = await startExchangeAdminEmulator({ directory, baseState: () => state, signingKey: pki.tokenSigningKey, tenantId: state.tenantId, tls });
  } catch (err) {
    await Promise.all([token.close(), smtp?.close(), graph?.close()]);
    throw err;
  }
  const graphService = graph;
  const exchangeService = exchange;
  const mail = smtp;

  const tenant: PracticeTenant = {
    authorityHost: token.authorityHost,
    smtpHost: '127.0.0.1',
    smtpPort: mail.port,
    caPem: pki.caPem,
    caFile: pki.caFile,
    scenario,
    credentials: () => credentialsFor(scenario, state),
    setScenario(name) {
      if (!isPracticeScenario(name)) throw new Error(`unknown practice scenario '${String(name)}'`);
      const wasUntrusted = state.untrustedCertificate;
      scenario = name;
      state = tenantStateFor(name);
      tenant.scenario = name;
      if (wasUntrusted !== state.untrustedCertificate) {
        token.reloadTls();
        mail.reloadTls();
        graphService.reloadTls();
        exchangeService.reloadTls();
      }
    },
    receivedMail: () => [...mail.received],
    automation: {
      graphHost: graphService.host,
      exchangeHost: exchangeService.host,
      signInClientId: PRACTICE_SIGN_IN_CLIENT_ID,
      directory,
      signIn,
      setFaults(faults) {
        directory.reload();
        directory.setFaults(faults);
        // Authenticated SMTP off for the mailbox is tenant state, not a request fault.
        if (faults.includes('mailbox-smtp-auth-off')) {
          directory.data.exchange.casSmtpAuthDisabled = true;
          directory.save();
        }
      },
    },
    close: async () => {
      await Promise.all([token.close(), mail.close(), graphService.close(), exchangeService.close()]);
    },
  };
  return tenant;
}
