/**
 * One subcommand of the `ise-smtp-oauth` command. Each lives in electron/cli/<name>.ts and is
 * listed in electron/cli.ts. Exit codes: 0 ok, 1 a failed check, 2 bad usage or input.
 *
 * It lives apart from electron/cli.ts because that file runs the command when loaded.
 */
export interface CliCommand {
  /** One line for `ise-smtp-oauth --help`. */
  summary: string;
  /** The full usage, printed by `ise-smtp-oauth <command> --help` (stdout, exit 0). */
  usage: string;
  run(argv: string[]): Promise<number>;
}
