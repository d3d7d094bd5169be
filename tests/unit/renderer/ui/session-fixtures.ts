import type { AgentProfile, AgentStateView } from '../../../../common/agent-api/agent';
import { INITIAL_AGENT_SESSION, type AgentSessionView } from '../../../../common/contract/agent-session';
import type { AppState } from '../../../../common/contract/snapshot';

export const AGENT: AgentProfile = {
  agentId: 'a-1001',
  name: 'Mina Park',
  dn: '+8225551234',
  team: { teamId: 'sales', name: 'Sales' },
  channels: ['voice'],
  idleReasons: [
    { code: 'lunch', label: 'Lunch' },
    { code: 'meeting', label: 'Meeting' },
  ],
  outdialAnis: [],
};

export const IDLE_LUNCH: AgentStateView = { state: 'idle', reasonCode: 'lunch', since: 1_700_000_000_000, pending: null };

/** A session as main publishes it once the agent is logged in (patchable). */
export function loggedIn(patch: Partial<AgentSessionView> = {}, agentState: Partial<AgentStateView> = {}): AgentSessionView {
  return {
    ...INITIAL_AGENT_SESSION,
    status: 'logged-in',
    labAvailable: true,
    agent: AGENT,
    view: { agentState: { ...IDLE_LUNCH, ...agentState }, contacts: [], offers: [], wrapUps: [] },
    remembered: { username: 'mina', dn: '+8225551234', teamId: 'sales', passwordSaved: true },
    ...patch,
  };
}

/** The app state around a session: `agent` derived as main's `agentViewOf` does. */
export function withSession(session: AgentSessionView): Partial<AppState> {
  const agent =
    session.status === 'logged-out' || !session.agent
      ? null
      : { name: session.agent.name, dn: session.agent.dn, team: session.agent.team.name, state: session.view?.agentState.state ?? '' };
  return { session, agent };
}
