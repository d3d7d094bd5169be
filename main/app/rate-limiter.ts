/**
 * A token bucket: at most `perSecond` takes per second on average, bursting
 * up to the same number. Used where a renderer could flood main.
 */
export function createRateLimiter({ perSecond, now }: { perSecond: number; now: () => number }): {
  take(): boolean;
} {
  let tokens = perSecond;
  let last = now();
  return {
    take() {
      const t = now();
      tokens = Math.min(perSecond, tokens + ((t - last) / 1000) * perSecond);
      last = t;
      if (tokens < 1) return false;
      tokens -= 1;
      return true;
    },
  };
}
