import { z } from 'zod';
import { callQualitySchema } from '../softphone/call-quality';
import { deviceChoiceSchema } from './audio-devices';

/**
 * Media RPC between main (SIP signalling, source of truth) and the hidden
 * engine window (WebRTC). Main gives every call a session-description
 * handler that forwards SIP.js's calls here; the engine runs a real SIP.js
 * Web handler per call and answers with `sb:engine:media-reply`.
 */
const callId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

export const iceServerConfigSchema = z.object({
  urls: z.union([z.string().max(512), z.array(z.string().max(512)).max(4)]),
  username: z.string().max(256).optional(),
  credential: z.string().max(256).optional(),
});

/** What each call's media needs to know, fixed when the call starts. */
export const mediaConfigSchema = z.object({
  iceServers: z.array(iceServerConfigSchema).max(8),
  /** Preferred codecs, most preferred first (names as in SDP, e.g. PCMU). */
  codecs: z.array(z.string().max(16)).max(8),
  /** Echo cancellation, noise suppression and gain control on the microphone. */
  audioProcessing: z.boolean(),
});
export type MediaConfig = z.infer<typeof mediaConfigSchema>;

/** SIP.js's description options that survive the trip (modifiers do not). */
const descriptionOptions = z
  .object({ hold: z.boolean().optional(), iceRestart: z.boolean().optional() })
  .strip();

const sdp = z.string().max(64_000);

export const mediaRequestSchema = z.discriminatedUnion('op', [
  z.object({
    id: z.number().int(),
    op: z.literal('getDescription'),
    callId,
    config: mediaConfigSchema,
    options: descriptionOptions,
    /**
     * The offer main already sent (the `next` of an earlier negotiation):
     * apply exactly this one instead of creating a new one.
     */
    prepared: sdp.optional(),
  }),
  z.object({
    id: z.number().int(),
    op: z.literal('setDescription'),
    callId,
    config: mediaConfigSchema,
    sdp,
    options: descriptionOptions,
  }),
  /**
   * An incoming call is ringing: get its media ready (microphone, peer
   * connection, remote offer applied) so answering only has to answer.
   */
  z.object({ id: z.number().int(), op: z.literal('prepare'), callId, config: mediaConfigSchema, sdp }),
  /** Our offer was refused (re-INVITE rejected): back to the last agreed state. */
  z.object({ id: z.number().int(), op: z.literal('rollback'), callId }),
  /**
   * We hold (or resume) the call: the far end stops (or starts) hearing the
   * agent now, before the re-INVITE with the prepared offer is answered.
   */
  z.object({ id: z.number().int(), op: z.literal('setHeld'), callId, held: z.boolean() }),
  /** Make (not apply) the offer for the next hold toggle; result `{ next }`. */
  z.object({ id: z.number().int(), op: z.literal('nextOffer'), callId }),
  z.object({
    id: z.number().int(),
    op: z.literal('sendDtmf'),
    callId,
    tones: z.string().regex(/^[0-9A-D*#,]{1,32}$/),
  }),
  z.object({ id: z.number().int(), op: z.literal('setMuted'), callId, muted: z.boolean() }),
  z.object({ id: z.number().int(), op: z.literal('close'), callId }),
  /** Conference (V5): each call sends the microphone mixed with the other call's audio. */
  z.object({ id: z.number().int(), op: z.literal('mix'), callIds: z.tuple([callId, callId]) }),
  z.object({ id: z.number().int(), op: z.literal('unmix') }),
  /** Main decided the agent must hear an offer: loop the tone until stopRing. */
  z.object({ id: z.number().int(), op: z.literal('ring'), tone: z.enum(['ringtone', 'callWaiting']) }),
  z.object({ id: z.number().int(), op: z.literal('stopRing') }),
  /** Devices to use from now on, also for live calls (switch mid-call). */
  z.object({ id: z.number().int(), op: z.literal('setDevices'), devices: deviceChoiceSchema }),
  /** Start or stop reporting the microphone level (the settings meter). */
  z.object({ id: z.number().int(), op: z.literal('levelMeter'), on: z.boolean() }),
]);
export type MediaRequest = z.infer<typeof mediaRequestSchema>;
export type MediaOp = MediaRequest['op'];

export const bodyAndContentTypeSchema = z.object({
  body: z.string().max(64_000),
  contentType: z.string().max(128),
});

/**
 * What a negotiation step gives main: the local description SIP.js sends
 * (the offer, or the answer when `setDescription` got an offer); or, from
 * `nextOffer`, the offer for the next hold toggle, made but not applied, so
 * hold and resume need no engine round trip before the re-INVITE leaves.
 */
export const negotiationResultSchema = z
  .object({
    description: bodyAndContentTypeSchema.optional(),
    next: z.object({ hold: z.boolean(), sdp }).strict().optional(),
  })
  .strict();
export type NegotiationResult = z.infer<typeof negotiationResultSchema>;

export const mediaReplySchema = z.discriminatedUnion('ok', [
  z.object({ id: z.number().int(), ok: z.literal(true), result: z.union([negotiationResultSchema, z.boolean(), z.null()]) }).strict(),
  z.object({ id: z.number().int(), ok: z.literal(false), error: z.string().max(500) }).strict(),
]);
export type MediaReply = z.infer<typeof mediaReplySchema>;

/** The engine's statistics for one call (engine → main). */
export const callQualityReportSchema = z.object({ callId, quality: callQualitySchema }).strict();
export type CallQualityReport = z.infer<typeof callQualityReportSchema>;
