import { z } from 'zod';

/**
 * Call quality as the agent sees it (PRODUCT V11, D6): jitter, packet loss,
 * round-trip time and an E-model MOS estimate, computed in the engine from
 * WebRTC statistics every few seconds.
 */
export const callQualitySchema = z.object({
  jitterMs: z.number().nonnegative(),
  /** Percent of expected packets lost in the last interval. */
  lossPct: z.number().min(0).max(100),
  rttMs: z.number().nonnegative().nullable(),
  /** Mean opinion score estimate, 1 (bad) … 4.5 (best narrowband). */
  mos: z.number().min(1).max(5),
  packetsReceived: z.number().int().nonnegative(),
});
export type CallQuality = z.infer<typeof callQualitySchema>;

/** Equipment impairment (Ie) and loss robustness (Bpl) per codec, ITU-T G.113. */
const CODEC_IMPAIRMENT: Record<string, { ie: number; bpl: number }> = {
  pcmu: { ie: 0, bpl: 25.1 },
  pcma: { ie: 0, bpl: 25.1 },
  g722: { ie: 0, bpl: 25.1 },
  opus: { ie: 0, bpl: 30 },
};

/**
 * Simplified E-model (ITU-T G.107): R = 93.2 − Id − Ie,eff, with the delay
 * impairment from the one-way mouth-to-ear delay (half the RTT plus the
 * jitter buffer, estimated as twice the jitter, plus 20 ms packetisation) and
 * the effective equipment impairment from random packet loss. MOS from R by
 * the standard mapping.
 */
export function estimateMos({ rttMs, jitterMs, lossPct, codec }: { rttMs: number | null; jitterMs: number; lossPct: number; codec: string }): number {
  const oneWay = (rttMs ?? 0) / 2 + 2 * jitterMs + 20;
  const id = 0.024 * oneWay + (oneWay > 177.3 ? 0.11 * (oneWay - 177.3) : 0);
  const { ie, bpl } = CODEC_IMPAIRMENT[codec.toLowerCase()] ?? { ie: 0, bpl: 25.1 };
  const ieEff = ie + (95 - ie) * (lossPct / (lossPct + bpl));
  const r = Math.max(0, Math.min(100, 93.2 - id - ieEff));
  const mos = 1 + 0.035 * r + r * (r - 60) * (100 - r) * 7e-6;
  return Math.round(Math.max(1, Math.min(4.5, mos)) * 100) / 100;
}

/** D6: the network is not good enough for voice. */
export function networkWarning(quality: Pick<CallQuality, 'rttMs' | 'lossPct'>): 'rtt' | 'loss' | null {
  if (quality.lossPct > 1) return 'loss';
  if (quality.rttMs !== null && quality.rttMs > 250) return 'rtt';
  return null;
}
