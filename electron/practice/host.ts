import type { PracticeEndpoints, PracticeHost, PracticeIseEndpoints } from '../core/handlers/practice-tenant';
import type { PracticeTenant } from './index';
import type { PracticeIse } from './ise';

/** The practice tenant of one process (desktop app or browser mode), started once, on demand. */
export function createPracticeHost(dataDir: string): PracticeHost {
  let starting: Promise<PracticeTenant> | undefined;
  let tenant: PracticeTenant | undefined;
  let iseStarting: Promise<PracticeIse> | undefined;
  const host: PracticeHost = {
    get running() {
      return tenant !== undefined;
    },
    async get(): Promise<PracticeEndpoints> {
      // Loaded on first use: smtp-server and the certificate code are not needed to start the app.
      starting ??= import('./index').then(({ startPracticeTenant }) => startPracticeTenant({ dataDir })).then((t) => (tenant = t));
      try {
        return await starting;
      } catch (err) {
        starting = undefined; // a failed start may be retried (e.g. after freeing the data folder)
        throw err;
      }
    },
    async ise(): Promise<PracticeIseEndpoints> {
      // The practice ISE's guest sender is the practice tenant's mailbox, so the tenant comes first.
      iseStarting ??= host
        .get()
        .then(async (t) => (await import('./ise')).startPracticeIse({ dataDir, mailbox: t.credentials().mailbox }));
      try {
        return await iseStarting;
      } catch (err) {
        iseStarting = undefined;
        throw err;
      }
    },
    async close() {
      const t = tenant ?? (starting ? await starting.catch(() => undefined) : undefined);
      const i = iseStarting ? await iseStarting.catch(() => undefined) : undefined;
      tenant = undefined;
      starting = undefined;
      iseStarting = undefined;
      await Promise.all([t?.close(), i?.close()]);
    },
  };
  return host;
}
