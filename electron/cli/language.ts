import { pickLanguage, type LanguageCode } from '../../shared/languages';

/** The `--lang` option every command with finding texts takes. */
export const LANG_OPTION = { lang: { type: 'string' } } as const;

/**
 * The language of the CLI's cause/fix texts: `--lang`, else the OS locale (LC_ALL, LC_MESSAGES,
 * LANG as POSIX shells set them, then the runtime's own locale), else English. `de_DE.UTF-8`
 * reads as `de-DE`; anything not shipped falls back the way the wizard's picker does.
 */
export function cliLanguage(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): LanguageCode {
  if (flag) return pickLanguage(null, [flag]);
  const posix = [env['LC_ALL'], env['LC_MESSAGES'], env['LANG']]
    .filter((v): v is string => !!v && v !== 'C' && v !== 'POSIX')
    .map((v) => v.split('.')[0]!.replace('_', '-'));
  return pickLanguage(null, [...posix, Intl.DateTimeFormat().resolvedOptions().locale]);
}
