import type { Page } from '@playwright/test';

export interface HeardTones {
  relative: Record<string, number>;
  energy: number;
}
/** What the agent hears: the engine window's call audio, sampled for `ms`. */
export function heardTones(enginePage: Page, freqs: number[], ms?: number): Promise<HeardTones>;
/** Frequencies whose power is at least `ratio` of the strongest one, above a floor. */
export function presentTones(result: HeardTones, ratio?: number): number[];
