import type { CoreContext } from './context';
import type { Handlers } from './dispatch';
import { checkFleet, countResults, DEFAULT_CONCURRENCY } from '../fleet/check';
import { checkStoredProfile } from '../fleet/profile-check';
import { readFleetResults, writeFleetResults } from '../fleet/results-file';
import { secretExpiryStatus } from '../profiles/expiry';
import { profilePage } from '../profiles/page';
import type { ProfileServices } from '../profiles/profile-service';
import { lazyProfileService } from '../profiles/process-services';

/** fleetCheck / fleetResults / profilesPage / profilesExpiry: the Profiles screen's "Check all", each profile's last result, its pages, the expiry warnings. */
export function fleetHandlers(ctx: CoreContext, services?: ProfileServices): Pick<Handlers, 'fleetCheck' | 'fleetResults' | 'profilesPage' | 'profilesExpiry'> {
  const svc = lazyProfileService(ctx.dataDir, services);
  return {
    fleetCheck: async ({ concurrency }) => {
      const s = svc();
      const profiles = s.store.list();
      const started = performance.now();
      const checkedAt = new Date().toISOString();
      const used = concurrency ?? DEFAULT_CONCURRENCY;
      const rows = await checkFleet({ profiles, concurrency: used, check: (p) => checkStoredProfile(p, s.vault, ctx.practiceHost), ...(s.services.today ? { today: s.services.today() } : {}) });
      writeFleetResults(ctx.dataDir, rows, new Set(profiles.map((p) => p.id)));
      return { rows, summary: { checkedAt, durationMs: Math.round(performance.now() - started), concurrency: used, counts: countResults(rows) } };
    },
    fleetResults: async () => ({ rows: readFleetResults(ctx.dataDir) }),
    profilesPage: async ({ offset, limit, query }) => {
      const s = svc();
      // The store opens once per process (it moves a bad file aside); after that this is a property.
      const recovered = s.store.recovered;
      await s.migrateProxyPasswords(); // a legacy proxy password leaves the file at the first read, as with profileGet
      const page = await profilePage(ctx.dataDir, s.vault, { offset, limit, ...(query ? { query } : {}), ...(s.services.today ? { today: s.services.today() } : {}) });
      return { ...page, ...(recovered ? { recovered } : {}) };
    },
    profilesExpiry: async () => {
      const s = svc();
      const rows = s.store.summaries();
      const today = s.services.today?.();
      const warnings = rows.flatMap((r) => {
        if (!r.secretExpiry) return [];
        const status = secretExpiryStatus(r.secretExpiry, today);
        return status.level === 'ok' ? [] : [{ id: r.id, name: r.name, secretExpiryStatus: status }];
      });
      return { total: rows.length, warnings };
    },
  };
}
