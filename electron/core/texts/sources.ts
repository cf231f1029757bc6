import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalog, type TextCatalog, type TextSourceFile } from '../../../shared/i18n/catalog';

/** Overrides where the text sources are read from (tests point it at a broken copy). */
export const TEXT_SOURCES_ENV = 'ISE_SMTP_OAUTH_TEXT_SOURCES';

/**
 * The folder of the text sources (renderer/i18n/sources): the data the renderer's build and the
 * CLI read alike. Found from wherever this code runs: from source (electron/core/texts, tsx and
 * tests) or bundled (out/main and its chunks), both inside the project folder.
 */
export function findTextSourcesDir(fromUrl: string = import.meta.url, env: NodeJS.ProcessEnv = process.env): string | null {
  if (env[TEXT_SOURCES_ENV]) return path.resolve(env[TEXT_SOURCES_ENV]!);
  let dir = path.dirname(fileURLToPath(fromUrl));
  for (let i = 0; i < 6; i++) {
    const candidate = path.join(dir, 'renderer', 'i18n', 'sources');
    if (fs.existsSync(candidate)) return candidate;
    dir = path.dirname(dir);
  }
  return null;
}

/** Reads every source file of a folder (`*.json`), in name order. */
export function readTextSources(dir: string): TextSourceFile[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, content: JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8')) as unknown }));
}

/** The merged texts of every language, and what is wrong with the sources (empty when sound). */
export function readTextCatalog(dir: string): { catalog: TextCatalog; problems: string[] } {
  return buildCatalog(readTextSources(dir));
}
