import type { PracticeHost } from './practice-tenant';

/**
 * What every handler may use: where the app keeps its data and how it was started.
 * Built once per process by the Electron entry, browser mode or the CLI.
 */
export interface CoreContext {
  /** Folder for settings, profiles and the practice tenant's CA (Electron: userData). */
  dataDir: string;
  version: string;
  shell: 'electron' | 'browser';
  /** True when the process was started in practice mode (`serve --practice`). */
  practice: boolean;
  /** The built-in practice tenant of this process, started on first use. */
  practiceHost?: PracticeHost;
}
