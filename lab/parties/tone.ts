import { encoderFor, type G711Codec } from './g711';

export const SAMPLE_RATE = 8000;
/** 20 ms of 8 kHz audio: one RTP packet. */
export const SAMPLES_PER_PACKET = 160;
/** Peak of the whole signal: about −12 dBFS, well clear of clipping. */
export const DEFAULT_PEAK = 8000;

/**
 * What a party plays: the sum of sines at `frequencies` (Hz), or silence
 * for an empty list, as ready-made G.711 payloads. Integer frequencies
 * repeat exactly every second at 8 kHz, so one second (50 packets) is the
 * whole cycle and the send path only picks the next buffer: no maths per
 * packet.
 */
export interface TonePayloads {
  readonly codec: G711Codec;
  readonly frequencies: readonly number[];
  readonly packets: readonly Buffer[];
}

const cache = new Map<string, TonePayloads>();

export function tonePayloads(codec: G711Codec, frequencies: readonly number[], peak = DEFAULT_PEAK): TonePayloads {
  const rounded = frequencies.map((hz) => Math.round(hz));
  for (const hz of rounded) {
    if (!(hz > 0 && hz < SAMPLE_RATE / 2)) throw new RangeError(`tone frequency out of range: ${hz}`);
  }
  const key = `${codec}:${peak}:${rounded.join(',')}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const encode = encoderFor(codec);
  const amplitude = rounded.length === 0 ? 0 : peak / rounded.length;
  const packets: Buffer[] = [];
  for (let p = 0; p < SAMPLE_RATE / SAMPLES_PER_PACKET; p++) {
    const packet = Buffer.alloc(SAMPLES_PER_PACKET);
    for (let i = 0; i < SAMPLES_PER_PACKET; i++) {
      const n = p * SAMPLES_PER_PACKET + i;
      let sample = 0;
      for (const hz of rounded) sample += amplitude * Math.sin((2 * Math.PI * hz * n) / SAMPLE_RATE);
      packet[i] = encode(sample);
    }
    packets.push(packet);
  }
  const made: TonePayloads = { codec, frequencies: rounded, packets };
  cache.set(key, made);
  return made;
}
