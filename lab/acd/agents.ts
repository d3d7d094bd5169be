import type { DirectoryEntry } from './events';
import type { AcdCore, AgentRecord, SessionRecord } from './state';
import type { AgentState, AgentView } from './types';

/** Agent state: what the title bar shows and the moves between states. */

export function displayState(session: SessionRecord): AgentState {
  return session.activity ?? session.availability;
}

export function agentView(agent: AgentRecord, session: SessionRecord): AgentView {
  return {
    username: agent.config.username,
    displayName: agent.config.displayName,
    sessionId: session.sessionId,
    dn: session.dn,
    teamId: session.teamId,
    state: displayState(session),
    availability: session.availability,
    idleReason: session.idleReason,
    availabilitySince: session.availabilitySince,
    pending: session.pending === null ? null : { ...session.pending },
    contactId: session.contactId,
    readySince: session.readySince,
    supervisor: agent.config.supervisor,
  };
}

export function directoryEntry(agent: AgentRecord, session: SessionRecord): DirectoryEntry {
  const state = displayState(session);
  const presence = state === 'engaged' || state === 'reserved' ? 'connected' : state;
  return {
    username: agent.config.username,
    displayName: agent.config.displayName,
    teamId: session.teamId,
    state,
    presence,
  };
}

/** Can this agent get a routed offer right now (available, nothing in the way)? */
export function isRoutable(session: SessionRecord | null): session is SessionRecord {
  return session !== null && session.availability === 'available' && session.activity === null;
}

/** Teams serving a queue include the agent's logged-in team? */
export function servesQueue(core: AcdCore, session: SessionRecord, queueId: string | null): boolean {
  if (queueId === null) return false;
  return core.queue(queueId)?.teams.includes(session.teamId) ?? false;
}

/** Tie the agent to a contact. */
export function engage(
  core: AcdCore,
  username: string,
  contactId: string,
  activity: 'reserved' | 'engaged',
  role: 'owner' | 'consulted',
): void {
  const session = core.sessionOf(username);
  if (session === null) return;
  session.activity = activity;
  session.contactId = contactId;
  session.role = role;
  if (activity === 'engaged' && session.connectedAt === null) session.connectedAt = core.now();
  core.dirtyAgents.add(username);
}

/**
 * The agent's part of a contact is over with nothing left to do. Applies a
 * state chosen during the contact (A3). `handled` resets the longest-idle
 * clock; a withdrawn offer or a released reservation does not.
 */
export function release(core: AcdCore, username: string, handled: boolean): void {
  const session = core.sessionOf(username);
  if (session === null) return;
  session.activity = null;
  session.contactId = null;
  session.role = null;
  session.connectedAt = null;
  session.wrapUp = null;
  if (handled) session.readySince = core.now();
  if (session.pending !== null) {
    setAvailability(core, session, session.pending.availability, session.pending.idleReason);
  }
  core.dirtyAgents.add(username);
}

/** Change what the agent chose; becoming Available starts the longest-idle clock. */
export function setAvailability(
  core: AcdCore,
  session: SessionRecord,
  availability: SessionRecord['availability'],
  idleReason: string | null,
): void {
  const now = core.now();
  if (availability === 'available' && session.availability !== 'available') session.readySince = now;
  if (availability !== session.availability || idleReason !== session.idleReason) session.availabilitySince = now;
  session.availability = availability;
  session.idleReason = idleReason;
  session.pending = null;
}

/** Put an agent in RONA (A2): only a manual Available leaves it. */
export function toRona(core: AcdCore, username: string): void {
  const session = core.sessionOf(username);
  if (session === null) return;
  release(core, username, false);
  setAvailability(core, session, 'rona', null);
  core.dirtyAgents.add(username);
}

/** Send `agent-state` for agents whose title-bar view changed, and the directory. */
export function flushAgentEvents(core: AcdCore): void {
  let directoryChanged = false;
  for (const username of core.dirtyAgents) {
    const agent = core.agents.get(username);
    const session = agent?.session ?? null;
    if (agent === undefined || session === null) {
      if (core.lastSent.delete(username)) directoryChanged = true;
      continue;
    }
    const view = agentView(agent, session);
    const key = JSON.stringify([view.sessionId, view.state, view.idleReason, view.pending, view.contactId]);
    const previous = core.lastSent.get(username);
    if (previous === key) continue;
    const previousState = previous === undefined ? undefined : (JSON.parse(previous) as unknown[])[1];
    if (previousState !== view.state) {
      core.stats.agentState(username, view.state, core.now());
      directoryChanged = true;
    }
    core.lastSent.set(username, key);
    core.emit({ type: 'agent-state', username, state: view.state, agent: view });
  }
  core.dirtyAgents.clear();
  if (directoryChanged) core.emit({ type: 'directory-changed', agents: directory(core) });
}

/** Logged-in agents for the consult/transfer lists (V4). */
export function directory(core: AcdCore): DirectoryEntry[] {
  const entries: DirectoryEntry[] = [];
  for (const agent of core.agents.values()) {
    if (agent.session !== null) entries.push(directoryEntry(agent, agent.session));
  }
  return entries;
}
