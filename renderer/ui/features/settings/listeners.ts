import { callBridge } from '../../app/call-bridge';
import type { AppStartListening } from '../../app/listener';
import {
  languageChangeAccepted,
  languageChangeFailed,
  languageChosen,
  pingAnswered,
  pingFailed,
  pingRequested,
} from './slice';

let pingCounter = 0;

/** Settings intents → bridge verbs; and the UI language following the mirror. */
export function registerSettingsListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: languageChosen,
    effect: async (action, api) => {
      const reply = await callBridge(api, 'setLanguage', (bridge) =>
        bridge.settings.setLanguage({ language: action.payload }),
      );
      api.dispatch(reply ? languageChangeAccepted({ rev: reply.rev }) : languageChangeFailed());
    },
  });

  // The UI switches language when a snapshot says so, never on the agent's
  // click alone: main resolves "system" and is the one that persists it.
  startListening({
    predicate: (_action, current, previous) =>
      current.mirror.state !== null &&
      current.mirror.state.language !== previous.mirror.state?.language,
    effect: (_action, api) => {
      const language = api.getState().mirror.state?.language;
      if (language) api.extra.applyLanguage(language);
    },
  });

  startListening({
    actionCreator: pingRequested,
    effect: async (_action, api) => {
      api.cancelActiveListeners();
      pingCounter += 1;
      const nonce = `ui-${pingCounter}-${api.extra.now()}`;
      const sentAt = api.extra.now();
      const reply = await callBridge(api, 'ping', (bridge) => bridge.app.ping({ nonce }));
      if (reply && reply.nonce === nonce) api.dispatch(pingAnswered(Math.max(0, api.extra.now() - sentAt)));
      else api.dispatch(pingFailed());
    },
  });
}
