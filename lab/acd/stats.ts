import type { AgentState } from './types';

/**
 * Queue and agent counters for the statistics screen (ST1). Plain
 * accumulators: the ACD feeds them facts, views are computed at `now`.
 */
interface QueueCounters {
  offered: number;
  answered: number;
  abandoned: number;
  rona: number;
  declined: number;
  totalWaitMs: number;
  maxWaitMs: number;
  handled: number;
  totalHandleMs: number;
}

export interface QueueStatsView extends QueueCounters {
  queueId: string;
  /** Contacts waiting now. */
  waiting: number;
  /** How long the oldest waiting contact has waited, 0 when none waits. */
  longestWaitingMs: number;
  averageWaitMs: number;
  averageHandleMs: number;
}

interface AgentCounters {
  offered: number;
  answered: number;
  rona: number;
  declined: number;
  handled: number;
  totalHandleMs: number;
  wrapUps: number;
  totalWrapUpMs: number;
  outdialAttempted: number;
  outdialConnected: number;
  outdialFailed: number;
  outdialRejected: number;
  /** Milliseconds spent in each title-bar state, closed at every change. */
  timeInState: Partial<Record<AgentState, number>>;
}

export interface AgentStatsView extends AgentCounters {
  username: string;
  averageHandleMs: number;
  averageWrapUpMs: number;
}

const newQueue = (): QueueCounters => ({
  offered: 0,
  answered: 0,
  abandoned: 0,
  rona: 0,
  declined: 0,
  totalWaitMs: 0,
  maxWaitMs: 0,
  handled: 0,
  totalHandleMs: 0,
});

const newAgent = (): AgentCounters => ({
  offered: 0,
  answered: 0,
  rona: 0,
  declined: 0,
  handled: 0,
  totalHandleMs: 0,
  wrapUps: 0,
  totalWrapUpMs: 0,
  outdialAttempted: 0,
  outdialConnected: 0,
  outdialFailed: 0,
  outdialRejected: 0,
  timeInState: {},
});

export type QueueCounter = 'offered' | 'answered' | 'abandoned' | 'rona' | 'declined';
export type AgentCounter =
  | 'offered'
  | 'answered'
  | 'rona'
  | 'declined'
  | 'outdialAttempted'
  | 'outdialConnected'
  | 'outdialFailed'
  | 'outdialRejected';

export class AcdStats {
  private readonly queues = new Map<string, QueueCounters>();
  private readonly agents = new Map<string, AgentCounters>();
  private readonly stateSince = new Map<string, { state: AgentState; since: number }>();

  private queue(queueId: string): QueueCounters {
    let counters = this.queues.get(queueId);
    if (counters === undefined) {
      counters = newQueue();
      this.queues.set(queueId, counters);
    }
    return counters;
  }

  private agent(username: string): AgentCounters {
    let counters = this.agents.get(username);
    if (counters === undefined) {
      counters = newAgent();
      this.agents.set(username, counters);
    }
    return counters;
  }

  countQueue(queueId: string | null, counter: QueueCounter): void {
    if (queueId !== null) this.queue(queueId)[counter] += 1;
  }

  countAgent(username: string, counter: AgentCounter): void {
    this.agent(username)[counter] += 1;
  }

  /** A queued contact was answered after waiting `waitMs`. */
  recordWait(queueId: string | null, waitMs: number): void {
    if (queueId === null) return;
    const q = this.queue(queueId);
    q.totalWaitMs += waitMs;
    q.maxWaitMs = Math.max(q.maxWaitMs, waitMs);
  }

  /** An agent's connected part of a contact ended after `handleMs`. */
  recordHandle(username: string, queueId: string | null, handleMs: number): void {
    const a = this.agent(username);
    a.handled += 1;
    a.totalHandleMs += handleMs;
    if (queueId !== null) {
      const q = this.queue(queueId);
      q.handled += 1;
      q.totalHandleMs += handleMs;
    }
  }

  recordWrapUp(username: string, wrapUpMs: number): void {
    const a = this.agent(username);
    a.wrapUps += 1;
    a.totalWrapUpMs += wrapUpMs;
  }

  /** Close the time spent in the previous state and open `state` (null when logged out). */
  agentState(username: string, state: AgentState | null, now: number): void {
    const previous = this.stateSince.get(username);
    if (previous !== undefined) {
      const times = this.agent(username).timeInState;
      times[previous.state] = (times[previous.state] ?? 0) + (now - previous.since);
    }
    if (state === null) this.stateSince.delete(username);
    else this.stateSince.set(username, { state, since: now });
  }

  queueView(queueId: string, waitingSince: number[], now: number): QueueStatsView {
    const q = this.queue(queueId);
    const oldest = waitingSince.length === 0 ? now : Math.min(...waitingSince);
    return {
      queueId,
      ...q,
      waiting: waitingSince.length,
      longestWaitingMs: now - oldest,
      averageWaitMs: q.answered === 0 ? 0 : Math.round(q.totalWaitMs / q.answered),
      averageHandleMs: q.handled === 0 ? 0 : Math.round(q.totalHandleMs / q.handled),
    };
  }

  agentView(username: string, now: number): AgentStatsView {
    const a = this.agent(username);
    const timeInState = { ...a.timeInState };
    const open = this.stateSince.get(username);
    if (open !== undefined) timeInState[open.state] = (timeInState[open.state] ?? 0) + (now - open.since);
    return {
      username,
      ...a,
      timeInState,
      averageHandleMs: a.handled === 0 ? 0 : Math.round(a.totalHandleMs / a.handled),
      averageWrapUpMs: a.wrapUps === 0 ? 0 : Math.round(a.totalWrapUpMs / a.wrapUps),
    };
  }
}
