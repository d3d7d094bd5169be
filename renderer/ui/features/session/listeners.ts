import type { SessionResult } from '../../../../common/contract/agent-session';
import type { IpcResult } from '../../../../common/contract/result';
import type { AppExtra, AppStartListening } from '../../app/listener';
import { failureOf, type SessionFailure } from './failure';
import {
  agentStateChosen,
  agentStateSettled,
  loginRequested,
  loginSettled,
  logoutRequested,
  logoutSettled,
  sessionNoticeRaised,
} from './slice';

const sameProfile = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Calls a session verb and reads its reply. A broken bridge (the promise
 * rejects) is an `internal` failure: nothing in the UI throws because main
 * said no. Only the verb and the code are logged, never the request (the
 * login carries the password).
 */
async function callSession(
  extra: AppExtra,
  verb: string,
  call: (bridge: AppExtra['bridge']) => Promise<IpcResult<SessionResult>>,
): Promise<SessionFailure | null> {
  let failure: SessionFailure | null;
  try {
    failure = failureOf(await call(extra.bridge));
  } catch (error) {
    extra.logger.error(`${verb}: bridge call threw`, error);
    return { source: 'ipc', code: 'internal' };
  }
  if (failure) extra.logger.warn(`${verb}: refused (${failure.source} ${failure.code})`);
  return failure;
}

/**
 * Session intents → bridge verbs. What the agent then sees (logged in, the
 * agent's state, why a session ended) comes from main's snapshots; replies
 * only end the pending states, fill the login error or raise a notice.
 */
export function registerSessionListeners(startListening: AppStartListening): void {
  startListening({
    actionCreator: loginRequested,
    effect: async (action, api) => {
      // A second submit while the first is in flight does nothing.
      if (api.getOriginalState().session.loginPending) return;
      const { profile, login } = action.payload;
      const current = api.getState().mirror.state?.session.profile;
      if (!sameProfile(current, profile)) {
        try {
          const saved = await api.extra.bridge.settings.setServerProfile({ profile });
          if (!saved.ok) {
            api.extra.logger.warn(`setServerProfile: refused (${saved.error.code})`);
            api.dispatch(loginSettled({ failure: { source: 'ipc', code: saved.error.code } }));
            return;
          }
        } catch (error) {
          api.extra.logger.error('setServerProfile: bridge call threw', error);
          api.dispatch(loginSettled({ failure: { source: 'ipc', code: 'internal' } }));
          return;
        }
      }
      const failure = await callSession(api.extra, 'login', (bridge) => bridge.agent.login(login));
      api.dispatch(loginSettled({ failure }));
    },
  });

  startListening({
    actionCreator: logoutRequested,
    effect: async (_action, api) => {
      if (api.getOriginalState().session.logoutPending) return;
      const failure = await callSession(api.extra, 'logout', (bridge) => bridge.agent.logout());
      if (failure) api.dispatch(sessionNoticeRaised({ action: 'logout', failure }));
      api.dispatch(logoutSettled());
    },
  });

  startListening({
    actionCreator: agentStateChosen,
    effect: async (action, api) => {
      // One change at a time: a second pick while the first is unanswered is dropped.
      if (api.getOriginalState().session.statePending !== null) return;
      const failure = await callSession(api.extra, 'setState', (bridge) => bridge.agent.setState(action.payload));
      if (failure) api.dispatch(sessionNoticeRaised({ action: 'setState', failure }));
      api.dispatch(agentStateSettled());
    },
  });
}
