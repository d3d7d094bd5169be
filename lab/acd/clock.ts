/**
 * Time for the ACD, injected so the logic stays deterministic: the lab uses
 * the system clock, tests a manual one they advance by hand.
 */
export type TimerHandle = number;

export interface AcdClock {
  /** Milliseconds since the epoch (or any fixed origin). */
  now(): number;
  setTimer(ms: number, fn: () => void): TimerHandle;
  clearTimer(handle: TimerHandle): void;
}

/** Real time, for the running lab. */
export function systemClock(): AcdClock {
  const timers = new Map<TimerHandle, NodeJS.Timeout>();
  let next = 1;
  return {
    now: () => Date.now(),
    setTimer(ms, fn) {
      const handle = next++;
      const timer = setTimeout(() => {
        timers.delete(handle);
        fn();
      }, ms);
      timer.unref();
      timers.set(handle, timer);
      return handle;
    },
    clearTimer(handle) {
      const timer = timers.get(handle);
      if (timer !== undefined) clearTimeout(timer);
      timers.delete(handle);
    },
  };
}

/**
 * A clock that moves only when told: `advance(ms)` fires due timers in time
 * order (ties in the order they were set), each seeing `now()` at its due time.
 */
export class ManualClock implements AcdClock {
  private time: number;
  private next = 1;
  private readonly timers = new Map<TimerHandle, { due: number; fn: () => void }>();

  constructor(start = 1_700_000_000_000) {
    this.time = start;
  }

  now(): number {
    return this.time;
  }

  setTimer(ms: number, fn: () => void): TimerHandle {
    const handle = this.next++;
    this.timers.set(handle, { due: this.time + Math.max(0, ms), fn });
    return handle;
  }

  clearTimer(handle: TimerHandle): void {
    this.timers.delete(handle);
  }

  /** Timers still waiting. */
  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      let dueHandle: TimerHandle | undefined;
      let due = Infinity;
      for (const [handle, timer] of this.timers) {
        if (timer.due <= end && timer.due < due) {
          due = timer.due;
          dueHandle = handle;
        }
      }
      if (dueHandle === undefined) break;
      const timer = this.timers.get(dueHandle);
      this.timers.delete(dueHandle);
      this.time = due;
      timer?.fn();
    }
    this.time = end;
  }
}
