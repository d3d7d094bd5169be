import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { SipAccount } from '../../../../common/contract/softphone';

/**
 * Intent: save the SIP account. The password, when the agent typed one,
 * travels in this payload only: no reducer stores it and no listener logs
 * it; it goes straight to `bridge.softphone.saveAccount`. Omitted, main
 * keeps the stored password.
 */
export interface SaveSipAccountIntent {
  account: SipAccount;
  password?: string;
}
export const sipAccountSaveRequested = createAction<SaveSipAccountIntent>('softphone/accountSaveRequested');
/** Intent: unregister and forget the account and its stored password (after the confirm step). */
export const sipAccountRemoveRequested = createAction('softphone/accountRemoveRequested');
/** Intent: retry registration now instead of waiting for the next scheduled attempt. */
export const sipReconnectRequested = createAction('softphone/reconnectRequested');

/**
 * UI-local progress of softphone requests. The account and registration
 * themselves come from the mirror (`state.softphone`). The counters let the
 * form notice a completed save or removal (clear the password, re-fill from
 * the mirror) without the store ever holding form values.
 */
export interface SoftphoneUiState {
  savePending: boolean;
  removePending: boolean;
  reconnectPending: boolean;
  /** Bumped on every save main accepted. */
  savedCount: number;
  /** Bumped on every removal main accepted. */
  removedCount: number;
}

const initialState: SoftphoneUiState = {
  savePending: false,
  removePending: false,
  reconnectPending: false,
  savedCount: 0,
  removedCount: 0,
};

export const softphoneSlice = createSlice({
  name: 'softphone',
  initialState,
  reducers: {
    sipAccountSaveSettled(softphone, action: PayloadAction<{ saved: boolean }>) {
      softphone.savePending = false;
      if (action.payload.saved) softphone.savedCount += 1;
    },
    sipAccountRemoveSettled(softphone, action: PayloadAction<{ removed: boolean }>) {
      softphone.removePending = false;
      if (action.payload.removed) softphone.removedCount += 1;
    },
    sipReconnectSettled(softphone) {
      softphone.reconnectPending = false;
    },
  },
  extraReducers: (builder) => {
    builder
      // Deliberately ignores the payload: the password must never reach the state.
      .addCase(sipAccountSaveRequested, (softphone) => {
        softphone.savePending = true;
      })
      .addCase(sipAccountRemoveRequested, (softphone) => {
        softphone.removePending = true;
      })
      .addCase(sipReconnectRequested, (softphone) => {
        softphone.reconnectPending = true;
      });
  },
});

export const { sipAccountSaveSettled, sipAccountRemoveSettled, sipReconnectSettled } = softphoneSlice.actions;
