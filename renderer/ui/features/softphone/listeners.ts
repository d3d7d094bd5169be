import { callBridge } from '../../app/call-bridge';
import type { AppStartListening } from '../../app/listener';
import {
  sipAccountRemoveRequested,
  sipAccountRemoveSettled,
  sipAccountSaveRequested,
  sipAccountSaveSettled,
  sipReconnectRequested,
  sipReconnectSettled,
} from './slice';

/**
 * Softphone intents → bridge verbs. What the agent then sees (account,
 * registration status) comes from main's next snapshots; the replies only
 * end the buttons' pending states. Nothing here logs the intent payload:
 * it may carry the SIP password.
 */
export function registerSoftphoneListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: sipAccountSaveRequested,
    effect: async (action, api) => {
      // A second press while the first save is in flight does nothing.
      if (api.getOriginalState().softphone.savePending) return;
      const { account, password } = action.payload;
      const reply = await callBridge(api, 'saveSipAccount', (bridge) =>
        bridge.softphone.saveAccount(password ? { account, password } : { account }),
      );
      api.dispatch(sipAccountSaveSettled({ saved: reply !== null }));
    },
  });

  startListening({
    actionCreator: sipAccountRemoveRequested,
    effect: async (_action, api) => {
      if (api.getOriginalState().softphone.removePending) return;
      const reply = await callBridge(api, 'removeSipAccount', (bridge) => bridge.softphone.removeAccount());
      api.dispatch(sipAccountRemoveSettled({ removed: reply !== null }));
    },
  });

  startListening({
    actionCreator: sipReconnectRequested,
    effect: async (_action, api) => {
      if (api.getOriginalState().softphone.reconnectPending) return;
      await callBridge(api, 'reconnectSip', (bridge) => bridge.softphone.reconnect());
      api.dispatch(sipReconnectSettled());
    },
  });
}
