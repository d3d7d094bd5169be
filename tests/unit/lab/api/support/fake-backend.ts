import {
  apiError,
  type AgentApiEvent,
  type AgentProfile,
  type AgentSnapshot,
  type AgentStateView,
  type ApiErrorCode,
  type Contact,
  type LogoutReason,
  type WrapUp,
} from '../../../../../common/agent-api';
import type { AgentApiBackend, AgentEventListener, BackendResult, LoginGrant } from '../../../../../lab/api';

/**
 * An in-memory contact center for the API server's tests: two agents, a few
 * rules close to the seed's (S3 logout refused during a contact, A3 pending
 * idle, 14 on a busy consult target, 21 on a barred outdial). Not the ACD.
 */
interface Account {
  password: string;
  name: string;
  teams: string[];
  refuse?: ApiErrorCode;
}

interface AgentRecord {
  profile: AgentProfile;
  state: AgentStateView;
  contacts: Map<string, Contact>;
  offers: Map<string, number>;
  wrapUps: Map<string, WrapUp>;
}

const T0 = 1_700_000_000_000;
const IDLE_REASONS = [
  { code: 'lunch', label: 'Lunch' },
  { code: 'meeting', label: 'Meeting' },
];
const WRAP_UP_CODES = [
  { code: 'resolved', label: 'Resolved' },
  { code: 'callback', label: 'Call back' },
];

const ok = <T>(value: T): BackendResult<T> => ({ ok: true, value });
const fail = (code: ApiErrorCode, message: string = code): BackendResult<never> => ({ ok: false, error: apiError(code, message) });

export function voiceContact(contactId: string, state: Contact['state'], extra: Partial<Contact> = {}): Contact {
  return {
    contactId,
    channel: 'voice',
    direction: 'inbound',
    state,
    role: 'owner',
    queue: { queueId: 'q-sales', name: 'Sales' },
    customer: { display: '+15550100', number: '+15550100' },
    createdAt: T0,
    stateSince: T0,
    cad: {},
    voice: { recording: { state: 'on', autoResumeAt: null }, consult: null, ani: null },
    ...extra,
  } as Contact;
}

export class FakeBackend implements AgentApiBackend {
  readonly calls: string[] = [];
  readonly ended: { agentId: string; reason: LogoutReason }[] = [];
  private readonly listeners = new Set<AgentEventListener>();
  private readonly accounts = new Map<string, Account>([
    ['alice', { password: 'alice-pw', name: 'Alice', teams: ['sales'] }],
    ['bob', { password: 'bob-pw', name: 'Bob', teams: ['sales', 'support'] }],
    ['carol', { password: 'carol-pw', name: 'Carol', teams: ['sales'], refuse: 'account-locked' }],
  ]);
  private readonly agents = new Map<string, AgentRecord>();

  /** Everything the fake holds, as text: equal digests mean nothing changed. */
  digest(): string {
    const agents = [...this.agents.entries()].map(([id, a]) => [
      id,
      a.profile,
      a.state,
      [...a.contacts.entries()],
      [...a.offers.entries()],
      [...a.wrapUps.entries()],
    ]);
    return JSON.stringify({ agents, ended: this.ended });
  }

  /** Test hook: push an event as the contact center would. */
  emit(agentId: string, event: AgentApiEvent): void {
    for (const listener of this.listeners) listener(agentId, event);
  }

  /** Test hook: a customer call rings `agentId`. */
  offer(agentId: string, contactId: string): Contact {
    const agent = this.must(agentId);
    const contact = voiceContact(contactId, 'offered');
    agent.contacts.set(contactId, contact);
    agent.offers.set(contactId, T0 + 15_000);
    this.emit(agentId, { event: 'offer', body: { contact, expiresAt: T0 + 15_000 } });
    return contact;
  }

  /** Test hook: a supervisor (or lock, expiry) logs the agent out. */
  forceLogout(agentId: string, reason: LogoutReason): void {
    this.agents.delete(agentId);
    this.emit(agentId, { event: 'session', body: { status: 'logged-out', reason } });
  }

  login(request: { username: string; password: string; dn: string; teamId: string }): BackendResult<LoginGrant> {
    this.calls.push('login');
    const account = this.accounts.get(request.username);
    if (account === undefined || account.password !== request.password) return fail('bad-credentials');
    if (account.refuse !== undefined) return fail(account.refuse);
    if (!account.teams.includes(request.teamId)) return fail('forbidden', 'team not mapped to this agent');
    const existing = this.agents.get(request.username);
    const profile: AgentProfile = {
      agentId: request.username,
      name: account.name,
      dn: request.dn,
      team: { teamId: request.teamId, name: request.teamId },
      channels: ['voice'],
      idleReasons: IDLE_REASONS,
      outdialAnis: [{ number: '+15550199', label: 'Main line' }],
    };
    const record: AgentRecord = existing ?? {
      profile,
      state: { state: 'idle', reasonCode: null, since: T0, pending: null },
      contacts: new Map(),
      offers: new Map(),
      wrapUps: new Map(),
    };
    record.profile = profile;
    this.agents.set(request.username, record);
    return ok({ agent: profile, state: this.snapshotOf(record) });
  }

  logout(agentId: string): BackendResult<Record<string, never>> {
    this.calls.push('logout');
    const agent = this.must(agentId);
    if (agent.contacts.size > 0) return fail('invalid-state', 'wrap up first');
    this.agents.delete(agentId);
    return ok({});
  }

  endSession(agentId: string, reason: LogoutReason): void {
    this.agents.delete(agentId);
    this.ended.push({ agentId, reason });
  }

  snapshot(agentId: string): BackendResult<AgentSnapshot> {
    return ok(this.snapshotOf(this.must(agentId)));
  }

  setState(agentId: string, body: { state: 'available' } | { state: 'idle'; reasonCode: string }): BackendResult<{ agentState: AgentStateView }> {
    const agent = this.must(agentId);
    if (body.state === 'idle' && !IDLE_REASONS.some((r) => r.code === body.reasonCode)) return fail('not-found', 'no such idle reason');
    if (agent.contacts.size > 0) agent.state = { ...agent.state, pending: body };
    else agent.state = { state: body.state, reasonCode: body.state === 'idle' ? body.reasonCode : null, since: T0, pending: null };
    this.emit(agentId, { event: 'agent-state', body: agent.state });
    return ok({ agentState: agent.state });
  }

  acceptOffer(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contact: Contact }> {
    const agent = this.must(agentId);
    const contact = agent.contacts.get(contactId);
    if (contact === undefined) return fail('not-found');
    if (contact.state !== 'offered') return fail('invalid-state');
    return this.update(agentId, contact, { state: 'connected' }, () => agent.offers.delete(contactId));
  }

  declineOffer(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contactId: string }> {
    const agent = this.must(agentId);
    const contact = agent.contacts.get(contactId);
    if (contact === undefined) return fail('not-found');
    if (contact.state !== 'offered') return fail('invalid-state');
    agent.contacts.delete(contactId);
    agent.offers.delete(contactId);
    this.emit(agentId, { event: 'offer-withdrawn', body: { contactId, reason: 'declined' } });
    return ok({ contactId });
  }

  submitWrapUp(agentId: string, body: { contactId: string; code: string }): BackendResult<{ contactId: string }> {
    const agent = this.must(agentId);
    if (!agent.contacts.has(body.contactId)) return fail('not-found');
    if (!agent.wrapUps.has(body.contactId)) return fail('invalid-state', 'no wrap-up owed');
    if (!WRAP_UP_CODES.some((c) => c.code === body.code)) return fail('not-found', 'no such wrap-up code');
    agent.wrapUps.delete(body.contactId);
    agent.contacts.delete(body.contactId);
    this.emit(agentId, { event: 'wrap-up', body: { phase: 'done', contactId: body.contactId, by: 'agent', code: body.code } });
    return ok({ contactId: body.contactId });
  }

  cancelAutoWrapUp(agentId: string, { contactId }: { contactId: string }): BackendResult<{ wrapUp: WrapUp }> {
    const agent = this.must(agentId);
    const wrapUp = agent.wrapUps.get(contactId);
    if (wrapUp === undefined) return agent.contacts.has(contactId) ? fail('invalid-state') : fail('not-found');
    const next = { ...wrapUp, autoCancelled: true, autoSubmitAt: null };
    agent.wrapUps.set(contactId, next);
    return ok({ wrapUp: next });
  }

  getCad(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contactId: string; cad: Record<string, string> }> {
    const contact = this.must(agentId).contacts.get(contactId);
    return contact === undefined ? fail('not-found') : ok({ contactId, cad: contact.cad });
  }

  setCad(agentId: string, body: { contactId: string; cad: Record<string, string> }): BackendResult<{ contactId: string; cad: Record<string, string> }> {
    const agent = this.must(agentId);
    const contact = agent.contacts.get(body.contactId);
    if (contact === undefined) return fail('not-found');
    if (contact.state === 'offered') return fail('invalid-state');
    const cad = { ...contact.cad, ...body.cad };
    agent.contacts.set(body.contactId, { ...contact, cad });
    return ok({ contactId: body.contactId, cad });
  }

  getDirectory(_agentId?: string, _body?: Record<string, never>): BackendResult<import('../../../../../common/agent-api').Directory> {
    const agents = [...this.agents.values()].map((a) => ({
      agentId: a.profile.agentId,
      name: a.profile.name,
      teamId: a.profile.team.teamId,
      presence: a.contacts.size > 0 ? ('connected' as const) : a.state.state,
    }));
    return ok({ agents, queues: [{ queueId: 'q-sales', name: 'Sales', channel: 'voice', waiting: 0 }], addressBook: [] });
  }

  consult(agentId: string, body: { contactId: string; target: import('../../../../../common/agent-api').Target }): BackendResult<{ contact: Contact }> {
    const contact = this.active(agentId, body.contactId);
    if (!('contactId' in contact)) return contact;
    if (contact.state !== 'connected') return fail('invalid-state');
    if (body.target.kind === 'agent') {
      const target = this.agents.get(body.target.agentId);
      if (target === undefined || target.profile.agentId === agentId) return fail('not-found', 'no such agent');
      if (target.contacts.size > 0) return fail('consult-failed', 'the agent cannot take a second call');
    }
    const consult = { target: body.target, state: 'requested' as const, agentId: null, confirmBy: null, startedAt: T0 };
    return this.update(agentId, contact, { state: 'consult-requested', voice: { ...contact.voice, consult } });
  }

  confirmConsult(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contact: Contact }> {
    const contact = this.active(agentId, contactId);
    if (!('contactId' in contact)) return contact;
    if (contact.voice.consult?.state !== 'ready-to-confirm') return fail('invalid-state');
    return this.update(agentId, contact, { state: 'consulting' });
  }

  cancelConsult(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contact: Contact }> {
    const contact = this.active(agentId, contactId);
    if (!('contactId' in contact)) return contact;
    if (contact.voice.consult === null) return fail('invalid-state', 'no consult');
    return this.update(agentId, contact, { state: 'connected', voice: { ...contact.voice, consult: null } });
  }

  conference(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contact: Contact }> {
    const contact = this.active(agentId, contactId);
    if (!('contactId' in contact)) return contact;
    if (contact.state !== 'consulting') return fail('invalid-state', 'conference needs a consult');
    return this.update(agentId, contact, { state: 'conference' });
  }

  transfer(agentId: string, body: { contactId: string; mode: 'blind' | 'consult' }): BackendResult<{ contact: Contact }> {
    const contact = this.active(agentId, body.contactId);
    if (!('contactId' in contact)) return contact;
    if (body.mode === 'consult' && contact.state !== 'consulting') return fail('invalid-state', 'no consult to complete');
    if (body.mode === 'blind' && contact.state !== 'connected') return fail('invalid-state');
    return this.toWrapUp(agentId, contact);
  }

  outdial(agentId: string, body: { number: string; ani?: string }): BackendResult<{ contact: Contact }> {
    const agent = this.must(agentId);
    if (agent.contacts.size > 0) return fail('invalid-state', 'already on a contact');
    if (agent.state.state !== 'idle') return fail('invalid-state', 'outdial needs idle');
    if (body.number.startsWith('999')) return fail('outdial-rejected', 'barred by the dial plan');
    const contact = voiceContact(`out-${agent.contacts.size + 1}`, 'outdial-reserved', {
      direction: 'outbound',
      queue: null,
      customer: { display: body.number, number: body.number },
    });
    agent.contacts.set(contact.contactId, contact);
    this.emit(agentId, { event: 'contact', body: { change: 'created', contact } });
    return ok({ contact });
  }

  pauseRecording(agentId: string, { contactId }: { contactId: string }) {
    return this.recording(agentId, contactId, 'on', 'paused');
  }

  resumeRecording(agentId: string, { contactId }: { contactId: string }) {
    return this.recording(agentId, contactId, 'paused', 'on');
  }

  endContact(agentId: string, { contactId }: { contactId: string }): BackendResult<{ contact: Contact }> {
    const contact = this.active(agentId, contactId);
    if (!('contactId' in contact)) return contact;
    return this.toWrapUp(agentId, contact);
  }

  subscribe(listener: AgentEventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private recording(agentId: string, contactId: string, from: 'on' | 'paused', to: 'on' | 'paused') {
    const contact = this.active(agentId, contactId);
    if (!('contactId' in contact)) return contact;
    if (contact.voice.recording.state !== from) return fail('invalid-state');
    const recording = { state: to, autoResumeAt: null };
    const updated = this.update(agentId, contact, { voice: { ...contact.voice, recording } });
    return updated.ok ? ok({ contactId, recording }) : updated;
  }

  /** A contact of this agent that is live (not offered, not in wrap-up), or the failure. */
  private active(agentId: string, contactId: string): Extract<Contact, { channel: 'voice' }> | BackendResult<never> {
    const contact = this.must(agentId).contacts.get(contactId);
    if (contact === undefined) return fail('not-found');
    if (contact.state === 'offered' || contact.state === 'wrap-up') return fail('invalid-state');
    return contact;
  }

  private toWrapUp(agentId: string, contact: Contact): BackendResult<{ contact: Contact }> {
    const wrapUp: WrapUp = { contactId: contact.contactId, codes: WRAP_UP_CODES, defaultCode: 'resolved', autoSubmitAt: T0 + 60_000, autoCancelled: false };
    const result = this.update(agentId, contact, { state: 'wrap-up', voice: { ...contact.voice, consult: null } });
    this.must(agentId).wrapUps.set(contact.contactId, wrapUp);
    this.emit(agentId, { event: 'wrap-up', body: { phase: 'required', wrapUp } });
    return result;
  }

  private update(agentId: string, contact: Contact, change: Partial<Contact>, also?: () => void): BackendResult<{ contact: Contact }> {
    const next = { ...contact, ...change } as Contact;
    this.must(agentId).contacts.set(next.contactId, next);
    also?.();
    this.emit(agentId, { event: 'contact', body: { change: 'updated', contact: next } });
    return ok({ contact: next });
  }

  private snapshotOf(agent: AgentRecord): AgentSnapshot {
    return {
      agentState: agent.state,
      contacts: [...agent.contacts.values()],
      offers: [...agent.offers.entries()].map(([contactId, expiresAt]) => ({ contactId, expiresAt })),
      wrapUps: [...agent.wrapUps.values()],
    };
  }

  private must(agentId: string): AgentRecord {
    const agent = this.agents.get(agentId);
    if (agent === undefined) throw new Error(`fake backend: ${agentId} is not logged in`);
    return agent;
  }
}
