import { createAction } from '@reduxjs/toolkit';

/** Start mirroring main's state: subscribe to snapshots, then fetch one. */
export const mirrorStarted = createAction('mirror/started');
/** Stop mirroring (unsubscribes); used on teardown and in tests. */
export const mirrorStopped = createAction('mirror/stopped');
/** Fetch the snapshot again, e.g. after the first fetch failed. */
export const snapshotRequested = createAction('mirror/snapshotRequested');
