import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { analyzeGuestLogs, fileInput } from '../../../../electron/core/troubleshoot/guest-log';
import { createHandlers } from '../../../../electron/core/handlers';
import { dispatch } from '../../../../electron/core/handlers/dispatch';
import { analyzeLogCommand } from '../../../../electron/cli/analyze-log';
import { lookupErrorCommand } from '../../../../electron/cli/lookup-error';
import { readLocale } from '../../../support/locale-files';

const FIXTURES = path.join(__dirname, '../../../fixtures/guest-log');
let tmp: string;

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'guest-log-'));
  // Rotated files, the oldest compressed as ISE's log bundle does: generated here, no binary in git.
  fs.writeFileSync(path.join(tmp, 'guest.log.2.gz'), gzipSync(fs.readFileSync(path.join(FIXTURES, 'rotated/guest.log.2'))));
  fs.copyFileSync(path.join(FIXTURES, 'rotated/guest.log.1'), path.join(tmp, 'guest.log.1'));
  fs.copyFileSync(path.join(FIXTURES, 'rotated/guest.log'), path.join(tmp, 'guest.log'));
  const gz = gzipSync(fs.readFileSync(path.join(FIXTURES, 'smtp-failures.log')));
  fs.writeFileSync(path.join(tmp, 'cut.log.gz'), gz.subarray(0, Math.floor(gz.length * 0.7)));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function captureStdout() {
  let out = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  const errSpy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  return { text: () => out, restore: () => (spy.mockRestore(), errSpy.mockRestore()) };
}
afterEach(() => vi.restoreAllMocks());

describe('rotated and gzipped guest.log files', () => {
  it('analyses them together in time order, whatever order they are given in', async () => {
    const files = ['guest.log', 'guest.log.2.gz', 'guest.log.1'].map((f) => fileInput(path.join(tmp, f)));
    const a = await analyzeGuestLogs(files);
    expect(a.sources.map((s) => s.name)).toEqual(['guest.log.2.gz', 'guest.log.1', 'guest.log']);
    expect(a.findings.map((f) => [f.code, f.resolvedLater])).toEqual([
      ['NET_CONNECT_TIMEOUT', true],
      ['TLS_UNTRUSTED_CHAIN', true],
      ['SMTP_AUTH_REJECTED', true],
    ]);
    // The gz file was read through zlib: its failure is there with its time.
    expect(a.findings[0]).toMatchObject({ firstSeen: '2026-02-09 03:24:58,658' });
    expect(a.timeline[0]).toMatchObject({ kind: 'test-connection', source: 'guest.log.2.gz' });
    expect(a.sends.success).toBe(1);
  });

  it('reads a gzip that ends early as far as it goes and says so', async () => {
    const a = await analyzeGuestLogs([fileInput(path.join(tmp, 'cut.log.gz'))]);
    expect(a.sources[0]).toMatchObject({ name: 'cut.log.gz', problem: 'gzip-truncated' });
    expect(a.findings.length).toBeGreaterThan(0);
  });
});

describe('contract calls', () => {
  const handlers = createHandlers({ dataDir: os.tmpdir(), version: '0.0.0-test', shell: 'browser', practice: false });

  it('analyzeLogText takes text and base64 gzip', async () => {
    const text = fs.readFileSync(path.join(FIXTURES, 'guide-connect-timeout.log'), 'utf8');
    const gzipBase64 = gzipSync(fs.readFileSync(path.join(FIXTURES, 'guide-pkix.log'))).toString('base64');
    const r = await dispatch(handlers, 'analyzeLogText', { files: [{ name: 'guest.log', text }, { name: 'guest.log.1.gz', gzipBase64 }] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.nextSteps).toEqual(['NET_CONNECT_TIMEOUT', 'TLS_UNTRUSTED_CHAIN', 'SMTP_AUTH_REJECTED']);
  });

  it('analyzeLogText rejects bad input as data, naming the field', async () => {
    const r = await dispatch(handlers, 'analyzeLogText', { files: [{ name: 'x.gz', gzipBase64: 'aGVsbG8=' }] });
    expect(r).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT', field: 'files.0.gzipBase64' } });
    const both = await dispatch(handlers, 'analyzeLogText', { files: [{ name: 'x', text: 'a', gzipBase64: 'aGVsbG8=' }] });
    expect(both.ok).toBe(false);
  });

  it('lookupError ranks the causes of a pasted text', async () => {
    const r = await dispatch(handlers, 'lookupError', { text: 'Error acquiring token: PKIX path building failed' });
    expect(r.ok && r.value.matches[0]?.code).toBe('TLS_UNTRUSTED_CHAIN');
  });
});

describe('CLI', () => {
  it('analyze-log --json prints the analysis and exits 1 on an unresolved failure', async () => {
    const out = captureStdout();
    const code = await analyzeLogCommand.run([path.join(FIXTURES, 'guide-connect-timeout.log'), '--json']);
    out.restore();
    expect(code).toBe(1);
    expect(JSON.parse(out.text()).nextSteps).toEqual(['NET_CONNECT_TIMEOUT']);
  });

  it('analyze-log prints a readable summary and exits 0 on a healthy log', async () => {
    const out = captureStdout();
    const code = await analyzeLogCommand.run([path.join(FIXTURES, 'interleaved-noise.log')]);
    out.restore();
    expect(code).toBe(0);
    expect(out.text()).toContain('Slow sends (over 10 s): 1');
    expect(out.text()).toContain('send-success 12503 ms');
    expect(out.text()).toContain('nothing: no failure recognised');
  });

  it('analyze-log gives next steps in English and exits 2 on bad usage', async () => {
    const out = captureStdout();
    const code = await analyzeLogCommand.run([path.join(FIXTURES, 'guide-pkix.log'), '--lang', 'en']);
    const missing = await analyzeLogCommand.run([path.join(tmp, 'nope.log')]);
    const none = await analyzeLogCommand.run([]);
    out.restore();
    expect(code).toBe(1);
    expect(out.text()).toMatch(/1\. TLS_UNTRUSTED_CHAIN: Export the CA chain/);
    expect([missing, none]).toEqual([2, 2]);
  });

  it('lookup-error explains a GUI text; exits 1 when nothing is recognised, 2 without text', async () => {
    const out = captureStdout();
    const ok = await lookupErrorCommand.run(['Invalid', 'client', 'secret']);
    const unknown = await lookupErrorCommand.run(['all good']);
    const usage = await lookupErrorCommand.run([]);
    out.restore();
    expect([ok, unknown, usage]).toEqual([0, 1, 2]);
    expect(out.text()).toMatch(/^1\. TOKEN_SECRET_INVALID \(step app-registration/m);
  });

  it('lookup-error and analyze-log give the wizard\'s fix texts in the --lang language', async () => {
    const de = (readLocale('de')!.findings as Record<string, Record<string, string>>);
    const out = captureStdout();
    await lookupErrorCommand.run(['Invalid', 'client', 'secret', '--lang', 'de']);
    await analyzeLogCommand.run([path.join(FIXTURES, 'guide-pkix.log'), '--lang', 'de']);
    out.restore();
    expect(out.text()).toContain(de.TOKEN_SECRET_INVALID!.fix);
    expect(out.text()).toContain(`1. TLS_UNTRUSTED_CHAIN: ${de.TLS_UNTRUSTED_CHAIN!.fix}`);
  });
});
