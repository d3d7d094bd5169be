/**
 * G.711 (ITU-T G.711) µ-law and A-law, sample by sample. Decoding uses
 * 256-entry tables built once, so the receive path costs one lookup per
 * sample; encoding is only used to precompute tone payloads.
 */
export type G711Codec = 'PCMU' | 'PCMA';

/** RTP static payload types (RFC 3551). */
export const PAYLOAD_TYPE: Readonly<Record<G711Codec, number>> = { PCMU: 0, PCMA: 8 };

const MULAW_BIAS = 0x84;
const MULAW_CLIP = 32635;

/** 16-bit linear PCM → µ-law byte. */
export function encodeMuLaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample)));
  const sign = s < 0 ? 0x80 : 0;
  if (s < 0) s = -s;
  if (s > MULAW_CLIP) s = MULAW_CLIP;
  s += MULAW_BIAS;
  let exponent = 7;
  for (let mask = 0x4000; (s & mask) === 0 && exponent > 0; mask >>= 1) exponent--;
  const mantissa = (s >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff;
}

/** µ-law byte → 16-bit linear PCM. */
export function decodeMuLaw(byte: number): number {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + MULAW_BIAS) << exponent) - MULAW_BIAS;
  return u & 0x80 ? 0 - magnitude : magnitude;
}

const ALAW_SEGMENT_ENDS = [0x1f, 0x3f, 0x7f, 0xff, 0x1ff, 0x3ff, 0x7ff, 0xfff];

/** 16-bit linear PCM → A-law byte (the reference algorithm of Sun's g711.c). */
export function encodeALaw(sample: number): number {
  let s = Math.max(-32768, Math.min(32767, Math.round(sample))) >> 3;
  let mask = 0xd5;
  if (s < 0) {
    mask = 0x55;
    s = -s - 1;
  }
  const segment = ALAW_SEGMENT_ENDS.findIndex((end) => s <= end);
  if (segment < 0) return 0x7f ^ mask;
  const mantissa = (segment < 2 ? s >> 1 : s >> segment) & 0x0f;
  return ((segment << 4) | mantissa) ^ mask;
}

/** A-law byte → 16-bit linear PCM. */
export function decodeALaw(byte: number): number {
  const a = byte ^ 0x55;
  const exponent = (a >> 4) & 0x07;
  const mantissa = a & 0x0f;
  const magnitude = exponent === 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
  return a & 0x80 ? magnitude : 0 - magnitude;
}

function table(decode: (byte: number) => number): Int16Array {
  const out = new Int16Array(256);
  for (let i = 0; i < 256; i++) out[i] = decode(i);
  return out;
}

/** Byte → linear sample, per codec. */
export const DECODE_TABLE: Readonly<Record<G711Codec, Int16Array>> = {
  PCMU: table(decodeMuLaw),
  PCMA: table(decodeALaw),
};

/** The encoder for a codec. */
export function encoderFor(codec: G711Codec): (sample: number) => number {
  return codec === 'PCMU' ? encodeMuLaw : encodeALaw;
}

/** The codec an RTP payload type stands for, or null (telephone-event, CN, …). */
export function codecForPayloadType(payloadType: number): G711Codec | null {
  if (payloadType === 0) return 'PCMU';
  if (payloadType === 8) return 'PCMA';
  return null;
}
