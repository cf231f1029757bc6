/**
 * A child of test/electron/core/profiles/store-concurrency.integration.test.ts: one process writing profiles into
 * `<dataDir>` as fast as it can, beside another doing the same. It prints `ack <name> <id>`
 * after each write the store acknowledged (returned from), synchronously, so the parent knows
 * exactly which writes were promised.
 *   mode `profiles`: <count> changes: creates `<tag>-<i>`, every third change an update of one
 *     of its own earlier profiles (customer := `<tag>-upd-<i>`), printed as `upd <id> <customer>`.
 *   mode `secrets`: what the app's "create + secretSet" and the CLI's `profiles add` do: create
 *     the profile, then store its secret in the real OS keychain under `<service>`.
 */
import { writeSync } from 'node:fs';
import { ProfileStore } from '../../electron/core/profiles/store';
import { ProfileService } from '../../electron/core/profiles/profile-service';
import { Vault } from '../../electron/core/vault/vault';

const [mode, dataDir, tag, countText, service] = process.argv.slice(2);
if (!mode || !dataDir || !tag || !countText) throw new Error('usage: concurrent-writer <mode> <dataDir> <tag> <count> [service]');
const count = Number(countText);
const fields = { mailbox: 'no-reply@contoso.com', tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '1f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', route: 'classic' as const, practice: false, iseVersion: '3.3 P8', customer: '' };
const say = (line: string) => writeSync(1, `${line}\n`);

const store = new ProfileStore({ dataDir });
if (mode === 'profiles') {
  const mine: string[] = [];
  for (let i = 0; i < count; i += 1) {
    if (i % 3 === 2 && mine.length > 0) {
      const id = mine[i % mine.length]!;
      const customer = `${tag}-upd-${i}`;
      store.update(id, { customer });
      say(`upd ${id} ${customer}`);
    } else {
      const p = store.create({ ...fields, name: `${tag}-${i}` });
      mine.push(p.id);
      say(`ack ${p.name} ${p.id}`);
    }
  }
} else if (mode === 'secrets') {
  const svc = new ProfileService({ store, vault: new Vault({ service: service! }) });
  for (let i = 0; i < count; i += 1) {
    const view = await svc.create({ ...fields, name: `${tag}-${i}` });
    await svc.vault.set(view.id, `secret-of-${view.id}`);
    say(`ack ${view.name} ${view.id}`);
  }
}
say('end');
