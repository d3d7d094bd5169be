// Tone files (sox) and tone detection (Goertzel) for "who hears whom" checks.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

/** Distinct per-party frequencies (Hz): far apart, not harmonics of each other. */
export const PARTY_TONES = [440, 660, 1000, 1400];

/**
 * Generate a mono 16-bit WAV with a sine of `freq` Hz using sox.
 * @returns the file path
 */
export function makeToneWav(file, { freq = 440, seconds = 120, rate = 8000, volume = 0.3 } = {}) {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const r = spawnSync('sox', ['-n', '-r', String(rate), '-c', '1', '-b', '16', '-e', 'signed-integer', file,
    'synth', String(seconds), 'sine', String(freq), 'vol', String(volume)], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`sox failed: ${r.stderr}`);
  return file;
}

/** Read a PCM WAV (16-bit LE, any rate, first channel) -> { rate, samples: Float32Array }. */
export function readWav(file) {
  const buf = fs.readFileSync(file);
  if (buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') throw new Error(`${file}: not a WAV file`);
  let off = 12;
  let fmt = null;
  while (off + 8 <= buf.length) {
    const id = buf.toString('ascii', off, off + 4);
    let size = buf.readUInt32LE(off + 4);
    const body = off + 8;
    if (id === 'fmt ') {
      fmt = { format: buf.readUInt16LE(body), channels: buf.readUInt16LE(body + 2), rate: buf.readUInt32LE(body + 4), bits: buf.readUInt16LE(body + 14) };
    } else if (id === 'data') {
      if (!fmt) throw new Error(`${file}: data before fmt`);
      // writers that never finalized the header leave size 0 / 0xffffffff
      if (size === 0 || size === 0xffffffff || body + size > buf.length) size = buf.length - body;
      return { rate: fmt.rate, samples: pcm16ToFloat(buf.subarray(body, body + size), fmt.channels) };
    }
    off = body + size + (size % 2);
  }
  throw new Error(`${file}: no data chunk`);
}

/** Signed 16-bit little-endian raw PCM (first channel of `channels`) -> Float32Array. */
export function pcm16ToFloat(buf, channels = 1) {
  const n = Math.floor(buf.length / 2 / channels);
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) out[i] = buf.readInt16LE(i * 2 * channels) / 32768;
  return out;
}

/** Goertzel power of `freq` over `samples` normalised to 0..~1 (a full-scale sine gives ~0.5*A^2... scaled). */
export function goertzel(samples, rate, freq) {
  const n = samples.length;
  if (n === 0) return 0;
  const k = Math.round((n * freq) / rate);
  const w = (2 * Math.PI * k) / n;
  const coeff = 2 * Math.cos(w);
  let s1 = 0; let s2 = 0;
  for (let i = 0; i < n; i++) {
    const s0 = samples[i] + coeff * s1 - s2;
    s2 = s1; s1 = s0;
  }
  const power = s1 * s1 + s2 * s2 - coeff * s1 * s2;
  // amplitude estimate: |X(k)| * 2 / n
  return (2 * Math.sqrt(Math.max(power, 0))) / n;
}

/**
 * Which of `freqs` are present in `samples`? Analyses blocks of `blockMs`
 * (skipping silent blocks), reports per frequency the median amplitude over
 * active blocks and the fraction of active blocks in which it is present.
 * A tone is "present" when its amplitude is >= `minAmplitude` and at least
 * `minRatio` of the strongest analysed tone in that block.
 */
export function detectTones(samples, rate, freqs, { blockMs = 100, minAmplitude = 0.01, minRatio = 0.1, minBlockFraction = 0.3 } = {}) {
  const blockLen = Math.max(1, Math.floor((rate * blockMs) / 1000));
  const per = Object.fromEntries(freqs.map((f) => [f, { amps: [], hits: 0 }]));
  let active = 0;
  for (let off = 0; off + blockLen <= samples.length; off += blockLen) {
    const block = samples.subarray(off, off + blockLen);
    let rms = 0;
    for (let i = 0; i < block.length; i++) rms += block[i] * block[i];
    rms = Math.sqrt(rms / block.length);
    if (rms < minAmplitude / 2) continue;
    active++;
    const amps = freqs.map((f) => goertzel(block, rate, f));
    const max = Math.max(...amps);
    freqs.forEach((f, i) => {
      per[f].amps.push(amps[i]);
      if (amps[i] >= minAmplitude && amps[i] >= max * minRatio) per[f].hits++;
    });
  }
  const result = {};
  for (const f of freqs) {
    const a = per[f].amps.sort((x, y) => x - y);
    const median = a.length ? a[Math.floor(a.length / 2)] : 0;
    const fraction = active ? per[f].hits / active : 0;
    result[f] = { median: Number(median.toFixed(4)), fraction: Number(fraction.toFixed(3)), present: fraction >= minBlockFraction };
  }
  return { activeBlocks: active, durationMs: Math.round((samples.length / rate) * 1000), tones: result, present: freqs.filter((f) => result[f].present) };
}

/** detectTones on a WAV file. */
export function detectTonesInWav(file, freqs, opts) {
  const { rate, samples } = readWav(file);
  return { file, rate, ...detectTones(samples, rate, freqs, opts) };
}
