#!/usr/bin/env node
// The texts have one source: renderer/i18n/sources/<namespace>.json (all six languages in one
// file) and its parts <namespace>.<part>.json. The build merges them (scripts/vite-i18n.ts via
// shared/i18n/catalog.ts), so no per-locale copy is committed any more. This script stays as the
// quick check it always was for a source file: every language present, as an object.
// Usage: node scripts/i18n-merge.mjs <namespace> <file.json>
import fs from 'node:fs';

const LOCALES = ['en', 'nl', 'fr', 'de', 'it', 'zh-TW'];
const [ns, file] = process.argv.slice(2);
if (!ns || !file) {
  console.error('usage: node scripts/i18n-merge.mjs <namespace> <file.json>');
  process.exit(2);
}
const input = JSON.parse(fs.readFileSync(file, 'utf8'));
const missing = LOCALES.filter((lng) => !input[lng] || typeof input[lng] !== 'object');
if (missing.length > 0) {
  console.error(`missing locale ${missing.join(', ')} in ${file}`);
  process.exit(2);
}
console.log(`namespace '${ns}' has all ${LOCALES.length} locales; the build reads it from renderer/i18n/sources (nothing to merge)`);
