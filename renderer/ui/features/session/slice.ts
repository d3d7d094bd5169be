import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { ChosenState } from '../../../../common/agent-api/agent';
import type { LoginCommand, ServerProfile } from '../../../../common/contract/agent-session';
import { snapshotReceived } from '../mirror/slice';
import type { SessionAction, SessionFailure } from './failure';

/**
 * Intent: log in (S1). `profile` is where the agent chose to log in; the
 * listener saves it first when it differs from main's. The password, when
 * typed, travels in this payload only: no reducer keeps it and no listener
 * logs it. Omitted, main uses the one saved for the username.
 */
export interface LoginIntent {
  profile: ServerProfile;
  login: LoginCommand;
}
export const loginRequested = createAction<LoginIntent>('session/loginRequested');
/** Intent: log out (S3: main and the contact center refuse it while a contact is active). */
export const logoutRequested = createAction('session/logoutRequested');
/** Intent: Available, or Idle with a reason (A1; during a contact it applies when the contact ends, A3). */
export const agentStateChosen = createAction<ChosenState>('session/agentStateChosen');

/** A refused state change or logout, shown until dismissed or the session changes. */
export interface SessionNotice {
  id: number;
  action: SessionAction;
  failure: SessionFailure;
}

/**
 * UI-local progress of session requests. The session itself (status,
 * agent, state, why it ended) is main's and comes from the mirror
 * (`state.session`); this only tracks what the agent asked for and what
 * main answered.
 */
export interface SessionUiState {
  loginPending: boolean;
  /** Why the last login attempt failed; cleared by the next attempt. */
  loginFailure: SessionFailure | null;
  /** Bumped when a login attempt settles (either way): the form clears its password. */
  loginAttempts: number;
  logoutPending: boolean;
  /** The state chosen and not yet answered (shown in the dropdown meanwhile). */
  statePending: ChosenState | null;
  notice: SessionNotice | null;
  nextNoticeId: number;
}

const initialState: SessionUiState = {
  loginPending: false,
  loginFailure: null,
  loginAttempts: 0,
  logoutPending: false,
  statePending: null,
  notice: null,
  nextNoticeId: 1,
};

export const sessionSlice = createSlice({
  name: 'session',
  initialState,
  reducers: {
    loginSettled(session, action: PayloadAction<{ failure: SessionFailure | null }>) {
      session.loginPending = false;
      session.loginFailure = action.payload.failure;
      session.loginAttempts += 1;
    },
    logoutSettled(session) {
      session.logoutPending = false;
    },
    agentStateSettled(session) {
      session.statePending = null;
    },
    sessionNoticeRaised(session, action: PayloadAction<{ action: SessionAction; failure: SessionFailure }>) {
      session.notice = { id: session.nextNoticeId, ...action.payload };
      session.nextNoticeId += 1;
    },
    sessionNoticeDismissed(session) {
      session.notice = null;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(loginRequested, (session) => {
        // Nothing of the payload is kept: it may carry the password.
        session.loginPending = true;
        session.loginFailure = null;
      })
      .addCase(logoutRequested, (session) => {
        session.logoutPending = true;
      })
      .addCase(agentStateChosen, (session, action) => {
        session.statePending ??= action.payload;
      })
      .addCase(snapshotReceived, (session, action) => {
        // A refusal about a session that has ended is no longer news.
        if (action.payload.state.session.status === 'logged-out') session.notice = null;
      });
  },
});

export const { loginSettled, logoutSettled, agentStateSettled, sessionNoticeRaised, sessionNoticeDismissed } =
  sessionSlice.actions;
