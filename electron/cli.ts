/**
 * The `ise-smtp-oauth` command. Each subcommand lives in electron/cli/<name>.ts and exports
 * `run(argv): Promise<number>` (the exit code). Exit codes: 0 ok, 1 a failed check, 2 bad usage.
 */
import { main } from './cli/program';

export interface CliCommand {
  /** One line for `ise-smtp-oauth --help`. */
  summary: string;
  /** The full usage, printed by `ise-smtp-oauth <command> --help` (stdout, exit 0). */
  usage: string;
  run(argv: string[]): Promise<number>;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    // Last resort: one line, no stack trace (it could carry a secret from an argument).
    process.stderr.write(`ise-smtp-oauth: ${err instanceof Error ? err.name : 'error'}: unexpected failure\n`);
    process.exitCode = 1;
  },
);
