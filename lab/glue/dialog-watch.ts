import type { Acd, AcdEvent, TransferTarget } from '../acd';
import type { Logger } from '../log';
import type { SipServer, SipServerEvents } from '../sip';
import type { ErrorNotifier } from './acd-router';
import { mapAcdError } from './api-views';
import type { CallRegistry } from './call-registry';
import { agentByUser, queueByNumber } from './lookups';
import type { SipCallPort } from './sip-call-port';

/**
 * SIP facts after a call is up, told to the ACD:
 * - a dialog ends (BYE, or a connection lost): the customer hung up, the
 *   agent ended the call, agent 2 left the consult, agent 1 ended it;
 * - a REFER passes from an agent: the ACD's transfer (blind, or from the
 *   consult when it carries Replaces), unless the desktop already asked;
 * - an attended-transfer INVITE (Replaces) is up: it is the contact's new customer leg.
 * And ACD facts told to SIP: a consult the ACD ended loses its call; a
 * contact that ended is forgotten.
 */
export function watchDialogs(
  sip: SipServer,
  acd: Acd,
  registry: CallRegistry,
  port: SipCallPort,
  pendingReplaces: Map<string, { contactId: string; agent: string | null }>,
  notify: ErrorNotifier,
  log: Logger,
): () => void {
  const offs = [
    sip.on('dialog-ended', (event) => dialogEnded(acd, registry, event)),
    sip.on('dialog-established', (event) => {
      const pending = pendingReplaces.get(event.callId);
      if (pending === undefined) return;
      pendingReplaces.delete(event.callId);
      registry.bind(event.callId, pending.contactId, 'customer', pending.agent);
    }),
    sip.on('refer', (event) => referred(acd, registry, event, notify, log)),
    acd.on((event) => acdEvent(registry, port, event)),
  ];
  return () => offs.forEach((off) => off());
}

function dialogEnded(acd: Acd, registry: CallRegistry, event: SipServerEvents['dialog-ended']): void {
  const call = registry.call(event.callId);
  if (call === undefined) return;
  const current = registry.isCurrent(event.callId);
  registry.unbind(event.callId);
  const contact = acd.contact(call.contactId);
  if (!current || contact === null || contact.state === 'ended' || contact.state === 'transferring') return;
  if (call.kind === 'customer') {
    // In-dialog From users are the dialog's: the customer's own user, or on
    // the agent's side whatever the customer dialled (a queue number).
    if (event.byUser === contact.customerNumber) {
      acd.customerHungUp(contact.contactId);
      return;
    }
    const owner = contact.owner === null ? null : acd.agent(contact.owner);
    if (owner !== null && call.agent === owner.username) acd.endCall(owner.sessionId, contact.contactId);
    // Another agent's BYE is agent 1 letting go after a transfer: the contact goes on.
    return;
  }
  const by = agentByUser(acd, event.byUser);
  const consult = contact.consult;
  if (consult === null) return;
  const agent1 = contact.owner === null ? null : acd.agent(contact.owner);
  const agent2 = consult.consultedAgent === null ? null : acd.agent(consult.consultedAgent);
  if (agent2 !== null && (by?.username === agent2.username || consult.state === 'conference')) {
    acd.endCall(agent2.sessionId, contact.contactId); // agent 2 leaves (or agent 1 dropped them from the conference)
  } else if (agent1 !== null) {
    acd.endConsult(agent1.sessionId, consult.consultId);
  }
}

function referred(acd: Acd, registry: CallRegistry, event: SipServerEvents['refer'], notify: ErrorNotifier, log: Logger): void {
  const call = registry.call(event.callId);
  if (call?.kind !== 'customer' || !registry.isCurrent(event.callId)) return;
  const contact = acd.contact(call.contactId);
  if (contact === null || event.fromUser === contact.customerNumber) return; // the customer REFERring: not ours
  const agent = call.agent === null ? null : acd.agent(call.agent);
  if (agent === null || contact.owner !== agent.username) return;
  if (contact.state === 'transferring' || contact.state === 'ended') return; // the desktop asked first
  let target: TransferTarget;
  if (event.replaces !== undefined) target = { kind: 'consult' };
  else {
    const user = event.referToUser ?? '';
    const queue = queueByNumber(acd, user);
    const other = agentByUser(acd, user);
    target = queue !== undefined ? { kind: 'queue', queueId: queue.id } : other !== null ? { kind: 'agent', username: other.username } : { kind: 'dn', number: user };
  }
  const result = acd.transfer(agent.sessionId, contact.contactId, target);
  if (!result.ok) {
    log.info('transfer by REFER refused', { code: result.code });
    const error = mapAcdError(result.code, result.message);
    notify(agent.username, { code: error.code, message: error.message, contactId: contact.contactId });
  }
}

function acdEvent(registry: CallRegistry, port: SipCallPort, event: AcdEvent): void {
  if (event.type === 'consult-ended' && ['ended', 'left', 'timeout', 'not-confirmed', 'failed'].includes(event.reason)) {
    port.dropConsult(event.contactId, `consult ${event.reason}`);
  }
  if (event.type === 'contact-state' && event.contact.state === 'ended') {
    const record = registry.peek(event.contact.contactId);
    record?.held?.reject(480, 'Contact Ended');
    record?.consultHeld?.reject(487, 'Contact Ended');
    registry.forget(event.contact.contactId);
  }
}
