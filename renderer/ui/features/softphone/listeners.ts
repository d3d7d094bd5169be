import { REFUSAL_REASONS, type RefusalReason } from '../../../../common/softphone';
import { callBridge } from '../../app/call-bridge';
import type { AppStartListening } from '../../app/listener';
import { noticeRaised } from '../notices/slice';
import {
  lineCommandKey,
  lineCommandRequested,
  lineCommandSettled,
  sipAccountRemoveRequested,
  sipAccountRemoveSettled,
  sipAccountSaveRequested,
  sipAccountSaveSettled,
  sipReconnectRequested,
  sipReconnectSettled,
} from './slice';

/**
 * Softphone intents → bridge verbs. What the agent then sees (account,
 * registration status, line states) comes from main's next snapshots; the
 * replies only end the buttons' pending states or raise a notice. Nothing here logs the intent payload:
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

  startListening({
    actionCreator: lineCommandRequested,
    effect: async (action, api) => {
      const command = action.payload;
      // The same button again before main answered the first press: drop it.
      // Every DTMF key is sent (no key), however fast they come.
      const key = lineCommandKey(command);
      if (key !== null && api.getOriginalState().softphone.linePending.includes(key)) return;
      const reply = await callBridge(api, 'lineCommand', (bridge) => bridge.softphone.line({ command }));
      if (reply !== null && !reply.accepted) {
        const reason: RefusalReason = (REFUSAL_REASONS as readonly string[]).includes(reply.reason)
          ? reply.reason
          : 'invalid-command';
        // Only the kind and the reason: targets and digits are customer data.
        api.extra.logger.info(`line command ${command.kind} refused (${reason})`);
        api.dispatch(noticeRaised({ action: 'lineCommand', code: 'refused', reason }));
      }
      api.dispatch(lineCommandSettled({ command, accepted: reply?.accepted === true }));
    },
  });
}
