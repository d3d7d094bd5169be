import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import { snapshotReceived } from '../mirror/slice';
import type { SessionFailure } from '../session/failure';

/** Intent: submit a wrap-up with the chosen code (W1); `lastAgentRouting` sends the customer's next call back here. */
export interface WrapUpSubmitIntent {
  contactId: string;
  code: string;
  lastAgentRouting: boolean;
}
export const wrapUpSubmitted = createAction<WrapUpSubmitIntent>('wrapUp/submitted');
/** Intent: stop the default code being submitted when the auto wrap-up timer fires (W1). */
export const autoWrapUpCancelled = createAction<{ contactId: string }>('wrapUp/autoCancelled');

/** The wrap-up requests that can fail, for the notice's lead text (`wrapUp.notice.action.<action>`). */
export const WRAP_UP_ACTIONS = ['submit', 'cancelAuto'] as const;
export type WrapUpAction = (typeof WRAP_UP_ACTIONS)[number];

/** A refused submit or cancel, shown until dismissed or the session ends. */
export interface WrapUpNotice {
  id: number;
  action: WrapUpAction;
  contactId: string;
  failure: SessionFailure;
}

/**
 * UI-local progress of wrap-up requests. The wrap-ups themselves are main's
 * (`session.view.wrapUps` in the mirror). A submit that main accepted stays
 * pending until main's state no longer lists the wrap-up, so Submit cannot
 * be pressed twice in between.
 */
export interface WrapUpUiState {
  /** Contact ids with a submit in flight (or accepted and not yet gone from main's state). */
  submitting: string[];
  /** Contact ids with a cancel-auto in flight. */
  cancelling: string[];
  notice: WrapUpNotice | null;
  nextNoticeId: number;
}

const initialState: WrapUpUiState = { submitting: [], cancelling: [], notice: null, nextNoticeId: 1 };

const without = (ids: string[], id: string) => ids.filter((other) => other !== id);

export const wrapUpSlice = createSlice({
  name: 'wrapUp',
  initialState,
  reducers: {
    wrapUpSubmitSettled(wrapUp, action: PayloadAction<{ contactId: string; accepted: boolean }>) {
      if (!action.payload.accepted) wrapUp.submitting = without(wrapUp.submitting, action.payload.contactId);
    },
    autoWrapUpCancelSettled(wrapUp, action: PayloadAction<{ contactId: string }>) {
      wrapUp.cancelling = without(wrapUp.cancelling, action.payload.contactId);
    },
    wrapUpNoticeRaised(wrapUp, action: PayloadAction<Omit<WrapUpNotice, 'id'>>) {
      wrapUp.notice = { id: wrapUp.nextNoticeId, ...action.payload };
      wrapUp.nextNoticeId += 1;
    },
    wrapUpNoticeDismissed(wrapUp) {
      wrapUp.notice = null;
    },
  },
  extraReducers: (builder) => {
    builder
      .addCase(wrapUpSubmitted, (wrapUp, action) => {
        if (!wrapUp.submitting.includes(action.payload.contactId)) wrapUp.submitting.push(action.payload.contactId);
      })
      .addCase(autoWrapUpCancelled, (wrapUp, action) => {
        if (!wrapUp.cancelling.includes(action.payload.contactId)) wrapUp.cancelling.push(action.payload.contactId);
      })
      .addCase(snapshotReceived, (wrapUp, action) => {
        const session = action.payload.state.session;
        const owed = new Set((session.view?.wrapUps ?? []).map((w) => w.contactId));
        // A submit is over once main no longer lists the wrap-up.
        wrapUp.submitting = wrapUp.submitting.filter((id) => owed.has(id));
        if (session.status === 'logged-out') wrapUp.notice = null;
      });
  },
});

export const { wrapUpSubmitSettled, autoWrapUpCancelSettled, wrapUpNoticeRaised, wrapUpNoticeDismissed } = wrapUpSlice.actions;
