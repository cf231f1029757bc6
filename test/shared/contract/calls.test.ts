import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract } from '../../../shared/contract';

// A call the renderer does not make is not on the contract (issue 11 §7): every call must be
// named in the renderer's code, as `call('<name>', …)` or through a helper that names it.
function rendererSources(dir = 'renderer'): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? rendererSources(path.join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? fs.readFileSync(path.join(dir, e.name), 'utf8') : ''))
    .join('\n');
}

describe('the contract', () => {
  const renderer = rendererSources();

  it('holds only calls the renderer makes', () => {
    expect(CALL_NAMES.filter((name) => !renderer.includes(`'${name}'`))).toEqual([]);
  });

  it('no longer carries diagnose (with its page-given caFile path), secretStatus or secretDelete', () => {
    expect(Object.keys(contract)).not.toEqual(expect.arrayContaining(['diagnose']));
    for (const gone of ['diagnose', 'secretStatus', 'secretDelete']) expect(CALL_NAMES).not.toContain(gone);
  });

  it('takes no file path from the page in any input', () => {
    const pathLike = /(^|\.)(caFile|file|path|dir|filePath)$/i;
    const keys = (schema: unknown, prefix = ''): string[] => {
      const shape = (schema as { shape?: Record<string, unknown> }).shape;
      if (!shape) return [];
      return Object.entries(shape).flatMap(([k, v]) => {
        const inner = (v as { unwrap?: () => unknown }).unwrap?.() ?? v;
        return [`${prefix}${k}`, ...keys(inner, `${prefix}${k}.`)];
      });
    };
    const offending = CALL_NAMES.flatMap((name) => keys(contract[name].input).filter((k) => pathLike.test(k)).map((k) => `${name}: ${k}`));
    expect(offending).toEqual([]);
  });
});
