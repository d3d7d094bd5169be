import { callBridge } from '../../app/call-bridge';
import type { AppStartListening } from '../../app/listener';
import { engineRestartRequested, engineRestartSettled } from './slice';

/**
 * Manual engine restart. The status shown comes from the next snapshots
 * (restarting → ready); the reply only ends the button's pending state.
 */
export function registerEngineListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: engineRestartRequested,
    effect: async (_action, api) => {
      // A second press while the first request is in flight does nothing.
      if (api.getOriginalState().engine.restartPending) return;
      await callBridge(api, 'restartEngine', (bridge) => bridge.engine.restart());
      api.dispatch(engineRestartSettled());
    },
  });
}
