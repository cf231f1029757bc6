import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../../..');
let dataDir: string;

function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ISE_SMTP_OAUTH_DATA_DIR: dataDir };
    delete env.DISPLAY;
    delete env.WAYLAND_DISPLAY;
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], { cwd: root, env });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const timer = setTimeout(() => child.kill(), 90_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, out, err });
    });
  });
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = path.join(dir, n);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'setup-cli-'));
});
afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe('ise-smtp-oauth setup --practice', () => {
  it.each(['classic', 'app-rbac'] as const)('%s: setup --practice --json, then diagnose --profile passes, with no browser', async (route) => {
    const setup = await cli(['setup', '--practice', '--route', route, '--json']);
    expect(setup.err).not.toMatch(/unexpected failure/);
    expect(setup.code).toBe(0);
    const report = JSON.parse(setup.out) as { ok: boolean; profile: { name: string; clientId: string }; created: string[]; audit: { upn: string }[]; calls: { total: number } };
    expect(report.ok).toBe(true);
    expect(report.profile.name).toBe(`practice-automated-${route}`);
    expect(report.created).toContain('application');
    expect(report.audit[0]?.upn).toBe('admin@contoso-practice.onmicrosoft.com');
    const diag = await cli(['diagnose', '--profile', report.profile.name, '--json']);
    expect(diag.code).toBe(0);
    const d = JSON.parse(diag.out) as { ok: boolean; target: { clientId: string } };
    expect(d.ok).toBe(true);
    expect(d.target.clientId).toBe(report.profile.clientId);
  }, 120_000);

  it('device code with the practice tenant approves itself; --what-if on the stored profile plans only reuse', async () => {
    const r = await cli(['setup', '--practice', '--route', 'classic', '--device-code', '--what-if', '--json']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/To sign in, use a web browser to open the page .* and enter the code/);
    const plan = JSON.parse(r.out) as { whatIf: boolean; plan: { action: string }[] };
    expect(plan.whatIf).toBe(true);
    expect(plan.plan.filter((p) => p.action === 'create')).toEqual([]);
  }, 120_000);

  it('undo removes what it created and the profile', async () => {
    const r = await cli(['setup', '--practice', '--route', 'classic', '--undo', '--json']);
    expect(r.code).toBe(0);
    const u = JSON.parse(r.out) as { profileDeleted: boolean; removed: string[] };
    expect(u.profileDeleted).toBe(true);
    expect(u.removed[u.removed.length - 1]).toBe('application');
  }, 120_000);

  it('bad usage exits 2 naming the flag', async () => {
    const r = await cli(['setup', '--tenant-id', 'not a tenant', '--mailbox', 'x@y.z', '--route', 'classic', '--sign-in-client-id', '4a7d1e93-6c2b-4f85-9e0a-b3d5c7f19e28']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--tenant-id');
  }, 60_000);

  it('no admin token or client secret lands in any file of the data folder', () => {
    // Tokens are JWTs (eyJ…); the secret Value shape has a "~" after 3+1 characters (Entra's).
    for (const f of filesUnder(dataDir)) {
      const text = readFileSync(f, 'utf8');
      expect(text, f).not.toMatch(/eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/);
      expect(text, f).not.toMatch(/"secretText"\s*:\s*"[^"]+"/);
    }
  });
});
