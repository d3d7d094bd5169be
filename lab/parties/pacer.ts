import type { Clock, TimerHandle } from './clock';

/**
 * One 20 ms ticker shared by every call of a process: N calls cost one
 * timer, not N. It runs only while someone listens, re-aims at the ideal
 * tick time so it does not drift, and after a stall (GC, busy CPU) skips
 * the missed ticks instead of bursting them.
 */
export class Pacer {
  private readonly listeners = new Set<() => void>();
  private timer: TimerHandle | null = null;
  private nextAt = 0;

  constructor(
    private readonly clock: Clock,
    readonly intervalMs = 20,
  ) {}

  get size(): number {
    return this.listeners.size;
  }

  /** Calls `onTick` every interval until the returned function is called. */
  add(onTick: () => void): () => void {
    this.listeners.add(onTick);
    if (!this.timer) {
      this.nextAt = this.clock.now() + this.intervalMs;
      this.schedule();
    }
    return () => {
      this.listeners.delete(onTick);
      if (this.listeners.size === 0 && this.timer) {
        this.clock.clearTimeout(this.timer);
        this.timer = null;
      }
    };
  }

  private schedule(): void {
    this.timer = this.clock.setTimeout(() => this.tick(), Math.max(0, this.nextAt - this.clock.now()));
  }

  private tick(): void {
    this.timer = null;
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One broken call must not stop the others' media.
      }
    }
    // A listener may have removed everything, or re-added and so restarted us.
    if (this.listeners.size === 0 || this.timer) return;
    const now = this.clock.now();
    this.nextAt += this.intervalMs;
    if (now - this.nextAt > 5 * this.intervalMs) this.nextAt = now + this.intervalMs;
    this.schedule();
  }
}
