import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// Which sign-in client the CLI takes is settled before any network call: these runs stop there.
const root = path.resolve(__dirname, '../../..');
let dataDir: string;
const args = ['setup', '--tenant-id', '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5b', '--mailbox', 'ise@contoso.com', '--route', 'classic', '--what-if', '--json'];

function cli(extra: string[], envVar: string | undefined): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve) => {
    const env: NodeJS.ProcessEnv = { ...process.env, ISE_SMTP_OAUTH_DATA_DIR: dataDir };
    delete env.ISE_SMTP_OAUTH_SIGN_IN_CLIENT_ID;
    if (envVar !== undefined) env.ISE_SMTP_OAUTH_SIGN_IN_CLIENT_ID = envVar;
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args, ...extra], { cwd: root, env });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => resolve({ code, err }));
  });
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'setup-client-id-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('setup: the sign-in client ID', () => {
  it('with no flag, no environment variable and an empty packaged default, asks for --sign-in-client-id', async () => {
    const r = await cli([], undefined);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--sign-in-client-id is required/);
  }, 60_000);

  it('takes the environment variable when no flag is given (a malformed one is named), and the flag over it', async () => {
    const fromEnv = await cli([], 'not-a-guid');
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.err).toMatch(/ISE_SMTP_OAUTH_SIGN_IN_CLIENT_ID must be an application \(client\) ID/);
    const fromFlag = await cli(['--sign-in-client-id', 'also-bad'], '0f1e2d3c-4b5a-4978-8a9b-0c1d2e3f4a5c');
    expect(fromFlag.code).toBe(2);
    expect(fromFlag.err).toMatch(/--sign-in-client-id must be an application \(client\) ID/);
  }, 60_000);
});
