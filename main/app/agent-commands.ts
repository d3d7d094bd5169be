import { ok, type AgentSessionView, type AgentView, type AgentWorkRequest, type AppState, type ConnectionState } from '../../common/contract';
import type { AgentSession } from '../agent/agent-session';
import type { VoiceActions } from '../agent/voice-actions';
import type { IpcRouter } from '../ipc/router';
import type { SettingsRepository } from '../settings/settings-store';
import type { StateStore } from '../state/state-store';

export interface AgentCommandDeps {
  router: IpcRouter;
  store: StateStore;
  settings: SettingsRepository;
  session: AgentSession;
  voice: VoiceActions;
}

/** The title bar's agent line (S5), derived from the session. */
export function agentViewOf(session: AgentSessionView): AgentView | null {
  if (session.status === 'logged-out' || !session.agent) return null;
  const state = session.view?.agentState;
  const reason = state?.reasonCode ? session.agent.idleReasons.find((r) => r.code === state.reasonCode)?.label : undefined;
  return { name: session.agent.name, dn: session.agent.dn, team: session.agent.team.name, state: reason ?? state?.state ?? '' };
}

/** The title bar's contact-center connection, derived from the session. */
export function connectionOf(session: AgentSessionView): ConnectionState {
  const profileName = session.profile.kind === 'builtin-lab' ? 'lab' : new URL(session.profile.agentApiUrl).host;
  if (session.status === 'logged-in') return { status: 'connected', profileName };
  if (session.status === 'logging-in' || session.status === 'reconnecting') return { status: 'connecting', profileName };
  const configured = session.profile.kind === 'server' || session.labAvailable;
  return configured ? { status: 'disconnected', profileName } : { status: 'unconfigured', profileName: null };
}

/** Publishes a change of the session and what derives from it. */
export function withSession(state: AppState, change: (session: AgentSessionView) => AgentSessionView): AppState {
  const session = change(state.session);
  return { ...state, session, agent: agentViewOf(session), connection: connectionOf(session) };
}

/** The agent's login, logout, state and voice intents from the UI, and the server profile setting. */
export function registerAgentCommands({ router, store, settings, session, voice }: AgentCommandDeps): void {
  router.register('sb:agent:login', async (request) => ok(await session.login(request)));
  router.register('sb:agent:logout', async () => ok(await session.logout()));
  router.register('sb:agent:set-state', async (state) => ok(await session.setState(state)));
  router.register('sb:agent:request', async (request) => ok(await session.work(request as AgentWorkRequest)));
  router.register('sb:agent:act', async (action) => ok(await voice.act(action)));
  router.register('sb:settings:set-server-profile', ({ profile }) => {
    settings.write({ serverProfile: profile });
    store.update((state) => withSession(state, (s) => ({ ...s, profile })));
    return ok({ rev: store.snapshot().rev });
  });
}
