/**
 * Every party plays its own tone, so a check proves who hears whom, not just
 * that some audio arrives: customers 200, 210, … Hz (up to 100 of them,
 * < 1200 Hz), agents 1300, 1310, … Hz (up to 110, < 2400 Hz). Multiples of
 * 10 Hz complete whole cycles in the hearing's 100 ms window (800 samples),
 * so two of them are orthogonal there and do not leak into each other.
 */
export const MAX_CUSTOMERS = 100;
export const MAX_AGENTS = 110;

export function customerTone(index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_CUSTOMERS) throw new Error(`customer tone index ${index} out of range`);
  return 200 + 10 * index;
}

export function agentTone(index: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= MAX_AGENTS) throw new Error(`agent tone index ${index} out of range`);
  return 1300 + 10 * index;
}
