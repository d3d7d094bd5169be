import { z } from 'zod';
import { AGENT_API_LIMITS as L } from './limits';
import {
  agentIdSchema,
  channelSchema,
  codeSchema,
  epochMsSchema,
  labelledCodeSchema,
  nameSchema,
  phoneNumberSchema,
  teamIdSchema,
} from './primitives';

/**
 * The agent's own state (PRODUCT A1–A3). `rona` is set by the ACD when an
 * offer was not answered in time and can never be chosen (A2). What the agent
 * is doing on a contact is the contact's state, not this one.
 */
export const AGENT_STATES = ['available', 'idle', 'rona'] as const;
export type AgentState = (typeof AGENT_STATES)[number];

/** A state the agent may choose (set-state); `rona` is not one of them. */
export const chosenStateSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('available') }),
  z.strictObject({ state: z.literal('idle'), reasonCode: codeSchema }),
]);
export type ChosenState = z.infer<typeof chosenStateSchema>;

export const agentStateViewSchema = z.strictObject({
  state: z.enum(AGENT_STATES),
  /** The idle reason when `state` is idle, else null. */
  reasonCode: codeSchema.nullable(),
  since: epochMsSchema,
  /**
   * A choice made during a contact that takes effect when the contact ends
   * (A3: Idle chosen mid-call), else null.
   */
  pending: chosenStateSchema.nullable(),
});
export type AgentStateView = z.infer<typeof agentStateViewSchema>;

/** Who the agent is, as shown in the title bar (S5), and what they may do. */
export const agentProfileSchema = z.strictObject({
  agentId: agentIdSchema,
  name: nameSchema,
  dn: phoneNumberSchema,
  team: z.strictObject({ teamId: teamIdSchema, name: nameSchema }),
  /** Channels enabled for this agent (S2); today only voice. */
  channels: z.array(channelSchema).min(1).max(4),
  /** Admin-defined idle reasons (A1). */
  idleReasons: z.array(labelledCodeSchema).max(L.maxCodes),
  /** Numbers the agent may present as caller id on outdial (V7). */
  outdialAnis: z.array(z.strictObject({ number: phoneNumberSchema, label: nameSchema })).max(L.maxCodes),
});
export type AgentProfile = z.infer<typeof agentProfileSchema>;

/**
 * How an agent looks to colleagues in the consult/transfer picker (V4):
 * green available, blue connected (on a contact), grey idle; plus rona and
 * wrap-up, and logged-out once they leave.
 */
export const PRESENCES = ['available', 'connected', 'idle', 'rona', 'wrap-up', 'logged-out'] as const;
export type Presence = (typeof PRESENCES)[number];

export const agentPresenceSchema = z.strictObject({
  agentId: agentIdSchema,
  name: nameSchema,
  teamId: teamIdSchema,
  presence: z.enum(PRESENCES),
});
export type AgentPresence = z.infer<typeof agentPresenceSchema>;

/**
 * Why a session ended (S4): `logout` when the agent asked, the others when
 * they did not. The lab's ACD uses this list too.
 */
export const LOGOUT_REASONS = [
  'logout',
  'supervisor',
  'lost-connection',
  'invalid-credentials',
  'account-locked',
  'password-expired',
  'password-change-required',
  'signed-in-elsewhere',
  'bad-desktop-configuration',
  'system-cleanup',
] as const;
export type LogoutReason = (typeof LOGOUT_REASONS)[number];
