import type { PracticeScenario } from '../../../shared/practice';
import type { IsePracticeScenario } from '../../../shared/ise-api/practice';

/**
 * What core needs of the built-in practice tenant. The implementation (electron/practice)
 * is handed in by the process entry, so core does not start servers on its own.
 */
export interface PracticeEndpoints {
  authorityHost: string;
  smtpHost: string;
  smtpPort: number;
  caPem: string;
  scenario: PracticeScenario;
  credentials(): {
    tenantId: string;
    clientId: string;
    clientSecret: string;
    mailbox: string;
    servicePrincipalObjectId: string;
    secretExpiry: string;
  };
  setScenario(name: PracticeScenario): void;
  /** The automated setup's emulators (Graph, Exchange InvokeCommand) and sign-in client. */
  automation?: { graphHost: string; exchangeHost: string; signInClientId: string };
}

/** What core needs of the practice ISE (electron/practice/ise): where it is and its practice account. */
export interface PracticeIseEndpoints {
  host: string;
  ersPort: number;
  apiPort: number;
  username: string;
  password: string;
  adminSha256: string;
  scenario: IsePracticeScenario;
  setScenario(name: IsePracticeScenario): Promise<void>;
}

export interface PracticeHost {
  /** True once the tenant runs in this process. */
  readonly running: boolean;
  /** Starts the tenant on first use (on 127.0.0.1, random ports) and returns it. */
  get(): Promise<PracticeEndpoints>;
  /** Starts the practice ISE on first use (beside the tenant, trusting its CA the way the scenario says). */
  ise?(): Promise<PracticeIseEndpoints>;
  close(): Promise<void>;
}
