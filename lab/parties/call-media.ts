import { RtpHeader, RtpPacket, type MediaStreamTrack, type RTCRtpTransceiver } from 'werift';
import { codecForPayloadType, type G711Codec } from './g711';
import type { Pacer } from './pacer';
import { SAMPLES_PER_PACKET, tonePayloads } from './tone';

export type MediaDirection = 'sendrecv' | 'sendonly' | 'recvonly' | 'inactive';

export interface MediaCounters {
  packetsSent: number;
  packetsReceived: number;
  /** Negotiated send codec, once known. */
  codec: G711Codec | null;
  /** Negotiated direction from this side's view, once known. */
  direction: MediaDirection | null;
}

export interface CallMediaOptions {
  pacer: Pacer;
  /** What to play; read at every codec change so a party can retune. */
  frequencies: () => readonly number[];
  /** Every G.711 payload heard, for the party's hearing. */
  onAudio: (payload: Buffer, codec: G711Codec) => void;
}

/**
 * One call's audio over a werift transceiver: a paced tone out (only while
 * the negotiated direction allows sending — werift itself keeps sending
 * after a re-negotiation to sendonly/inactive, so the gate is ours) and
 * every received G.711 packet counted and handed on.
 */
export class CallMedia {
  private transceiver: RTCRtpTransceiver | null = null;
  private readonly tracks = new WeakSet<MediaStreamTrack>();
  private stopTicks: (() => void) | null = null;
  private packets: readonly Buffer[] = [];
  private next = 0;
  private sequence = Math.floor(Math.random() * 0x10000);
  private timestamp = Math.floor(Math.random() * 0x100000000);
  private sending = false;
  private closed = false;
  readonly counters: MediaCounters = { packetsSent: 0, packetsReceived: 0, codec: null, direction: null };

  constructor(private readonly options: CallMediaOptions) {}

  /** The transceiver carrying this call's audio (set once it exists). */
  bind(transceiver: RTCRtpTransceiver): void {
    this.transceiver = transceiver;
  }

  /** A remote track appeared (werift re-fires the same track on renegotiation). */
  listen(track: MediaStreamTrack): void {
    if (this.tracks.has(track) || this.closed) return;
    this.tracks.add(track);
    track.onReceiveRtp.subscribe((packet) => {
      if (this.closed) return;
      const codec = codecForPayloadType(packet.header.payloadType);
      if (!codec) return;
      this.counters.packetsReceived++;
      this.options.onAudio(packet.payload, codec);
    });
  }

  /** After each completed offer/answer: what may we send now, and how. */
  negotiated(direction: MediaDirection | null): void {
    if (this.closed) return;
    this.counters.direction = direction;
    const mime = this.transceiver?.sender.codec?.mimeType.toUpperCase();
    const codec: G711Codec | null = mime === 'AUDIO/PCMU' ? 'PCMU' : mime === 'AUDIO/PCMA' ? 'PCMA' : null;
    this.counters.codec = codec;
    if (codec) this.packets = tonePayloads(codec, this.options.frequencies()).packets;
    this.sending = codec !== null && (direction === 'sendrecv' || direction === 'sendonly');
    if (!this.stopTicks) this.stopTicks = this.options.pacer.add(() => this.tick());
  }

  close(): void {
    this.closed = true;
    this.sending = false;
    this.stopTicks?.();
    this.stopTicks = null;
  }

  private tick(): void {
    // The RTP clock runs on during hold so the far end sees a gap in time.
    this.timestamp = (this.timestamp + SAMPLES_PER_PACKET) >>> 0;
    const payload = this.packets[this.next];
    this.next = (this.next + 1) % Math.max(1, this.packets.length);
    const sender = this.transceiver?.sender;
    if (!this.sending || !sender || !payload) return;
    // Before DTLS is up werift drops packets: count only what goes out.
    if (this.transceiver?.dtlsTransport?.state !== 'connected') return;
    this.sequence = (this.sequence + 1) & 0xffff;
    const header = new RtpHeader({ sequenceNumber: this.sequence, timestamp: this.timestamp, marker: false });
    this.counters.packetsSent++;
    sender.sendRtp(new RtpPacket(header, payload)).catch(() => undefined);
  }
}
