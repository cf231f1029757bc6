import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { CallFailure } from '../core/errors/call-failure';
import { resolveDataDir } from '../core/profiles/data-dir';
import { listLine, PROFILES_SUMMARY, PROFILES_USAGE as USAGE } from './profiles-list';
import { ProfileService } from '../core/profiles/profile-service';
import { ProfileStore } from '../core/profiles/store';
import { KeychainUnavailableError, Vault } from '../core/vault/vault';
import { ProfileCreateInputSchema, type ProfileView } from '../../shared/contract/profiles';
import { ClientSecretSchema, validationText } from '../../shared/validators';
import { printableJson } from '../../shared/printable';


/** Error codes that mean "the input was wrong" (exit 2); anything else failed (exit 1). */
const INPUT_CODES = new Set(['INVALID_INPUT', 'PROFILE_NOT_FOUND', 'PROFILE_NAME_TAKEN', 'IMPORT_NOT_JSON', 'IMPORT_FOREIGN_FORMAT', 'IMPORT_NEWER_FORMAT', 'IMPORT_INVALID', 'IMPORT_TAMPERED']);

/** A CallFailure as one stderr line and an exit code; anything else without its message (it may hold a secret). */
export function reportFailure(command: string, err: unknown): number {
  if (err instanceof CallFailure) {
    process.stderr.write(`ise-smtp-oauth ${command}: ${err.code}: ${err.message}\n`);
    return INPUT_CODES.has(err.code) ? 2 : 1;
  }
  process.stderr.write(`ise-smtp-oauth ${command}: ${err instanceof Error ? err.name : 'error'}: unexpected failure\n`);
  return 1;
}

/** The profile service for the CLI's data folder; a moved-aside file is reported on stderr. */
export function openProfileService(dataDirFlag: string | undefined, vault: Vault = new Vault()): ProfileService {
  const store = new ProfileStore({ dataDir: resolveDataDir(dataDirFlag) });
  if (store.recovered) {
    process.stderr.write(
      `ise-smtp-oauth: the profiles file in ${store.recovered.folder ?? store.path} needed repair (${store.recovered.reason}${store.recovered.droppedProfiles ? `: ${store.recovered.droppedProfiles} profile(s) left out, the others kept` : ''}); the original is kept at ${store.recovered.movedTo}\n`,
    );
  }
  return new ProfileService({ store, vault });
}

/** Reads the secret from stdin (one line; the trailing line break is not part of it). */
export async function readSecretFromStdin(stdin: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

function parseSecret(raw: string): string {
  const parsed = ClientSecretSchema.safeParse(raw);
  if (!parsed.success) throw new CallFailure('INVALID_INPUT', `--secret-stdin ${validationText(parsed.error.issues[0]?.message ?? '')}`, 'secret');
  return parsed.data;
}

function describe(view: ProfileView): string {
  const expiry = view.secretExpiry
    ? `${view.secretExpiry} (${view.secretExpiryStatus?.daysLeft ?? '?'} days left${view.secretExpiryStatus && view.secretExpiryStatus.level !== 'ok' ? `, ${view.secretExpiryStatus.level}` : ''})`
    : '(not set)';
  const rows: Array<[string, string]> = [
    ['Name', view.name],
    ['Id', view.id],
    ['Customer', view.customer],
    ['ISE version', view.iseVersion],
    ['Route', view.route],
    ['Email Address', view.mailbox],
    ['Tenant ID', view.tenantId],
    ['Client ID', view.clientId],
    ['Client Secret', view.secretStored ? `stored (${view.secretStorage})` : 'not stored'],
    ['Expiry Date', expiry],
    ['Service principal object ID', view.servicePrincipalObjectId ?? ''],
    ['Last verification', view.lastVerification ? `${view.lastVerification.startedAt} ${view.lastVerification.ok ? 'passed' : 'failed'}` : 'never'],
  ];
  return rows.map(([k, v]) => `${k.padEnd(28)} ${v}`).join('\n') + '\n';
}


/** How `profiles delete` asks: injectable so tests can play the terminal. */
export interface ConfirmIo {
  /** True when both stdin and stdout are a terminal (someone is there to answer). */
  interactive: boolean;
  /** Asks the question and resolves with the answer typed. */
  ask(question: string): Promise<string>;
}

const terminalIo = (): ConfirmIo => ({
  interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
  async ask(question) {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      return await rl.question(question);
    } finally {
      rl.close();
    }
  },
});

/**
 * Whether to go ahead with deleting: --yes always; on a terminal only after a "y"/"yes";
 * without a terminal (a script) never without --yes, so a pipeline cannot delete by accident.
 */
async function confirmDelete(profileName: string, yes: boolean, io: ConfirmIo): Promise<boolean> {
  if (yes) return true;
  if (!io.interactive) {
    throw new CallFailure('INVALID_INPUT', `not on a terminal, so nothing was asked: add --yes to delete "${profileName}" without asking`, 'yes');
  }
  const answer = await io.ask(`Delete profile "${profileName}" and its client secret from the OS keychain? [y/N] `);
  return /^(y|yes)$/i.test(answer.trim());
}

/** `ise-smtp-oauth profiles …`: the saved customer/site profiles. */
export const profilesCommand: CliCommand = {
  usage: USAGE,
  summary: PROFILES_SUMMARY,
  run: (argv) => runProfiles(argv),
};

/** The command with its terminal injectable; `profilesCommand.run` uses the real one. */
export async function runProfiles(argv: string[], io: ConfirmIo = terminalIo()): Promise<number> {
  {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        allowPositionals: true,
        strict: true,
        options: {
          'data-dir': { type: 'string' },
          json: { type: 'boolean', default: false },
          'tenant-id': { type: 'string' },
          'client-id': { type: 'string' },
          mailbox: { type: 'string' },
          expiry: { type: 'string' },
          route: { type: 'string' },
          customer: { type: 'string' },
          'ise-version': { type: 'string' },
          'sp-object-id': { type: 'string' },
          'secret-stdin': { type: 'boolean', default: false },
          'keep-keychain-entry': { type: 'boolean', default: false },
          yes: { type: 'boolean', short: 'y', default: false },
        },
      });
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth profiles: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const { values, positionals } = parsed;
    const [action, name, ...extra] = positionals;
    const needsName = action === 'show' || action === 'delete' || action === 'add' || action === 'set-secret';
    if (!action || !['list', 'show', 'delete', 'add', 'set-secret'].includes(action) || (needsName && !name) || extra.length > 0) {
      process.stderr.write(USAGE);
      return 2;
    }
    try {
      const service = openProfileService(values['data-dir']);
      switch (action) {
        case 'list': {
          const views = await service.list();
          if (values.json) process.stdout.write(`${printableJson({ profiles: views })}\n`);
          else if (views.length === 0) process.stdout.write('no profiles yet: ise-smtp-oauth profiles add NAME …\n');
          else process.stdout.write(views.map(listLine).join(''));
          return 0;
        }
        case 'show': {
          const view = await service.view(service.resolve(name!));
          process.stdout.write(values.json ? `${printableJson(view)}\n` : describe(view));
          return 0;
        }
        case 'delete': {
          const profile = service.resolve(name!);
          if (!(await confirmDelete(profile.name, values.yes, io))) {
            process.stdout.write(`kept profile "${profile.name}"\n`);
            return 1;
          }
          const keep = values['keep-keychain-entry'] === true;
          try {
            const result = await service.delete(profile.id, { keepKeychainEntry: keep });
            process.stdout.write(
              result.keychainEntryKept
                ? `deleted profile "${profile.name}"; the OS keychain could not be reached, so its keychain entry (if any) stays\n`
                : `deleted profile "${profile.name}" and its keychain entry\n`,
            );
          } catch (err) {
            if (err instanceof KeychainUnavailableError) {
              throw new CallFailure(
                err.code,
                `${err.message} The profile was not deleted; to delete it anyway (its keychain entry, if any, stays): ise-smtp-oauth profiles delete "${profile.name}" --yes --keep-keychain-entry`,
              );
            }
            throw err;
          }
          return 0;
        }
        case 'set-secret': {
          if (!values['secret-stdin']) throw new CallFailure('INVALID_INPUT', '--secret-stdin is required (the secret is never taken from an argument)', 'secret');
          const profile = service.resolve(name!);
          await service.vault.set(profile.id, parseSecret(await readSecretFromStdin()));
          process.stdout.write(`stored the client secret of "${profile.name}" in the OS keychain\n`);
          return 0;
        }
        case 'add':
          return await add(service, name!, values);
      }
      return 2;
    } catch (err) {
      return reportFailure('profiles', err);
    }
  }
}

async function add(service: ProfileService, name: string, values: Record<string, string | boolean | undefined>): Promise<number> {
  if (!values['secret-stdin']) throw new CallFailure('INVALID_INPUT', '--secret-stdin is required (the secret is never taken from an argument)', 'secret');
  const flagOf: Record<string, string> = {
    tenantId: '--tenant-id', clientId: '--client-id', mailbox: '--mailbox', secretExpiry: '--expiry', route: '--route',
    customer: '--customer', iseVersion: '--ise-version', servicePrincipalObjectId: '--sp-object-id', name: 'NAME',
  };
  const input = ProfileCreateInputSchema.safeParse({
    name,
    tenantId: values['tenant-id'],
    clientId: values['client-id'],
    mailbox: values['mailbox'],
    ...(values['expiry'] !== undefined ? { secretExpiry: values['expiry'] } : {}),
    ...(values['route'] !== undefined ? { route: values['route'] } : {}),
    ...(values['customer'] !== undefined ? { customer: values['customer'] } : {}),
    ...(values['ise-version'] !== undefined ? { iseVersion: values['ise-version'] } : {}),
    ...(values['sp-object-id'] !== undefined ? { servicePrincipalObjectId: values['sp-object-id'] } : {}),
  });
  if (!input.success) {
    const issue = input.error.issues[0];
    const key = String(issue?.path[0] ?? 'input');
    const text = issue?.code === 'invalid_type' ? 'is required' : validationText(issue?.message ?? '');
    throw new CallFailure('INVALID_INPUT', `${flagOf[key] ?? key} ${text}`, key);
  }
  const secret = parseSecret(await readSecretFromStdin());
  // The CLI's process ends: a session-only secret would be lost, so the keychain must work first.
  const status = await service.vault.status();
  if (!status.available) throw new KeychainUnavailableError(status.reason ?? 'error', { notStored: true });
  const view = await service.create(input.data);
  try {
    await service.vault.set(view.id, secret);
  } catch (err) {
    service.store.delete(view.id); // no profile without its secret: nothing half-created
    throw err;
  }
  process.stdout.write(`added profile "${view.name}" (${view.id}); the client secret is in the OS keychain\n`);
  return 0;
}
