import { EventEmitter } from 'node:events';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A recording stand-in for the `electron` module, so the real main.ts and preload.ts run in
 * plain Node (the Electron binary cannot be downloaded here) and their settings can be checked.
 */
export function createFakeElectron() {
  const record = {
    windows: [] as FakeBrowserWindow[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
    ipcHandlers: new Map<string, (...args: unknown[]) => unknown>(),
    exposed: new Map<string, unknown>(),
    invoked: [] as Array<{ channel: string; args: unknown[] }>,
    openedExternally: [] as string[],
    permissionRequestHandler: null as null | ((...args: unknown[]) => void),
    permissionCheckHandler: null as null | ((...args: unknown[]) => boolean),
    headersHandler: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
    clipboard: '',
    singleInstanceLock: true,
    quit: 0,
  };
  let nextId = 1;
  const userData = mkdtempSync(join(tmpdir(), 'fake-user-data-'));

  class FakeWebContents extends EventEmitter {
    id = nextId++;
    windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
    mainFrame = { url: '' };
    printedToPdf: unknown[] = [];
    /** Stands in for Chromium's printer: a recognisable PDF header, not a real document. */
    async printToPDF(options: unknown) {
      this.printedToPdf.push(options);
      return Buffer.from('%PDF-1.7 fake');
    }
    setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
      this.windowOpenHandler = handler;
    }
  }

  class FakeBrowserWindow extends EventEmitter {
    static getAllWindows = () => record.windows;
    webContents = new FakeWebContents();
    loadedUrl: string | null = null;
    constructor(public options: Record<string, unknown>) {
      super();
      record.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      this.webContents.mainFrame.url = url;
      return Promise.resolve();
    }
    loadFile(file: string) {
      this.loadedUrl = `file://${file}`;
      return Promise.resolve();
    }
    destroyed = false;
    destroy() {
      this.destroyed = true;
    }
    isMinimized = () => false;
    restore() {}
    focus() {}
    show() {}
  }

  let resolveReady: () => void = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const app = Object.assign(new EventEmitter(), {
    requestSingleInstanceLock: () => record.singleInstanceLock,
    quit: () => void record.quit++,
    whenReady: () => ready,
    getPath: () => userData,
    getVersion: () => '0.0.0-test',
  });

  const session = {
    defaultSession: {
      setPermissionRequestHandler: (h: (...args: unknown[]) => void) => void (record.permissionRequestHandler = h),
      setPermissionCheckHandler: (h: (...args: unknown[]) => boolean) => void (record.permissionCheckHandler = h),
      webRequest: { onHeadersReceived: (h: (details: unknown, cb: (r: unknown) => void) => void) => void (record.headersHandler = h) },
    },
  };

  const module = {
    app,
    BrowserWindow: FakeBrowserWindow,
    session,
    shell: { openExternal: (url: string) => (record.openedExternally.push(url), Promise.resolve()) },
    ipcMain: { handle: (channel: string, listener: (...args: unknown[]) => unknown) => void record.ipcHandlers.set(channel, listener) },
    ipcRenderer: { invoke: (channel: string, ...args: unknown[]) => (record.invoked.push({ channel, args }), Promise.resolve({ ok: true })) },
    contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void record.exposed.set(key, api) },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void record.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (req: Request) => Promise<Response>) => void record.protocolHandlers.set(scheme, handler),
    },
    net: { fetch: (url: string) => fetch(url) },
    clipboard: {
      writeText: (text: string) => void (record.clipboard = text),
      readText: () => record.clipboard,
      clear: () => void (record.clipboard = ''),
    },
  };
  return { module, record, fireReady: () => resolveReady(), FakeBrowserWindow };
}
