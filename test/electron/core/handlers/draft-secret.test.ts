import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { bindContract, channelFor, type IpcMainLike } from '../../../../electron/ipc';
import { dispatch, type Handlers } from '../../../../electron/core/handlers/dispatch';
import { draftSecretHandlers } from '../../../../electron/core/handlers/draft-secret';
import { forgetDraftSecretOn } from '../../../../electron/core/handlers/forget-draft-secret';
import { createHandlers } from '../../../../electron/core/handlers';
import { profileHandlers } from '../../../../electron/core/handlers/profiles';
import { DraftSecretStore, processDraftSecrets } from '../../../../electron/core/profiles/draft-secret';
import { ProfileStore } from '../../../../electron/core/profiles/store';
import { Vault } from '../../../../electron/core/vault/vault';
import { contract } from '../../../../shared/contract';
import { CANARY, CLIENT, MAILBOX, TENANT, memoryKeytar } from '../../../support/profile-fixtures';

let dir: string;
const ctx = () => ({ dataDir: dir, version: '0.1.0', shell: 'browser' as const, practice: false });

function setup() {
  const store = new ProfileStore({ dataDir: dir });
  const keytar = memoryKeytar();
  const services = { store, vault: new Vault({ keytar }) };
  const drafts = new DraftSecretStore();
  const base = { ...profileHandlers(ctx(), services), ...draftSecretHandlers(ctx(), services, drafts), automationSignOut: async () => ({ signedIn: false }) } as unknown as Handlers;
  const handlers = forgetDraftSecretOn(base, drafts);
  const responses: unknown[] = [];
  const call = async <K extends keyof typeof contract & string>(name: K, input: unknown) => {
    const result = await dispatch(handlers, name, input);
    responses.push(result);
    if (result.ok && name !== 'automationSignOut') contract[name].output.parse(result.value);
    return result;
  };
  const profile = async () => {
    const r = await call('profileCreate', { name: 'Contoso', mailbox: MAILBOX, tenantId: TENANT, clientId: CLIENT });
    if (!r.ok) throw new Error(r.error.message);
    return (r.value as { id: string }).id;
  };
  return { call, profile, keytar, drafts, responses };
}

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'draft-secret-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('draft secret calls', () => {
  it('put → status → save: main substitutes the kept secret into the keychain and forgets it; no answer holds it', async () => {
    const { call, profile, keytar, responses } = setup();
    expect(await call('draftSecretPut', { key: 'new', secret: CANARY })).toEqual({ ok: true, value: { kept: true, length: CANARY.length } });
    expect(await call('draftSecretStatus', { key: 'new' })).toEqual({ ok: true, value: { kept: true, length: CANARY.length } });
    const id = await profile();
    const saved = await call('draftSecretSave', { key: 'new', profileId: id });
    expect(saved).toMatchObject({ ok: true, value: { secretStored: true, secretStorage: 'keychain' } });
    expect([...keytar.entries.values()]).toContain(CANARY);
    expect(await call('draftSecretStatus', { key: 'new' })).toEqual({ ok: true, value: { kept: false } });
    expect(await call('draftSecretStatus', { key: id })).toEqual({ ok: true, value: { kept: false } });
    expect(JSON.stringify(responses)).not.toContain(CANARY);
    expect(fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => fs.readFileSync(path.join(e.parentPath, e.name), 'latin1')).join('')).not.toContain(CANARY);
  });

  it('a kept Secret ID is refused on save with its rule key, and stays kept under the profile', async () => {
    const { call, profile, keytar } = setup();
    await call('draftSecretPut', { key: 'new', secret: CLIENT });
    const id = await profile();
    const r = await call('draftSecretSave', { key: 'new', profileId: id });
    expect(r).toEqual({ ok: false, error: { code: 'INVALID_INPUT', message: 'secret looks like a Secret ID (a GUID): copy the Value column instead', field: 'secret', params: { rule: 'secretLooksLikeId' } } });
    expect(keytar.entries.size).toBe(0);
    expect(await call('draftSecretStatus', { key: id })).toEqual({ ok: true, value: { kept: true, length: 36, problem: 'secretLooksLikeId' } });
  });

  it('nothing kept: DRAFT_SECRET_NONE naming the secret field; an unknown profile keeps the secret', async () => {
    const { call } = setup();
    const unknown = '6a0f4c8e-1d3b-4b7a-9c2e-8f5d0a6b3e71';
    expect(await call('draftSecretSave', { key: 'new', profileId: unknown })).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    await call('draftSecretPut', { key: 'new', secret: CANARY });
    expect(await call('draftSecretSave', { key: 'new', profileId: unknown })).toMatchObject({ ok: false, error: { code: 'PROFILE_NOT_FOUND' } });
    expect(await call('draftSecretStatus', { key: 'new' })).toMatchObject({ ok: true, value: { kept: true } });
  });

  it('DRAFT_SECRET_NONE when nothing is kept for the key', async () => {
    const { call, profile } = setup();
    const id = await profile();
    expect(await call('draftSecretSave', { key: id, profileId: id })).toMatchObject({ ok: false, error: { code: 'DRAFT_SECRET_NONE', field: 'secret' } });
  });

  it('is forgotten when a secret is saved for the profile, when the profile is deleted, and on sign-out', async () => {
    const { call, profile } = setup();
    const id = await profile();
    await call('draftSecretPut', { key: id, secret: 'typed-but-not-saved' });
    await call('secretSet', { profileId: id, secret: CANARY });
    expect(await call('draftSecretStatus', { key: id })).toEqual({ ok: true, value: { kept: false } });

    await call('draftSecretPut', { key: id, secret: 'typed-again' });
    await call('automationSignOut', {});
    expect(await call('draftSecretStatus', { key: id })).toEqual({ ok: true, value: { kept: false } });

    await call('draftSecretPut', { key: id, secret: 'typed-once-more' });
    await call('profileDelete', { profileId: id });
    expect(await call('draftSecretStatus', { key: id })).toEqual({ ok: true, value: { kept: false } });
  });

  it('the process handlers (what IPC and browser mode bind) keep it in this process and forget it on sign-out', async () => {
    const handlers = createHandlers(ctx());
    const listeners = new Map<string, (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>>();
    const ipc: IpcMainLike = { handle: (channel, listener) => void listeners.set(channel, listener) };
    bindContract(ipc, handlers, () => true);
    const event = { sender: { id: 1 } } as unknown as IpcMainInvokeEvent;
    const viaIpc = (name: string, input: unknown) => listeners.get(channelFor(name as keyof typeof contract & string))!(event, input);
    expect(await viaIpc('draftSecretPut', { key: 'new', secret: CANARY })).toEqual({ ok: true, value: { kept: true, length: CANARY.length } });
    // Browser mode dispatches to the same handlers object: the same memory answers.
    expect(await dispatch(handlers, 'draftSecretStatus', { key: 'new' })).toEqual({ ok: true, value: { kept: true, length: CANARY.length } });
    expect(processDraftSecrets().take('new')).toBe(CANARY);
    await dispatch(handlers, 'automationSignOut', {});
    expect(await viaIpc('draftSecretStatus', { key: 'new' })).toEqual({ ok: true, value: { kept: false } });
  });
});
