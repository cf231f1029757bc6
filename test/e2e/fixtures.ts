import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A browser-mode server of the built app, started the way a user starts it. */
export interface WizardServer {
  url: string;
  origin: string;
  port: number;
  token: string;
  dataDir: string;
}

/** Starts `ise-smtp-oauth serve` with a fresh data folder and waits for its URL line (its readiness signal). */
export async function startWizardServer(extraArgs: string[] = [], extraEnv: NodeJS.ProcessEnv = {}): Promise<WizardServer & { stop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ise-smtp-oauth-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['bin/ise-smtp-oauth.js', 'serve', '--no-open', '--port', '0', '--data-dir', dataDir, ...extraArgs], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: '/nonexistent-electron-dist', ...extraEnv },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`serve did not print its URL: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /http:\/\/127\.0\.0\.1:\d+\/\S*/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${out}`)));
  });
  const parsed = new URL(url);
  const token = /token=([^&]+)/.exec(parsed.hash)![1]!;
  return {
    url,
    origin: parsed.origin,
    port: Number(parsed.port),
    token,
    dataDir,
    async stop() {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export const test = base.extend<object, { server: WizardServer }>({
  server: [
    async ({}, use) => {
      const server = await startWizardServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
});

export { expect };
