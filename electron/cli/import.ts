import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { CallFailure } from '../core/errors/call-failure';
import { parseExport } from '../core/export/import';
import { installationKey } from '../core/export/integrity';
import type { ImportOrigin } from '../../shared/export-format';
import { openProfileService, reportFailure } from './profiles';

const USAGE = 'usage: ise-smtp-oauth import FILE [--name NAME] [--data-dir DIR]\n';

/** What the import says about where the file comes from (integrity.ts importOrigin). */
const ORIGIN_TEXT: Record<ImportOrigin, string> = {
  'this-installation': 'origin: exported by this installation, unchanged since',
  'other-installation': 'origin: exported by another installation; its values could not be confirmed here: check them',
  unsigned: 'origin: no installation integrity code (an older export); its values could not be confirmed: check them',
  unverified: 'origin: not checked (the OS keychain, which holds this installation\'s key, cannot be reached); check the values',
};

/** `ise-smtp-oauth import FILE`: a profile from an exported json; the secret is set afterwards. */
export const importCommand: CliCommand = {
  usage: USAGE,
  summary: 'create a profile from an exported json (FILE); then set its secret',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({
        args: argv,
        strict: true,
        allowPositionals: true,
        options: { name: { type: 'string' }, 'data-dir': { type: 'string' } },
      });
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth import: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const [file, ...extra] = parsed.positionals;
    if (!file || extra.length > 0) {
      process.stderr.write(USAGE);
      return 2;
    }
    try {
      let content: string;
      try {
        content = fs.readFileSync(file, 'utf8');
      } catch (err) {
        throw new CallFailure('INVALID_INPUT', `FILE cannot be read: ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'file');
      }
      const service = openProfileService(parsed.values['data-dir']);
      const { origin, ...fields } = parseExport(content, await installationKey(service.vault, { create: false }));
      const view = await service.create({ ...fields, name: service.store.freeName(parsed.values.name ?? fields.name) });
      process.stdout.write(
        `imported profile "${view.name}" (${view.id})\n${ORIGIN_TEXT[origin]}\nnext: ise-smtp-oauth profiles set-secret "${view.name}" --secret-stdin\n`,
      );
      return 0;
    } catch (err) {
      return reportFailure('import', err);
    }
  },
};
