import type { AppInfo, AppState, EngineState } from '../../common/contract';
import { DEFAULT_DEVICE_CHOICE, IDLE_LINES, INITIAL_AGENT_SESSION, resolveLanguage } from '../../common/contract';
import type { Settings } from '../settings/settings-schema';
import { connectionOf } from './agent-commands';

/** The state main starts with, before any window exists. */
export function initialAppState(app: AppInfo, settings: Settings, engine: EngineState, labUrl: string | null = null): AppState {
  const session = { ...INITIAL_AGENT_SESSION, profile: settings.serverProfile, labAvailable: labUrl !== null, remembered: settings.rememberedLogin };
  return {
    app,
    engine,
    settings: { language: settings.language },
    language: resolveLanguage(settings.language, app.systemLanguages),
    connection: connectionOf(session),
    agent: null,
    softphone: {
      account: null,
      registration: { status: 'unconfigured', code: null, retryAt: null },
      vault: 'unknown',
      lines: IDLE_LINES,
      devices: { available: { inputs: [], outputs: [] }, chosen: settings.audioDevices ?? DEFAULT_DEVICE_CHOICE },
    },
    session,
  };
}

/** Applies changed settings and everything derived from them. */
export function withSettings(state: AppState, settings: Settings): AppState {
  return {
    ...state,
    settings: { language: settings.language },
    language: resolveLanguage(settings.language, state.app.systemLanguages),
  };
}
