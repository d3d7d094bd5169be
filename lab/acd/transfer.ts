import { engage, isRoutable, release } from './agents';
import { closeContact, findContact } from './contact-model';
import { endConsultRecord } from './consult';
import { checkDialPlan } from './dial-plan';
import type { AcdCore, AgentRecord, ContactRecord } from './state';
import { failure, type AcdResult, type TransferTarget } from './types';
import { startWrapUp } from './wrap-up';

/**
 * Transfers (V6). Agent 1 goes to wrap-up as soon as the transfer starts and
 * may still edit CAD until that wrap-up; agent 2 owns the contact.
 *
 * - `consult`: the consulted agent takes over at once (the softphone REFERs
 *   with Replaces); a consulted DN takes the customer out of the centre.
 * - `agent` / `queue` (blind): the softphone REFERs the customer to
 *   `referTo`; the customer's new call arrives through `incomingCall` and the
 *   same contact continues (offered to the agent, or queued at the tail).
 *   If it does not arrive within the RONA time the transfer fails.
 * - `dn`: the customer leaves the centre; the contact ends for the ACD.
 */

function parseTarget(input: unknown): TransferTarget | null {
  if (typeof input !== 'object' || input === null) return null;
  const t = input as Record<string, unknown>;
  if (t.kind === 'consult') return { kind: 'consult' };
  const agent = t.username ?? t.agentId; // `agentId` as the agent API names it
  if (t.kind === 'agent' && typeof agent === 'string') return { kind: 'agent', username: agent };
  if (t.kind === 'queue' && typeof t.queueId === 'string') return { kind: 'queue', queueId: t.queueId };
  if (t.kind === 'dn' && typeof t.number === 'string') return { kind: 'dn', number: t.number };
  return null;
}

export function transfer(
  core: AcdCore,
  agent: AgentRecord,
  contactId: unknown,
  targetInput: unknown,
): AcdResult<{ referTo: string | null }> {
  const contact = findContact(core, contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  const username = agent.config.username;
  if (contact.owner !== username) return failure('not-permitted', 'only agent 1 can transfer');
  const target = parseTarget(targetInput);
  if (target === null) return failure('invalid-input', 'transfer target must be consult, agent, queue or DN');
  if (target.kind === 'consult') return fromConsult(core, contact, username);
  if (contact.state !== 'connected') {
    return failure('invalid-state', 'a blind transfer needs a connected call without a consult');
  }
  if (target.kind === 'dn') {
    const check = checkDialPlan(core.org.outdial.dialPlan, target.number);
    if (!check.ok) return failure('outdial-rejected', `number refused: ${check.reason}`);
    handOff(core, contact, username);
    closeContact(core, contact, 'transferred-out');
    return { ok: true, referTo: check.number };
  }
  const ms = core.org.timers.ronaSeconds * 1000;
  if (target.kind === 'agent') {
    if (!core.agents.has(target.username)) return failure('unknown-agent', 'no such agent');
    const session = core.sessionOf(target.username);
    if (target.username === username || !isRoutable(session)) {
      return failure('target-unavailable', 'a blind transfer needs an Available agent');
    }
    handOff(core, contact, username);
    engage(core, target.username, contact.id, 'reserved', 'owner');
    contact.pendingTransfer = {
      target: 'agent',
      agent: target.username,
      queueId: null,
      timer: core.timer(ms, () => transferTimeout(core, contact.id)),
    };
    return { ok: true, referTo: session.dn };
  }
  const queue = core.queue(target.queueId);
  if (queue === undefined) return failure('unknown-queue', 'no such queue');
  handOff(core, contact, username);
  contact.pendingTransfer = {
    target: 'queue',
    agent: null,
    queueId: queue.id,
    timer: core.timer(ms, () => transferTimeout(core, contact.id)),
  };
  return { ok: true, referTo: queue.number };
}

/** Complete a consult into a transfer: agent 2 (or the DN) keeps the customer. */
function fromConsult(core: AcdCore, contact: ContactRecord, username: string): AcdResult<{ referTo: string | null }> {
  const consult = contact.consult;
  if (consult === null || (consult.state !== 'consulting' && consult.state !== 'conference')) {
    return failure('invalid-state', 'no connected consult to transfer to');
  }
  const agent2 = consult.agent2;
  endConsultRecord(core, contact, 'transferred');
  if (agent2 === null) {
    handOff(core, contact, username);
    closeContact(core, contact, 'transferred-out');
    return { ok: true, referTo: null };
  }
  handOff(core, contact, username);
  contact.state = 'connected';
  contact.owner = agent2;
  engage(core, agent2, contact.id, 'engaged', 'owner');
  core.touch(contact);
  return { ok: true, referTo: null };
}

/** Agent 1 lets go: wrap-up now, CAD still editable until it is submitted. */
function handOff(core: AcdCore, contact: ContactRecord, username: string): void {
  contact.owner = null;
  contact.state = 'transferring';
  contact.cadEditors.add(username);
  core.touch(contact);
  startWrapUp(core, username, contact);
}

function transferTimeout(core: AcdCore, contactId: string): void {
  const contact = core.contacts.get(contactId);
  const pending = contact?.pendingTransfer ?? null;
  if (contact === undefined || pending === null) return;
  if (pending.agent !== null) release(core, pending.agent, false);
  closeContact(core, contact, 'transfer-failed');
  core.port('dropCall', (calls) => calls.dropCall(contactId, 'transfer-failed'));
}
