/**
 * Jest double for the `electron` module. Unit tests inject their own fakes
 * into the code under test; this only has to satisfy imports.
 */
import { EventEmitter } from 'node:events';

export const app = Object.assign(new EventEmitter(), {
  getPath: () => '/tmp/switchboard-unit',
  getName: () => 'Switchboard',
  getVersion: () => '0.0.0-test',
  getPreferredSystemLanguages: () => ['en-US'],
  isPackaged: false,
  quit: () => undefined,
});
export const ipcMain = { handle: () => undefined, removeHandler: () => undefined, on: () => undefined };
export const protocol = { handle: () => undefined, registerSchemesAsPrivileged: () => undefined };
export const session = { defaultSession: {} };
export const shell = { openExternal: async () => undefined };
export class BrowserWindow extends EventEmitter {}
export const contextBridge = { exposeInMainWorld: () => undefined };
export const ipcRenderer = { invoke: async () => undefined, on: () => undefined, removeListener: () => undefined };
