import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Finds the built renderer (index.html) from wherever this code runs: bundled in out/main,
 * or from source under electron/ (tests, tsx). ISE_SMTP_OAUTH_RENDERER_DIR overrides.
 */
export function findRendererDir(fromUrl: string = import.meta.url): string | null {
  const here = dirname(fileURLToPath(fromUrl));
  const candidates = [
    process.env.ISE_SMTP_OAUTH_RENDERER_DIR,
    join(here, '../renderer'),
    join(here, '../../out/renderer'),
    join(here, '../../../out/renderer'),
  ].filter((c): c is string => Boolean(c));
  for (const candidate of candidates) {
    if (existsSync(join(candidate, 'index.html'))) return resolve(candidate);
  }
  return null;
}
