import { z } from 'zod';
import { agentStateViewSchema } from './agent';
import { contactSchema, recordingSchema } from './contact';
import { directorySchema } from './directory';
import { cadSchema, contactIdSchema, epochMsSchema, phoneNumberSchema, requestIdSchema } from './primitives';
import type { AgentApiOp } from './requests';
import { agentSnapshotSchema, phoneProvisioningSchema, sessionGrantFields, wrapUpSchema } from './session';

const contactResult = z.strictObject({ contact: contactSchema });
const contactIdResult = z.strictObject({ contactId: contactIdSchema });
const cadResult = z.strictObject({ contactId: contactIdSchema, cad: cadSchema });
const recordingResult = z.strictObject({ contactId: contactIdSchema, recording: recordingSchema });

/** Successful response bodies, one per op (server → client). */
export const RESULT_BODIES = {
  login: z.strictObject({ ...sessionGrantFields, state: agentSnapshotSchema, phone: phoneProvisioningSchema.optional() }),
  /**
   * `events`: the events after the client's `lastSeq` follow this response,
   * in order. `snapshot`: they are no longer kept; `state` replaces the
   * client's view and the stream continues after `seq`.
   */
  resume: z.discriminatedUnion('replay', [
    z.strictObject({ ...sessionGrantFields, replay: z.literal('events') }),
    z.strictObject({ ...sessionGrantFields, replay: z.literal('snapshot'), state: agentSnapshotSchema }),
  ]),
  logout: z.strictObject({}),
  'set-state': z.strictObject({ agentState: agentStateViewSchema }),
  'accept-offer': contactResult,
  'decline-offer': contactIdResult,
  'wrap-up.submit': contactIdResult,
  'wrap-up.cancel-auto': z.strictObject({ wrapUp: wrapUpSchema }),
  'cad.get': cadResult,
  'cad.set': cadResult,
  'directory.get': directorySchema,
  consult: contactResult,
  'consult.confirm': contactResult,
  'consult.cancel': contactResult,
  conference: contactResult,
  /**
   * `referTo`: where the agent's phone REFERs the customer for a blind
   * transfer (the agent's DN, the queue's number, the DN); omitted when the
   * contact center moves the call itself or for a consult transfer.
   */
  transfer: z.strictObject({ contact: contactSchema, referTo: phoneNumberSchema.optional() }),
  outdial: contactResult,
  'recording.pause': recordingResult,
  'recording.resume': recordingResult,
  'contact.end': contactResult,
  ping: z.strictObject({ nonce: requestIdSchema.nullable(), serverTime: epochMsSchema }),
} as const satisfies Record<AgentApiOp, z.ZodType>;

export type ResultBody<O extends AgentApiOp> = z.infer<(typeof RESULT_BODIES)[O]>;
