import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { SipAccount } from '../../../../common/contract/softphone';
import type { LineCommand, LineCommandKind } from '../../../../common/softphone';

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
 * Intent: a call-control command (answer, hold, consult, dial, DTMF…). The
 * listener sends it to main's line table; what changes comes back in the
 * next snapshot (`state.softphone.lines`), a refusal as a notice.
 */
export const lineCommandRequested = createAction<LineCommand>('softphone/lineCommandRequested');

/**
 * What makes two presses "the same button" while the first is in flight:
 * the kind and the line (`hold:line1`). DTMF keys are never the same
 * press: each digit counts, so they are not tracked.
 */
export function lineCommandKey(command: LineCommand): string | null {
  if (command.kind === 'dtmf') return null;
  return 'line' in command ? `${command.kind}:${command.line}` : command.kind;
}

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
  /**
   * Per command kind, how many main accepted. Forms watch their kind (the
   * dial box `dial`, the consult form `consult`…) to clear or close once
   * the command went through, and stay as typed when it was refused.
   */
  acceptedCounts: Partial<Record<LineCommandKind, number>>;
  /**
   * Buttons whose command awaits main's reply (`lineCommandKey`). A second
   * press of the same button meanwhile (a double click on Answer) is
   * dropped instead of coming back as "No call is ringing".
   */
  linePending: string[];
}

const initialState: SoftphoneUiState = {
  savePending: false,
  removePending: false,
  reconnectPending: false,
  savedCount: 0,
  removedCount: 0,
  acceptedCounts: {},
  linePending: [],
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
    lineCommandSettled(softphone, action: PayloadAction<{ command: LineCommand; accepted: boolean }>) {
      const { command, accepted } = action.payload;
      const key = lineCommandKey(command);
      softphone.linePending = softphone.linePending.filter((pending) => pending !== key);
      if (accepted) softphone.acceptedCounts[command.kind] = (softphone.acceptedCounts[command.kind] ?? 0) + 1;
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
      })
      .addCase(lineCommandRequested, (softphone, action) => {
        const key = lineCommandKey(action.payload);
        if (key !== null && !softphone.linePending.includes(key)) softphone.linePending.push(key);
      });
  },
});

export const { sipAccountSaveSettled, sipAccountRemoveSettled, sipReconnectSettled, lineCommandSettled } =
  softphoneSlice.actions;
