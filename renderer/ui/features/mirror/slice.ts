import { createSlice, type PayloadAction } from '@reduxjs/toolkit';
import type { AppState, Snapshot } from '../../../../common/contract/snapshot';
import { isNewerRevision } from '../../../../common/mirror/revision';

/**
 * The renderer's copy of main's state. It is only ever replaced wholesale by
 * a strictly newer snapshot: events can overtake the `getSnapshot` reply, and
 * a late, older snapshot must never roll the view back.
 */
export interface MirrorState {
  /** Revision of the applied snapshot; null until the first one arrives. */
  rev: number | null;
  state: AppState | null;
}

const initialState: MirrorState = { rev: null, state: null };

export const mirrorSlice = createSlice({
  name: 'mirror',
  initialState,
  reducers: {
    /** A snapshot from main (event or fetch reply), already validated. */
    snapshotReceived(mirror, action: PayloadAction<Snapshot>) {
      if (!isNewerRevision(mirror.rev, action.payload.rev)) return;
      mirror.rev = action.payload.rev;
      mirror.state = action.payload.state;
    },
  },
});

export const { snapshotReceived } = mirrorSlice.actions;
