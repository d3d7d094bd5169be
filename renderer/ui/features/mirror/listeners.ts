import { snapshotSchema, type Snapshot } from '../../../../common/contract/snapshot';
import { callBridge } from '../../app/call-bridge';
import type { AppDispatch, AppExtra, AppStartListening } from '../../app/listener';
import { noticeRaised, type NoticeAction } from '../notices/slice';
import { mirrorStarted, mirrorStopped, snapshotRequested } from './intents';
import { snapshotReceived } from './slice';

/**
 * Validates a snapshot from the bridge before it reaches the store: the
 * preload is ours, but boundary data is parsed, never trusted by its type.
 */
function acceptSnapshot(
  incoming: unknown,
  action: NoticeAction,
  dispatch: AppDispatch,
  extra: AppExtra,
): void {
  const parsed = snapshotSchema.safeParse(incoming);
  if (!parsed.success) {
    extra.logger.warn('ignored a malformed snapshot', { issues: parsed.error.issues.slice(0, 5) });
    dispatch(noticeRaised({ action, code: 'invalid-payload' }));
    return;
  }
  dispatch(snapshotReceived(parsed.data));
}

async function fetchSnapshot(api: { dispatch: AppDispatch; extra: AppExtra }): Promise<void> {
  const snapshot = await callBridge<Snapshot>(api, 'loadState', (bridge) => bridge.app.getSnapshot());
  if (snapshot !== null) acceptSnapshot(snapshot, 'loadState', api.dispatch, api.extra);
}

/**
 * Startup: **subscribe first, then fetch**. Whatever arrives first, the
 * mirror keeps the newest revision (see `snapshotReceived`), so no update
 * between subscribing and the fetch reply can be lost.
 */
export function registerMirrorListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: mirrorStarted,
    effect: async (_action, api) => {
      // A second start replaces the first subscription rather than doubling it.
      api.cancelActiveListeners();
      const { bridge, logger } = api.extra;
      const unsubscribe = bridge.onSnapshot((snapshot) => {
        acceptSnapshot(snapshot, 'receiveState', api.dispatch, api.extra);
      });
      logger.debug('subscribed to snapshots');
      try {
        await fetchSnapshot(api);
        await api.condition(mirrorStopped.match);
      } finally {
        unsubscribe();
        logger.debug('unsubscribed from snapshots');
      }
    },
  });

  startListening({
    actionCreator: snapshotRequested,
    effect: async (_action, api) => {
      await fetchSnapshot(api);
    },
  });
}
