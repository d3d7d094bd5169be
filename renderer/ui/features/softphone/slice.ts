import { createAction, createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { DeviceChoice } from '../../../../common/contract/audio-devices';
import type { SipAccount } from '../../../../common/contract/softphone';
import type { LineCommand, LineCommandKind } from '../../../../common/softphone';
import { snapshotReceived } from '../mirror/slice';
import type { DeviceRole } from './audio-devices';

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
 * Intent: the agent picked a device (`null`: system default) for one role.
 * The listener merges it into the current choice and sends all three.
 */
export const audioDeviceChosen = createAction<{ role: DeviceRole; deviceId: string | null }>(
  'softphone/audioDeviceChosen',
);
/**
 * Intent: microphone level meter on (settings view shown) or off (closed).
 * On subscribes to the levels and asks main to start the meter; off
 * unsubscribes and stops it.
 */
export const levelMeterRequested = createAction<boolean>('softphone/levelMeterRequested');

/** Labels remembered per device id, so an unplugged chosen device keeps its name. */
export const MAX_KNOWN_DEVICE_LABELS = 64;

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
  /**
   * A device choice sent to main and not yet shown by a snapshot: the
   * pickers show it meanwhile (they do not jump back), and the next choice
   * builds on it. `seq` tells which request a reply belongs to.
   */
  devicesPending: { choice: DeviceChoice; seq: number; untilRev: number | null } | null;
  devicesSeq: number;
  /** Device id → label, for every device seen in a snapshot this session. */
  deviceLabels: Record<string, string>;
  /** Latest microphone level (0…1) while the meter is on; 0 when off. */
  inputLevel: number;
}

const initialState: SoftphoneUiState = {
  savePending: false,
  removePending: false,
  reconnectPending: false,
  savedCount: 0,
  removedCount: 0,
  acceptedCounts: {},
  linePending: [],
  devicesPending: null,
  devicesSeq: 0,
  deviceLabels: {},
  inputLevel: 0,
};

const sameChoice = (a: DeviceChoice, b: DeviceChoice) =>
  a.microphoneId === b.microphoneId && a.speakerId === b.speakerId && a.ringerId === b.ringerId;

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
    /** The listener is sending this (merged) choice to main. */
    audioDevicesSending(softphone, action: PayloadAction<DeviceChoice>) {
      softphone.devicesSeq += 1;
      softphone.devicesPending = { choice: action.payload, seq: softphone.devicesSeq, untilRev: null };
    },
    /** Main's reply: the snapshot `rev` that shows the choice, or null when it failed. */
    audioDevicesSettled(softphone, action: PayloadAction<{ seq: number; rev: number | null }>) {
      const pending = softphone.devicesPending;
      // A later choice is in flight: its own reply settles it.
      if (!pending || pending.seq !== action.payload.seq) return;
      if (action.payload.rev === null) softphone.devicesPending = null;
      else pending.untilRev = action.payload.rev;
    },
    /** A level from the meter, already throttled by the listener. */
    inputLevelChanged(softphone, action: PayloadAction<number>) {
      softphone.inputLevel = action.payload;
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
      })
      .addCase(levelMeterRequested, (softphone, action) => {
        if (!action.payload) softphone.inputLevel = 0;
      })
      .addCase(snapshotReceived, (softphone, action) => {
        const { available, chosen } = action.payload.state.softphone.devices;
        for (const device of [...available.inputs, ...available.outputs]) {
          const label = device.label.trim();
          if (label && softphone.deviceLabels[device.id] !== label) {
            // Oldest first out, so the table stays small however often devices come and go.
            const ids = Object.keys(softphone.deviceLabels);
            if (!(device.id in softphone.deviceLabels) && ids.length >= MAX_KNOWN_DEVICE_LABELS) {
              delete softphone.deviceLabels[ids[0]!];
            }
            softphone.deviceLabels[device.id] = label;
          }
        }
        const pending = softphone.devicesPending;
        if (!pending) return;
        const shown = sameChoice(chosen, pending.choice) || (pending.untilRev !== null && action.payload.rev >= pending.untilRev);
        if (shown) softphone.devicesPending = null;
      });
  },
});

export const {
  sipAccountSaveSettled,
  sipAccountRemoveSettled,
  sipReconnectSettled,
  lineCommandSettled,
  audioDevicesSending,
  audioDevicesSettled,
  inputLevelChanged,
} = softphoneSlice.actions;
