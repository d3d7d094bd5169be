import { z } from 'zod';
import { AGENT_API_LIMITS as L } from './limits';
import { agentProfileSchema, agentStateViewSchema } from './agent';
import { contactSchema } from './contact';
import { codeSchema, contactIdSchema, epochMsSchema, labelledCodeSchema, seqSchema } from './primitives';

/**
 * A wrap-up the agent owes (W1). When `autoSubmitAt` passes and the agent
 * has not cancelled auto wrap-up, the ACD submits `defaultCode` for them.
 */
export const wrapUpSchema = z.strictObject({
  contactId: contactIdSchema,
  codes: z.array(labelledCodeSchema).min(1).max(L.maxCodes),
  defaultCode: codeSchema.nullable(),
  autoSubmitAt: epochMsSchema.nullable(),
  autoCancelled: z.boolean(),
});
export type WrapUp = z.infer<typeof wrapUpSchema>;

/** An offered contact's answer deadline (RONA, A2). */
export const offerDeadlineSchema = z.strictObject({
  contactId: contactIdSchema,
  expiresAt: epochMsSchema,
});

/**
 * Everything an agent's desktop shows, at one instant: sent on login and on
 * a resume that cannot replay. Offered contacts are in `contacts` (state
 * `offered`) with their deadline in `offers`.
 */
export const agentSnapshotSchema = z.strictObject({
  agentState: agentStateViewSchema,
  contacts: z.array(contactSchema).max(L.maxContacts),
  offers: z.array(offerDeadlineSchema).max(L.maxContacts),
  wrapUps: z.array(wrapUpSchema).max(L.maxContacts),
});
export type AgentSnapshot = z.infer<typeof agentSnapshotSchema>;

/**
 * The SIP account of the agent's DN, when the contact center provisions the
 * desktop's softphone at login (the built-in lab does). The desktop keeps
 * the password in memory for the session only.
 */
export const phoneProvisioningSchema = z.strictObject({
  /** SIP over WebSocket (RFC 7118). */
  sipServer: z.string().max(512).regex(/^wss?:\/\/[^\s]+$/),
  aor: z.string().max(256).regex(/^sips?:[^\s@]+@[^\s]+$/),
  authUser: z.string().min(1).max(128),
  password: z.string().min(1).max(L.maxPasswordLength),
});
export type PhoneProvisioning = z.infer<typeof phoneProvisioningSchema>;

export const resumeTokenSchema = z
  .string()
  .min(L.minResumeTokenLength)
  .max(L.maxResumeTokenLength)
  .regex(/^[A-Za-z0-9_-]+$/);

/** What login and resume both tell the client about its session. */
export const sessionGrantFields = {
  agent: agentProfileSchema,
  /** Present it in `resume` (or `login`) after a reconnect. */
  resumeToken: resumeTokenSchema,
  /** How long the session waits for a resume once the connection drops. */
  resumeWindowMs: z.number().int().positive().max(86_400_000),
  /** The last event seq of the session at the time of this response. */
  seq: seqSchema,
};
