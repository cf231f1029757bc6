import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { resolveDataDir } from '../core/profiles/data-dir';
import { profileListRows } from '../core/profiles/list-rows';
import { Vault } from '../core/vault/vault';
import type { ProfileView } from '../../shared/contract/profiles';

/**
 * The start of `ise-smtp-oauth profiles`: `profiles list` is answered here from the store's
 * summary index (core/profiles/list-rows.ts) before the rest of the command (the store, the
 * contract's schemas) is loaded; everything else, and a list this cannot give (no index yet, an
 * empty or unreadable file, --json), goes on to profiles.ts, which reports and repairs.
 */
export const PROFILES_USAGE = `usage:
  ise-smtp-oauth profiles list [--json]
  ise-smtp-oauth profiles show NAME [--json]
  ise-smtp-oauth profiles delete NAME [--yes] [--keep-keychain-entry]   (asks first on a terminal; --yes for scripts)
  ise-smtp-oauth profiles add NAME --tenant-id T --client-id C --mailbox M --secret-stdin
      [--expiry YYYY-MM-DD] [--route classic|app-rbac] [--customer X] [--ise-version V] [--sp-object-id ID]
  ise-smtp-oauth profiles set-secret NAME --secret-stdin
common option: --data-dir DIR (else $ISE_SMTP_OAUTH_DATA_DIR, else the OS config folder)
`;

export const PROFILES_SUMMARY = 'list, show, add, delete saved profiles; secrets go to the OS keychain';

export function listLine(view: Pick<ProfileView, 'name' | 'customer' | 'secretStored' | 'secretExpiryStatus'> & { route: string }): string {
  const days = view.secretExpiryStatus ? `${view.secretExpiryStatus.daysLeft}d ${view.secretExpiryStatus.level}` : '-';
  return `${view.name.padEnd(28)} ${view.customer.padEnd(20)} ${view.route.padEnd(9)} secret:${view.secretStored ? 'yes' : 'no '} expiry:${days}\n`;
}

/** `profiles list [--data-dir DIR]` from the index; undefined when the full command must answer. */
async function quickList(argv: string[]): Promise<number | undefined> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, strict: true, options: { 'data-dir': { type: 'string' } } });
  } catch {
    return undefined; // another option: the full command parses (and reports) it
  }
  if (parsed.positionals.length !== 1 || parsed.positionals[0] !== 'list') return undefined;
  let rows;
  try {
    rows = await profileListRows(resolveDataDir(parsed.values['data-dir']), new Vault());
  } catch {
    return undefined; // the full path says what is wrong
  }
  if (!rows || rows.length === 0) return undefined;
  process.stdout.write(rows.map(listLine).join(''));
  return 0;
}

/** `ise-smtp-oauth profiles …` as program.ts loads it. */
export const profilesEntry: CliCommand = {
  usage: PROFILES_USAGE,
  summary: PROFILES_SUMMARY,
  run: async (argv) => (await quickList(argv)) ?? (await import('./profiles')).profilesCommand.run(argv),
};
