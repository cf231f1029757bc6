import { vi } from 'vitest';
import type { CliCommand } from '../../electron/cli/command';

/** Runs a CLI command in-process and captures what it writes to stdout and stderr. */
export async function runCommand(command: CliCommand, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
  try {
    return { code: await command.run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
