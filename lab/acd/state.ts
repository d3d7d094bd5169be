import type { Logger } from '../log';
import type { AcdClock, TimerHandle } from './clock';
import type { AcdEvent, AcdListener } from './events';
import type { OrgAgent, OrgConfig, OrgQueue } from './org-schema';
import type { AcdCallPort } from './ports';
import { AcdStats } from './stats';
import type {
  Availability,
  Channel,
  ConsultState,
  ConsultTarget,
  ContactDirection,
  ContactEndReason,
  ContactState,
  WrapUpRecord,
} from './types';

/** The ACD's internal records. Only the feature modules of lab/acd touch them. */

export interface SessionRecord {
  sessionId: string;
  dn: string;
  teamId: string;
  availability: Availability;
  idleReason: string | null;
  /** When availability or idle reason last changed (the title-bar timer). */
  availabilitySince: number;
  pending: { availability: 'available' | 'idle'; idleReason: string | null } | null;
  /** What keeps the agent from new offers. */
  activity: null | 'reserved' | 'engaged' | 'wrap-up';
  contactId: string | null;
  /** Agent 1 owns and wraps up; agent 2 was consulted (or is being offered a transfer/consult). */
  role: null | 'owner' | 'consulted';
  readySince: number;
  /** When this agent's connected part of the current contact began. */
  connectedAt: number | null;
  wrapUp: { startedAt: number; partStartedAt: number; timer: TimerHandle | null; autoCancelled: boolean } | null;
}

export interface AgentRecord {
  config: OrgAgent;
  failedLogins: number;
  locked: boolean;
  passwordExpired: boolean;
  passwordChangeRequired: boolean;
  session: SessionRecord | null;
}

export interface ConsultRecord {
  id: string;
  target: ConsultTarget;
  state: ConsultState;
  requestedBy: string;
  agent2: string | null;
  dial: string | null;
  timer: TimerHandle | null;
}

export interface OfferRecord {
  offerId: string;
  username: string;
  timer: TimerHandle;
  lastAgent: boolean;
}

export interface ContactRecord {
  id: string;
  channel: Channel;
  direction: ContactDirection;
  state: ContactState;
  customerNumber: string;
  dialedNumber: string;
  queueId: string | null;
  /** Order in its queue; kept when an offer returns (RONA, decline) so it keeps its place. */
  queueSeq: number;
  /** Start of the current wait in `queueId`. */
  enqueuedAt: number;
  arrivedAt: number;
  owner: string | null;
  offer: OfferRecord | null;
  consult: ConsultRecord | null;
  pendingTransfer: { target: 'queue' | 'agent'; queueId: string | null; agent: string | null; timer: TimerHandle } | null;
  cad: Record<string, string>;
  recording: { paused: boolean; timer: TimerHandle | null; resumeAt: number | null };
  /** Agents (besides the owner) who may still edit CAD: agent 1 in wrap-up after a transfer (V10). */
  cadEditors: Set<string>;
  preferredAgent: string | null;
  connectedAt: number | null;
  endedAt: number | null;
  endReason: ContactEndReason | null;
}

export interface AcdDeps {
  org: OrgConfig;
  clock: AcdClock;
  calls: AcdCallPort;
  log: Logger;
  /** Extra time the ACD's RONA timer waits beyond the ring timeout given to the call layer. */
  offerTimerGraceMs?: number;
}

/**
 * Shared state plus the outbox. Commands mutate records, then `settle()`
 * routes, derives state events and hands events and port calls out, in
 * order, only once the command is complete: no listener or port ever sees a
 * half-applied change, and re-entrant calls from them are safe.
 */
export class AcdCore {
  readonly org: OrgConfig;
  readonly clock: AcdClock;
  readonly calls: AcdCallPort;
  readonly log: Logger;
  readonly offerTimerGraceMs: number;
  readonly stats = new AcdStats();
  readonly agents = new Map<string, AgentRecord>();
  readonly sessions = new Map<string, string>();
  readonly contacts = new Map<string, ContactRecord>();
  readonly wrapUps: WrapUpRecord[] = [];
  readonly lastAgent = new Map<string, { username: string; at: number }>();
  readonly listeners = new Set<AcdListener>();
  readonly dirtyAgents = new Set<string>();
  readonly dirtyContacts = new Set<string>();
  readonly dirtyQueues = new Set<string>();
  /** Last state sent per agent, to emit only real changes. */
  readonly lastSent = new Map<string, string>();
  private outbox: Array<() => void> = [];
  private nextId = 1;
  private nextSeq = 1;
  depth = 0;

  constructor(deps: AcdDeps) {
    this.org = deps.org;
    this.clock = deps.clock;
    this.calls = deps.calls;
    this.log = deps.log;
    this.offerTimerGraceMs = Math.max(0, deps.offerTimerGraceMs ?? 0);
    for (const agent of deps.org.agents) {
      this.agents.set(agent.username, {
        config: agent,
        failedLogins: 0,
        locked: agent.locked,
        passwordExpired: agent.passwordExpired,
        passwordChangeRequired: agent.passwordChangeRequired,
        session: null,
      });
    }
  }

  now(): number {
    return this.clock.now();
  }

  newId(prefix: string): string {
    return `${prefix}-${this.nextId++}`;
  }

  newSeq(): number {
    return this.nextSeq++;
  }

  emit(event: AcdEvent): void {
    this.outbox.push(() => {
      for (const listener of [...this.listeners]) {
        try {
          listener(event);
        } catch (error) {
          this.log.error('ACD listener threw', { type: event.type, error: String(error) });
        }
      }
    });
  }

  /** Queue a call-layer request for after the command. */
  port(describe: string, call: (calls: AcdCallPort) => void): void {
    this.outbox.push(() => {
      try {
        call(this.calls);
      } catch (error) {
        this.log.error('ACD call port threw', { call: describe, error: String(error) });
      }
    });
  }

  takeOutbox(): Array<() => void> {
    const out = this.outbox;
    this.outbox = [];
    return out;
  }

  queue(queueId: string): OrgQueue | undefined {
    return this.org.queues.find((q) => q.id === queueId);
  }

  sessionOf(username: string): SessionRecord | null {
    return this.agents.get(username)?.session ?? null;
  }

  /** The agent behind a live session id, or null for an unknown or ended one. */
  agentBySession(sessionId: unknown): AgentRecord | null {
    if (typeof sessionId !== 'string') return null;
    const username = this.sessions.get(sessionId);
    return username === undefined ? null : (this.agents.get(username) ?? null);
  }

  /** Start a timer that runs its callback as a settled ACD step. */
  timer(ms: number, fn: () => void): TimerHandle {
    return this.clock.setTimer(ms, () => this.step(fn));
  }

  clearTimer(handle: TimerHandle | null): void {
    if (handle !== null) this.clock.clearTimer(handle);
  }

  /** Mark a contact (and its queue) changed: `contact-state` and `queue-stats` follow. */
  touch(contact: ContactRecord): void {
    this.dirtyContacts.add(contact.id);
    if (contact.queueId !== null) this.dirtyQueues.add(contact.queueId);
  }

  /** Set by the facade: run `fn` and settle afterwards. */
  step: (fn: () => void) => void = (fn) => fn();
}
