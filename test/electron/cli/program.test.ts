import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, main, wantsHelp } from '../../../electron/cli/program';

async function capture(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => ((err += String(c)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('ise-smtp-oauth <command> --help', () => {
  for (const name of Object.keys(COMMANDS)) {
    it(`${name} --help prints its usage on stdout and exits 0, with no error first`, async () => {
      for (const flag of ['--help', '-h']) {
        const r = await capture([name, flag]);
        expect(r.code).toBe(0);
        expect(r.err).toBe('');
        expect(r.out).toMatch(/^usage:/);
        expect(r.out).toContain(`ise-smtp-oauth ${name}`);
      }
    });
  }

  it('also after an action or other options (profiles delete X --help does not delete)', async () => {
    const r = await capture(['profiles', 'delete', 'Contoso', '--help']);
    expect([r.code, r.err]).toEqual([0, '']);
    expect(r.out).toContain('--yes');
  });

  it('a --help after `--` is a value, not a request for help', () => {
    expect(wantsHelp(['--', '--help'])).toBe(false);
    expect(wantsHelp(['x', '-h'])).toBe(true);
  });
});
