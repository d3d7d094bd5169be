import type { ApiClock } from '../../../../../lab/api';

/** A clock that moves only when told; `advance` fires due timers in order. */
export class ManualApiClock implements ApiClock {
  private time = 1_700_000_000_000;
  private next = 1;
  private readonly timers = new Map<number, { due: number; fn: () => void }>();

  now(): number {
    return this.time;
  }

  setTimer(ms: number, fn: () => void): number {
    const handle = this.next++;
    this.timers.set(handle, { due: this.time + ms, fn });
    return handle;
  }

  clearTimer(handle: number): void {
    this.timers.delete(handle);
  }

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()].filter(([, t]) => t.due <= end).sort((a, b) => a[1].due - b[1].due || a[0] - b[0])[0];
      if (due === undefined) break;
      this.timers.delete(due[0]);
      this.time = due[1].due;
      due[1].fn();
    }
    this.time = end;
  }
}
