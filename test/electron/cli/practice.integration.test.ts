import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runPractice } from '../../../electron/cli/practice';
import type { PracticeTenant } from '../../../electron/practice';
import { PRACTICE_SCENARIOS } from '../../../shared/practice';
import { requestToken } from '../../support/practice-wire';

const dataDir = mkdtempSync(join(tmpdir(), 'practice-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the command in-process; `during` gets the running tenant, and its end stops the command. */
async function run(argv: string[], during?: (t: PracticeTenant) => Promise<void>) {
  let out = '';
  let err = '';
  const code = await runPractice(argv, {
    out: (t) => (out += t),
    err: (t) => (err += t),
    until: async (t) => {
      if (during) await during(t);
    },
  });
  return { code, out, err };
}

describe('ise-smtp-oauth practice', () => {
  it('prints endpoints, CA file, credentials and a diagnose line that match the running tenant', async () => {
    let seen: { status: number; caFile: string; authorityHost: string; smtpPort: number } | undefined;
    const r = await run(['--scenario', 'app-rbac-healthy', '--data-dir', dataDir], async (t) => {
      seen = { status: (await requestToken(t)).status, caFile: t.caFile, authorityHost: t.authorityHost, smtpPort: t.smtpPort };
    });
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(seen?.status).toBe(200);
    expect(r.out).toContain("scenario 'app-rbac-healthy'");
    expect(r.out).toContain(`${seen!.authorityHost}/5d2f8a41-7c3e-4b9a-9e16-3f0c7a2b8d54/oauth2/v2.0/token`);
    expect(r.out).toContain(`127.0.0.1 ${seen!.smtpPort} (STARTTLS)`);
    expect(r.out).toContain(seen!.caFile);
    expect(r.out).toMatch(/Client Secret\s+Pq8~/);
    const line = r.out.split('\n').find((l) => l.includes('ise-smtp-oauth diagnose')) ?? '';
    expect(line).toContain('--secret-env ISE_SMTP_OAUTH_PRACTICE_SECRET');
    expect(line).toContain(`--authority-host ${seen!.authorityHost}`);
    expect(line).toContain(`--smtp-port ${seen!.smtpPort}`);
    expect(line).toContain('--route app-rbac');
    expect(line).toMatch(/^\s*ISE_SMTP_OAUTH_PRACTICE_SECRET='Pq8~[^']+' ise-smtp-oauth diagnose /);
  });

  it('a bad scenario name → exit 2 naming --scenario and the valid names', async () => {
    const r = await run(['--scenario', 'nope', '--data-dir', dataDir]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--scenario');
    for (const s of PRACTICE_SCENARIOS) expect(r.err).toContain(s);
    expect(r.out).toBe('');
  });

  it('a bad port or an unknown flag → exit 2 naming it', async () => {
    expect((await run(['--port', '70000', '--data-dir', dataDir])).err).toContain('--port');
    expect((await run(['--smtp-port', 'x', '--data-dir', dataDir])).code).toBe(2);
    const unknown = await run(['--colour', 'blue']);
    expect(unknown.code).toBe(2);
    expect(unknown.err).toContain('--colour');
  });
});
