import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { load } from 'js-yaml';

// electron-builder.yml is validated here because packaging needs the Electron binary, which CI lacks.
interface BuilderConfig {
  appId: string;
  productName: string;
  asar: boolean;
  npmRebuild: boolean;
  files: string[];
  electronFuses: Record<string, boolean>;
  win: { target: string };
  mac: { target: string };
  linux: { target: string[] };
}
const config = load(readFileSync('electron-builder.yml', 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync('package.json', 'utf8'));

describe('packaging configuration', () => {
  it('flips the fuses Electron recommends', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('builds nsis, dmg, AppImage and deb with asar and a rebuilt keytar', () => {
    expect(config.appId).toMatch(/^[a-z0-9.-]+$/);
    expect(config.productName).toBe('ISE SMTP OAuth Setup');
    expect(config.win.target).toBe('nsis');
    expect(config.mac.target).toBe('dmg');
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.asar).toBe(true);
    expect(config.npmRebuild).toBe(true);
    expect(pkg.dependencies.keytar).toBeDefined();
  });

  it('ships the built app and its entry point', () => {
    expect(config.files).toContain('out/**');
    expect(pkg.main).toBe('out/main/main.js');
  });

  it('16: uses a current Electron major', () => {
    const major = Number(String(pkg.devDependencies.electron).replace(/^[^\d]*/, '').split('.')[0]);
    expect(major).toBeGreaterThanOrEqual(41);
  });
});
