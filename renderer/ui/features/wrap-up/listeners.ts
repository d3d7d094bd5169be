import type { AgentWorkRequest } from '../../../../common/contract/agent-session';
import type { AppExtra, AppStartListening } from '../../app/listener';
import { failureOf, type SessionFailure } from '../session/failure';
import {
  autoWrapUpCancelled,
  autoWrapUpCancelSettled,
  wrapUpNoticeRaised,
  wrapUpSubmitSettled,
  wrapUpSubmitted,
} from './slice';

/**
 * Sends one agent-API work op through the bridge and reads its reply. A
 * broken bridge (the promise rejects) is an `internal` failure. Only the op
 * and the code are logged, never the body.
 */
async function callWork(extra: AppExtra, request: AgentWorkRequest): Promise<SessionFailure | null> {
  let failure: SessionFailure | null;
  try {
    failure = failureOf(await extra.bridge.agent.request(request));
  } catch (error) {
    extra.logger.error(`${request.op}: bridge call threw`, error);
    return { source: 'ipc', code: 'internal' };
  }
  if (failure) extra.logger.warn(`${request.op}: refused (${failure.source} ${failure.code})`);
  return failure;
}

/**
 * Wrap-up intents → `agent.request` work ops (W1). The wrap-up disappears
 * when main's state stops listing it; a refusal raises a notice.
 */
export function registerWrapUpListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: wrapUpSubmitted,
    effect: async (action, api) => {
      const { contactId, code, lastAgentRouting } = action.payload;
      // One submit per wrap-up at a time.
      if (api.getOriginalState().wrapUp.submitting.includes(contactId)) return;
      const failure = await callWork(api.extra, { op: 'wrap-up.submit', body: { contactId, code, lastAgentRouting } });
      if (failure) api.dispatch(wrapUpNoticeRaised({ action: 'submit', contactId, failure }));
      api.dispatch(wrapUpSubmitSettled({ contactId, accepted: failure === null }));
    },
  });

  startListening({
    actionCreator: autoWrapUpCancelled,
    effect: async (action, api) => {
      const { contactId } = action.payload;
      if (api.getOriginalState().wrapUp.cancelling.includes(contactId)) return;
      const failure = await callWork(api.extra, { op: 'wrap-up.cancel-auto', body: { contactId } });
      if (failure) api.dispatch(wrapUpNoticeRaised({ action: 'cancelAuto', contactId, failure }));
      api.dispatch(autoWrapUpCancelSettled({ contactId }));
    },
  });
}
