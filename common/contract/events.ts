import { z } from 'zod';
import { snapshotSchema } from './snapshot';
import { mediaRequestSchema } from './engine-media';
import { inputLevelSchema } from './audio-devices';

/**
 * Main → renderer events (webContents.send). The UI receives state
 * snapshots; the engine will receive media commands in later features.
 */
export const EVENTS = {
  /** A new revision of the app state, sent to the UI window on every change. */
  'sb:state:snapshot': { role: 'ui', payload: snapshotSchema },
  /** A media request for the engine's WebRTC handler of one call. */
  'sb:engine:media': { role: 'engine', payload: mediaRequestSchema },
  /** Microphone level for the meter; not part of the snapshot (too frequent). */
  'sb:softphone:input-level': { role: 'ui', payload: inputLevelSchema },
} as const;

export type EventChannel = keyof typeof EVENTS;
export type EventPayload<C extends EventChannel> = z.infer<(typeof EVENTS)[C]['payload']>;
