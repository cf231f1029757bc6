import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IseInspectOptions } from '../../electron/core/ise';
import { startPracticeTenant, type PracticeTenant } from '../../electron/practice';
import { startPracticeIse, type PracticeIse } from '../../electron/practice/ise';
import type { IsePracticeScenario } from '../../shared/ise-api/practice';

/** A practice tenant (the "Microsoft" side) and a practice ISE sharing one data folder. */
export interface PracticePair {
  dataDir: string;
  tenant: PracticeTenant;
  ise: PracticeIse;
  /** What an engineer gives `ise inspect` for the practice ISE, with its certificate accepted. */
  options(extra?: Partial<IseInspectOptions>): IseInspectOptions;
  close(): Promise<void>;
}

export async function startPracticePair(scenario: IsePracticeScenario = 'healthy'): Promise<PracticePair> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'practice-ise-'));
  const tenant = await startPracticeTenant({ dataDir });
  const ise = await startPracticeIse({ dataDir, scenario, mailbox: tenant.credentials().mailbox });
  return {
    dataDir,
    tenant,
    ise,
    options: (extra = {}) => ({
      host: ise.host,
      username: ise.username,
      password: ise.password,
      ersPort: ise.ersPort,
      apiPort: ise.apiPort,
      pinSha256: ise.adminSha256,
      mailbox: tenant.credentials().mailbox,
      microsoft: { authorityHost: tenant.authorityHost, smtpHost: tenant.smtpHost, smtpPort: tenant.smtpPort, caPem: tenant.caPem, practice: true, timeoutSeconds: 10 },
      timeoutMs: 5000,
      practice: true,
      ...extra,
    }),
    close: async () => {
      await Promise.all([ise.close(), tenant.close()]);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
