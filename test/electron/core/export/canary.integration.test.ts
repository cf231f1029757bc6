import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { desktopHandlers } from '../../../../electron/core/handlers/desktop';
import { draftSecretHandlers } from '../../../../electron/core/handlers/draft-secret';
import { forgetDraftSecretOn } from '../../../../electron/core/handlers/forget-draft-secret';
import { DraftSecretStore } from '../../../../electron/core/profiles/draft-secret';
import { fleetHandlers } from '../../../../electron/core/handlers/fleet';
import { resolveProfileSecret } from '../../../../electron/core/profiles/resolve';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { iseHandlers } from '../../../../electron/core/handlers/ise';
import { startPracticeTenant } from '../../../../electron/practice';
import { startPracticeIse } from '../../../../electron/practice/ise';
import { iseAccount } from '../../../../shared/ise-api/connection';
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

/** The proxy password inside a proxy URL: a secret too (issue 17 point 5). */
const PROXY_CANARY = 'PROXYCANARY~pw_0987654321';
const PROXY_URL = `http://svc-ise:${PROXY_CANARY}@proxy.canary.test:3128`;
const forms = (secret: string) => [secret, Buffer.from(secret).toString('base64'), encodeURIComponent(secret), Buffer.from(secret).toString('hex')];
/** Every form a secret could leak in: as is, base64, URL-encoded, hex. */
const needles = [...new Set([...forms(CANARY), ...forms(PROXY_CANARY)])];

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
      const drafts = new DraftSecretStore();
      const handlers = forgetDraftSecretOn(
        { ...profileHandlers(coreCtx, services), ...fleetHandlers(coreCtx, services), ...desktopHandlers(coreCtx, services), ...draftSecretHandlers(coreCtx, services, drafts) } as unknown as Handlers,
        drafts,
      );
      const call = async (name: keyof typeof contract & string, input: unknown) => {
        const result = await dispatch(handlers, name, input);
        record(name, result);
        if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
        return result.value as Record<string, unknown>;
      };
      const list = await call('profilesPage', {});
      const id = (list['profiles'] as Array<{ id: string }>)[0]!.id;
      const chain = await certificateChain();
      await call('profileUpdate', { profileId: id, changes: { servicePrincipalObjectId: SP_OID, proxy: PROXY_URL } });
      store.update(id, { lastVerification: sampleReport(chain) }); // only main records a verification
      await call('profileGet', { profileId: id });
      const view = await call('profileGet', { profileId: id });
      expect(view).toMatchObject({ secretStored: true, secretStorage: 'keychain' });
      expect(view).not.toHaveProperty('secretHint');
      await call('secretSet', { profileId: id, secret: CANARY });
      // The typed-but-unsaved secret (issue 13 point 3): kept in main's memory, saved by main,
      // and no answer (status, put, save, or a refusal) carries it.
      expect(await call('draftSecretPut', { key: 'new', secret: CANARY })).toEqual({ kept: true, length: CANARY.length });
      expect(await call('draftSecretStatus', { key: 'new' })).toEqual({ kept: true, length: CANARY.length });
      await call('draftSecretPut', { key: id, secret: CANARY });
      await call('draftSecretSave', { key: id, profileId: id });
      expect(await call('draftSecretStatus', { key: id })).toEqual({ kept: false });
      await call('draftSecretPut', { key: id, secret: `${CANARY}x`.slice(0, 1024) });
      record('draftSecretSave (no profile)', await dispatch(handlers, 'draftSecretSave', { key: id, profileId: '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71' }));
      await call('draftSecretPut', { key: id, secret: '' });
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
      await call('profilesPage', {});
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
      const resolved = await resolveProfileSecret('Canary Company', { dataDir });
      expect(resolved.secret).toBe(CANARY);
      expect(resolved.proxy).toBe(PROXY_URL);
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

  describe('canary: no fragment of the client secret in any response', () => {
    /**
     * Every 3 characters of it hold a "~", which no response has of its own (a UUID, a date,
     * base64 of a certificate never do), so any 3-character piece found is a piece of the secret:
     * the old "Stored ~Rm***" hint (its last 3 characters) is one.
     */
    const FRAGMENT_CANARY = 'Qx~7Z~k4~Wv~9J~p2~Rm';
    const fragments = (secret: string, min = 3): string[] => {
      const out = new Set<string>();
      for (let n = min; n <= secret.length; n++) for (let i = 0; i + n <= secret.length; i++) out.add(secret.slice(i, i + n));
      return [...out];
    };
    const pieces = fragments(FRAGMENT_CANARY);
    const piecesIn = (text: string) => pieces.filter((f) => text.includes(f));

    it('profile calls, exports and the CLI list and show carry no 3-character piece of it', async () => {
      // Positive control: the scan finds a hint such as Entra's "abc***".
      expect(piecesIn(`Stored ${FRAGMENT_CANARY.slice(-3)}***`)).toEqual([FRAGMENT_CANARY.slice(-3)]);
      expect(pieces.every((f) => f.includes('~'))).toBe(true);
      const outputs: Array<[string, string]> = [];
      const record = (what: string, value: unknown) => outputs.push([what, typeof value === 'string' ? value : JSON.stringify(value)]);
      const add = await runCli(['profiles', 'add', 'Fragment Co', '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', MAILBOX, '--expiry', '2027-06-30', '--secret-stdin', ...dd], {
        stdin: `${FRAGMENT_CANARY}\n`,
        env: cliEnv,
      });
      expect(add.code).toBe(0);
      record('cli add', add.stdout + add.stderr);
      const store = new ProfileStore({ dataDir });
      const vault = new Vault();
      const ctx = { dataDir, version: '0.1.0', shell: 'browser', practice: false } as const;
      const handlers = { ...profileHandlers(ctx, { store, vault }), ...fleetHandlers(ctx, { store, vault }) } as unknown as Handlers;
      const call = async (name: keyof typeof contract & string, input: unknown) => {
        const result = await dispatch(handlers, name, input);
        record(name, result);
        if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
        return result.value as Record<string, unknown>;
      };
      const id = store.list().find((p) => p.name === 'Fragment Co')!.id;
      expect(await vault.get(id)).toBe(FRAGMENT_CANARY); // the secret really is stored
      await call('profilesPage', {});
      await call('profilesPage', { offset: 0, limit: 50 });
      await call('profileGet', { profileId: id });
      await call('secretSet', { profileId: id, secret: FRAGMENT_CANARY });
      await call('keychainStatus', {});
      const copy = await call('profileDuplicate', { profileId: id });
      for (const format of ['json', 'html', 'ps1', 'ics'] as const) await call('exportProfile', { profileId: id, format });
      for (const args of [['profiles', 'list'], ['profiles', 'list', '--json'], ['profiles', 'show', 'Fragment Co'], ['profiles', 'show', 'Fragment Co', '--json']]) {
        const r = await runCli([...args, ...dd], { env: cliEnv });
        expect(r.code).toBe(0);
        record(`cli ${args.join(' ')}`, r.stdout + r.stderr);
      }
      const leaks = outputs.flatMap(([what, text]) => piecesIn(text).map((piece) => `${what}: ${piece}`));
      expect(leaks).toEqual([]);
      await call('profileDelete', { profileId: copy['id'] });
      await call('profileDelete', { profileId: id });
    }, 120_000);
  });

  describe('canary: the ISE admin password appears nowhere but the keychain', () => {
    const ISE_CANARY = 'IseCanary-7f3a9c-Do-Not-Leak!';
    const iseNeedles = [...new Set([ISE_CANARY, Buffer.from(ISE_CANARY).toString('base64'), encodeURIComponent(ISE_CANARY), Buffer.from(ISE_CANARY).toString('hex'), Buffer.from(`admin:${ISE_CANARY}`).toString('base64')])];

    it('through the ISE CLI (stdin, then the keychain), the ISE calls, the audit trail and the profile file', async () => {
      const tenant = await startPracticeTenant({ dataDir: path.join(root, 'ise-practice') });
      const ise = await startPracticeIse({ dataDir: path.join(root, 'ise-practice'), password: ISE_CANARY, mailbox: tenant.credentials().mailbox });
      const outputs: Array<[string, string]> = [];
      const record = (what: string, value: unknown) => outputs.push([what, typeof value === 'string' ? value : JSON.stringify(value)]);
      try {
        const add = await runCli(['profiles', 'add', 'ISE Canary Co', '--tenant-id', TENANT, '--client-id', CLIENT, '--mailbox', tenant.credentials().mailbox, '--secret-stdin', ...dd], { stdin: `${CANARY}\n`, env: cliEnv });
        expect(add.code).toBe(0);
        const reach = ['--ise-ers-port', String(ise.ersPort), '--ise-api-port', String(ise.apiPort), '--authority-host', tenant.authorityHost, '--smtp-host', tenant.smtpHost, '--smtp-port', String(tenant.smtpPort), ...dd];
        // 1. First contact: the password on stdin goes to the keychain under the profile; the fingerprint is accepted and pinned.
        const first = await runCli(['ise', 'inspect', '--profile', 'ISE Canary Co', '--ise-host', ise.host, '--ise-user', 'admin', '--ise-password-stdin', '--ise-fingerprint', ise.adminSha256, '--json', ...reach], { stdin: `${ISE_CANARY}\n`, env: cliEnv });
        record('cli ise inspect (stdin)', first.stdout + first.stderr);
        expect(JSON.parse(first.stdout).pin).toBe('matched');
        // 2. Later runs: password from the keychain, pin from the profile; import and a text report.
        const imported = await runCli(['ise', 'import-cas', '--profile', 'ISE Canary Co', '--json', ...reach], { env: cliEnv });
        record('cli ise import-cas', imported.stdout + imported.stderr);
        expect(imported.code).toBe(0);
        const text = await runCli(['ise', 'inspect', '--profile', 'ISE Canary Co', ...reach], { env: cliEnv });
        record('cli ise inspect (text)', text.stdout + text.stderr);
        expect(text.code).toBe(0);
        // A wrong password's failure report does not echo what was typed either.
        const wrong = await runCli(['ise', 'inspect', '--ise-host', ise.host, '--ise-user', 'admin', '--ise-password-stdin', '--ise-fingerprint', ise.adminSha256, '--json', ...reach], { stdin: `${ISE_CANARY}-typo\n`, env: cliEnv });
        record('cli ise inspect (wrong password)', wrong.stdout + wrong.stderr);

        // 3. The renderer's ISE calls, with the real keychain.
        const store = new ProfileStore({ dataDir });
        const vault = new Vault();
        const profileId = store.find('ISE Canary Co')!.id;
        expect(await vault.get(iseAccount(profileId))).toBe(ISE_CANARY);
        const handlers = iseHandlers({ dataDir, version: '0.1.0', shell: 'browser', practice: false }, { store, vault }) as unknown as Handlers;
        for (const [name, input] of [
          ['iseConnect', { profileId, host: ise.host, username: 'admin', password: ISE_CANARY, ersPort: ise.ersPort, apiPort: ise.apiPort }],
          ['iseConnectionGet', { profileId }],
          ['iseInspect', { profileId }],
          ['iseImportCas', { profileId, whatIf: true }],
        ] as const) {
          const r = await dispatch(handlers, name, input);
          record(name, r);
          expect(r.ok, `${name} ${JSON.stringify(r).slice(0, 300)}`).toBe(true);
        }
      } finally {
        await Promise.all([ise.close(), tenant.close()]);
      }
      const leaks = [
        ...outputs.filter(([, text]) => iseNeedles.some((n) => text.includes(n))).map(([what]) => what),
        ...[...filesUnder(dataDir), ...filesUnder(tmpDir)].filter((f) => iseNeedles.some((n) => fs.readFileSync(f).toString('latin1').includes(n))),
      ];
      expect(leaks).toEqual([]);
      expect(fs.existsSync(path.join(dataDir, 'audit', 'ise.jsonl'))).toBe(true);
    }, 180_000);
  });
} else {
  describe('canary without a keychain', () => {
    it('the session-only secret never reaches a file or a response', async () => {
      const store = new ProfileStore({ dataDir });
      const services = { store, vault: new Vault() };
      const coreCtx = { dataDir, version: '0.1.0', shell: 'browser', practice: false } as const;
      const drafts = new DraftSecretStore();
      const handlers = { ...profileHandlers(coreCtx, services), ...fleetHandlers(coreCtx, services), ...desktopHandlers(coreCtx, services), ...draftSecretHandlers(coreCtx, services, drafts) } as unknown as Handlers;
      const created = await dispatch(handlers, 'profileCreate', { name: 'Canary Co', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT, secretExpiry: '2027-06-30', proxy: PROXY_URL });
      if (!created.ok) throw new Error(created.error.message);
      const responses: unknown[] = [
        created,
        await dispatch(handlers, 'draftSecretPut', { key: created.value.id, secret: CANARY }),
        await dispatch(handlers, 'draftSecretStatus', { key: created.value.id }),
        await dispatch(handlers, 'draftSecretSave', { key: created.value.id, profileId: created.value.id }),
      ];
      responses.splice(1, 0, await dispatch(handlers, 'secretSet', { profileId: created.value.id, secret: CANARY }));
      for (const format of ['json', 'html', 'ps1', 'ics'] as const) responses.push(await dispatch(handlers, 'exportProfile', { profileId: created.value.id, format }));
      responses.push(await dispatch(handlers, 'profilesPage', {}), await dispatch(handlers, 'profileGet', { profileId: created.value.id }));
      expect(responses[1]).toMatchObject({ ok: true, value: { secretStorage: 'session', secretStored: true } });
      // The one call that returns it (browser mode's copy button), checked apart from the rest.
      expect(await dispatch(handlers, 'copyClientSecret', { profileId: created.value.id })).toEqual({ ok: true, value: { mode: 'deliver', secret: CANARY, clearAfterSeconds: 60 } });
      expect(hits(JSON.stringify(responses))).toEqual([]);
      expect(filesUnder(dataDir).flatMap((f) => hits(fs.readFileSync(f, 'latin1')))).toEqual([]);
    });
  });
}

if (status.available) {
  describe('canary: admin tokens and the secret the automated setup creates appear nowhere', () => {
    it('setup, what-if, second run, export and undo on the practice tenant', async () => {
      const { startAutomationHarness, setupOptions } = await import('../../../support/automation-harness');
      const h = await startAutomationHarness();
      const written: string[] = [];
      const out = (chunk: unknown) => {
        written.push(String(chunk));
        return true;
      };
      const so = process.stdout.write.bind(process.stdout);
      const se = process.stderr.write.bind(process.stderr);
      try {
        const events: unknown[] = [];
        const a = await h.signedIn({ onProgress: (e) => events.push(e) });
        const adminTokens = [await a.session.graphToken(), await a.session.exchangeToken()];
        process.stdout.write = out as typeof process.stdout.write;
        process.stderr.write = out as typeof process.stderr.write;
        const results: unknown[] = [await a.setup(setupOptions(h, 'classic'), true), await a.setup(setupOptions(h, 'classic')), await a.setup(setupOptions(h, 'classic'))];
        const profile = h.profiles.resolve('auto-classic');
        const secret = (await h.profiles.vault.get(profile.id))!;
        expect(secret.length).toBeGreaterThan(16); // positive control: the secret exists, in the keychain
        const handlers = profileHandlers({ dataDir: h.dataDir, version: '0.1.0', shell: 'browser', practice: false }, h.profiles.services) as unknown as Handlers;
        for (const format of ['json', 'html', 'ps1'] as const) results.push(await dispatch(handlers, 'exportProfile', { profileId: profile.id, format }));
        results.push(await dispatch(handlers, 'profileGet', { profileId: profile.id }));
        const filesBeforeUndo = filesUnder(h.dataDir).map((f) => fs.readFileSync(f, 'latin1'));
        results.push(await a.undo('auto-classic'));
        process.stdout.write = so;
        process.stderr.write = se;
        const forms = (s: string) => [s, Buffer.from(s).toString('base64'), encodeURIComponent(s)];
        const secretNeedles = [...adminTokens.flatMap(forms), ...forms(secret), ...adminTokens.map((t) => t.split('.')[2]!)];
        const haystacks = [...filesBeforeUndo, ...filesUnder(h.dataDir).map((f) => fs.readFileSync(f, 'latin1')), JSON.stringify(results), JSON.stringify(events), written.join('')];
        const leaks = haystacks.flatMap((text, i) => secretNeedles.filter((n) => text.includes(n)).map(() => i));
        expect(leaks).toEqual([]);
      } finally {
        process.stdout.write = so;
        process.stderr.write = se;
        await h.close();
      }
    }, 120_000);
  });
}
