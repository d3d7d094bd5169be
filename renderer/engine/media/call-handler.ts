import { Web, type SessionDescriptionHandlerModifier } from 'sip.js';

/** The `a=candidate` lines of each m-section of an SDP, in order. */
function candidatesBySection(sdp: string): string[][] {
  return sdp
    .split(/\r?\nm=/)
    .slice(1)
    .map((section) => section.split(/\r?\n/).filter((line) => line.startsWith('a=candidate:') || line === 'a=end-of-candidates'));
}

/**
 * An offer made before it is applied may lack the candidates the peer
 * connection already gathered (they appear in `localDescription` only).
 * Copies them into each m-section that has none, so the offer that goes on
 * the wire is the one the engine will set.
 */
export function withCandidates(offer: string, current: string | undefined): string {
  if (!current) return offer;
  const known = candidatesBySection(current);
  const eol = offer.includes('\r\n') ? '\r\n' : '\n';
  const [head = '', ...sections] = offer.split(/\r?\nm=/);
  const merged = sections.map((section, index) => {
    const lines = section.split(/\r?\n/);
    if (lines.some((line) => line.startsWith('a=candidate:'))) return section;
    const extra = known[index] ?? [];
    const last = lines[lines.length - 1] === '' ? lines.length - 1 : lines.length;
    lines.splice(last, 0, ...extra);
    return lines.join(eol);
  });
  return [head, ...merged].join(`${eol}m=`);
}

/**
 * SIP.js's Web handler plus what the bridge needs: an offer for the next
 * hold toggle made ahead of time (the peer connection is left as it was)
 * and, later, applied exactly as it was sent; and a rollback of a refused
 * offer.
 */
export class CallHandler extends Web.SessionDescriptionHandler {
  /** The offer `getDescription({ hold })` would make now, without applying it. */
  async prepareOffer(hold: boolean, modifiers: SessionDescriptionHandlerModifier[]): Promise<string | null> {
    const pc = this.peerConnection;
    if (!pc || pc.signalingState !== 'stable' || !pc.localDescription) return null;
    const directions = pc.getTransceivers().map((transceiver) => [transceiver, transceiver.direction] as const);
    try {
      await this.updateDirection({ hold });
      const offer = await this.applyModifiers(await pc.createOffer(), modifiers);
      return offer.sdp ? withCandidates(offer.sdp, pc.localDescription.sdp) : null;
    } finally {
      for (const [transceiver, direction] of directions) {
        if (transceiver.currentDirection !== 'stopped' && transceiver.direction !== direction) transceiver.direction = direction;
      }
    }
  }

  /** Applies an offer made by `prepareOffer` (already on the wire). */
  async applyPreparedOffer(sdp: string, hold: boolean): Promise<void> {
    await this.updateDirection({ hold });
    await this.setLocalSessionDescription({ type: 'offer', sdp });
  }

  /** Our last offer was refused: back to the agreed state and directions. */
  async rollback(hold: boolean): Promise<void> {
    const pc = this.peerConnection;
    if (pc?.signalingState === 'have-local-offer') await pc.setLocalDescription({ type: 'rollback' });
    await this.updateDirection({ hold });
  }
}
