// In-process part of the scale benchmark: what the Profiles screen's first call does on a store
// of N profiles (the store opened, then profilePage), timing that first call (the longest the
// event loop is blocked) and a later page (the file unchanged: its index reused). The generated
// file is in the older layout: one process migrates it (untimed, reported as migrateMs) first.
// Usage: node --import tsx bench/profiles-run.ts <dataDir>
import { spawnSync } from 'node:child_process';
import { profilePage } from '../electron/core/profiles/page';
import { ProfileStore } from '../electron/core/profiles/store';
import { Vault } from '../electron/core/vault/vault';

const dataDir = process.argv[2]!;
if (process.argv[3] === '--migrate') {
  new ProfileStore({ dataDir });
  process.exit(0);
}
let t = performance.now();
if (spawnSync(process.execPath, ['--import', 'tsx', process.argv[1]!, dataDir, '--migrate'], { stdio: 'inherit' }).status !== 0) throw new Error('migration failed');
const migrateMs = performance.now() - t;
const vault = new Vault({ keytar: { getPassword: async () => null, setPassword: async () => undefined, deletePassword: async () => false, findCredentials: async () => [] } });
t = performance.now();
new ProfileStore({ dataDir });
const first = await profilePage(dataDir, vault, { offset: 0, limit: 50 });
const firstMs = performance.now() - t;
t = performance.now();
await profilePage(dataDir, vault, { offset: 500, limit: 50 });
const warmMs = performance.now() - t;
process.stdout.write(JSON.stringify({ total: first.total, firstMs, warmMs, migrateMs }) + '\n');
