import { Core, Web, type SessionDescriptionHandlerModifier } from 'sip.js';
import { CallHandler } from './call-handler';
import type { MediaConfig } from '../../../common/contract/engine-media';
import { preferCodecs } from '../../../common/softphone/sdp-codecs';

/** One call's media: a real SIP.js Web handler and the element playing it. */
export interface CallMedia {
  config: MediaConfig;
  handler: CallHandler;
  audio: HTMLAudioElement;
  /** We hold this call: the far end must hear nothing of the agent. */
  held: boolean;
  /** `held` as last agreed with the far end (a refused offer goes back to it). */
  agreedHeld: boolean;
  muted: boolean;
  /** The ringing call's offer, applied ahead of the answer (`prepare`). */
  prepared: { sdp: string; ready: Promise<void> } | null;
  /** Requests for this call run one after another, in arrival order. */
  queue: Promise<unknown>;
}

const loggerFactory = new Core.LoggerFactory();
loggerFactory.builtinEnabled = false;

/**
 * Creates the media of a call: the SIP.js Web session-description handler
 * (RTCPeerConnection + getUserMedia on the default microphone) and an audio
 * element that plays the far end. ICE gathering is bounded so a call never
 * waits long for candidates that will not come.
 */
export function createCallMedia(config: MediaConfig, host: HTMLElement): CallMedia {
  const handler = new CallHandler(loggerFactory.getLogger('sip.engine'), Web.defaultMediaStreamFactory(), {
    peerConnectionConfiguration: { iceServers: config.iceServers },
    iceGatheringTimeout: 500,
  });
  const audio = document.createElement('audio');
  audio.autoplay = true;
  audio.srcObject = handler.remoteMediaStream;
  host.appendChild(audio);
  return { config, handler, audio, held: false, agreedHeld: false, muted: false, prepared: null, queue: Promise.resolve() };
}

/**
 * What the far end hears of the agent: nothing while we hold the call (a
 * held customer must not overhear a consult; SIP hold alone only changes the
 * SDP direction to sendonly) or while the agent is muted.
 */
export function applySending(media: CallMedia): void {
  const microphone = media.handler.localMediaStream.getAudioTracks();
  // In a conference the sender carries a mix: muting silences the microphone
  // inside it, while the other party's audio keeps flowing.
  for (const track of microphone) track.enabled = !media.muted;
  for (const sender of media.handler.peerConnection?.getSenders() ?? []) {
    if (sender.track) sender.track.enabled = !media.held && (!media.muted || !microphone.includes(sender.track));
  }
}

/** The SDP modifier applying the agent's codec preference. */
export function codecModifier(config: MediaConfig): SessionDescriptionHandlerModifier {
  return async (description: RTCSessionDescriptionInit) => ({ type: description.type, sdp: preferCodecs(description.sdp ?? '', config.codecs) });
}

export function disposeCallMedia(media: CallMedia): void {
  media.handler.close();
  media.audio.srcObject = null;
  media.audio.remove();
}

/** Microphone constraints: the browser's processing on, or raw audio. */
export function constraints(config: MediaConfig, microphoneId: string | null = null): { audio: boolean | MediaTrackConstraints; video: false } {
  const device: MediaTrackConstraints = microphoneId ? { deviceId: { exact: microphoneId } } : {};
  const processing: MediaTrackConstraints = config.audioProcessing ? {} : { echoCancellation: false, noiseSuppression: false, autoGainControl: false };
  const audio = { ...device, ...processing };
  return { audio: Object.keys(audio).length === 0 ? true : audio, video: false };
}
