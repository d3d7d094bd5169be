import { z } from 'zod';
import {
  AGENT_API_OPS,
  agentIdSchema,
  agentProfileSchema,
  agentSnapshotSchema,
  API_ERROR_CODES,
  chosenStateSchema,
  LOGOUT_REASONS,
  phoneNumberSchema,
  REQUEST_BODIES,
  teamIdSchema,
  type AgentApiOp,
} from '../agent-api';

/**
 * The agent's contact-center session as main holds it (PRODUCT S1–S5):
 * where it connects, whether the agent is logged in, and the agent API's
 * view of their state, contacts, offers and owed wrap-ups. Main is the only
 * client of the agent API; the UI mirrors this and sends intents.
 */

/** Where the agent logs in: the built-in lab (default) or a contact center's agent API. */
export const serverProfileSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('builtin-lab') }).strict(),
  z
    .object({
      kind: z.literal('server'),
      /** Agent API over WebSocket, e.g. wss://cc.example.com/agent. */
      agentApiUrl: z.string().max(512).regex(/^wss?:\/\/[^\s]+$/),
    })
    .strict(),
]);
export type ServerProfile = z.infer<typeof serverProfileSchema>;

export const SESSION_STATUSES = ['logged-out', 'logging-in', 'logged-in', 'reconnecting'] as const;
export type SessionStatus = (typeof SESSION_STATUSES)[number];

/** What the login form remembers between runs (never the password itself). */
export const rememberedLoginSchema = z
  .object({
    username: agentIdSchema,
    dn: phoneNumberSchema,
    teamId: teamIdSchema,
    /** A password is kept in the credential vault for this username. */
    passwordSaved: z.boolean(),
  })
  .strict();
export type RememberedLogin = z.infer<typeof rememberedLoginSchema>;

export const agentSessionSchema = z.object({
  status: z.enum(SESSION_STATUSES),
  profile: serverProfileSchema,
  /** The built-in lab is not reachable (not started, or failed). */
  labAvailable: z.boolean(),
  agent: agentProfileSchema.nullable(),
  view: agentSnapshotSchema.nullable(),
  /** Why the last session ended when the agent did not ask (S4), until the next login. */
  endedBecause: z.enum(LOGOUT_REASONS).nullable(),
  /** The last refused login or request, as an agent API error code. */
  error: z.object({ code: z.enum(API_ERROR_CODES), number: z.number().int().optional() }).nullable(),
  remembered: rememberedLoginSchema.nullable(),
});
export type AgentSessionView = z.infer<typeof agentSessionSchema>;

export const INITIAL_AGENT_SESSION: AgentSessionView = {
  status: 'logged-out',
  profile: { kind: 'builtin-lab' },
  labAvailable: false,
  agent: null,
  view: null,
  endedBecause: null,
  error: null,
  remembered: null,
};

/** The login form's submission. `password` omitted: use the one saved for `username`. */
export const loginRequestSchema = z
  .object({
    username: agentIdSchema,
    password: z.string().min(1).max(256).optional(),
    dn: phoneNumberSchema,
    teamId: teamIdSchema,
    remember: z.boolean(),
  })
  .strict();
export type LoginCommand = z.infer<typeof loginRequestSchema>;

/** Every session command answers whether it was done, or the agent API's reason. */
export const sessionResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true) }).strict(),
  z.object({ ok: z.literal(false), code: z.enum(API_ERROR_CODES), number: z.number().int().optional() }).strict(),
]);
export type SessionResult = z.infer<typeof sessionResultSchema>;

/**
 * The agent's work ops (offers, wrap-up, CAD, directory, consult, conference,
 * transfer, outdial, recording, end contact) go to the agent API as they
 * are: each body is checked against the protocol's schema in main before it
 * leaves. Session ops (login, resume, logout) and ping have their own verbs.
 */
const SESSION_OPS = ['login', 'resume', 'logout', 'ping', 'set-state'] as const;
export type AgentWorkOp = Exclude<AgentApiOp, (typeof SESSION_OPS)[number]>;
export const AGENT_WORK_OPS = AGENT_API_OPS.filter((op): op is AgentWorkOp => !(SESSION_OPS as readonly string[]).includes(op));

const workRequest = <O extends AgentWorkOp>(op: O) => z.object({ op: z.literal(op), body: REQUEST_BODIES[op] }).strict();
export const agentWorkRequestSchema = z.discriminatedUnion(
  'op',
  AGENT_WORK_OPS.map(workRequest) as unknown as [ReturnType<typeof workRequest<AgentWorkOp>>, ...ReturnType<typeof workRequest<AgentWorkOp>>[]],
);
export type AgentWorkRequest = { [O in AgentWorkOp]: { op: O; body: z.infer<(typeof REQUEST_BODIES)[O]> } }[AgentWorkOp];

/** A work op's answer: the protocol's result body (already validated by main), or the refusal. */
export const agentWorkResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), body: z.unknown() }).strict(),
  z.object({ ok: z.literal(false), code: z.enum(API_ERROR_CODES), number: z.number().int().optional() }).strict(),
]);
export type AgentWorkResult = z.infer<typeof agentWorkResultSchema>;

export { chosenStateSchema };
