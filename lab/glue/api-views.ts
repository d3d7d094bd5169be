import type {
  AgentProfile,
  AgentSnapshot,
  AgentStateView,
  ApiError,
  ApiErrorCode,
  Consult,
  Contact,
  ContactState,
  Target,
  WrapUp,
} from '../../common/agent-api';
import { apiError } from '../../common/agent-api';
import type { Acd, AcdErrorCode, AgentView, ConsultTarget, ContactView, OrgConfig } from '../acd';
import type { ApiViewState } from './api-view-state';

/**
 * ACD views → agent-API objects, as one agent sees them. The ACD speaks of
 * usernames, its own contact states and error codes; the agent API of
 * agent ids (the username), A4 contact states per role, and its closed list
 * of error codes (docs/lab-acd.md, "Mapping to the agent API").
 */
const PHONE = /^\+?[0-9]{2,20}$/;

const ERROR_MAP: Record<AcdErrorCode, ApiErrorCode> = {
  'invalid-input': 'malformed',
  'invalid-credentials': 'bad-credentials',
  'account-locked': 'account-locked',
  'password-expired': 'password-expired',
  'password-change-required': 'password-expired',
  'team-not-allowed': 'forbidden',
  'unknown-dn': 'not-found',
  'dn-in-use': 'invalid-state',
  'not-logged-in': 'not-logged-in',
  'contact-active': 'invalid-state',
  'invalid-state': 'invalid-state',
  'not-permitted': 'forbidden',
  'unknown-contact': 'not-found',
  'unknown-agent': 'not-found',
  'unknown-queue': 'not-found',
  'unknown-code': 'not-found',
  'unknown-number': 'not-found',
  'target-unavailable': 'invalid-state',
  'consult-failed': 'consult-failed',
  'outdial-failed': 'outdial-failed',
  'outdial-rejected': 'outdial-rejected',
  stale: 'not-found',
  internal: 'internal',
};

export function mapAcdError(code: AcdErrorCode, message: string): ApiError {
  return apiError(ERROR_MAP[code] ?? 'internal', message);
}

export function profileOf(org: OrgConfig, agent: AgentView): AgentProfile {
  const team = org.teams.find((t) => t.id === agent.teamId);
  return {
    agentId: agent.username,
    name: agent.displayName,
    dn: agent.dn,
    team: { teamId: agent.teamId, name: team?.name ?? agent.teamId },
    channels: ['voice'],
    idleReasons: org.idleReasons.map((r) => ({ code: r.code, label: r.label })),
    outdialAnis: org.outdial.anis.map((a) => ({ number: a.number, label: a.label })),
  };
}

export function agentStateOf(agent: AgentView): AgentStateView {
  const pending = agent.pending;
  return {
    state: agent.availability,
    reasonCode: agent.availability === 'idle' ? agent.idleReason : null,
    since: agent.availabilitySince,
    pending:
      pending === null
        ? null
        : pending.availability === 'available'
          ? { state: 'available' }
          : { state: 'idle', reasonCode: pending.idleReason ?? '' },
  };
}

function targetOf(target: ConsultTarget): Target {
  if (target.kind === 'agent') return { kind: 'agent', agentId: target.username };
  if (target.kind === 'queue') return { kind: 'queue', queueId: target.queueId };
  return { kind: 'dn', number: target.number };
}

function consultOf(view: ContactView, state: ApiViewState): Consult | null {
  const consult = view.consult;
  if (consult === null) return null;
  const meta = state.consults.get(view.contactId);
  return {
    target: targetOf(consult.target),
    state: consult.state === 'confirm-required' ? 'ready-to-confirm' : consult.state === 'consulting' || consult.state === 'conference' ? 'connected' : 'requested',
    agentId: consult.consultedAgent,
    confirmBy: consult.state === 'confirm-required' ? (meta?.confirmBy ?? null) : null,
    startedAt: meta?.startedAt ?? view.connectedAt ?? view.arrivedAt,
    dial: consult.dial,
  };
}

/** How `username` sees the contact now: its role and A4 state ('ended' when no longer involved). */
export function involvement(acd: Acd, view: ContactView, username: string, state: ApiViewState): { role: 'owner' | 'consulted'; state: ContactState } {
  const agent = acd.agent(username);
  if (view.consult?.consultedAgent === username && view.owner !== username) {
    const s = view.consult.state;
    const mapped: ContactState = s === 'consulting' ? 'consulting' : s === 'conference' ? 'conference' : 'consult-requested';
    return { role: 'consulted', state: view.state === 'ended' ? 'ended' : mapped };
  }
  if (agent?.contactId === view.contactId && agent.state === 'wrap-up') return { role: 'owner', state: 'wrap-up' };
  if (view.owner === username && view.state !== 'ended' && view.state !== 'queued') return { role: 'owner', state: view.state };
  if (view.state === 'offered' && state.offers.get(username)?.contactId === view.contactId) return { role: 'owner', state: 'offered' };
  return { role: 'owner', state: 'ended' };
}

export function contactOf(acd: Acd, view: ContactView, username: string, state: ApiViewState, force?: ContactState): Contact {
  const seen = involvement(acd, view, username, state);
  const contactState = force ?? seen.state;
  const queue = view.queueId === null ? undefined : acd.org.queues.find((q) => q.id === view.queueId);
  const live = contactState !== 'offered' && contactState !== 'outdial-reserved' && contactState !== 'ended';
  return {
    contactId: view.contactId,
    channel: 'voice',
    direction: view.direction,
    state: contactState,
    role: seen.role,
    queue: queue === undefined ? null : { queueId: queue.id, name: queue.name },
    customer: { display: view.customerNumber, number: PHONE.test(view.customerNumber) ? view.customerNumber : null },
    createdAt: view.arrivedAt,
    stateSince: state.stateSince(view.contactId, username, contactState),
    cad: { ...view.cad },
    voice: {
      recording: {
        state: !live ? 'off' : view.recordingPaused ? 'paused' : 'on',
        autoResumeAt: view.recordingPaused ? (state.recordingResumeAt.get(view.contactId) ?? null) : null,
      },
      consult: contactState === 'ended' || contactState === 'wrap-up' ? null : consultOf(view, state),
      ani: view.direction === 'outbound' && PHONE.test(view.dialedNumber) ? view.dialedNumber : null,
    },
  };
}

export function wrapUpOf(org: OrgConfig, contactId: string, state: ApiViewState, username: string): WrapUp {
  const note = state.wrapUps.get(username);
  const mine = note?.contactId === contactId ? note : undefined;
  return {
    contactId,
    codes: org.wrapUpCodes.map((c) => ({ code: c.code, label: c.label })),
    defaultCode: org.defaultWrapUpCode,
    autoSubmitAt: mine?.autoSubmitAt ?? null,
    autoCancelled: mine?.autoCancelled ?? false,
  };
}

/** Everything the agent sees now (login, resume by snapshot). */
export function snapshotOf(acd: Acd, agent: AgentView, state: ApiViewState): AgentSnapshot {
  const contacts: Contact[] = [];
  const offers: AgentSnapshot['offers'] = [];
  const wrapUps: WrapUp[] = [];
  const view = agent.contactId === null ? null : acd.contact(agent.contactId);
  if (view !== null) {
    const contact = contactOf(acd, view, agent.username, state);
    if (contact.state !== 'ended') contacts.push(contact);
    const offer = state.offers.get(agent.username);
    if (contact.state === 'offered' && offer !== undefined) offers.push({ contactId: view.contactId, expiresAt: offer.expiresAt });
    if (contact.state === 'wrap-up') wrapUps.push(wrapUpOf(acd.org, view.contactId, state, agent.username));
  }
  return { agentState: agentStateOf(agent), contacts, offers, wrapUps };
}
