import { DECODE_TABLE } from '../../../../lab/parties/g711';
import { detectTone, goertzelPower, rms, toneShare } from '../../../../lab/parties/goertzel';
import { SAMPLES_PER_PACKET, tonePayloads } from '../../../../lab/parties/tone';

/** 100 ms of what a party receiving `frequencies` as `codec` would decode. */
function decodedWindow(codec: 'PCMU' | 'PCMA', frequencies: number[], packets = 5): Int16Array {
  const tone = tonePayloads(codec, frequencies);
  const out = new Int16Array(packets * SAMPLES_PER_PACKET);
  for (let p = 0; p < packets; p++) {
    const payload = tone.packets[p] as Buffer;
    for (let i = 0; i < SAMPLES_PER_PACKET; i++) out[p * SAMPLES_PER_PACKET + i] = DECODE_TABLE[codec][payload[i] as number] as number;
  }
  return out;
}

function sine(hz: number, n: number, amplitude = 8000): Float64Array {
  return Float64Array.from({ length: n }, (_, i) => amplitude * Math.sin((2 * Math.PI * hz * i) / 8000));
}

describe('Goertzel detection', () => {
  it('puts nearly all of a pure sine on its own frequency', () => {
    const samples = sine(440, 800);
    expect(toneShare(samples, 440)).toBeGreaterThan(0.95);
    expect(toneShare(samples, 880)).toBeLessThan(0.01);
    expect(goertzelPower(samples, 440)).toBeGreaterThan(1000 * goertzelPower(samples, 1000));
  });

  it.each(['PCMU', 'PCMA'] as const)('detects a %s tone through encode and decode, and rejects others', (codec) => {
    const window = decodedWindow(codec, [440]);
    expect(detectTone(window, 440)).toBe(true);
    for (const other of [350, 880, 1000, 1400]) expect(detectTone(window, other)).toBe(false);
  });

  it('hears both tones of a two-tone mix (a conference) and not a third', () => {
    const window = decodedWindow('PCMU', [440, 880]);
    expect(detectTone(window, 440)).toBe(true);
    expect(detectTone(window, 880)).toBe(true);
    expect(detectTone(window, 660)).toBe(false);
    expect(toneShare(window, 440)).toBeGreaterThan(0.4);
  });

  it('calls silence silence, whatever the frequency', () => {
    const quiet = decodedWindow('PCMU', []);
    expect(rms(quiet)).toBe(0);
    expect(detectTone(quiet, 440)).toBe(false);
    // A faint tone below the level floor is not "heard" either.
    expect(detectTone(sine(440, 800, 50), 440)).toBe(false);
  });

  it('rejects white-ish noise', () => {
    let seed = 42;
    const noise = Float64Array.from({ length: 800 }, () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return (seed / 0x7fffffff - 0.5) * 16000;
    });
    for (const hz of [440, 880, 1000]) expect(detectTone(noise, hz)).toBe(false);
  });
});

describe('tone payloads', () => {
  it('are one second of 20 ms packets, cached per codec and frequency set', () => {
    const tone = tonePayloads('PCMA', [1000]);
    expect(tone.packets).toHaveLength(50);
    expect(tone.packets.every((p) => p.length === SAMPLES_PER_PACKET)).toBe(true);
    expect(tonePayloads('PCMA', [1000])).toBe(tone);
    expect(tonePayloads('PCMU', [1000])).not.toBe(tone);
  });

  it('refuse frequencies outside the 8 kHz band', () => {
    expect(() => tonePayloads('PCMU', [4000])).toThrow(RangeError);
    expect(() => tonePayloads('PCMU', [0])).toThrow(RangeError);
  });
});
