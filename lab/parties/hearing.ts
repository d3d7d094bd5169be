import type { Clock, TimerHandle } from './clock';
import { DECODE_TABLE, type G711Codec } from './g711';
import { detectTone, rms, type DetectOptions } from './goertzel';
import { SAMPLE_RATE } from './tone';

export interface HearingOptions extends DetectOptions {
  clock: Clock;
  /** Analysis window (default 100 ms: 10 Hz resolution). */
  windowMs?: number;
  /** A window older than this no longer counts as heard (default 3 windows). */
  staleMs?: number;
}

interface Waiter {
  check(): boolean;
  resolve(): void;
  reject(error: Error): void;
  timer: TimerHandle;
}

/**
 * What a party hears: decoded G.711 collected into fixed windows; each
 * finished window is the "present" a caller asks about. Per packet the
 * work is one table lookup per sample; Goertzel runs only when someone
 * asks (`hears`) or waits.
 */
export class Hearing {
  private readonly clock: Clock;
  private readonly windowSize: number;
  private readonly staleMs: number;
  private filling: Int16Array;
  private filled = 0;
  private last: Int16Array | null = null;
  private lastAt = -Infinity;
  private windows = 0;
  private waiters = new Set<Waiter>();
  private poll: TimerHandle | null = null;
  private closed = false;

  constructor(private readonly options: HearingOptions) {
    this.clock = options.clock;
    const windowMs = options.windowMs ?? 100;
    this.windowSize = Math.round((SAMPLE_RATE * windowMs) / 1000);
    this.staleMs = options.staleMs ?? windowMs * 3;
    this.filling = new Int16Array(this.windowSize);
  }

  /** Windows completed so far. */
  get windowCount(): number {
    return this.windows;
  }

  /** One RTP payload of G.711 audio. */
  feed(payload: Uint8Array, codec: G711Codec): void {
    if (this.closed) return;
    const table = DECODE_TABLE[codec];
    for (let i = 0; i < payload.length; i++) {
      this.filling[this.filled++] = table[payload[i] ?? 0] ?? 0;
      if (this.filled === this.windowSize) this.completeWindow();
    }
  }

  /** Forget what was heard (a new call starts). */
  reset(): void {
    this.filled = 0;
    this.last = null;
    this.lastAt = -Infinity;
  }

  /** Whether the latest window (if fresh) holds `frequencyHz`. */
  hears(frequencyHz: number): boolean {
    const window = this.freshWindow();
    return window !== null && detectTone(window, frequencyHz, this.options);
  }

  /** Whether the latest fresh window holds any sound at all. */
  hearsSound(): boolean {
    const window = this.freshWindow();
    return window !== null && rms(window) >= (this.options.minRms ?? 100);
  }

  /** RMS level of the latest fresh window (0 when nothing fresh). */
  level(): number {
    const window = this.freshWindow();
    return window === null ? 0 : rms(window);
  }

  waitForTone(frequencyHz: number, timeoutMs: number): Promise<void> {
    return this.waitFor(() => this.hears(frequencyHz), timeoutMs, `tone ${frequencyHz} Hz`);
  }

  /** Resolves once `frequencyHz` (or, without one, any sound) is no longer heard. */
  waitForSilence(frequencyHz: number | undefined, timeoutMs: number): Promise<void> {
    const quiet = frequencyHz === undefined ? () => !this.hearsSound() : () => !this.hears(frequencyHz);
    return this.waitFor(quiet, timeoutMs, frequencyHz === undefined ? 'silence' : `no ${frequencyHz} Hz`);
  }

  /** Resolves when `check` holds, checked at every window and every window period. */
  waitFor(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
    if (this.closed) return Promise.reject(new Error(`hearing closed while waiting for ${what}`));
    if (check()) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        check,
        resolve,
        reject,
        timer: this.clock.setTimeout(() => {
          this.waiters.delete(waiter);
          this.stopPollIfIdle();
          reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what} (level ${Math.round(this.level())})`));
        }, timeoutMs),
      };
      this.waiters.add(waiter);
      this.startPoll();
    });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const waiter of this.waiters) {
      this.clock.clearTimeout(waiter.timer);
      waiter.reject(new Error('hearing closed'));
    }
    this.waiters.clear();
    this.stopPollIfIdle();
  }

  private freshWindow(): Int16Array | null {
    if (!this.last || this.clock.now() - this.lastAt > this.staleMs) return null;
    return this.last;
  }

  private completeWindow(): void {
    const done = this.filling;
    this.filling = this.last ?? new Int16Array(this.windowSize);
    this.last = done;
    this.lastAt = this.clock.now();
    this.filled = 0;
    this.windows++;
    this.settle();
  }

  private settle(): void {
    for (const waiter of [...this.waiters]) {
      if (!waiter.check()) continue;
      this.waiters.delete(waiter);
      this.clock.clearTimeout(waiter.timer);
      waiter.resolve();
    }
    this.stopPollIfIdle();
  }

  /** Silence has no packets to trigger a check: look every window period too. */
  private startPoll(): void {
    if (this.poll) return;
    const period = Math.round((this.windowSize * 1000) / SAMPLE_RATE);
    const tick = (): void => {
      this.poll = null;
      this.settle();
      if (this.waiters.size > 0) this.poll = this.clock.setTimeout(tick, period);
    };
    this.poll = this.clock.setTimeout(tick, period);
  }

  private stopPollIfIdle(): void {
    if (this.waiters.size > 0 || !this.poll) return;
    this.clock.clearTimeout(this.poll);
    this.poll = null;
  }
}
