import { z } from 'zod';
import { agentProfileSchema, agentStateViewSchema, LOGOUT_REASONS } from './agent';
import { consultSchema, contactSchema } from './contact';
import { directoryChangeSchema } from './directory';
import { errorEventBodySchema } from './errors';
import { codeSchema, contactIdSchema, epochMsSchema } from './primitives';
import { wrapUpSchema } from './session';

/**
 * Event bodies, one per event name (server → client). Events of a session
 * are numbered by `seq` (see envelope.ts) and replayed on resume.
 */
export const EVENT_BODIES = {
  /**
   * The session began, or ended without the agent asking (S4): supervisor,
   * signed-in-elsewhere, account-locked, password-expired, connection-lost,
   * … After `logged-out` the connection is back to "not logged in".
   */
  session: z.discriminatedUnion('status', [
    z.strictObject({ status: z.literal('logged-in'), agent: agentProfileSchema }),
    z.strictObject({ status: z.literal('logged-out'), reason: z.enum(LOGOUT_REASONS) }),
  ]),
  /** The agent's own state changed (A1–A3, RONA). */
  'agent-state': agentStateViewSchema,
  /** A contact is offered; answer before `expiresAt` or go to RONA (V1, A2). */
  offer: z.strictObject({ contact: contactSchema, expiresAt: epochMsSchema }),
  /** The offer is gone: RONA, customer hung up, or declined. */
  'offer-withdrawn': z.strictObject({
    contactId: contactIdSchema,
    reason: z.enum(['rona', 'abandoned', 'declined']),
  }),
  /** A contact of this agent was created, changed or ended. */
  contact: z.strictObject({ change: z.enum(['created', 'updated', 'ended']), contact: contactSchema }),
  /** A wrap-up is owed (`required`) or settled (`done`: submitted by the agent or by the timer). */
  'wrap-up': z.discriminatedUnion('phase', [
    z.strictObject({ phase: z.literal('required'), wrapUp: wrapUpSchema }),
    z.strictObject({
      phase: z.literal('done'),
      contactId: contactIdSchema,
      by: z.enum(['agent', 'timer']),
      code: codeSchema,
    }),
  ]),
  /**
   * Progress of a consult (V4): a queue found an agent (`ready-to-confirm`,
   * confirm before `consult.confirmBy`), it was `answered`, `timed-out`
   * before confirmation, or `ended` by either side.
   */
  consult: z.strictObject({
    contactId: contactIdSchema,
    phase: z.enum(['ready-to-confirm', 'answered', 'timed-out', 'ended']),
    consult: consultSchema.nullable(),
  }),
  /** Agents or queues in the directory changed (presence, waiting counts). */
  directory: directoryChangeSchema,
  /**
   * An error not tied to a request: numbered contact-center errors (14, 20,
   * 21) and frames whose request id could not be read.
   */
  error: errorEventBodySchema,
} as const;

export type AgentApiEventName = keyof typeof EVENT_BODIES;
export const AGENT_API_EVENTS = Object.keys(EVENT_BODIES) as AgentApiEventName[];
export type EventBody<E extends AgentApiEventName> = z.infer<(typeof EVENT_BODIES)[E]>;

/** An event before the server numbers it: what a backend pushes. */
export type AgentApiEvent = { [E in AgentApiEventName]: { event: E; body: EventBody<E> } }[AgentApiEventName];

export function isAgentApiEventName(name: string): name is AgentApiEventName {
  return Object.hasOwn(EVENT_BODIES, name);
}
