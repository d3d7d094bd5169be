import { engage, release } from './agents';
import { consultView, findConsult, findContact } from './contact-model';
import { checkDialPlan } from './dial-plan';
import type { AcdEvent } from './events';
import { routableFor } from './routing';
import type { AcdCore, AgentRecord, ConsultRecord, ContactRecord } from './state';
import { failure, type AcdResult, type ConsultTarget } from './types';

/**
 * Consult and conference bookkeeping (V4, V5). The softphone places and
 * joins the SIP calls; the ACD decides who may be consulted, keeps the roles
 * (agent 1 owns and wraps up, agent 2 never does) and reserves agent 2 so no
 * routed offer reaches them meanwhile.
 */

type ConsultEndReason = Extract<AcdEvent, { type: 'consult-ended' }>['reason'];

function parseTarget(input: unknown): ConsultTarget | null {
  if (typeof input !== 'object' || input === null) return null;
  const t = input as Record<string, unknown>;
  const agent = t.username ?? t.agentId; // `agentId` as the agent API names it
  if (t.kind === 'agent' && typeof agent === 'string') return { kind: 'agent', username: agent };
  if (t.kind === 'queue' && typeof t.queueId === 'string') return { kind: 'queue', queueId: t.queueId };
  if (t.kind === 'dn' && typeof t.number === 'string') return { kind: 'dn', number: t.number };
  return null;
}

/** Can `username` take a consult now? Logged in and not on a call, ringing or in wrap-up. */
export function canTakeSecondCall(core: AcdCore, username: string): boolean {
  const session = core.sessionOf(username);
  return session !== null && session.activity === null;
}

export function requestConsult(
  core: AcdCore,
  agent: AgentRecord,
  contactId: unknown,
  targetInput: unknown,
): AcdResult<{ consultId: string; dial: string | null }> {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  const username = agent.config.username;
  if (contact.owner !== username) return failure('not-permitted', 'only the contact owner can consult');
  if (contact.state !== 'connected') return failure('invalid-state', 'consult needs a connected call without another consult');
  const target = parseTarget(targetInput);
  if (target === null) return failure('invalid-input', 'consult target must be an agent, a queue or a DN');
  const consult: ConsultRecord = {
    id: core.newId('consult'),
    target,
    state: 'requested',
    requestedBy: username,
    agent2: null,
    dial: null,
    timer: null,
  };
  if (target.kind === 'agent') {
    if (!core.agents.has(target.username)) return failure('unknown-agent', 'no such agent');
    if (target.username === username) return failure('invalid-input', 'you cannot consult yourself');
    if (!canTakeSecondCall(core, target.username)) {
      return failure('consult-failed', 'the agent cannot take a second call (not logged in, on a call or in wrap-up)');
    }
    consult.agent2 = target.username;
    consult.dial = core.sessionOf(target.username)?.dn ?? null;
    engage(core, target.username, contact.id, 'reserved', 'consulted');
  } else if (target.kind === 'queue') {
    if (core.queue(target.queueId) === undefined) return failure('unknown-queue', 'no such queue');
    consult.state = 'waiting-agent';
    const ms = core.org.timers.consultQueueTimeoutSeconds * 1000;
    consult.timer = core.timer(ms, () => consultTimeout(core, consult.id, 'timeout'));
  } else {
    const check = checkDialPlan(core.org.outdial.dialPlan, target.number);
    if (!check.ok) return failure('outdial-rejected', `number refused: ${check.reason}`);
    consult.dial = check.number;
  }
  contact.consult = consult;
  contact.state = 'consult-requested';
  core.touch(contact);
  updated(core, contact, consult);
  if (consult.agent2 !== null) offerConsult(core, contact, consult);
  return { ok: true, consultId: consult.id, dial: consult.dial };
}

/** Consults waiting for a queue agent get one (before routed contacts do). */
export function routeConsults(core: AcdCore): void {
  for (const contact of core.contacts.values()) {
    const consult = contact.consult;
    if (consult?.state !== 'waiting-agent' || consult.target.kind !== 'queue') continue;
    const chosen = routableFor(core, consult.target.queueId, consult.requestedBy)[0];
    if (chosen === undefined) continue;
    core.clearTimer(consult.timer);
    const ms = core.org.timers.consultQueueTimeoutSeconds * 1000;
    consult.state = 'confirm-required';
    consult.agent2 = chosen.username;
    consult.dial = chosen.session.dn;
    consult.timer = core.timer(ms, () => consultTimeout(core, consult.id, 'not-confirmed'));
    engage(core, chosen.username, contact.id, 'reserved', 'consulted');
    core.touch(contact);
    core.emit({
      type: 'consult-confirm-required',
      username: consult.requestedBy,
      consultId: consult.id,
      contactId: contact.id,
      consultedAgent: chosen.username,
      timeoutMs: ms,
    });
  }
}

/** Agent 1 confirms the agent a queue consult found (V4). */
export function confirmConsult(core: AcdCore, agent: AgentRecord, consultId: unknown): AcdResult<{ dial: string }> {
  const found = findConsult(core, consultId);
  if (found === null || found.consult.requestedBy !== agent.config.username) return failure('stale', 'no such consult');
  const { contact, consult } = found;
  if (consult.state !== 'confirm-required' || consult.dial === null) return failure('invalid-state', 'nothing to confirm');
  core.clearTimer(consult.timer);
  consult.timer = null;
  consult.state = 'requested';
  updated(core, contact, consult);
  offerConsult(core, contact, consult);
  return { ok: true, dial: consult.dial };
}

function consultTimeout(core: AcdCore, consultId: string, reason: 'timeout' | 'not-confirmed'): void {
  const found = findConsult(core, consultId);
  if (found !== null) endConsultRecord(core, found.contact, reason);
}

/** The consulted party answered (reported by the call layer or agent 2's desktop). */
export function consultAnswered(core: AcdCore, consultId: unknown): AcdResult {
  const found = findConsult(core, consultId);
  if (found === null) return failure('stale', 'no such consult');
  const { contact, consult } = found;
  if (consult.state !== 'requested') return failure('invalid-state', 'the consult is not ringing');
  consult.state = 'consulting';
  contact.state = 'consulting';
  if (consult.agent2 !== null) engage(core, consult.agent2, contact.id, 'engaged', 'consulted');
  core.touch(contact);
  updated(core, contact, consult);
  return { ok: true };
}

/** The consult call failed (busy, no answer): error 14 for agent 1, the customer stays. */
export function consultFailed(core: AcdCore, consultId: unknown, status: unknown): AcdResult {
  const found = findConsult(core, consultId);
  if (found === null) return failure('stale', 'no such consult');
  const { contact, consult } = found;
  endConsultRecord(core, contact, 'failed');
  core.emit({
    type: 'contact-error',
    username: consult.requestedBy,
    contactId: contact.id,
    number: 14,
    code: 'consult-failed',
    message: `consult failed${typeof status === 'number' ? ` (${status})` : ''}`,
  });
  return { ok: true };
}

/** Agent 1 ends the consult (the customer call continues) or agent 2 leaves it. */
export function endConsult(core: AcdCore, agent: AgentRecord, consultId: unknown): AcdResult {
  const found = findConsult(core, consultId);
  if (found === null) return failure('stale', 'no such consult');
  const username = agent.config.username;
  if (found.consult.requestedBy === username) {
    if (found.consult.state === 'conference') {
      return failure('invalid-state', 'agent 1 ends a conference by ending the call');
    }
    endConsultRecord(core, found.contact, 'ended');
    return { ok: true };
  }
  if (found.consult.agent2 === username) return leaveConsult(core, found.contact, username);
  return failure('not-permitted', 'not your consult');
}

/** Agent 2 leaves a consult or conference: agent 1 and the customer continue (V5). */
export function leaveConsult(core: AcdCore, contact: ContactRecord, username: string): AcdResult {
  const consult = contact.consult;
  if (consult?.agent2 !== username) return failure('not-permitted', 'not your consult');
  if (consult.state !== 'consulting' && consult.state !== 'conference') {
    return failure('invalid-state', 'the consult is not connected');
  }
  endConsultRecord(core, contact, 'left');
  return { ok: true };
}

/** Agent 1 joins everyone (V5); nobody can be held from now on (the softphone's rule). */
export function conference(core: AcdCore, agent: AgentRecord, contactId: unknown): AcdResult {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  if (contact.owner !== agent.config.username) return failure('not-permitted', 'only agent 1 starts a conference');
  const consult = contact.consult;
  if (consult?.state !== 'consulting') return failure('invalid-state', 'a conference needs a connected consult');
  consult.state = 'conference';
  contact.state = 'conference';
  core.touch(contact);
  updated(core, contact, consult);
  return { ok: true };
}

/** Remove the consult; agent 2 is free again (without wrap-up). */
export function endConsultRecord(core: AcdCore, contact: ContactRecord, reason: ConsultEndReason): void {
  const consult = contact.consult;
  if (consult === null) return;
  core.clearTimer(consult.timer);
  const connected = consult.state === 'consulting' || consult.state === 'conference';
  contact.consult = null;
  if (contact.state !== 'ended') contact.state = 'connected';
  core.touch(contact);
  const agent2 = consult.agent2;
  if (agent2 !== null && reason !== 'transferred') release(core, agent2, connected);
  core.emit({
    type: 'consult-ended',
    consultId: consult.id,
    contactId: contact.id,
    usernames: agent2 === null ? [consult.requestedBy] : [consult.requestedBy, agent2],
    reason,
  });
}

function updated(core: AcdCore, contact: ContactRecord, consult: ConsultRecord): void {
  core.emit({ type: 'consult-update', username: consult.requestedBy, consult: consultView(contact, consult) });
}

function offerConsult(core: AcdCore, contact: ContactRecord, consult: ConsultRecord): void {
  if (consult.agent2 === null) return;
  core.emit({
    type: 'consult-offer',
    username: consult.agent2,
    consultId: consult.id,
    contactId: contact.id,
    from: consult.requestedBy,
    customerNumber: contact.customerNumber,
  });
}
