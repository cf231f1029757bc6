import path from 'node:path';
import type { Plugin } from 'vite';
import { readTextCatalog, readTextSources } from '../electron/core/texts/sources';
import { LANGUAGE_CODES } from '../shared/i18n/catalog';

const PREFIX = 'virtual:i18n-texts/';

/**
 * Serves each language's texts to the renderer as `virtual:i18n-texts/<lng>`, built from
 * renderer/i18n/sources/*.json at build time: one source of texts, no generated copy in git,
 * and still one chunk per language (only English ships in the main bundle). A broken source
 * (a language missing, a key defined twice) fails the build.
 */
export function i18nTexts(sourcesDir: string): Plugin {
  return {
    name: 'ise-smtp-oauth-i18n-texts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : null;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return null;
      const lng = id.slice(PREFIX.length + 1);
      if (!(LANGUAGE_CODES as readonly string[]).includes(lng)) this.error(`unknown language ${lng}`);
      for (const file of readTextSources(sourcesDir)) this.addWatchFile(path.join(sourcesDir, file.name));
      const { catalog, problems } = readTextCatalog(sourcesDir);
      if (problems.length > 0) this.error(`renderer/i18n/sources: ${problems.join('; ')}`);
      return `export default ${JSON.stringify(catalog[lng as keyof typeof catalog])};`;
    },
  };
}
