import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { runDiagnose, type DiagnoseCommandDeps } from '../../../../electron/cli/diagnose';
import { startPracticeTenant, type PracticeTenant } from '../../../../electron/practice';
import { DiagnosticReportSchema } from '../../../../shared/diagnostic-report';

let dataDir: string;
let tenant: PracticeTenant;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'diag-watch-'));
  tenant = await startPracticeTenant({ dataDir });
});
afterAll(async () => {
  await tenant?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

/** A fake clock that only moves when the watch sleeps: the backoff is observed, not waited for. */
function fakeTime(onSleep?: (call: number) => void): DiagnoseCommandDeps & { sleeps: number[] } {
  let t = 0;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => t,
    sleep: async (ms) => {
      sleeps.push(ms);
      t += ms;
      onSleep?.(sleeps.length);
    },
  };
}

async function run(argv: string[], deps: DiagnoseCommandDeps): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { code: await runDiagnose(argv, deps), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

function practiceArgs(): string[] {
  const c = tenant.credentials();
  process.env.DIAG_WATCH_SECRET = c.clientSecret;
  return [
    '--json', '--tenant-id', c.tenantId, '--client-id', c.clientId, '--mailbox', c.mailbox, '--secret-env', 'DIAG_WATCH_SECRET',
    '--authority-host', tenant.authorityHost, '--smtp-host', tenant.smtpHost, '--smtp-port', String(tenant.smtpPort),
    '--ca-file', tenant.caFile, '--timeout', '3',
  ];
}

const progressLines = (err: string) => err.split('\n').filter((l) => l.startsWith('watch: attempt'));

describe('ise-smtp-oauth diagnose --watch', () => {
  it('keeps re-checking through 535 5.7.3 and exits 0 on the first run that passes', async () => {
    tenant.setScenario('no-mailbox-permission');
    const args = practiceArgs();
    // Add-MailboxPermission "propagates" while the watch sleeps after its 2nd attempt.
    const time = fakeTime((call) => call === 2 && tenant.setScenario('healthy'));
    const { code, out, err } = await run([...args, '--watch', '--until', '2h'], time);
    expect(code, err).toBe(0);
    expect(time.sleeps).toEqual([30_000, 60_000]);
    const lines = progressLines(err);
    expect(lines).toEqual([
      'watch: attempt 1, 0s elapsed, still failing: SMTP_AUTH_REJECTED; next check in 30s',
      'watch: attempt 2, 30s elapsed, still failing: SMTP_AUTH_REJECTED; next check in 1m00s',
    ]);
    expect(err).toContain('watch: passed on attempt 3, 1m30s elapsed');
    // stdout stays exactly one JSON document: the last (passing) report.
    const report = DiagnosticReportSchema.parse(JSON.parse(out));
    expect(report.ok).toBe(true);
    expect(out + err).not.toContain(tenant.credentials().clientSecret);
  });

  it('stops at once on a failure that waiting cannot heal (wrong secret), exit 1, saying why', async () => {
    tenant.setScenario('wrong-secret');
    const time = fakeTime();
    const { code, out, err } = await run([...practiceArgs(), '--watch'], time);
    expect(code).toBe(1);
    expect(time.sleeps).toEqual([]);
    expect(progressLines(err)).toHaveLength(1);
    expect(err).toMatch(/watch: stopped on attempt 1, 0s elapsed: TOKEN_SECRET_INVALID will not heal by waiting/);
    expect(JSON.parse(out).findings.map((f: { code: string }) => f.code)).toContain('TOKEN_SECRET_INVALID');
  });

  it('exits 1 when --until elapses with the failure still there (last attempt lands on the limit)', async () => {
    tenant.setScenario('no-mailbox-permission');
    const time = fakeTime();
    const { code, out, err } = await run([...practiceArgs(), '--watch', '--until', '4m'], time);
    expect(code).toBe(1);
    // 30 s, 60 s, 120 s, then only the 30 s left before the limit.
    expect(time.sleeps).toEqual([30_000, 60_000, 120_000, 30_000]);
    expect(progressLines(err)).toHaveLength(5);
    expect(err).toContain('watch: gave up after --until 4m (attempt 5, 4m00s elapsed); still failing: SMTP_AUTH_REJECTED');
    expect(JSON.parse(out).ok).toBe(false);
  });

  it('exits 2 naming --until when it is malformed or given without --watch', async () => {
    const args = practiceArgs();
    for (const bad of ['2 hours', '0m', '-5s', '1d', '']) {
      const r = await run([...args, '--watch', `--until=${bad}`], fakeTime());
      expect(r.code, bad).toBe(2);
      expect(r.err).toContain('--until must be a duration such as 90s, 45m or 2h');
      expect(r.out).toBe('');
    }
    const r = await run([...args, '--until', '90s'], fakeTime());
    expect(r.code).toBe(2);
    expect(r.err).toContain('--until needs --watch');
  });
});
