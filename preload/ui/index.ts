/**
 * UI window preload: exposes `window.switchboard`, a set of verbs over the
 * IPC contract. It never exposes `ipcRenderer` or any Node/Electron object,
 * and listeners it registers can be removed.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { CommandChannel, InputLevel, Snapshot, SwitchboardBridge } from '../../common/contract';
import { UI_BRIDGE_KEY } from '../../common/contract/bridge';

const invoke =
  <C extends CommandChannel>(channel: C) =>
  (request: unknown = {}) =>
    ipcRenderer.invoke(channel, request);

const bridge: SwitchboardBridge = {
  app: {
    getSnapshot: () => invoke('sb:app:get-snapshot')(),
    ping: invoke('sb:app:ping'),
  },
  settings: { setLanguage: invoke('sb:settings:set-language'), setServerProfile: invoke('sb:settings:set-server-profile') },
  agent: {
    login: invoke('sb:agent:login'),
    logout: () => invoke('sb:agent:logout')(),
    setState: invoke('sb:agent:set-state'),
    request: invoke('sb:agent:request'),
    act: invoke('sb:agent:act'),
  },
  shell: { openExternal: invoke('sb:shell:open-external') },
  engine: { restart: () => invoke('sb:engine:restart')() },
  softphone: {
    saveAccount: invoke('sb:softphone:save-account'),
    removeAccount: () => invoke('sb:softphone:remove-account')(),
    reconnect: () => invoke('sb:softphone:reconnect')(),
    line: invoke('sb:softphone:line'),
    setDevices: invoke('sb:softphone:set-devices'),
    levelMeter: invoke('sb:softphone:level-meter'),
    onInputLevel(listener) {
      const handler = (_event: IpcRendererEvent, level: InputLevel): void => listener(level);
      ipcRenderer.on('sb:softphone:input-level', handler);
      return () => {
        ipcRenderer.removeListener('sb:softphone:input-level', handler);
      };
    },
  },
  log: invoke('sb:log:write'),
  onSnapshot(listener) {
    const handler = (_event: IpcRendererEvent, snapshot: Snapshot): void => listener(snapshot);
    ipcRenderer.on('sb:state:snapshot', handler);
    return () => {
      ipcRenderer.removeListener('sb:state:snapshot', handler);
    };
  },
};

contextBridge.exposeInMainWorld(UI_BRIDGE_KEY, bridge);
