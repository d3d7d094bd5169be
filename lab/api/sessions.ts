import { randomBytes } from 'node:crypto';
import {
  eventFrame,
  type AgentApiEvent,
  type AgentProfile,
  type EventFrame,
  type LogoutReason,
} from '../../common/agent-api';
import type { Logger } from '../log';
import type { ApiClock, ApiTimerHandle } from './clock';

/** A connection as the registry sees it: somewhere to send events. */
export interface SessionConnection {
  sendEvent(frame: EventFrame): void;
  /** The session left this connection (ended, or taken over); it is "not logged in" again. */
  sessionGone(): void;
  /** Closes the socket (a newer connection took the session over). */
  close(code: number, reason: string): void;
}

/**
 * One agent's session: it outlives its connection for `resumeWindowMs` so a
 * desktop that lost the network can resume without losing events. Events
 * are numbered by the session (`seq` 1, 2, …) and the last `replayLimit` are
 * kept for replay.
 */
export interface AgentSession {
  readonly token: string;
  readonly agentId: string;
  agent: AgentProfile;
  seq: number;
  readonly kept: EventFrame[];
  connection: SessionConnection | null;
  expiry: ApiTimerHandle | null;
}

export type ResumeOutcome =
  | { kind: 'events'; session: AgentSession; replay: EventFrame[] }
  | { kind: 'snapshot'; session: AgentSession };

export interface SessionRegistryOptions {
  clock: ApiClock;
  logger: Logger;
  resumeWindowMs: number;
  replayLimit: number;
  /** A detached session's resume window passed: tell the backend. */
  onExpired(agentId: string): void;
}

/** Close code for a connection whose session moved to a newer connection. */
export const CLOSE_SESSION_TAKEN_OVER = 4000;

/**
 * All live sessions, by agent and by resume token. At most one session per
 * agent (S4: the older one is ended, `signed-in-elsewhere`) and at most one
 * connection per session (a resume takes the session over).
 */
export class SessionRegistry {
  private readonly byAgent = new Map<string, AgentSession>();
  private readonly byToken = new Map<string, AgentSession>();

  constructor(private readonly options: SessionRegistryOptions) {}

  get size(): number {
    return this.byAgent.size;
  }

  get attached(): number {
    let count = 0;
    for (const session of this.byAgent.values()) if (session.connection !== null) count += 1;
    return count;
  }

  /** The agent's live session if `token` names it (login with a resume token). */
  sessionFor(agentId: string, token: string | undefined): AgentSession | null {
    if (token === undefined) return null;
    const session = this.byToken.get(token);
    return session !== undefined && session.agentId === agentId ? session : null;
  }

  /** A new session for a freshly logged-in agent; an older one of the same agent ends. */
  create(agent: AgentProfile, connection: SessionConnection | null): AgentSession {
    const older = this.byAgent.get(agent.agentId);
    if (older !== undefined) this.publish(older.agentId, { event: 'session', body: { status: 'logged-out', reason: 'signed-in-elsewhere' } });
    const session: AgentSession = {
      token: randomBytes(24).toString('base64url'),
      agentId: agent.agentId,
      agent,
      seq: 0,
      kept: [],
      connection: null,
      expiry: null,
    };
    this.byAgent.set(session.agentId, session);
    this.byToken.set(session.token, session);
    this.attach(session, connection);
    return session;
  }

  /** Moves `session` to `connection`; a previous connection is closed. */
  attach(session: AgentSession, connection: SessionConnection | null): void {
    if (session.expiry !== null) this.options.clock.clearTimer(session.expiry);
    session.expiry = null;
    const previous = session.connection;
    session.connection = connection;
    if (previous !== null && previous !== connection) {
      previous.sessionGone();
      previous.close(CLOSE_SESSION_TAKEN_OVER, 'session taken over by a newer connection');
    }
    if (connection === null) this.startResumeWindow(session);
  }

  /** Finds the session of `token` and works out what the client missed after `lastSeq`. */
  resume(token: string, lastSeq: number): ResumeOutcome | null {
    const session = this.byToken.get(token);
    if (session === undefined) return null;
    const oldest = session.kept[0]?.seq ?? session.seq + 1;
    if (lastSeq > session.seq || lastSeq < oldest - 1) return { kind: 'snapshot', session };
    return { kind: 'events', session, replay: session.kept.filter((frame) => frame.seq > lastSeq) };
  }

  /** The connection went away: the session waits `resumeWindowMs` for a resume. */
  detach(session: AgentSession, connection: SessionConnection): void {
    if (session.connection !== connection) return;
    session.connection = null;
    this.startResumeWindow(session);
  }

  /**
   * Numbers an event for `agentId`'s session, keeps it for replay and sends
   * it when connected. A `session` `logged-out` event is the session's last.
   * Returns false when the agent has no session (the event is dropped).
   */
  publish(agentId: string, event: AgentApiEvent): boolean {
    const session = this.byAgent.get(agentId);
    if (session === undefined) return false;
    session.seq += 1;
    const frame = eventFrame(session.seq, event);
    session.kept.push(frame);
    if (session.kept.length > this.options.replayLimit) session.kept.shift();
    session.connection?.sendEvent(frame);
    if (event.event === 'session' && event.body.status === 'logged-out') this.end(session, event.body.reason);
    return true;
  }

  /** The session has not ended (and was not replaced by a newer one). */
  isLive(session: AgentSession): boolean {
    return this.byAgent.get(session.agentId) === session;
  }

  /** Forgets the session; its connection stays open, not logged in. */
  end(session: AgentSession, reason: LogoutReason): void {
    if (this.byAgent.get(session.agentId) !== session) return;
    this.byAgent.delete(session.agentId);
    this.byToken.delete(session.token);
    if (session.expiry !== null) this.options.clock.clearTimer(session.expiry);
    session.expiry = null;
    const connection = session.connection;
    session.connection = null;
    connection?.sessionGone();
    this.options.logger.info('session ended', { agentId: session.agentId, reason });
  }

  /** Server shutdown: drop every session without telling the backend. */
  clear(): void {
    for (const session of this.byAgent.values()) {
      if (session.expiry !== null) this.options.clock.clearTimer(session.expiry);
    }
    this.byAgent.clear();
    this.byToken.clear();
  }

  private startResumeWindow(session: AgentSession): void {
    session.expiry = this.options.clock.setTimer(this.options.resumeWindowMs, () => {
      session.expiry = null;
      if (this.byAgent.get(session.agentId) !== session || session.connection !== null) return;
      this.end(session, 'lost-connection');
      this.options.onExpired(session.agentId);
    });
  }
}
