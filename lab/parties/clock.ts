/**
 * The timer port the parties run on. Real time for the lab (people wait
 * 20 s before abandoning), a manual clock for tests, so time-based logic is
 * proven without sleeping.
 */
export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  /** Milliseconds on this clock's own scale. */
  now(): number;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle | null | undefined): void;
}

/** Wall-clock time on Node's timers. Handles are unref'd nowhere: callers clear them. */
export function realClock(): Clock {
  const live = new Map<number, NodeJS.Timeout>();
  let next = 1;
  return {
    now: () => Date.now(),
    setTimeout(fn, ms) {
      const id = next++;
      live.set(
        id,
        setTimeout(() => {
          live.delete(id);
          fn();
        }, Math.max(0, ms)),
      );
      return { id };
    },
    clearTimeout(handle) {
      if (!handle) return;
      const timer = live.get(handle.id);
      if (timer) clearTimeout(timer);
      live.delete(handle.id);
    },
  };
}

/**
 * A clock that moves only when told. `advance(ms)` fires due timers in time
 * order (timers scheduled by a firing timer fire too if they fall due within
 * the same advance), then lets pending promise jobs run.
 */
export class ManualClock implements Clock {
  private current: number;
  private next = 1;
  private readonly timers = new Map<number, { at: number; fn: () => void }>();

  constructor(start = 0) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.next++;
    this.timers.set(id, { at: this.current + Math.max(0, ms), fn });
    return { id };
  }

  clearTimeout(handle: TimerHandle | null | undefined): void {
    if (handle) this.timers.delete(handle.id);
  }

  /** Timers not yet fired. */
  get pending(): number {
    return this.timers.size;
  }

  async advance(ms: number): Promise<void> {
    const target = this.current + ms;
    for (;;) {
      await flushPromises();
      const due = this.nextDue(target);
      if (!due) break;
      this.timers.delete(due.id);
      this.current = due.at;
      due.fn();
    }
    this.current = target;
    await flushPromises();
  }

  private nextDue(limit: number): { id: number; at: number; fn: () => void } | null {
    let best: { id: number; at: number; fn: () => void } | null = null;
    for (const [id, timer] of this.timers) {
      if (timer.at > limit) continue;
      if (!best || timer.at < best.at || (timer.at === best.at && id < best.id)) best = { id, ...timer };
    }
    return best;
  }
}

/** Lets queued promise callbacks (and their follow-ups) run. */
export async function flushPromises(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
