import { app, BrowserWindow, clipboard, ipcMain, session, shell, type WebContents } from 'electron';
import { join } from 'node:path';
import { APP_INDEX_URL, APP_ORIGIN, handleAppScheme, registerAppScheme } from './app-protocol';
import { RENDERER_CSP } from './core/page-security/csp';
import { createHandlers } from './core/handlers';
import { bindContract, makeSenderCheck } from './ipc';
import { createPracticeHost } from './practice/host';
import { pdfReportHandler } from './pdf-report';
import { clipboardSecretHandler } from './clipboard-secret';
import { hardenSession, hardenWebContents } from './window-security';

/** The Electron entry: one window, hardened, with the contract bound to IPC. Kept thin on purpose. */
const rendererDir = join(import.meta.dirname, '../renderer');
const windowIds = new Set<number>();

/** The window's web preferences: Electron's security checklist, items 2–4, 6, 8–12. */
export const WINDOW_WEB_PREFERENCES = {
  preload: join(import.meta.dirname, '../preload/preload.cjs'),
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

registerAppScheme();
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    const [win] = BrowserWindow.getAllWindows();
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });
  app.on('web-contents-created', (_event, contents: WebContents) => hardenWebContents(contents, (url) => void shell.openExternal(url)));
  app.on('window-all-closed', () => app.quit());
  void app.whenReady().then(() => {
    hardenSession(session.defaultSession, RENDERER_CSP, APP_ORIGIN);
    handleAppScheme(rendererDir, RENDERER_CSP);
    const dataDir = app.getPath('userData');
    // The practice tenant starts on first use, on 127.0.0.1 only, and stops with the app.
    const practiceHost = createPracticeHost(dataDir);
    app.on('will-quit', () => void practiceHost.close());
    const handlers = createHandlers(
      { dataDir, version: app.getVersion(), shell: 'electron', practice: false, practiceHost, openExternal: (url) => shell.openExternal(url) },
      {
        desktop: (core) => ({
          exportReportPdf: pdfReportHandler(core),
          // Main writes the clipboard: in the desktop app the secret never reaches the page.
          copyClientSecret: clipboardSecretHandler(core.copyClientSecret, clipboard),
        }),
      },
    );
    bindContract(ipcMain, handlers, makeSenderCheck(() => windowIds, `${APP_ORIGIN}/`));
    createWindow();
  });
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1180,
    height: 820,
    minWidth: 760,
    minHeight: 560,
    show: false,
    title: 'ISE SMTP OAuth Setup',
    webPreferences: { ...WINDOW_WEB_PREFERENCES },
  });
  const id = win.webContents.id;
  windowIds.add(id);
  win.on('closed', () => windowIds.delete(id));
  win.once('ready-to-show', () => win.show());
  void win.loadURL(APP_INDEX_URL);
}
