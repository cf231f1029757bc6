import { installPrintableOutput } from './cli/printable-output';

/**
 * The `ise-smtp-oauth` command. Each subcommand lives in electron/cli/<name>.ts and exports a
 * `CliCommand` (electron/cli/command.ts); electron/cli/program.ts routes to them. Exit codes:
 * 0 ok, 1 a failed check, 2 bad usage.
 */
import { main } from './cli/program';

installPrintableOutput(process.stdout);
installPrintableOutput(process.stderr);
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
