import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { desktopHandlers } from '../../../../electron/core/handlers/desktop';
import { resolveProfileSecret } from '../../../../electron/core/profiles/resolve';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { CANARY, CLIENT, MAILBOX, SP_OID, TENANT, certificateChain, sampleReport } from '../../../support/profile-fixtures';
import { realKeychain, runCli } from '../../../support/real-keychain';

const status = await realKeychain();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'canary-'));
const dataDir = path.join(root, 'data');
const exportsDir = path.join(root, 'exports');
const tmpDir = path.join(root, 'tmp'); // TMPDIR of the CLI processes: their temp files land here
for (const d of [dataDir, exportsDir, tmpDir]) fs.mkdirSync(d, { recursive: true });
const cliEnv = { TMPDIR: tmpDir };
const dd = ['--data-dir', dataDir];

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** Every form the secret could leak in: as is, base64, URL-encoded, hex. */
const needles = [...new Set([CANARY, Buffer.from(CANARY).toString('base64'), encodeURIComponent(CANARY), Buffer.from(CANARY).toString('hex')])];

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

function hits(text: string): string[] {
  return needles.filter((n) => text.includes(n));
}

if (status.available) {
  describe('canary: the client secret appears nowhere but the keychain', () => {
    it('through the CLI, every profile call and every export format', async () => {
      const outputs: Array<[string, string]> = [];
      const record = (what: string, value: unknown) => outputs.push([what, typeof value === 'string' ? value : JSON.stringify(value)]);

      // 1. The CLI stores the secret (stdin only).
      const add = await runCli(
        ['profiles', 'add', 'Canary Co', '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', MAILBOX, '--expiry', '2027-06-30', '--secret-stdin', ...dd],
        { stdin: `${CANARY}\n`, env: cliEnv },
      );
      expect(add.code).toBe(0);
      record('cli add', add.stdout + add.stderr);

      // 2. Every profile call the renderer can make, against the same data folder and the real keychain.
      const store = new ProfileStore({ dataDir });
      const services = { store, vault: new Vault() };
      const coreCtx = { dataDir, version: '0.1.0', shell: 'browser', practice: false } as const;
      const handlers = { ...profileHandlers(coreCtx, services), ...desktopHandlers(coreCtx, services) } as unknown as Handlers;
      const call = async (name: keyof typeof contract & string, input: unknown) => {
        const result = await dispatch(handlers, name, input);
        record(name, result);
        if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
        return result.value as Record<string, unknown>;
      };
      const list = await call('profilesList', {});
      const id = (list['profiles'] as Array<{ id: string }>)[0]!.id;
      const chain = await certificateChain();
      await call('profileUpdate', { profileId: id, changes: { servicePrincipalObjectId: SP_OID, lastVerification: sampleReport(chain) } });
      await call('profileGet', { profileId: id });
      expect(await call('profileGet', { profileId: id })).toMatchObject({ secretStored: true, secretHint: 'def', secretStorage: 'keychain' });
      await call('secretSet', { profileId: id, secret: CANARY });
      await call('keychainStatus', {});
      await call('profileRename', { profileId: id, name: 'Canary Company' });
      const copy = await call('profileDuplicate', { profileId: id });
      await call('profileUpdate', { profileId: copy['id'], changes: { route: 'app-rbac' } });
      const exported: Record<string, string> = {};
      for (const format of ['json', 'html', 'ps1', 'pem', 'ics'] as const) {
        const file = await call('exportProfile', { profileId: id, format });
        exported[format] = String(file['content']);
        fs.writeFileSync(path.join(exportsDir, String(file['fileName'])), String(file['content']));
      }
      // copyClientSecret (browser mode) is the one call that returns the secret, on an explicit
      // click: it must give exactly the stored secret, and is the only output allowed to hold it.
      const delivered = await dispatch(handlers, 'copyClientSecret', { profileId: id });
      expect(delivered).toEqual({ ok: true, value: { mode: 'deliver', secret: CANARY, clearAfterSeconds: 60 } });
      const imported = await call('importProfile', { content: exported['json'] });
      expect(await dispatch(handlers, 'copyClientSecret', { profileId: imported['id'] })).toMatchObject({ ok: false, error: { code: 'SECRET_NOT_STORED' } });
      await call('profileDelete', { profileId: imported['id'] });
      await call('profileDelete', { profileId: copy['id'] });
      await call('profilesList', {});
      expect(Object.keys(exported)).toHaveLength(5);

      // 3. Every export through the CLI, to files and to stdout; list and show.
      for (const format of ['json', 'html', 'ps1', 'pem', 'ics']) {
        const toFile = await runCli(['export', '--profile', 'Canary Company', '--format', format, '--out', path.join(exportsDir, `cli.${format}`), ...dd], { env: cliEnv });
        expect(toFile.code).toBe(0);
        const toStdout = await runCli(['export', '--profile', 'Canary Company', '--format', format, ...dd], { env: cliEnv });
        record(`cli export ${format}`, toStdout.stdout + toStdout.stderr);
      }
      for (const args of [['profiles', 'list'], ['profiles', 'list', '--json'], ['profiles', 'show', 'Canary Company'], ['profiles', 'show', 'Canary Company', '--json']]) {
        const r = await runCli([...args, ...dd], { env: cliEnv });
        expect(r.code).toBe(0);
        record(`cli ${args.join(' ')}`, r.stdout + r.stderr);
      }

      // Positive control: the secret really is in the keychain, so zero hits below mean something.
      expect((await resolveProfileSecret('Canary Company', { dataDir })).secret).toBe(CANARY);
      expect(hits(`x${CANARY}x`)).toHaveLength(1);

      // 4. Scan: every file written (settings, exports, temp files) and every response.
      const files = [...filesUnder(dataDir), ...filesUnder(exportsDir), ...filesUnder(tmpDir)];
      expect(files.length).toBeGreaterThanOrEqual(11);
      const leaks = [
        ...files.flatMap((f) => hits(fs.readFileSync(f, 'latin1')).map(() => f)),
        ...outputs.flatMap(([what, text]) => hits(text).map(() => what)),
      ];
      expect(leaks).toEqual([]);

      // Clean up the keychain entries this test made.
      for (const p of store.list()) await call('profileDelete', { profileId: p.id });
      expect(store.list()).toEqual([]);
    }, 180_000);
  });
} else {
  describe('canary without a keychain', () => {
    it('the session-only secret never reaches a file or a response', async () => {
      const store = new ProfileStore({ dataDir });
      const services = { store, vault: new Vault() };
      const coreCtx = { dataDir, version: '0.1.0', shell: 'browser', practice: false } as const;
      const handlers = { ...profileHandlers(coreCtx, services), ...desktopHandlers(coreCtx, services) } as unknown as Handlers;
      const created = await dispatch(handlers, 'profileCreate', { name: 'Canary Co', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-06-30' });
      if (!created.ok) throw new Error(created.error.message);
      const responses: unknown[] = [created, await dispatch(handlers, 'secretSet', { profileId: created.value.id, secret: CANARY })];
      for (const format of ['json', 'html', 'ps1', 'ics'] as const) responses.push(await dispatch(handlers, 'exportProfile', { profileId: created.value.id, format }));
      expect(responses[1]).toMatchObject({ ok: true, value: { secretStorage: 'session', secretStored: true } });
      // The one call that returns it (browser mode's copy button), checked apart from the rest.
      expect(await dispatch(handlers, 'copyClientSecret', { profileId: created.value.id })).toEqual({ ok: true, value: { mode: 'deliver', secret: CANARY, clearAfterSeconds: 60 } });
      expect(hits(JSON.stringify(responses))).toEqual([]);
      expect(filesUnder(dataDir).flatMap((f) => hits(fs.readFileSync(f, 'latin1')))).toEqual([]);
    });
  });
}
