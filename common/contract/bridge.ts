import type { IpcResult } from './result';
import type { CommandChannel, CommandRequest, CommandResponse } from './commands';
import type { Snapshot } from './snapshot';
import type { MediaRequest } from './engine-media';
import type { InputLevel } from './audio-devices';

/** A preload verb: one command, resolved to its result. */
export type Verb<C extends CommandChannel> = (
  request: CommandRequest<C>,
) => Promise<IpcResult<CommandResponse<C>>>;

/**
 * What `preload/ui` exposes as `window.switchboard`: verbs, never
 * `ipcRenderer`. Each verb resolves to an `IpcResult`.
 */
export interface SwitchboardBridge {
  app: {
    getSnapshot: () => Promise<IpcResult<Snapshot>>;
    ping: Verb<'sb:app:ping'>;
  };
  settings: {
    setLanguage: Verb<'sb:settings:set-language'>;
    setServerProfile: Verb<'sb:settings:set-server-profile'>;
  };
  agent: {
    login: Verb<'sb:agent:login'>;
    logout: () => Promise<IpcResult<CommandResponse<'sb:agent:logout'>>>;
    setState: Verb<'sb:agent:set-state'>;
    request: Verb<'sb:agent:request'>;
    act: Verb<'sb:agent:act'>;
  };
  shell: {
    openExternal: Verb<'sb:shell:open-external'>;
  };
  engine: {
    restart: () => Promise<IpcResult<CommandResponse<'sb:engine:restart'>>>;
  };
  softphone: {
    saveAccount: Verb<'sb:softphone:save-account'>;
    removeAccount: () => Promise<IpcResult<CommandResponse<'sb:softphone:remove-account'>>>;
    reconnect: () => Promise<IpcResult<CommandResponse<'sb:softphone:reconnect'>>>;
    line: Verb<'sb:softphone:line'>;
    setDevices: Verb<'sb:softphone:set-devices'>;
    levelMeter: Verb<'sb:softphone:level-meter'>;
    /** Subscribes to microphone levels (while the meter is on); returns the unsubscribe function. */
    onInputLevel: (listener: (level: InputLevel) => void) => () => void;
  };
  log: Verb<'sb:log:write'>;
  /** Subscribes to state snapshots; returns the unsubscribe function. */
  onSnapshot: (listener: (snapshot: Snapshot) => void) => () => void;
}

/** What `preload/engine` exposes as `window.switchboardEngine`. */
export interface EngineBridge {
  ready: Verb<'sb:engine:ready'>;
  log: Verb<'sb:log:write'>;
  mediaReply: Verb<'sb:engine:media-reply'>;
  callQuality: Verb<'sb:engine:call-quality'>;
  devices: Verb<'sb:engine:devices'>;
  inputLevel: Verb<'sb:engine:input-level'>;
  /** Subscribes to media requests from main; returns the unsubscribe function. */
  onMediaRequest: (listener: (request: MediaRequest) => void) => () => void;
}

/** Names of the globals the preloads define. */
export const UI_BRIDGE_KEY = 'switchboard';
export const ENGINE_BRIDGE_KEY = 'switchboardEngine';
