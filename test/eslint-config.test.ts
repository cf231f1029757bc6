import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

// The dependency direction of DESIGN §4 is held by lint rules: prove each rule fires.
const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIdsFor(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.map((m) => m.ruleId ?? 'fatal');
}

describe('architecture lint rules', () => {
  it('shared/ may not import Node built-ins or Electron', async () => {
    expect(await ruleIdsFor("import fs from 'node:fs';\nexport const x = fs;\n", 'shared/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const x = app;\n", 'shared/bad.ts')).toContain('no-restricted-imports');
  });

  it('electron/core may not import Electron', async () => {
    expect(await ruleIdsFor("import { app } from 'electron';\nexport const x = app;\n", 'electron/core/bad.ts')).toContain('no-restricted-imports');
  });

  it('the renderer may not import electron/ code or Node built-ins', async () => {
    expect(await ruleIdsFor("import { dispatch } from '../electron/core/dispatch';\nexport const x = dispatch;\n", 'renderer/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import os from 'node:os';\nexport const x = os;\n", 'renderer/bad.ts')).toContain('no-restricted-imports');
  });

  it('renderer/wizard/ may not import renderer/shell/, and keeps the renderer rules', async () => {
    const code = "import { useRouter } from '../shell/useRouter';\nexport const x = useRouter;\n";
    expect(await ruleIdsFor(code, 'renderer/wizard/bad.ts')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import { Screens } from '../../shell/Screens';\nexport const x = Screens;\n", 'renderer/wizard/steps/Bad.tsx')).toContain('no-restricted-imports');
    expect(await ruleIdsFor("import os from 'node:os';\nexport const x = os;\n", 'renderer/wizard/bad.ts')).toContain('no-restricted-imports');
    // the shell may compose the wizard, and the wizard may use the profile store
    expect(await ruleIdsFor("import type { Wizard } from '../wizard/step';\nexport type X = Wizard;\n", 'renderer/shell/good.ts')).toEqual([]);
    expect(await ruleIdsFor("import type { CurrentProfile } from '../profiles/currentProfile';\nexport type X = CurrentProfile;\n", 'renderer/wizard/good.ts')).toEqual([]);
  });

  it('raw ipcMain is allowed only in the IPC binding files', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n";
    expect(await ruleIdsFor(code, 'electron/window-security.ts')).toContain('no-restricted-syntax');
    expect(await ruleIdsFor(code, 'electron/ipc.ts')).not.toContain('no-restricted-syntax');
  });

  it('allows what the architecture allows', async () => {
    expect(await ruleIdsFor("import { z } from 'zod';\nexport const x = z;\n", 'shared/good.ts')).toEqual([]);
    expect(await ruleIdsFor("import { FINDING_CODES } from '../shared/findings';\nexport const x = FINDING_CODES;\n", 'renderer/good.ts')).toEqual([]);
  });
});
