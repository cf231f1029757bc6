import type { CliCommand } from './cli/command';
import { installPrintableOutput } from './cli/printable-output';

/**
 * The `ise-smtp-oauth` command. Each subcommand lives in electron/cli/<name>.ts and exports a
 * `CliCommand` (electron/cli/command.ts). Exit codes: 0 ok, 1 a failed check, 2 bad usage.
 */
const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  profiles: () => import('./cli/profiles').then((m) => m.profilesCommand),
  export: () => import('./cli/export').then((m) => m.exportCommand),
  import: () => import('./cli/import').then((m) => m.importCommand),
  serve: () => import('./cli/serve').then((m) => m.serveCommand),
  diagnose: () => import('./cli/diagnose').then((m) => m.diagnoseCommand),
  practice: () => import('./cli/practice').then((m) => m.practiceCommand),
  'analyze-log': () => import('./cli/analyze-log').then((m) => m.analyzeLogCommand),
  'lookup-error': () => import('./cli/lookup-error').then((m) => m.lookupErrorCommand),
  certs: () => import('./cli/certs').then((m) => m.certsCommand),
  ise: () => import('./cli/ise').then((m) => m.iseCommand),
  setup: () => import('./cli/setup').then((m) => m.setupCommand),
};

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    const lines = await Promise.all(
      Object.entries(COMMANDS).map(async ([n, load]) => `  ${n.padEnd(12)} ${(await load()).summary}`),
    );
    process.stdout.write(`usage: ise-smtp-oauth <command> [options]\n\ncommands:\n${lines.join('\n')}\n`);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`ise-smtp-oauth: unknown command '${name}' (see ise-smtp-oauth --help)\n`);
    return 2;
  }
  return (await load()).run(rest);
}

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
