import type { ThunkDispatch, TypedStartListening, UnknownAction } from '@reduxjs/toolkit';
import type { SwitchboardBridge } from '../../../common/contract/bridge';
import type { Language } from '../../../common/contract/languages';
import type { Logger } from '../../../common/log/logger';
import type { RootState } from './root-reducer';

/**
 * What listeners get as `extra`: the bridge (a fake one in tests) and the
 * few DOM-side effects the store triggers, injected so that slices and
 * listeners run under Node without a DOM.
 */
export interface AppExtra {
  bridge: SwitchboardBridge;
  logger: Logger;
  /** Switch i18next and `<html lang>` to the language main resolved. */
  applyLanguage: (language: Language) => void;
  /** Epoch ms; injectable so round-trip tests are deterministic. */
  now: () => number;
}

export type AppDispatch = ThunkDispatch<RootState, unknown, UnknownAction>;
export type AppStartListening = TypedStartListening<RootState, AppDispatch, AppExtra>;
