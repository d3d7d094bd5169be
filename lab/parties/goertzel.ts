import { SAMPLE_RATE } from './tone';

/**
 * Goertzel's algorithm: the power of one frequency in a block of samples,
 * O(N) with two multiplications per sample — far cheaper than an FFT when a
 * party only asks about a few frequencies.
 */
export function goertzelPower(samples: ArrayLike<number>, frequencyHz: number, sampleRate = SAMPLE_RATE): number {
  const n = samples.length;
  if (n === 0) return 0;
  const coefficient = 2 * Math.cos((2 * Math.PI * frequencyHz) / sampleRate);
  let previous = 0;
  let beforePrevious = 0;
  for (let i = 0; i < n; i++) {
    const current = (samples[i] ?? 0) + coefficient * previous - beforePrevious;
    beforePrevious = previous;
    previous = current;
  }
  return previous * previous + beforePrevious * beforePrevious - coefficient * previous * beforePrevious;
}

/** Sum of squares. */
export function energy(samples: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < samples.length; i++) {
    const sample = samples[i] ?? 0;
    sum += sample * sample;
  }
  return sum;
}

/** Root mean square level of a block (linear 16-bit scale). */
export function rms(samples: ArrayLike<number>): number {
  return samples.length === 0 ? 0 : Math.sqrt(energy(samples) / samples.length);
}

/**
 * The share of the block's energy that sits at `frequencyHz`: 1 for a pure
 * sine on a bin centre, about 1/k for each of k equal tones mixed, near 0
 * for a tone that is absent.
 */
export function toneShare(samples: ArrayLike<number>, frequencyHz: number, sampleRate = SAMPLE_RATE): number {
  const total = energy(samples);
  if (total === 0) return 0;
  return (2 * goertzelPower(samples, frequencyHz, sampleRate)) / (samples.length * total);
}

export interface DetectOptions {
  /** Minimum share of the energy at the frequency (default 0.1: up to ~5 mixed tones). */
  minShare?: number;
  /** Minimum RMS level; below it the block is silence (default 100 ≈ −50 dBFS). */
  minRms?: number;
  sampleRate?: number;
}

export const DEFAULT_MIN_SHARE = 0.1;
export const DEFAULT_MIN_RMS = 100;

/** Whether `frequencyHz` is present in the block. */
export function detectTone(samples: ArrayLike<number>, frequencyHz: number, options: DetectOptions = {}): boolean {
  if (rms(samples) < (options.minRms ?? DEFAULT_MIN_RMS)) return false;
  return toneShare(samples, frequencyHz, options.sampleRate) >= (options.minShare ?? DEFAULT_MIN_SHARE);
}
