import type { EngineBridge } from '../../../common/contract';
import { estimateMos, type CallQuality } from '../../../common/softphone/call-quality';
import type { CallMedia } from './call-media';

interface Previous {
  received: number;
  lost: number;
}

/** Reads one call's audio statistics; loss is computed over the interval since `previous`. */
export async function readQuality(media: CallMedia, previous: Previous | undefined): Promise<{ quality: CallQuality; counters: Previous } | null> {
  const pc = media.handler.peerConnection;
  if (!pc) return null;
  const report = await pc.getStats();
  let inbound: { packetsReceived?: number; packetsLost?: number; jitter?: number; codecId?: string } | undefined;
  let rtt: number | null = null;
  let codec = 'pcmu';
  report.forEach((stat: { type: string; kind?: string; roundTripTime?: number; currentRoundTripTime?: number; nominated?: boolean; state?: string }) => {
    if (stat.type === 'inbound-rtp' && stat.kind === 'audio') inbound = stat as typeof inbound;
    if (stat.type === 'remote-inbound-rtp' && stat.kind === 'audio' && typeof stat.roundTripTime === 'number') rtt = stat.roundTripTime * 1000;
    if (rtt === null && stat.type === 'candidate-pair' && stat.nominated && stat.state === 'succeeded' && typeof stat.currentRoundTripTime === 'number') {
      rtt = stat.currentRoundTripTime * 1000;
    }
  });
  if (!inbound) return null;
  const codecStat = inbound.codecId ? (report.get(inbound.codecId) as { mimeType?: string } | undefined) : undefined;
  if (codecStat?.mimeType) codec = codecStat.mimeType.replace(/^audio\//i, '');
  const received = inbound.packetsReceived ?? 0;
  const lost = Math.max(0, inbound.packetsLost ?? 0);
  const deltaReceived = received - (previous?.received ?? 0);
  const deltaLost = lost - (previous?.lost ?? 0);
  const expected = deltaReceived + deltaLost;
  const lossPct = expected > 0 ? Math.max(0, Math.min(100, (deltaLost / expected) * 100)) : 0;
  const jitterMs = (inbound.jitter ?? 0) * 1000;
  return {
    quality: { jitterMs, lossPct, rttMs: rtt, mos: estimateMos({ rttMs: rtt, jitterMs, lossPct, codec }), packetsReceived: received },
    counters: { received, lost },
  };
}

/**
 * Every `intervalMs`, reports each call's statistics to main (call quality
 * in the UI, network warnings, and main's stalled-media detection).
 */
export function startQualityMonitor(calls: Map<string, CallMedia>, bridge: EngineBridge, intervalMs = 2_000): () => void {
  const previous = new Map<string, Previous>();
  const timer = setInterval(() => {
    for (const [callId, media] of calls) {
      void readQuality(media, previous.get(callId))
        .then((result) => {
          if (!result) return;
          previous.set(callId, result.counters);
          return bridge.callQuality({ callId, quality: result.quality });
        })
        .catch(() => undefined);
    }
    for (const callId of previous.keys()) if (!calls.has(callId)) previous.delete(callId);
  }, intervalMs);
  return () => clearInterval(timer);
}
