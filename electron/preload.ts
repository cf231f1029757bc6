import { contextBridge, ipcRenderer } from 'electron';
import { CALL_NAMES } from '../shared/contract';

/**
 * Exposes `window.setup`: one named method per contract call and nothing else (no ipcRenderer,
 * no generic invoke), so the page can only ask for what the contract declares.
 */
const setup = Object.freeze(
  Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipcRenderer.invoke(`setup:${name}`, input)])),
);

contextBridge.exposeInMainWorld('setup', setup);
