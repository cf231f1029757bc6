import type { PracticeScenario } from '../../../shared/practice';

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
}

export interface PracticeHost {
  /** True once the tenant runs in this process. */
  readonly running: boolean;
  /** Starts the tenant on first use (on 127.0.0.1, random ports) and returns it. */
  get(): Promise<PracticeEndpoints>;
  close(): Promise<void>;
}
