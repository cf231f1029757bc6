/**
 * Writes docs/export-schema.json from the zod schema of the export (shared/export-format.ts),
 * which derives its `profile` section from the profile contract: run it after adding a profile
 * field (`npm run export-schema`); test/electron/core/export/formats.test.ts fails until it is.
 */
import fs from 'node:fs';
import { exportJsonSchema } from '../shared/export-format';

const target = new URL('../docs/export-schema.json', import.meta.url);
fs.writeFileSync(target, `${JSON.stringify(exportJsonSchema(), null, 2)}\n`);
console.log(`wrote ${target.pathname}`);
