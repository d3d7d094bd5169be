import type { Clock } from './clock';

/** `promise`, or a rejection naming `what` after `ms` on `clock`. The timer never outlives the race. */
export function withTimeout<T>(promise: Promise<T>, ms: number, clock: Clock, what: string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = clock.setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    promise.then(
      (value) => {
        clock.clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clock.clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/** A promise with its settle functions outside, settled once. */
export class Deferred<T> {
  readonly promise: Promise<T>;
  private settled = false;
  private resolveFn!: (value: T) => void;
  private rejectFn!: (error: Error) => void;

  constructor() {
    this.promise = new Promise<T>((resolve, reject) => {
      this.resolveFn = resolve;
      this.rejectFn = reject;
    });
    // Nobody may be waiting; an unobserved rejection must not crash the lab.
    this.promise.catch(() => undefined);
  }

  get isSettled(): boolean {
    return this.settled;
  }

  resolve(value: T): void {
    if (this.settled) return;
    this.settled = true;
    this.resolveFn(value);
  }

  reject(error: Error): void {
    if (this.settled) return;
    this.settled = true;
    this.rejectFn(error);
  }
}
