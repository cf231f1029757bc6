// In-process part of the scale benchmark: profilePage (what the Profiles screen and
// `profiles list` use) on a store of N profiles, timing the first call (reads and parses the
// file: the longest the event loop is blocked) and a later one (the file unchanged: reused).
// Usage: node --import tsx bench/profiles-run.ts <dataDir>
import { profilePage } from '../electron/core/profiles/page';
import { Vault } from '../electron/core/vault/vault';

const dataDir = process.argv[2]!;
const vault = new Vault({ keytar: { getPassword: async () => null, setPassword: async () => undefined, deletePassword: async () => false, findCredentials: async () => [] } });
let t = performance.now();
const first = await profilePage(dataDir, vault, { offset: 0, limit: 50 });
const firstMs = performance.now() - t;
t = performance.now();
await profilePage(dataDir, vault, { offset: 500, limit: 50 });
const warmMs = performance.now() - t;
process.stdout.write(JSON.stringify({ total: first.total, firstMs, warmMs }) + '\n');
