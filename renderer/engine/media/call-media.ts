import { Core, Web, type SessionDescriptionHandlerModifier } from 'sip.js';
import type { MediaConfig } from '../../../common/contract/engine-media';
import { preferCodecs } from '../../../common/softphone/sdp-codecs';

/** One call's media: a real SIP.js Web handler and the element playing it. */
export interface CallMedia {
  handler: Web.SessionDescriptionHandler;
  audio: HTMLAudioElement;
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
  const handler = new Web.SessionDescriptionHandler(loggerFactory.getLogger('sip.engine'), Web.defaultMediaStreamFactory(), {
    peerConnectionConfiguration: { iceServers: config.iceServers },
    iceGatheringTimeout: 500,
  });
  const audio = document.createElement('audio');
  audio.autoplay = true;
  audio.srcObject = handler.remoteMediaStream;
  host.appendChild(audio);
  return { handler, audio };
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
