import type { CliCommand } from './command';

export const COMMANDS: Record<string, () => Promise<CliCommand>> = {
  profiles: () => import('./profiles-list').then((m) => m.profilesEntry),
  export: () => import('./export').then((m) => m.exportCommand),
  import: () => import('./import').then((m) => m.importCommand),
  serve: () => import('./serve').then((m) => m.serveCommand),
  diagnose: () => import('./diagnose').then((m) => m.diagnoseCommand),
  practice: () => import('./practice').then((m) => m.practiceCommand),
  'analyze-log': () => import('./analyze-log').then((m) => m.analyzeLogCommand),
  'lookup-error': () => import('./lookup-error').then((m) => m.lookupErrorCommand),
  certs: () => import('./certs').then((m) => m.certsCommand),
  ise: () => import('./ise').then((m) => m.iseCommand),
  setup: () => import('./setup').then((m) => m.setupCommand),
};

/** Routes `ise-smtp-oauth <command> …`; `<command> --help` prints that command's usage. */
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
  const command = await load();
  if (wantsHelp(rest)) {
    process.stdout.write(command.usage.endsWith('\n') ? command.usage : `${command.usage}\n`);
    return 0;
  }
  return command.run(rest);
}

/** `--help` / `-h` anywhere before a `--` (after it they are values, e.g. a text to look up). */
export function wantsHelp(argv: string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).some((a) => a === '--help' || a === '-h');
}


