import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openProfileService, runProfiles, type ConfirmIo } from '../../../electron/cli/profiles';

// `profiles delete` asks on a terminal, and takes --yes for scripts; the terminal is played here.
let dataDir: string;
beforeEach(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'cli-delete-'));
  await openProfileService(dataDir).create({
    name: 'Contoso HQ',
    tenantId: '11111111-2222-4333-8444-555555555555',
    clientId: '66666666-7777-4888-9999-000000000000',
    mailbox: 'no-reply@contoso.example',
    customer: '',
    iseVersion: '',
    route: 'classic',
    practice: false,
  });
});
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

async function del(extra: string[], io: ConfirmIo): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await runProfiles(['delete', 'Contoso HQ', '--data-dir', dataDir, ...extra], io), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
const names = async () => (await openProfileService(dataDir).list()).map((p) => p.name);

describe('ise-smtp-oauth profiles delete', () => {
  it('on a terminal asks first and keeps the profile unless the answer is yes', async () => {
    const questions: string[] = [];
    const io = (answer: string): ConfirmIo => ({ interactive: true, ask: async (q) => (questions.push(q), answer) });
    const no = await del([], io('n'));
    expect(no.code).toBe(1);
    expect(no.out).toContain('kept profile "Contoso HQ"');
    expect(await names()).toEqual(['Contoso HQ']);
    expect(questions[0]).toMatch(/Delete profile "Contoso HQ".*\[y\/N\]/);
    expect((await del([], io(''))).code).toBe(1);
    expect(await names()).toEqual(['Contoso HQ']);
    expect((await del([], io('yes'))).code).toBe(0);
    expect(await names()).toEqual([]);
  });

  it('without a terminal refuses unless --yes, and never asks', async () => {
    const ask = vi.fn(async () => 'y');
    const refused = await del([], { interactive: false, ask });
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('add --yes');
    expect(await names()).toEqual(['Contoso HQ']);
    const yes = await del(['--yes'], { interactive: false, ask });
    expect(yes.code).toBe(0);
    expect(ask).not.toHaveBeenCalled();
    expect(await names()).toEqual([]);
  });
});
