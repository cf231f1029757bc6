import { parseArgs } from 'node:util';
import type { CliCommand } from './command';
import { lookupErrorText } from '../core/troubleshoot/lookup';
import { findingTexts } from '../core/texts/finding-texts';
import { cliLanguage, LANG_OPTION } from './language';
import { printableJson } from '../../shared/printable';

const USAGE = 'usage: ise-smtp-oauth lookup-error "TEXT" | --stdin [--json] [--lang en|nl|fr|de|it|zh-TW]\n';
const MAX_STDIN_CHARS = 1024 * 1024;

async function readStdin(): Promise<string> {
  let text = '';
  for await (const chunk of process.stdin) {
    text += String(chunk);
    if (text.length > MAX_STDIN_CHARS) return text.slice(0, MAX_STDIN_CHARS);
  }
  return text;
}

/** `ise-smtp-oauth lookup-error`: what an ISE error text (GUI or guest.log) means, most likely cause first. */
export const lookupErrorCommand: CliCommand = {
  usage: USAGE,
  summary: 'explain an ISE error text: "TEXT" | --stdin [--json]',
  async run(argv) {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, strict: true, allowPositionals: true, options: { stdin: { type: 'boolean' }, json: { type: 'boolean' }, ...LANG_OPTION } });
    } catch (err) {
      process.stderr.write(`ise-smtp-oauth lookup-error: ${(err as Error).message}\n${USAGE}`);
      return 2;
    }
    const { values, positionals } = parsed;
    if (values.stdin === (positionals.length > 0)) {
      process.stderr.write(`ise-smtp-oauth lookup-error: TEXT: give the error text as an argument or with --stdin, not both\n${USAGE}`);
      return 2;
    }
    const text = values.stdin ? await readStdin() : positionals.join(' ');
    if (text.trim() === '') {
      process.stderr.write(`ise-smtp-oauth lookup-error: TEXT is empty\n${USAGE}`);
      return 2;
    }
    const result = lookupErrorText(text);
    const texts = findingTexts(cliLanguage(values.lang));
    if (values.json) {
      process.stdout.write(printableJson(result) + '\n');
    } else if (result.matches.length === 0) {
      process.stdout.write('No known ISE error recognised in this text.\n');
    } else {
      const lines = result.matches.map(
        (m, i) => `${i + 1}. ${m.code} (step ${m.step ?? '-'}, score ${m.score})\n   matched: ${m.evidence}\n   ${texts.fix(m.code)}`,
      );
      process.stdout.write(lines.join('\n') + '\n');
    }
    // Recognised = the lookup did its job; nothing recognised is a failed check.
    return result.matches.length > 0 ? 0 : 1;
  },
};
