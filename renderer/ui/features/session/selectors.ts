import type { RootState } from '../../app/root-reducer';

/** Selectors over the mirrored session (main's) and the UI's session progress. */
export const selectSession = (state: RootState) => state.mirror.state?.session ?? null;
export const selectSessionStatus = (state: RootState) => state.mirror.state?.session.status ?? null;
/** Logged in, or logged in and coming back after a dropped connection: the agent desktop shows. */
export const selectSignedIn = (state: RootState) => {
  const status = selectSessionStatus(state);
  return status === 'logged-in' || status === 'reconnecting';
};
export const selectSessionUi = (state: RootState) => state.session;
