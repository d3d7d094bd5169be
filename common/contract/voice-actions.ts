import { z } from 'zod';
import { API_ERROR_CODES } from '../agent-api/errors';
import { cadSchema, contactIdSchema, phoneNumberSchema, targetSchema } from '../agent-api/primitives';
import { REFUSAL_REASONS } from '../softphone';

const onContact = <K extends string>(kind: K) => z.object({ kind: z.literal(kind), contactId: contactIdSchema }).strict();

/**
 * One agent action on a voice contact (PRODUCT V1–V10), as the agent sees
 * it: main does both halves — the contact center's request through the
 * agent API and the softphone's SIP step on the right line — so the UI
 * never has to sequence the two. The consulted agent uses the same verbs
 * (`end` leaves the consult; `hold` is refused in conference).
 */
export const voiceActionSchema = z.discriminatedUnion('kind', [
  /** V1: take the offer; the phone answers the ringing call for it. */
  onContact('accept'),
  /** V1: refuse the offer; it returns to the queue. */
  onContact('decline'),
  /** V3: hold / resume the customer (refused in conference). */
  onContact('hold'),
  onContact('resume'),
  /** V4: consult an agent, a queue or a DN / address-book entry; the customer is held. */
  z.object({ kind: z.literal('consult'), contactId: contactIdSchema, target: targetSchema }).strict(),
  /** V4: a queue consult found an agent: go ahead. */
  onContact('consult-confirm'),
  /** V4: end the consult (or stop waiting for it); the agent keeps the customer. */
  onContact('consult-cancel'),
  /** V4: talk to the other party: resuming the customer holds the consulted party and back. */
  onContact('swap'),
  /** V5: join the customer and the consulted party. */
  onContact('conference'),
  /** V6: blind transfer to an agent, a queue or a DN. */
  z.object({ kind: z.literal('transfer'), contactId: contactIdSchema, target: targetSchema }).strict(),
  /** V6: complete the running consult into a transfer. */
  onContact('transfer-consult'),
  /** V8: the owner ends the call (→ wrap-up); the consulted agent leaves it. */
  onContact('end'),
  /** V7: call a number with one of the profile's ANIs (omitted: the default one). */
  z.object({ kind: z.literal('outdial'), number: phoneNumberSchema, ani: phoneNumberSchema.optional() }).strict(),
  /** V9: pause / resume call recording. */
  onContact('recording-pause'),
  onContact('recording-resume'),
  /** V10: set CAD fields during the call (saved with the wrap-up). */
  z.object({ kind: z.literal('cad-set'), contactId: contactIdSchema, cad: cadSchema }).strict(),
]);
export type VoiceAction = z.infer<typeof voiceActionSchema>;
export type VoiceActionKind = VoiceAction['kind'];
export const VOICE_ACTION_KINDS = voiceActionSchema.options.map((o) => o.shape.kind.value) as VoiceActionKind[];

/**
 * Done, or why not: the contact center's refusal (`code`, with the guide's
 * error `number` 14 / 20 / 21 where it has one), or the phone's (`code`
 * `phone-refused` with the softphone's refusal `reason`).
 */
export const voiceActionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }).strict(),
  z
    .object({
      ok: z.literal(false),
      code: z.enum([...API_ERROR_CODES, 'phone-refused']),
      number: z.number().int().optional(),
      reason: z.enum(REFUSAL_REASONS).optional(),
    })
    .strict(),
]);
export type VoiceActionResult = z.infer<typeof voiceActionResultSchema>;
