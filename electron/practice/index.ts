import { isPracticeScenario, type PracticeScenario } from '../../shared/practice';
import { loadOrCreatePki } from './certificates';
import { startExchangeSmtp, type ReceivedMail } from './exchange-smtp';
import { credentialsFor, tenantStateFor, type PracticeTenantState, type ScenarioCredentials } from './tenant-state';
import { startTokenServer } from './token-server';

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
  close(): Promise<void>;
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

  const token = await startTokenServer({ state: () => state, signingKey: pki.tokenSigningKey, tls, port: opts.tokenPort, latencyMs: opts.latencyMs });
  let smtp;
  try {
    smtp = await startExchangeSmtp({ state: () => state, signingKey: pki.tokenSigningKey, tls, port: opts.smtpPort, latencyMs: opts.latencyMs });
  } catch (err) {
    await token.close();
    throw err;
  }
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
      }
    },
    receivedMail: () => [...mail.received],
    close: async () => {
      await Promise.all([token.close(), mail.close()]);
    },
  };
  return tenant;
}
