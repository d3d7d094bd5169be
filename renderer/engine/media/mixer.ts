import type { CallMedia } from './call-media';

/** What each call sends while mixed, and what to restore afterwards. */
interface MixedCall {
  media: CallMedia;
  sender: RTCRtpSender;
  original: MediaStreamTrack | null;
}

function audioSender(media: CallMedia): RTCRtpSender | null {
  const pc = media.handler.peerConnection;
  return pc?.getSenders().find((s) => s.track?.kind === 'audio' || s.track === null) ?? null;
}

/**
 * Three-way conference in the engine (V5): call A sends microphone + B's
 * audio, call B sends microphone + A's audio, and the agent hears both (each
 * call's own audio element keeps playing). Built with WebAudio and
 * `replaceTrack`, so no renegotiation is needed and unmixing is instant.
 */
export class ConferenceMixer {
  private context: AudioContext | null = null;
  private mixed: MixedCall[] = [];

  async mix(a: CallMedia, b: CallMedia): Promise<void> {
    this.unmix();
    const context = new AudioContext();
    this.context = context;
    const microphone = a.handler.localMediaStream.getAudioTracks()[0] ?? b.handler.localMediaStream.getAudioTracks()[0];
    if (!microphone) throw new Error('no microphone track to mix');
    const mic = context.createMediaStreamSource(new MediaStream([microphone]));
    const remote = (media: CallMedia) => context.createMediaStreamSource(media.handler.remoteMediaStream);
    const plan: Array<[CallMedia, CallMedia]> = [
      [a, b],
      [b, a],
    ];
    for (const [self, other] of plan) {
      const sender = audioSender(self);
      if (!sender) throw new Error('call has no audio sender');
      const destination = context.createMediaStreamDestination();
      mic.connect(destination);
      remote(other).connect(destination);
      const original = sender.track;
      await sender.replaceTrack(destination.stream.getAudioTracks()[0] ?? null);
      this.mixed.push({ media: self, sender, original });
    }
    await context.resume();
  }

  unmix(): void {
    for (const { sender, original } of this.mixed) {
      void sender.replaceTrack(original).catch(() => undefined);
    }
    this.mixed = [];
    void this.context?.close().catch(() => undefined);
    this.context = null;
  }

  /** A call in the mix is closing: the mix ends with it. */
  release(media: CallMedia): void {
    if (this.mixed.some((m) => m.media === media)) this.unmix();
  }
}
