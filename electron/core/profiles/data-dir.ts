import os from 'node:os';
import path from 'node:path';

export const APP_DIR_NAME = 'ise-smtp-oauth';
export const DATA_DIR_ENV = 'ISE_SMTP_OAUTH_DATA_DIR';

/**
 * Where the CLI keeps profiles: `--data-dir`, else $ISE_SMTP_OAUTH_DATA_DIR, else the OS's
 * per-user config folder (the desktop app passes Electron's userData, which is the same place).
 */
export function resolveDataDir(
  flag?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (flag && flag.trim() !== '') return path.resolve(flag);
  const fromEnv = env[DATA_DIR_ENV];
  if (fromEnv && fromEnv.trim() !== '') return path.resolve(fromEnv);
  return defaultDataDir(env, platform, home);
}

/** The OS config folder for the app: Linux XDG, Windows %APPDATA%, macOS Application Support. */
export function defaultDataDir(env: NodeJS.ProcessEnv, platform: NodeJS.Platform, home: string): string {
  if (platform === 'win32') {
    return path.win32.join(env['APPDATA'] || path.win32.join(home, 'AppData', 'Roaming'), APP_DIR_NAME);
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', APP_DIR_NAME);
  const xdg = env['XDG_CONFIG_HOME'];
  return path.posix.join(xdg && path.isAbsolute(xdg) ? xdg : path.posix.join(home, '.config'), APP_DIR_NAME);
}
