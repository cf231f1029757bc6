// Benchmark 2b: the renderer's JavaScript as shipped, gzipped (level 9), after `npm run build`.
// Two figures: what the welcome screen loads (the entry script and the chunks index.html
// preloads: what a user waits for, and what the goal is judged on) and all JavaScript
// (the lazily loaded screens and the five non-English locale chunks included).
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { root } from './util.mjs';

const gz = (buf) => zlib.gzipSync(buf, { level: 9 }).length;

/** The JS files index.html loads up front: its module script and its modulepreload links. */
export function initialScripts(indexHtml) {
  const refs = [...indexHtml.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)];
  return refs.map((m) => path.basename(m[1] ?? m[2]));
}

/** Measures the built renderer; throws when there is no build. */
export async function benchBundleSize() {
  const outDir = path.join(root, 'out/renderer');
  const dir = path.join(outDir, 'assets');
  const files = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  if (!files.length) throw new Error('out/renderer/assets has no .js: run `npm run build` first');
  const initial = new Set(initialScripts(fs.readFileSync(path.join(outDir, 'index.html'), 'utf8')));
  let raw = 0;
  let gzipped = 0;
  let initialRaw = 0;
  let initialGzipped = 0;
  for (const f of files) {
    const src = fs.readFileSync(path.join(dir, f));
    raw += src.length;
    gzipped += gz(src);
    if (initial.has(f)) {
      initialRaw += src.length;
      initialGzipped += gz(src);
    }
  }
  return { files: files.length, rawBytes: raw, gzipBytes: gzipped, initialFiles: initial.size, initialRawBytes: initialRaw, initialGzipBytes: initialGzipped };
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await benchBundleSize(), null, 2));
