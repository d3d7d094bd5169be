import type { BodyAndContentType, SessionDescriptionHandler, SessionDescriptionHandlerOptions } from 'sip.js';
import { RTCPeerConnection, RTCRtpCodecParameters, type RTCRtpTransceiver } from 'werift';
import type { Logger } from '../log';
import type { CallMedia, MediaCounters, MediaDirection } from './call-media';
import { PAYLOAD_TYPE, type G711Codec } from './g711';
import { LOOPBACK, keepLoopbackCandidates } from './sdp-filter';

export interface WeriftSdhOptions {
  /** Offered/accepted codecs, preferred first. */
  codecs: readonly G711Codec[];
  media: CallMedia;
  logger: Logger;
  /** Upper bound on ICE gathering (one loopback socket: normally ~1 ms). */
  gatherTimeoutMs?: number;
}

/** Loopback only: one UDP host candidate on 127.0.0.1, no STUN, no IPv6, no TCP. */
function peerConfig(codecs: readonly G711Codec[]): ConstructorParameters<typeof RTCPeerConnection>[0] {
  return {
    codecs: {
      audio: codecs.map(
        (codec) => new RTCRtpCodecParameters({ mimeType: `audio/${codec}`, clockRate: 8000, channels: 1, payloadType: PAYLOAD_TYPE[codec] }),
      ),
    },
    iceServers: [],
    iceUseIpv4: false,
    iceUseIpv6: false,
    iceUseTcp: false,
    iceAdditionalHostAddresses: [LOOPBACK],
    iceFilterCandidatePair: (pair) => pair.remoteCandidate.host === LOOPBACK,
  };
}

/**
 * SIP.js's session-description handler backed by a werift peer connection:
 * complete (non-trickle) offers and answers, hold as `sendonly` (answered
 * `recvonly`, or `inactive` when both hold), resume as `sendrecv`.
 */
export class WeriftSessionDescriptionHandler implements SessionDescriptionHandler {
  readonly peerConnection: RTCPeerConnection;
  private transceiver: RTCRtpTransceiver | null = null;
  private closing: Promise<void> | null = null;

  constructor(private readonly options: WeriftSdhOptions) {
    this.peerConnection = new RTCPeerConnection(peerConfig(options.codecs));
    this.peerConnection.onTrack.subscribe((track) => options.media.listen(track));
    this.peerConnection.connectionStateChange.subscribe((state) => options.logger.debug('media connection', { state }));
  }

  /** Resolves once werift has released sockets and timers. */
  get closed(): Promise<void> {
    return this.closing ?? Promise.resolve();
  }

  /** RTP counters and the negotiated codec/direction of this call. */
  get counters(): MediaCounters {
    return { ...this.options.media.counters };
  }

  get negotiatedDirection(): MediaDirection | null {
    const direction = this.transceiver?.currentDirection;
    return direction && direction !== 'stopped' ? direction : null;
  }

  async getDescription(options?: SessionDescriptionHandlerOptions): Promise<BodyAndContentType> {
    this.assertOpen();
    const pc = this.peerConnection;
    const wanted: MediaDirection = (options as { hold?: unknown } | undefined)?.hold === true ? 'sendonly' : 'sendrecv';
    if (pc.signalingState === 'have-remote-offer') {
      this.audioTransceiver().setDirection(wanted);
      await pc.setLocalDescription(await pc.createAnswer());
      this.negotiationDone();
    } else {
      if (this.transceiver) this.transceiver.setDirection(wanted);
      else this.bind(pc.addTransceiver('audio', { direction: wanted }));
      await pc.setLocalDescription(await pc.createOffer());
    }
    await this.gathered();
    const sdp = pc.localDescription?.sdp;
    if (!sdp) throw new Error('no local description');
    return { body: sdp, contentType: 'application/sdp' };
  }

  hasDescription(contentType: string): boolean {
    return contentType === 'application/sdp';
  }

  async setDescription(sdp: string): Promise<void> {
    this.assertOpen();
    const pc = this.peerConnection;
    const type = pc.signalingState === 'have-local-offer' ? 'answer' : 'offer';
    await pc.setRemoteDescription({ type, sdp: keepLoopbackCandidates(sdp) });
    if (type === 'offer') this.audioTransceiver();
    else this.negotiationDone();
  }

  async rollbackDescription(): Promise<void> {
    if (this.closing || this.peerConnection.signalingState === 'stable') return;
    await this.peerConnection.setLocalDescription({ type: 'rollback' });
  }

  /** DTMF goes as SIP INFO (the party's `sendDtmf`), not in-band. */
  sendDtmf(): boolean {
    return false;
  }

  close(): void {
    if (this.closing) return;
    this.options.media.close();
    this.closing = this.peerConnection.close().catch((error: unknown) => {
      this.options.logger.warn('peer connection close failed', { error: String(error) });
    });
  }

  private bind(transceiver: RTCRtpTransceiver): void {
    this.transceiver = transceiver;
    this.options.media.bind(transceiver);
  }

  /** The audio transceiver, adopting the one a remote offer created. */
  private audioTransceiver(): RTCRtpTransceiver {
    if (!this.transceiver) {
      const audio = this.peerConnection.getTransceivers().find((t) => t.kind === 'audio');
      if (!audio) throw new Error('remote offer has no audio');
      this.bind(audio);
    }
    return this.transceiver as RTCRtpTransceiver;
  }

  private negotiationDone(): void {
    this.options.media.negotiated(this.negotiatedDirection);
  }

  private assertOpen(): void {
    if (this.closing) throw new Error('session description handler closed');
  }

  private gathered(): Promise<void> {
    const pc = this.peerConnection;
    if (pc.iceGatheringState === 'complete') return Promise.resolve();
    return new Promise<void>((resolve) => {
      const timer = setTimeout(done, this.options.gatherTimeoutMs ?? 2_000);
      const { unSubscribe } = pc.iceGatheringStateChange.subscribe((state) => state === 'complete' && done());
      function done(): void {
        clearTimeout(timer);
        unSubscribe();
        resolve();
      }
    });
  }
}
