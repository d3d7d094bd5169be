import { engage, release } from './agents';
import { closeContact, findContact, newContact } from './contact-model';
import { checkDialPlan } from './dial-plan';
import type { AcdCore, AgentRecord } from './state';
import { failure, type AcdResult } from './types';

/**
 * Outdial (V7): a number and an ANI from the organisation's list, checked
 * against the dial plan (refused → error 21). The contact is "Outdial
 * reserved" until the far end answers (→ Connected) or the call fails
 * (→ error 20, no wrap-up since nothing was handled). The seed asks the
 * agent to be Idle (or RONA) first, so no routed offer races the call.
 */

export interface OutdialInput {
  number: string;
  /** Caller ID from the organisation's list; the first one when absent. */
  ani?: string;
}

export function outdial(
  core: AcdCore,
  agent: AgentRecord,
  input: OutdialInput,
): AcdResult<{ contactId: string; number: string; ani: string; fromDn: string }> {
  const session = agent.session;
  if (session === null) return failure('not-logged-in', 'not logged in');
  if (typeof input !== 'object' || input === null || typeof input.number !== 'string') {
    return failure('invalid-input', 'a number is required');
  }
  if (session.activity !== null) return failure('contact-active', 'finish the current contact first');
  if (session.availability === 'available') return failure('invalid-state', 'choose Idle before dialling out');
  const anis = core.org.outdial.anis;
  const ani = input.ani === undefined ? anis[0]?.number : anis.find((a) => a.number === input.ani)?.number;
  if (ani === undefined) return failure('invalid-input', 'not an outdial ANI of this organisation');
  const username = agent.config.username;
  const check = checkDialPlan(core.org.outdial.dialPlan, input.number);
  if (!check.ok) {
    core.stats.countAgent(username, 'outdialRejected');
    return failure('outdial-rejected', `number refused: ${check.reason}`);
  }
  const contact = newContact(core, {
    direction: 'outbound',
    customerNumber: check.number,
    dialedNumber: ani,
    queueId: null,
  });
  contact.state = 'outdial-reserved';
  contact.owner = username;
  engage(core, username, contact.id, 'engaged', 'owner');
  session.connectedAt = null;
  core.stats.countAgent(username, 'outdialAttempted');
  return { ok: true, contactId: contact.id, number: check.number, ani, fromDn: session.dn };
}

/** The far end answered: Connected. */
export function outdialAnswered(core: AcdCore, contactId: unknown): AcdResult {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  if (contact.state !== 'outdial-reserved' || contact.owner === null) return failure('stale', 'no outdial ringing');
  const session = core.sessionOf(contact.owner);
  const now = core.now();
  contact.state = 'connected';
  contact.connectedAt = now;
  if (session !== null) session.connectedAt = now;
  core.touch(contact);
  core.stats.countAgent(contact.owner, 'outdialConnected');
  return { ok: true };
}

/** The far end is busy, unreachable or refused: error 20 (C3). */
export function outdialFailed(core: AcdCore, contactId: unknown, status: unknown): AcdResult {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  if (contact.state !== 'outdial-reserved' || contact.owner === null) return failure('stale', 'no outdial ringing');
  const username = contact.owner;
  closeContact(core, contact, 'outdial-failed');
  release(core, username, false);
  core.stats.countAgent(username, 'outdialFailed');
  core.emit({
    type: 'contact-error',
    username,
    contactId: contact.id,
    number: 20,
    code: 'outdial-failed',
    message: `outdial failed${typeof status === 'number' ? ` (${status})` : ''}`,
  });
  return { ok: true };
}
