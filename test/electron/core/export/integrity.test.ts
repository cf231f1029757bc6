import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { exportDigest } from '../../../../electron/core/export/json';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { CLIENT, MAILBOX, TENANT, memoryKeytar, sampleReport } from '../../../support/profile-fixtures';

/**
 * Issue 17 point 10: forgeable evidence. Only main records a verification, and the export's
 * integrity is keyed per installation (HMAC, key in the keychain): an edited file whose sha256
 * was recomputed is reported as changed, and an import says where the file comes from.
 */
const dirs: string[] = [];
const create = { name: 'Contoso HQ', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT };

/** One installation: its own data folder and its own keychain. */
function installation(keytar = memoryKeytar()) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'integrity-'));
  dirs.push(dir);
  const store = new ProfileStore({ dataDir: dir });
  const handlers = profileHandlers({ dataDir: dir, version: '0.1.0', shell: 'browser', practice: false }, { store, vault: new Vault({ keytar }) }) as unknown as Handlers;
  const call = async <K extends keyof typeof contract & string>(name: K, input: unknown) => {
    const r = await dispatch(handlers, name, input);
    if (r.ok) contract[name].output.parse(r.value);
    return r;
  };
  return { store, keytar, call };
}

async function exported(app: ReturnType<typeof installation>): Promise<string> {
  const created = await app.call('profileCreate', create);
  if (!created.ok) throw new Error(created.error.message);
  app.store.update(created.value.id, { lastVerification: sampleReport() }); // main's own record
  const file = await app.call('exportProfile', { profileId: created.value.id, format: 'json' });
  if (!file.ok) throw new Error(file.error.message);
  return file.value.content;
}

/** What an attacker can do without the key: edit a value and recompute the plain sha256. */
function forge(content: string): string {
  const doc = JSON.parse(content) as Record<string, Record<string, unknown>>;
  doc['iseSettings']!['SMTP Server'] = 'smtp.attacker.test';
  (doc['integrity'] as { digest: string }).digest = exportDigest(doc);
  return JSON.stringify(doc, null, 2);
}

beforeEach(() => {
  dirs.length = 0;
});
afterEach(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

describe('only main writes a verification', () => {
  it('profileUpdate refuses a lastVerification from the renderer', async () => {
    const app = installation();
    const created = await app.call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    const r = await app.call('profileUpdate', { profileId: created.value.id, changes: { lastVerification: sampleReport() } });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(app.store.get(created.value.id).lastVerification).toBeNull();
  });

  it('profileUpdate still changes ordinary fields', async () => {
    const app = installation();
    const created = await app.call('profileCreate', create);
    if (!created.ok) throw new Error(created.error.message);
    const r = await app.call('profileUpdate', { profileId: created.value.id, changes: { customer: 'Contoso' } });
    expect(r.ok && r.value.customer).toBe('Contoso');
  });
});

describe('the export integrity is keyed per installation', () => {
  it('an edited file with a recomputed sha256 is reported as changed on the installation that exported it', async () => {
    const app = installation();
    const r = await app.call('importProfile', { content: forge(await exported(app)) });
    expect(r).toMatchObject({ ok: false, error: { code: 'IMPORT_TAMPERED' } });
  });

  it('an unchanged file imports and says it comes from this installation', async () => {
    const app = installation();
    const r = await app.call('importProfile', { content: await exported(app) });
    expect(r.ok && r.value.importOrigin).toBe('this-installation');
  });

  it('on another installation the import says the file comes from elsewhere (its values unconfirmed)', async () => {
    const content = await exported(installation());
    const other = installation();
    await exported(other); // the other installation has a key of its own
    const r = await other.call('importProfile', { content });
    expect(r.ok && r.value.importOrigin).toBe('other-installation');
    const forged = await other.call('importProfile', { content: forge(content) });
    expect(forged.ok && forged.value.importOrigin).toBe('other-installation');
  });

  it('a file with no installation code (older exports) imports as unsigned', async () => {
    const app = installation();
    const doc = JSON.parse(await exported(app)) as { integrity: Record<string, unknown> };
    delete doc.integrity['hmac'];
    const r = await app.call('importProfile', { content: JSON.stringify(doc) });
    expect(r.ok && r.value.importOrigin).toBe('unsigned');
  });

  it('the key lives in the keychain, never in the export or the data folder', async () => {
    const app = installation();
    const content = await exported(app);
    const keys = [...app.keytar.entries.entries()].filter(([k]) => k.endsWith('export-integrity-key'));
    expect(keys).toHaveLength(1);
    const key = keys[0]![1];
    expect(content).not.toContain(key);
    for (const f of fs.readdirSync(dirs[0]!)) expect(fs.readFileSync(path.join(dirs[0]!, f), 'utf8')).not.toContain(key);
  });
});
