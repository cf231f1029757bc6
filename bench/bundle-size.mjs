// Benchmark 2b: the renderer's JavaScript as shipped, gzipped (level 9): the sum over
// out/renderer/assets/*.js after `npm run build`. Two what-if figures explain a miss: the same
// bundle minified (esbuild's transform, no other change), and the locale files' share.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from './util.mjs';

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** Measures the built renderer; throws when there is no build. */
export async function benchBundleSize() {
  const dir = path.join(root, 'out/renderer/assets');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  if (!files.length) throw new Error('out/renderer/assets has no .js: run `npm run build` first');
  let raw = 0;
  let gzipped = 0;
  let minifiedGzipped = 0;
  let minifyError;
  const esbuild = await import('esbuild').catch(() => null);
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f));
    raw += src.length;
    gzipped += gz(src);
    if (esbuild) {
      try {
        minifiedGzipped += gz(Buffer.from(esbuild.transformSync(src.toString('utf8'), { minify: true, format: 'esm', legalComments: 'none' }).code));
      } catch (err) {
        minifyError = err.message;
      }
    }
  }
  const localesDir = path.join(root, 'renderer/i18n/locales');
  const locales = fs.readdirSync(localesDir).filter((f) => f.endsWith('.json'));
  const localeGz = Object.fromEntries(locales.map((f) => [f.replace(/\.json$/, ''), gz(fs.readFileSync(path.join(localesDir, f)))]));
  return {
    files: files.length,
    rawBytes: raw,
    gzipBytes: gzipped,
    minifiedGzipBytes: esbuild && !minifyError ? minifiedGzipped : null,
    localeGzipBytes: localeGz,
  };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchBundleSize(), null, 2));
