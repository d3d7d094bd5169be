import type { AcdClock, TimerHandle } from '../acd';

/**
 * A clock that remembers the timers set through it, so stopping the lab
 * clears every ACD, API and SIP timer it started (no timer outlives the lab).
 */
export interface TrackedClock extends AcdClock {
  /** Timers set and not yet fired or cleared. */
  readonly pending: number;
  clearAll(): void;
}

export function trackedClock(inner: AcdClock): TrackedClock {
  const live = new Set<TimerHandle>();
  return {
    now: () => inner.now(),
    setTimer(ms, fn) {
      const handle = inner.setTimer(ms, () => {
        live.delete(handle);
        fn();
      });
      live.add(handle);
      return handle;
    },
    clearTimer(handle) {
      live.delete(handle);
      inner.clearTimer(handle);
    },
    get pending() {
      return live.size;
    },
    clearAll() {
      for (const handle of live) inner.clearTimer(handle);
      live.clear();
    },
  };
}
