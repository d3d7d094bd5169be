import { release } from './agents';
import { initialCad } from './cad';
import { closeContact, findContact, newContact } from './contact-model';
import { endConsultRecord, leaveConsult } from './consult';
import { outdialFailed } from './outdial';
import { abandon, offer } from './routing';
import type { AcdCore, AgentRecord, ContactRecord } from './state';
import { failure, type AcdResult, type ContactState } from './types';
import { startWrapUp } from './wrap-up';

/**
 * A contact's life outside routing: arrival of a customer call, the customer
 * hanging up, the agent ending the call (V8) with the seed's role rules.
 */

export interface IncomingCallInput {
  /** The customer's number (From). */
  from: string;
  /** The number dialled (a queue number, or an agent's DN after a blind transfer). */
  to: string;
  /** The contact this call continues after a blind transfer, when the call layer knows it. */
  transferOf?: string;
  /** Initial call-associated data (e.g. from an IVR); unknown variables are dropped. */
  cad?: Record<string, string>;
}

const NUMBER = /^\+?[0-9A-Za-z._-]{1,32}$/;

export function incomingCall(core: AcdCore, input: IncomingCallInput): AcdResult<{ contactId: string; state: ContactState }> {
  if (typeof input !== 'object' || input === null) return failure('invalid-input', 'call details expected');
  const { from, to } = input;
  if (typeof from !== 'string' || !NUMBER.test(from)) return failure('invalid-input', 'from must be a number');
  if (typeof to !== 'string' || !NUMBER.test(to)) return failure('invalid-input', 'to must be a number');
  const continued = transferArrival(core, input);
  if (continued !== null) return continued;
  const queue = core.org.queues.find((q) => q.number === to);
  if (queue === undefined) return failure('unknown-number', `no queue answers ${to}`);
  const contact = newContact(core, {
    direction: 'inbound',
    customerNumber: from,
    dialedNumber: to,
    queueId: queue.id,
    cad: initialCad(core, input.cad),
  });
  const last = core.lastAgent.get(from);
  const windowMs = core.org.timers.lastAgentRoutingMinutes * 60_000;
  if (last !== undefined && core.now() - last.at <= windowMs) contact.preferredAgent = last.username;
  return { ok: true, contactId: contact.id, state: contact.state };
}

/** A blind transfer's new call arriving: the same contact continues. */
function transferArrival(core: AcdCore, input: IncomingCallInput): AcdResult<{ contactId: string; state: ContactState }> | null {
  const contact = [...core.contacts.values()].find((c) => {
    const pending = c.pendingTransfer;
    if (pending === null || c.state !== 'transferring') return false;
    if (input.transferOf !== undefined) return c.id === input.transferOf;
    const targetNumber =
      pending.target === 'queue'
        ? core.queue(pending.queueId ?? '')?.number
        : core.sessionOf(pending.agent ?? '')?.dn;
    return c.customerNumber === input.from && targetNumber === input.to;
  });
  if (contact?.pendingTransfer == null) {
    return input.transferOf === undefined ? null : failure('unknown-contact', 'no transfer pending for that contact');
  }
  const pending = contact.pendingTransfer;
  core.clearTimer(pending.timer);
  contact.pendingTransfer = null;
  if (pending.target === 'queue' && pending.queueId !== null) {
    contact.queueId = pending.queueId;
    contact.queueSeq = core.newSeq();
    contact.enqueuedAt = core.now();
    contact.state = 'queued';
    core.touch(contact);
  } else if (pending.agent !== null) {
    offer(core, contact, pending.agent, false);
  }
  return { ok: true, contactId: contact.id, state: contact.state };
}

/** The customer's call ended (BYE, CANCEL before answer, or the far end of an outdial). */
export function customerHungUp(core: AcdCore, contactId: unknown): AcdResult {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  switch (contact.state) {
    case 'ended':
      return failure('stale', 'contact already ended');
    case 'queued':
    case 'offered':
      abandon(core, contact);
      return { ok: true };
    case 'transferring': {
      const reserved = contact.pendingTransfer?.agent ?? null;
      if (reserved !== null) release(core, reserved, false);
      closeContact(core, contact, 'customer-hung-up');
      return { ok: true };
    }
    case 'outdial-reserved':
      return outdialFailed(core, contact.id, 487);
    default:
      endInteraction(core, contact, 'customer-hung-up');
      return { ok: true };
  }
}

/**
 * The interaction is over for everyone (customer left, or agent 1 ended it):
 * agent 1 wraps up; agent 2 leaves without wrap-up (seed, consult and
 * conference tables).
 */
function endInteraction(core: AcdCore, contact: ContactRecord, reason: 'customer-hung-up' | 'agent-ended'): void {
  const consult = contact.consult;
  if (consult !== null) {
    // Only a consult call that exists (ringing or connected) has a leg to drop.
    const hasLeg = consult.state === 'requested' || consult.state === 'consulting' || consult.state === 'conference';
    const agent2 = consult.agent2;
    const dn = !hasLeg ? null : agent2 === null ? consult.dial : (core.sessionOf(agent2)?.dn ?? null);
    endConsultRecord(core, contact, reason === 'customer-hung-up' ? 'customer-hung-up' : 'contact-ended');
    if (reason === 'customer-hung-up' && dn !== null) {
      core.port('dropLeg', (calls) => calls.dropLeg(contact.id, dn, 'customer-hung-up'));
    }
  }
  const owner = contact.owner;
  closeContact(core, contact, reason);
  if (owner !== null) startWrapUp(core, owner, contact);
}

/** The agent pressed End: agent 1 ends it for everyone, agent 2 only leaves. */
export function endCall(core: AcdCore, agent: AgentRecord, contactId: unknown): AcdResult {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  const username = agent.config.username;
  if (contact.consult?.agent2 === username && contact.owner !== username) {
    return leaveConsult(core, contact, username);
  }
  if (contact.owner !== username) return failure('not-permitted', 'you do not own this contact');
  if (contact.state === 'outdial-reserved') {
    closeContact(core, contact, 'agent-ended');
    release(core, username, false);
    core.port('dropCall', (calls) => calls.dropCall(contact.id, 'agent-ended'));
    return { ok: true };
  }
  if (!['connected', 'consult-requested', 'consulting', 'conference'].includes(contact.state)) {
    return failure('invalid-state', 'the contact is not connected');
  }
  endInteraction(core, contact, 'agent-ended');
  core.port('dropCall', (calls) => calls.dropCall(contact.id, 'agent-ended'));
  return { ok: true };
}

/** A forced logout with a live contact: end the agent's part as cleanly as the rules allow. */
export function detachOwner(core: AcdCore, contact: ContactRecord): void {
  endInteraction(core, contact, 'agent-ended');
  contact.endReason = 'agent-logged-out';
  core.port('dropCall', (calls) => calls.dropCall(contact.id, 'agent-logged-out'));
}
