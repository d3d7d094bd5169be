import { LOGOUT_REASONS, type LogoutReason } from '../../common/agent-api/agent';

/**
 * Public vocabulary of the ACD: results, error codes, states and the views
 * handed to the agent API. Names follow the agent's words (PRODUCT.md).
 */

/** Contacts carry a channel so chat, email and SMS fit later unchanged. */
export type Channel = 'voice' | 'chat' | 'email' | 'sms';

export const ACD_ERROR_CODES = [
  'invalid-input',
  'invalid-credentials',
  'account-locked',
  'password-expired',
  'password-change-required',
  'team-not-allowed',
  'unknown-dn',
  'dn-in-use',
  'not-logged-in',
  'contact-active',
  'invalid-state',
  'not-permitted',
  'unknown-contact',
  'unknown-agent',
  'unknown-queue',
  'unknown-code',
  'unknown-number',
  'target-unavailable',
  'consult-failed',
  'outdial-failed',
  'outdial-rejected',
  'stale',
  'internal',
] as const;
export type AcdErrorCode = (typeof ACD_ERROR_CODES)[number];

/** The numbered errors of the seed (C3), shown to the agent with their number. */
export const SEED_ERROR_NUMBERS: Partial<Record<AcdErrorCode, number>> = {
  'consult-failed': 14,
  'outdial-failed': 20,
  'outdial-rejected': 21,
};

export type AcdFailure = { ok: false; code: AcdErrorCode; message: string; number?: number };
/** Every command answers with one of these; none throws for bad input. */
export type AcdResult<T extends object = object> = ({ ok: true } & T) | AcdFailure;

export function failure(code: AcdErrorCode, message: string): AcdFailure {
  const number = SEED_ERROR_NUMBERS[code];
  return number === undefined ? { ok: false, code, message } : { ok: false, code, message, number };
}

/** What the agent picked (A1/A2): RONA only the system sets. */
export type Availability = 'available' | 'idle' | 'rona';

/**
 * What the title bar shows: the agent's availability unless a contact is in
 * the way (`reserved` while an offer rings, `engaged` on a contact or a
 * consult, `wrap-up` after one).
 */
export type AgentState = Availability | 'reserved' | 'engaged' | 'wrap-up';

/** Why a session ended (S4); `logout` is the agent's own. The agent API's names. */
export { LOGOUT_REASONS, type LogoutReason };
export type ForcedLogoutReason = Exclude<LogoutReason, 'logout'>;

/** ACD view of a contact (A4 minus hold, which is the softphone's business). */
export type ContactState =
  | 'queued'
  | 'offered'
  | 'connected'
  | 'consult-requested'
  | 'consulting'
  | 'conference'
  | 'transferring'
  | 'outdial-reserved'
  | 'ended';

export type ContactDirection = 'inbound' | 'outbound';

export type ContactEndReason =
  | 'customer-hung-up'
  | 'agent-ended'
  | 'abandoned'
  | 'transferred-out'
  | 'transfer-failed'
  | 'outdial-failed'
  | 'agent-logged-out';

export type ConsultTarget =
  | { kind: 'agent'; username: string }
  | { kind: 'queue'; queueId: string }
  | { kind: 'dn'; number: string };

export type TransferTarget = ConsultTarget | { kind: 'consult' };

export type ConsultState = 'waiting-agent' | 'confirm-required' | 'requested' | 'consulting' | 'conference';

export interface ConsultView {
  consultId: string;
  contactId: string;
  target: ConsultTarget;
  state: ConsultState;
  /** Agent 2 once known. */
  consultedAgent: string | null;
  /** What agent 1's softphone dials once the consult is requested. */
  dial: string | null;
}

export interface ContactView {
  contactId: string;
  channel: Channel;
  direction: ContactDirection;
  state: ContactState;
  customerNumber: string;
  /** The number the customer dialled (queue number), or the ANI used for an outdial. */
  dialedNumber: string;
  queueId: string | null;
  /** Agent 1: the agent who owns the contact and wraps it up. */
  owner: string | null;
  consult: ConsultView | null;
  cad: Record<string, string>;
  recordingPaused: boolean;
  arrivedAt: number;
  connectedAt: number | null;
  endedAt: number | null;
  endReason: ContactEndReason | null;
}

export interface AgentView {
  username: string;
  displayName: string;
  sessionId: string;
  dn: string;
  teamId: string;
  state: AgentState;
  availability: Availability;
  idleReason: string | null;
  availabilitySince: number;
  /** Chosen during a contact, applied when it ends (A3). */
  pending: { availability: 'available' | 'idle'; idleReason: string | null } | null;
  contactId: string | null;
  /** When the agent last became available or ended a contact (longest-idle routing). */
  readySince: number;
  supervisor: boolean;
}

export interface WrapUpRecord {
  contactId: string;
  username: string;
  code: string;
  cad: Record<string, string>;
  /** Submitted by the auto wrap-up timer rather than the agent. */
  auto: boolean;
  lastAgentRouting: boolean;
  customerNumber: string;
  queueId: string | null;
  /** When the agent's part of the contact ended, and when wrap-up was submitted. */
  startedAt: number;
  endedAt: number;
  submittedAt: number;
}
