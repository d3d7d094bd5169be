import type { MediaRequest, NegotiationResult } from '../../../common/contract/engine-media';
import { applySending, codecModifier, constraints, type CallMedia } from './call-media';

type Request<O extends MediaRequest['op']> = Extract<MediaRequest, { op: O }>;

/**
 * The offer/answer steps of one call, as main's bridged handler asks for
 * them. `microphoneId` is the agent's chosen input at the time of the step.
 */

/** Our local description: an offer (or the answer to an applied offer). */
export async function describe(media: CallMedia, request: Request<'getDescription'>, microphoneId: string | null): Promise<NegotiationResult> {
  const { hold, iceRestart } = request.options;
  if (hold !== undefined) media.held = hold;
  applySending(media);
  if (request.prepared !== undefined) {
    await media.handler.applyPreparedOffer(request.prepared, media.held);
    return {};
  }
  const description = await media.handler.getDescription({ constraints: constraints(request.config, microphoneId), hold, offerOptions: { iceRestart } }, [
    codecModifier(request.config),
  ]);
  if (media.handler.peerConnection?.signalingState === 'stable') media.agreedHeld = media.held;
  return { description };
}

/**
 * The far end's description. An offer is answered in the same step (SIP.js
 * asks for the answer right after), so answering costs main one request.
 * A ringing call's offer may have been applied already by `prepare`.
 */
export async function applyRemote(media: CallMedia, request: Request<'setDescription'>, microphoneId: string | null): Promise<NegotiationResult> {
  const options = { constraints: constraints(request.config, microphoneId), hold: request.options.hold };
  const prepared = media.prepared;
  media.prepared = null;
  const ready = prepared?.sdp === request.sdp ? await prepared.ready.then(() => true, () => false) : false;
  if (!ready) await media.handler.setDescription(request.sdp, options);
  if (request.options.hold !== undefined) media.held = request.options.hold;
  applySending(media);
  void media.audio.play().catch(() => undefined);
  if (media.handler.peerConnection?.signalingState !== 'have-remote-offer') {
    media.agreedHeld = media.held;
    return {};
  }
  const description = await media.handler.getDescription(options, [codecModifier(request.config)]);
  media.agreedHeld = media.held;
  return { description };
}

/** A ringing call: microphone, peer connection and the remote offer, before the answer. */
export function prepare(media: CallMedia, request: Request<'prepare'>, microphoneId: string | null): void {
  const ready = media.handler.setDescription(request.sdp, { constraints: constraints(request.config, microphoneId) });
  // Failure here only means the answer does the work itself.
  ready.catch(() => undefined);
  media.prepared = { sdp: request.sdp, ready };
}

/** The offer for the next hold toggle, made now and applied only if main sends it. */
export async function nextOffer(media: CallMedia): Promise<NegotiationResult> {
  const hold = !media.held;
  const sdp = await media.handler.prepareOffer(hold, [codecModifier(media.config)]);
  return sdp ? { next: { hold, sdp } } : {};
}

/** Our offer was refused: back to what the far end agreed to. */
export async function rollback(media: CallMedia): Promise<NegotiationResult> {
  media.held = media.agreedHeld;
  await media.handler.rollback(media.held);
  applySending(media);
  return {};
}
