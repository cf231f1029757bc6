import type { PracticeEndpoints, PracticeHost } from '../core/handlers/practice-tenant';
import type { PracticeTenant } from './index';

/** The practice tenant of one process (desktop app or browser mode), started once, on demand. */
export function createPracticeHost(dataDir: string): PracticeHost {
  let starting: Promise<PracticeTenant> | undefined;
  let tenant: PracticeTenant | undefined;
  return {
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
    async close() {
      const t = tenant ?? (starting ? await starting.catch(() => undefined) : undefined);
      tenant = undefined;
      starting = undefined;
      await t?.close();
    },
  };
}
