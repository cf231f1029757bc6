import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { keychainStatus, type KeychainStatus } from '../../electron/core/vault/keychain-status';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The real keychain's status. With ISE_SMTP_OAUTH_REQUIRE_KEYCHAIN=1 (CI) an unavailable
 * keychain is a failure, not a reason to skip.
 */
export async function realKeychain(): Promise<KeychainStatus> {
  const status = await keychainStatus();
  if (!status.available && process.env['ISE_SMTP_OAUTH_REQUIRE_KEYCHAIN'] === '1') {
    throw new Error(`the OS keychain is required here but unavailable: ${status.reason ?? ''} ${status.detail ?? ''}`);
  }
  return status;
}

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the real `ise-smtp-oauth` entry (through tsx) with the given stdin and environment. */
export function runCli(args: string[], opts: { stdin?: string; env?: NodeJS.ProcessEnv } = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'electron/cli.ts', ...args], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 25_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.end(opts.stdin ?? '');
  });
}
