import type {
  AgentState,
  AgentView,
  Channel,
  ConsultView,
  ContactView,
  ForcedLogoutReason,
  LogoutReason,
  WrapUpRecord,
} from './types';
import type { QueueStatsView } from './stats';

/**
 * Everything the agent API must push, one union. `username` says whose
 * desktop an event is for; events without one are for every desktop
 * (directory, queue statistics) or for the glue (contact state).
 */
export type AcdEvent =
  | { type: 'agent-logged-in'; username: string; agent: AgentView }
  | { type: 'agent-logged-out'; username: string; sessionId: string; reason: LogoutReason }
  /** A session ended by someone else (S4); the desktop shows the localized reason. */
  | { type: 'forced-logout'; username: string; sessionId: string; reason: ForcedLogoutReason }
  | { type: 'agent-state'; username: string; state: AgentState; agent: AgentView }
  /** A contact rings this agent; the RONA timer runs for `timeoutMs`. */
  | {
      type: 'offer';
      username: string;
      offerId: string;
      contactId: string;
      channel: Channel;
      customerNumber: string;
      queueId: string | null;
      queueName: string | null;
      timeoutMs: number;
      expiresAt: number;
      /** Routed here by last-agent routing (W1). */
      lastAgent: boolean;
    }
  | {
      type: 'offer-withdrawn';
      username: string;
      offerId: string;
      contactId: string;
      reason: 'rona' | 'declined' | 'failed' | 'abandoned' | 'logged-out';
    }
  | { type: 'contact-state'; contact: ContactView }
  /** The agent's part ended: choose a wrap-up code; auto wrap-up after `autoWrapUpMs` (null = none). */
  | { type: 'wrap-up-required'; username: string; contactId: string; autoWrapUpMs: number | null }
  | { type: 'wrap-up-done'; username: string; record: WrapUpRecord }
  | { type: 'consult-update'; username: string; consult: ConsultView }
  /** Consult to queue: agent 2 is reserved, agent 1 must confirm within `timeoutMs` (V4). */
  | {
      type: 'consult-confirm-required';
      username: string;
      consultId: string;
      contactId: string;
      consultedAgent: string;
      timeoutMs: number;
    }
  /** Agent 2's side of a consult: being asked, in it, or out of it. */
  | {
      type: 'consult-offer';
      username: string;
      consultId: string;
      contactId: string;
      from: string;
      customerNumber: string;
    }
  | {
      type: 'consult-ended';
      consultId: string;
      contactId: string;
      /** Agent 1 and agent 2 (if any) both get it. */
      usernames: string[];
      reason:
        | 'ended'
        | 'left'
        | 'failed'
        | 'timeout'
        | 'not-confirmed'
        | 'transferred'
        | 'customer-hung-up'
        | 'contact-ended';
    }
  | { type: 'recording'; contactId: string; paused: boolean; autoResumeAt: number | null; usernames: string[] }
  /** An asynchronous numbered error (C3), e.g. 20 when an outdial fails after it started. */
  | { type: 'contact-error'; username: string; contactId: string; number: number; code: string; message: string }
  | { type: 'directory-changed'; agents: DirectoryEntry[] }
  | { type: 'queue-stats'; stats: QueueStatsView };

/** One row of the consult/transfer agent list (V4: green, blue, grey). */
export interface DirectoryEntry {
  username: string;
  displayName: string;
  teamId: string;
  state: AgentState;
  /** `available` green, `connected` blue, `idle` grey (the seed's colours), plus RONA and wrap-up. */
  presence: 'available' | 'connected' | 'idle' | 'rona' | 'wrap-up';
}

export type AcdListener = (event: AcdEvent) => void;
