import { z } from 'zod';
import { AGENT_API_LIMITS as L } from './limits';
import { chosenStateSchema } from './agent';
import {
  cadSchema,
  codeSchema,
  contactIdSchema,
  phoneNumberSchema,
  requestIdSchema,
  seqSchema,
  targetSchema,
  teamIdSchema,
} from './primitives';
import { resumeTokenSchema } from './session';

const contactRef = z.strictObject({ contactId: contactIdSchema });
const empty = z.strictObject({});

/**
 * Request bodies, one per op (client → server). All strict: an unknown field
 * is an error, never silently ignored, so a typo cannot pass for a request
 * that did something else. The acting agent is always the session's own;
 * no body names the agent it acts for.
 */
export const REQUEST_BODIES = {
  /** S1: credentials, DN and team; `resumeToken` reclaims this agent's live session. */
  login: z.strictObject({
    username: z.string().min(1).max(L.maxUsernameLength),
    password: z.string().min(1).max(L.maxPasswordLength),
    dn: phoneNumberSchema,
    teamId: teamIdSchema,
    resumeToken: resumeTokenSchema.optional(),
  }),
  /** After a reconnect: continue the session, replaying events after `lastSeq`. */
  resume: z.strictObject({ resumeToken: resumeTokenSchema, lastSeq: seqSchema }),
  /** Refused with `invalid-state` while a contact is active (S3). */
  logout: empty,
  /** A1, A3. */
  'set-state': chosenStateSchema,
  'accept-offer': contactRef,
  'decline-offer': contactRef,
  /** W1, V10: the CAD given here is saved with the wrap-up. */
  'wrap-up.submit': z.strictObject({
    contactId: contactIdSchema,
    code: codeSchema,
    cad: cadSchema.optional(),
    lastAgentRouting: z.boolean().optional(),
  }),
  /** W1: stop the default code being submitted when the auto wrap-up timer fires. */
  'wrap-up.cancel-auto': contactRef,
  'cad.get': contactRef,
  /** Sets the given fields, leaves the others (V10). */
  'cad.set': z.strictObject({ contactId: contactIdSchema, cad: cadSchema }),
  'directory.get': empty,
  /** V4: the customer is held while the consult runs. */
  consult: z.strictObject({ contactId: contactIdSchema, target: targetSchema }),
  /** V4: go ahead with the agent a queue consult found. */
  'consult.confirm': contactRef,
  /** V4: end the consult, keep the customer. */
  'consult.cancel': contactRef,
  /** V5: join the customer and the consulted party. */
  conference: contactRef,
  /** V6: blind to a target, or complete the running consult into a transfer. */
  transfer: z.discriminatedUnion('mode', [
    z.strictObject({ mode: z.literal('blind'), contactId: contactIdSchema, target: targetSchema }),
    z.strictObject({ mode: z.literal('consult'), contactId: contactIdSchema }),
  ]),
  /** V7: `ani` must be one of the profile's outdial ANIs; omitted, the default one. */
  outdial: z.strictObject({ number: phoneNumberSchema, ani: phoneNumberSchema.optional() }),
  'recording.pause': contactRef,
  'recording.resume': contactRef,
  /** V8: the owner ends the call (→ wrap-up); the consulted agent leaves it. */
  'contact.end': contactRef,
  /** Liveness and clock check; the nonce is echoed. */
  ping: z.strictObject({ nonce: requestIdSchema.optional() }),
} as const;

export type AgentApiOp = keyof typeof REQUEST_BODIES;
export const AGENT_API_OPS = Object.keys(REQUEST_BODIES) as AgentApiOp[];
export type RequestBody<O extends AgentApiOp> = z.infer<(typeof REQUEST_BODIES)[O]>;

/** Ops allowed before login. */
export const SESSIONLESS_OPS = ['login', 'resume', 'ping'] as const satisfies readonly AgentApiOp[];

export function isAgentApiOp(op: string): op is AgentApiOp {
  return Object.hasOwn(REQUEST_BODIES, op);
}
