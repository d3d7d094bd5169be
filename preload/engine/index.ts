/**
 * Engine window preload: the media engine's verbs — handshake, logging, and
 * the media RPC with main (requests in, replies out). Never `ipcRenderer`.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { EngineBridge, MediaRequest } from '../../common/contract';
import { ENGINE_BRIDGE_KEY } from '../../common/contract/bridge';

const bridge: EngineBridge = {
  ready: (request) => ipcRenderer.invoke('sb:engine:ready', request),
  log: (request) => ipcRenderer.invoke('sb:log:write', request),
  mediaReply: (reply) => ipcRenderer.invoke('sb:engine:media-reply', reply),
  callQuality: (report) => ipcRenderer.invoke('sb:engine:call-quality', report),
  devices: (report) => ipcRenderer.invoke('sb:engine:devices', report),
  inputLevel: (report) => ipcRenderer.invoke('sb:engine:input-level', report),
  onMediaRequest(listener) {
    const handler = (_event: IpcRendererEvent, request: MediaRequest): void => listener(request);
    ipcRenderer.on('sb:engine:media', handler);
    return () => {
      ipcRenderer.removeListener('sb:engine:media', handler);
    };
  },
};

contextBridge.exposeInMainWorld(ENGINE_BRIDGE_KEY, bridge);
