import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { CallFailure } from '../core/errors/call-failure';
import { exportProfile } from '../core/export';
import { installationKey } from '../core/export/integrity';
import { secretStatusOf } from '../core/profiles/profile-service';
import { APP_VERSION } from './version';
import { ExportFormatSchema, LocaleTagSchema } from '../../shared/contract/profiles';
import { openProfileService, reportFailure } from './profiles';

const USAGE = `usage: ise-smtp-oauth export --profile NAME --format json|html|ps1|pem|ics [--out FILE] [--data-dir DIR]
         [--locale TAG] [--paper A4|Letter]
  html: the hand-off document; --locale (e.g. de-DE, en-US; default: from LANG) sets how its dates
  are written, --paper the page size it is laid out for (default: the printer's)
`;

/** The reader's locale from a POSIX LANG such as de_DE.UTF-8 (C and POSIX mean none). */
export function localeFromEnv(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const raw = env['LC_ALL'] || env['LC_TIME'] || env['LANG'];
  if (!raw || raw === 'C' || raw === 'POSIX' || raw.startsWith('C.')) return undefined;
  const tag = raw.split(/[.@]/)[0]!.replace('_', '-');
  return LocaleTagSchema.safeParse(tag).success ? tag : undefined;
}

/** `ise-smtp-oauth export`: the verified config of a profile, to stdout or a file. Never the secret. */
export const exportCommand: CliCommand = {
  usage: USAGE,
  summary: 'export a profile: --profile NAME --format json|html|ps1|pem|ics [--out FILE]',
  async run(argv) {
    let values;
    try {
      ({ values } = parseArgs({
        args: argv,
        strict: true,
        options: {
          profile: { type: 'string' },
          format: { type: 'string' },
          out: { type: 'string' },
          'data-dir': { type: 'string' },
          locale: { type: 'string' },
          paper: { type: 'string' },
        },
      }));
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth export: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    if (!values.profile) {
      process.stderr.write(`ise-smtp-oauth export: --profile is required\n${USAGE}`);
      return 2;
    }
    const format = ExportFormatSchema.safeParse(values.format);
    if (!format.success) {
      process.stderr.write(`ise-smtp-oauth export: --format must be one of json, html, ps1, pem, ics\n${USAGE}`);
      return 2;
    }
    if (values.locale !== undefined && !LocaleTagSchema.safeParse(values.locale).success) {
      process.stderr.write(`ise-smtp-oauth export: --locale must be a language tag such as de-DE or en-US\n${USAGE}`);
      return 2;
    }
    if (values.paper !== undefined && values.paper !== 'A4' && values.paper !== 'Letter') {
      process.stderr.write(`ise-smtp-oauth export: --paper must be A4 or Letter\n${USAGE}`);
      return 2;
    }
    const paper = values.paper as 'A4' | 'Letter' | undefined;
    try {
      const service = openProfileService(values['data-dir']);
      const profile = service.resolve(values.profile);
      const { secretStored, secretStorage } = await secretStatusOf(service.vault, profile.id);
      // The json is signed with this installation's key (the same keychain as the app's).
      const integrityKey = format.data === 'json' ? await installationKey(service.vault, { create: true }) : undefined;
      const file = exportProfile(profile, format.data, {
        secretStored: secretStored && secretStorage === 'keychain',
        toolVersion: APP_VERSION,
        locale: values.locale ?? localeFromEnv(),
        paper,
        ...(integrityKey ? { integrityKey } : {}),
      });
      if (!values.out) {
        process.stdout.write(file.content);
        return 0;
      }
      const out = path.resolve(values.out);
      try {
        fs.writeFileSync(out, file.content, { encoding: 'utf8', mode: 0o644 });
      } catch (err) {
        throw new CallFailure('EXPORT_WRITE_FAILED', `cannot write ${out} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, 'out');
      }
      process.stdout.write(`wrote ${out}\n`);
      return 0;
    } catch (err) {
      return reportFailure('export', err);
    }
  },
};
