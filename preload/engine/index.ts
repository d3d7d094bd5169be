/**
 * Engine window preload: the media engine's verbs (handshake and logging for
 * now; the media RPC of the softphone arrives with the softphone core).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { EngineBridge } from '../../common/contract';
import { ENGINE_BRIDGE_KEY } from '../../common/contract/bridge';

const bridge: EngineBridge = {
  ready: (request) => ipcRenderer.invoke('sb:engine:ready', request),
  log: (request) => ipcRenderer.invoke('sb:log:write', request),
};

contextBridge.exposeInMainWorld(ENGINE_BRIDGE_KEY, bridge);
