import { DECODE_TABLE, codecForPayloadType, decodeALaw, decodeMuLaw, encodeALaw, encodeMuLaw } from '../../../../lab/parties/g711';

describe('G.711', () => {
  it.each([
    ['µ-law', encodeMuLaw, decodeMuLaw],
    ['A-law', encodeALaw, decodeALaw],
  ])('%s round-trips every code word exactly', (_name, encode, decode) => {
    for (let byte = 0; byte < 256; byte++) {
      const sample = decode(byte);
      // µ-law has two zeros (0x7F, 0xFF); both decode to 0 and 0 encodes to one of them.
      expect(decode(encode(sample))).toBe(sample);
    }
  });

  it.each([
    ['µ-law', encodeMuLaw, decodeMuLaw],
    ['A-law', encodeALaw, decodeALaw],
  ])('%s keeps the error within its step size across the range', (_name, encode, decode) => {
    for (let sample = -32768; sample <= 32767; sample += 97) {
      const back = decode(encode(sample));
      // Logarithmic companding: error grows with magnitude, ≤ ~3.2 % (+ the smallest step).
      expect(Math.abs(back - sample)).toBeLessThanOrEqual(Math.abs(sample) * 0.032 + 16);
      expect(Math.sign(back) === Math.sign(sample) || back === 0 || Math.abs(sample) < 16).toBe(true);
    }
  });

  it('matches the reference code words for silence and full scale', () => {
    expect(encodeMuLaw(0)).toBe(0xff);
    expect(encodeMuLaw(32767)).toBe(0x80);
    expect(encodeMuLaw(-32768)).toBe(0x00);
    expect(encodeALaw(0)).toBe(0xd5);
    expect(encodeALaw(32767)).toBe(0xaa);
    expect(encodeALaw(-32768)).toBe(0x2a);
    expect(decodeMuLaw(0x80)).toBe(32124);
    expect(decodeALaw(0xaa)).toBe(32256);
  });

  it('decode tables agree with the functions', () => {
    for (let byte = 0; byte < 256; byte++) {
      expect(DECODE_TABLE.PCMU[byte]).toBe(decodeMuLaw(byte));
      expect(DECODE_TABLE.PCMA[byte]).toBe(decodeALaw(byte));
    }
  });

  it('maps static payload types and ignores others', () => {
    expect(codecForPayloadType(0)).toBe('PCMU');
    expect(codecForPayloadType(8)).toBe('PCMA');
    expect(codecForPayloadType(101)).toBeNull();
    expect(codecForPayloadType(13)).toBeNull();
  });
});
