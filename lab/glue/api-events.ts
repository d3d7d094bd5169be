import { apiError, type AgentApiEvent, type AgentPresence, type ApiErrorCode, type QueueInfo } from '../../common/agent-api';
import type { Acd, AcdEvent, ContactView, DirectoryEntry } from '../acd';
import type { Logger } from '../log';
import type { AgentEventListener } from '../api';
import type { ApiViewState } from './api-view-state';
import { agentStateOf, contactOf, involvement, wrapUpOf } from './api-views';

/**
 * ACD events → agent-API events, addressed by agent id (the username). The
 * agent API is the desktop's only view of the ACD, so every event an agent
 * must see comes through here:
 *
 * | ACD | agent API |
 * |---|---|
 * | `offer` / `offer-withdrawn` | `offer` (the contact as offered) / `offer-withdrawn` (`failed` → `rona`) |
 * | `contact-state` | `contact` `created` / `updated` / `ended` to each agent involved, in their role |
 * | `agent-state` | `agent-state` when what the agent chose changed (not reserved/engaged) |
 * | `wrap-up-required` / `wrap-up-done` | `wrap-up` `required` / `done` (then the contact `ended` for that agent) |
 * | `consult-update` (answered), `consult-confirm-required`, `consult-ended` | `consult` `answered`, `ready-to-confirm`, `timed-out` / `ended` |
 * | `contact-error` | `error` with its number (14, 20) and `contactId` |
 * | `forced-logout` | `session` `logged-out` (not `signed-in-elsewhere`: the API server says that itself) |
 * | `directory-changed`, `queue-stats` | `directory` with the changed agents / queue waiting counts, to everyone logged in |
 *
 * `agent-logged-in`, `agent-logged-out` and `recording` need no event of
 * their own (the server announces sessions; recording shows in `contact`).
 */
export class AcdEventBridge {
  private readonly listeners = new Set<AgentEventListener>();
  private readonly watchers = new Map<string, Set<string>>();
  private readonly lastAgentState = new Map<string, string>();
  private presences = new Map<string, AgentPresence>();
  private readonly waiting = new Map<string, number>();
  private readonly off: () => void;

  constructor(
    private readonly acd: Acd,
    private readonly state: ApiViewState,
    private readonly log: Logger,
  ) {
    this.off = acd.on((event) => this.onEvent(event));
    this.presences = new Map(acd.directory().map((e) => [e.username, presenceOf(e)]));
  }

  subscribe(listener: AgentEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.off();
    this.listeners.clear();
  }

  /** An `error` event for one agent (numbered errors the glue finds while routing SIP). */
  pushError(username: string, error: { code: ApiErrorCode; message: string; contactId?: string }): void {
    const { code, message, number } = apiError(error.code, error.message);
    this.push(username, {
      event: 'error',
      body: { code, message, ...(number !== undefined ? { number } : {}), ...(error.contactId !== undefined ? { contactId: error.contactId } : {}) },
    });
  }

  /** The agent saw this contact already (as offered): later changes go to them. */
  watch(contactId: string, username: string): void {
    let set = this.watchers.get(contactId);
    if (set === undefined) this.watchers.set(contactId, (set = new Set()));
    set.add(username);
  }

  private push(username: string, event: AgentApiEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(username, event);
      } catch (error) {
        this.log.error('API event listener threw', { event: event.event, error: String(error) });
      }
    }
  }

  private onEvent(event: AcdEvent): void {
    this.state.observe(event);
    switch (event.type) {
      case 'offer': {
        const view = this.acd.contact(event.contactId);
        if (view === null) return;
        this.watch(view.contactId, event.username);
        this.push(event.username, { event: 'offer', body: { contact: contactOf(this.acd, view, event.username, this.state, 'offered'), expiresAt: event.expiresAt } });
        return;
      }
      case 'offer-withdrawn':
        this.watchers.get(event.contactId)?.delete(event.username);
        if (event.reason === 'logged-out') return;
        this.push(event.username, {
          event: 'offer-withdrawn',
          body: { contactId: event.contactId, reason: event.reason === 'failed' ? 'rona' : event.reason },
        });
        return;
      case 'contact-state':
        this.contactChanged(event.contact);
        return;
      case 'agent-state': {
        const body = agentStateOf(event.agent);
        const key = JSON.stringify(body);
        if (this.lastAgentState.get(event.username) === key) return;
        this.lastAgentState.set(event.username, key);
        this.push(event.username, { event: 'agent-state', body });
        return;
      }
      case 'wrap-up-required':
        this.watch(event.contactId, event.username);
        this.push(event.username, { event: 'wrap-up', body: { phase: 'required', wrapUp: wrapUpOf(this.acd.org, event.contactId, this.state, event.username) } });
        return;
      case 'wrap-up-done': {
        const { record } = event;
        this.push(event.username, { event: 'wrap-up', body: { phase: 'done', contactId: record.contactId, by: record.auto ? 'timer' : 'agent', code: record.code } });
        const view = this.acd.contact(record.contactId);
        if (view !== null) this.contactChanged(view);
        return;
      }
      case 'consult-update':
        if (event.consult.state === 'consulting') this.consultEvent(event.username, event.consult.contactId, 'answered');
        return;
      case 'consult-confirm-required':
        this.consultEvent(event.username, event.contactId, 'ready-to-confirm');
        return;
      case 'consult-ended': {
        const phase = event.reason === 'timeout' || event.reason === 'not-confirmed' ? 'timed-out' : 'ended';
        for (const username of event.usernames) this.push(username, { event: 'consult', body: { contactId: event.contactId, phase, consult: null } });
        return;
      }
      case 'contact-error':
        this.pushError(event.username, { code: event.code as ApiErrorCode, message: event.message, contactId: event.contactId });
        return;
      case 'forced-logout':
        this.lastAgentState.delete(event.username);
        if (event.reason !== 'signed-in-elsewhere') this.push(event.username, { event: 'session', body: { status: 'logged-out', reason: event.reason } });
        return;
      case 'agent-logged-out':
        this.lastAgentState.delete(event.username);
        return;
      case 'directory-changed':
        this.directoryChanged(event.agents);
        return;
      case 'queue-stats':
        this.queueChanged(event.stats.queueId, event.stats.waiting);
        return;
      default:
        return;
    }
  }

  /** `contact` events to every agent involved now or before (who then sees it end). */
  private contactChanged(view: ContactView): void {
    const watchers = this.watchers.get(view.contactId) ?? new Set<string>();
    const candidates = new Set<string>(watchers);
    if (view.owner !== null) candidates.add(view.owner);
    if (view.consult?.consultedAgent != null) candidates.add(view.consult.consultedAgent);
    for (const username of candidates) {
      const seen = involvement(this.acd, view, username, this.state);
      const known = watchers.has(username);
      if (!known && seen.state === 'ended') continue;
      if (seen.state === 'offered') {
        this.watch(view.contactId, username);
        continue; // the `offer` event carried it
      }
      const change = !known ? 'created' : seen.state === 'ended' ? 'ended' : 'updated';
      this.push(username, { event: 'contact', body: { change, contact: contactOf(this.acd, view, username, this.state) } });
      if (seen.state === 'ended') watchers.delete(username);
      else this.watch(view.contactId, username);
    }
    if (watchers.size === 0) this.watchers.delete(view.contactId);
  }

  private consultEvent(username: string, contactId: string, phase: 'answered' | 'ready-to-confirm'): void {
    const view = this.acd.contact(contactId);
    if (view === null) return;
    const consult = contactOf(this.acd, view, username, this.state).voice.consult;
    this.push(username, { event: 'consult', body: { contactId, phase, consult } });
  }

  private directoryChanged(entries: DirectoryEntry[]): void {
    const next = new Map(entries.map((e) => [e.username, presenceOf(e)]));
    const changed: AgentPresence[] = [];
    for (const [username, presence] of next) {
      const before = this.presences.get(username);
      if (before === undefined || before.presence !== presence.presence || before.teamId !== presence.teamId) changed.push(presence);
    }
    for (const [username, before] of this.presences) {
      if (!next.has(username)) changed.push({ ...before, presence: 'logged-out' });
    }
    this.presences = next;
    if (changed.length > 0) this.broadcast({ event: 'directory', body: { agents: changed, queues: [] } });
  }

  private queueChanged(queueId: string, waiting: number): void {
    if (this.waiting.get(queueId) === waiting) return;
    this.waiting.set(queueId, waiting);
    const queue = this.acd.org.queues.find((q) => q.id === queueId);
    if (queue === undefined) return;
    const info: QueueInfo = { queueId, name: queue.name, channel: 'voice', waiting };
    this.broadcast({ event: 'directory', body: { agents: [], queues: [info] } });
  }

  private broadcast(event: AgentApiEvent): void {
    for (const username of this.presences.keys()) this.push(username, event);
  }
}

export function presenceOf(entry: DirectoryEntry): AgentPresence {
  return { agentId: entry.username, name: entry.displayName, teamId: entry.teamId, presence: entry.presence };
}
