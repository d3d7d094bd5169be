import { configureStore, createListenerMiddleware } from '@reduxjs/toolkit';
import type { SwitchboardBridge } from '../../../common/contract/bridge';
import { createLogger, type Logger } from '../../../common/log/logger';
import { registerEngineListeners } from '../features/engine/listeners';
import { registerMirrorListeners } from '../features/mirror/listeners';
import { registerSessionListeners } from '../features/session/listeners';
import { registerSettingsListeners } from '../features/settings/listeners';
import { registerSoftphoneListeners } from '../features/softphone/listeners';
import { registerAudioDeviceListeners } from '../features/softphone/device-listeners';
import { registerWrapUpListeners } from '../features/wrap-up/listeners';
import type { AppExtra, AppStartListening } from './listener';
import { rootReducer } from './root-reducer';

export interface AppStoreOptions {
  logger?: Logger;
  applyLanguage?: AppExtra['applyLanguage'];
  now?: AppExtra['now'];
}

const silentLogger = (): Logger => createLogger('ui', () => undefined);

/**
 * The renderer store. The bridge is injected (the preload's in the app, a
 * fake in tests) and reaches side effects only through listener `extra`;
 * components dispatch intents and never see it.
 */
export function createAppStore(bridge: SwitchboardBridge, options: AppStoreOptions = {}) {
  const extra: AppExtra = {
    bridge,
    logger: options.logger ?? silentLogger(),
    applyLanguage: options.applyLanguage ?? (() => undefined),
    now: options.now ?? Date.now,
  };
  const listeners = createListenerMiddleware({
    extra,
    onError: (error, info) => extra.logger.error(`listener failed (${info.raisedBy})`, error),
  });
  const startListening = listeners.startListening as AppStartListening;
  registerMirrorListeners(startListening);
  registerSettingsListeners(startListening);
  registerEngineListeners(startListening);
  registerSoftphoneListeners(startListening);
  registerAudioDeviceListeners(startListening);
  registerSessionListeners(startListening);
  registerWrapUpListeners(startListening);

  return configureStore({
    reducer: rootReducer,
    middleware: (getDefault) => getDefault().prepend(listeners.middleware),
  });
}

export type AppStore = ReturnType<typeof createAppStore>;
