/**
 * The child of the store crash test (store-crash.test.ts): writes profiles into `<dataDir>`
 * through ProfileStore in an endless loop until the parent SIGKILLs it. Generation i is one
 * write: odd → update the anchor profile's customer to `gen-i`; even → create `p-i` with
 * customer `gen-i` (or, once 12 others exist, update the oldest one to `gen-i`).
 * Around each write it prints `begin i count` and `done i count` (count = profiles after the
 * write) with synchronous writes, so the parent knows what was in flight when it killed.
 */
import { writeSync } from 'node:fs';
import { ProfileStore } from '../../electron/core/profiles/store';

const [dataDir, firstGenText] = process.argv.slice(2);
if (!dataDir || !firstGenText) throw new Error('usage: store-writer <dataDir> <firstGeneration>');
const ANCHOR = 'anchor';
const MAX_OTHERS = 12;
const fields = { mailbox: 'no-reply@contoso.com', tenantId: '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', clientId: '1f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', route: 'classic' as const, practice: false, iseVersion: '3.3 P8' };

const store = new ProfileStore({ dataDir });
const say = (line: string) => writeSync(1, `${line}\n`);
say('ready');
for (let gen = Number(firstGenText); ; gen += 1) {
  const profiles = store.list();
  const anchor = profiles.find((p) => p.name === ANCHOR)!;
  const others = profiles.filter((p) => p.name !== ANCHOR);
  const creates = gen % 2 === 0 && others.length < MAX_OTHERS;
  const count = profiles.length + (creates ? 1 : 0);
  say(`begin ${gen} ${count}`);
  if (gen % 2 === 1) store.update(anchor.id, { customer: `gen-${gen}` });
  else if (creates) store.create({ ...fields, name: `p-${gen}`, customer: `gen-${gen}` });
  else store.update(others.sort((a, b) => a.updatedAt.localeCompare(b.updatedAt))[0]!.id, { customer: `gen-${gen}` });
  say(`done ${gen} ${count}`);
}
