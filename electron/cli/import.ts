import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { CallFailure } from '../core/errors/call-failure';
import { parseExport } from '../core/export/import';
import { openProfileService, reportFailure } from './profiles';

const USAGE = 'usage: ise-smtp-oauth import FILE [--name NAME] [--data-dir DIR]\n';

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
      const fields = parseExport(content);
      const service = openProfileService(parsed.values['data-dir']);
      const view = await service.create({ ...fields, name: service.store.freeName(parsed.values.name ?? fields.name) });
      process.stdout.write(
        `imported profile "${view.name}" (${view.id})\nnext: ise-smtp-oauth profiles set-secret "${view.name}" --secret-stdin\n`,
      );
      return 0;
    } catch (err) {
      return reportFailure('import', err);
    }
  },
};
