#!/usr/bin/env node
// Merges one namespace of strings into every locale file in one quick read-modify-write,
// so parts of the UI can be translated side by side without clobbering each other.
// Usage: node scripts/i18n-merge.mjs <namespace> <file.json>
//   where file.json is {"en": {...}, "nl": {...}, "fr": {...}, "de": {...}, "it": {...}, "zh-TW": {...}}
import fs from 'node:fs';
import path from 'node:path';

const LOCALES = ['en', 'nl', 'fr', 'de', 'it', 'zh-TW'];
const [ns, file] = process.argv.slice(2);
if (!ns || !file) {
  console.error('usage: node scripts/i18n-merge.mjs <namespace> <file.json>');
  process.exit(2);
}
const input = JSON.parse(fs.readFileSync(file, 'utf8'));
const dir = path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'renderer', 'i18n', 'locales');
for (const lng of LOCALES) {
  if (!input[lng]) {
    console.error(`missing locale ${lng} in ${file}`);
    process.exit(2);
  }
}
// Parts of a namespace kept in files of their own (`<ns>.<part>.json` beside the main source, e.g.
// findings.hardnet.json): folded in whenever the namespace is merged, so a branch adds keys to a
// shared namespace without editing the file another branch edits. A key defined twice is an error.
const sourcesDir = path.dirname(path.resolve(file));
for (const part of fs.readdirSync(sourcesDir).filter((f) => f.startsWith(`${ns}.`) && f.endsWith('.json')).sort()) {
  if (path.resolve(sourcesDir, part) === path.resolve(file)) continue;
  const extra = JSON.parse(fs.readFileSync(path.join(sourcesDir, part), 'utf8'));
  for (const lng of LOCALES) {
    for (const [key, value] of Object.entries(extra[lng] ?? {})) {
      if (key in input[lng]) {
        console.error(`${part}: ${lng}.${key} is already defined in ${file}`);
        process.exit(2);
      }
      input[lng][key] = value;
    }
  }
}
for (const lng of LOCALES) {
  const target = path.join(dir, `${lng}.json`);
  const current = fs.existsSync(target) ? JSON.parse(fs.readFileSync(target, 'utf8')) : {};
  current[ns] = input[lng];
  const tmp = `${target}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(current, null, 2) + '\n');
  fs.renameSync(tmp, target);
}
console.log(`merged namespace '${ns}' into ${LOCALES.length} locales`);
