/**
 * Time for the API server (resume windows, `ping`'s serverTime), injected so
 * tests can move it by hand. Same shape as the ACD's clock (lab/acd/clock.ts),
 * so one clock can drive both.
 */
export type ApiTimerHandle = number;

export interface ApiClock {
  now(): number;
  setTimer(ms: number, fn: () => void): ApiTimerHandle;
  clearTimer(handle: ApiTimerHandle): void;
}

/** Real time; timers do not keep the process alive. */
export function systemApiClock(): ApiClock {
  const timers = new Map<ApiTimerHandle, NodeJS.Timeout>();
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
