import type { Acd, AcdCallPort } from '../acd';
import type { Logger } from '../log';
import type { ForwardOutcome, HeldInvite, SipServer } from '../sip';
import type { CallRegistry, PendingOffer } from './call-registry';
import { agentByDn } from './lookups';

/**
 * The ACD's call port over the lab SIP proxy (docs/lab-acd.md, "Call port").
 *
 * - `offerCall` rings the agent's DN with the contact's held customer
 *   INVITE (`HeldInvite.forward`), one offer at a time per contact; offers
 *   that arrive before the held call (routing runs inside `incomingCall`)
 *   or while a previous branch is still settling wait their turn.
 * - `cancelOffer` CANCELs the ringing branch (`stopRinging`); the caller waits on.
 * - `dropCall` / `dropLeg`: the proxy is not a B2BUA, so it ends the SIP
 *   dialogs it recorded for the contact with a BYE to each side
 *   (`SipServer.endDialog`), and refuses a call still held.
 */
export class SipCallPort implements AcdCallPort {
  private acd: Acd | null = null;
  private sip: SipServer | null = null;

  constructor(
    private readonly registry: CallRegistry,
    private readonly log: Logger,
  ) {}

  attach(acd: Acd, sip: SipServer): void {
    this.acd = acd;
    this.sip = sip;
  }

  offerCall(offer: PendingOffer): void {
    this.registry.of(offer.contactId).offers.push({ ...offer });
    this.pump(offer.contactId);
  }

  cancelOffer(offerId: string): void {
    for (const contactId of this.contactIds()) {
      const record = this.registry.of(contactId);
      record.offers = record.offers.filter((o) => o.offerId !== offerId);
      if (record.ringing?.offerId === offerId) record.held?.stopRinging();
    }
  }

  dropCall(contactId: string, reason: string): void {
    const record = this.registry.peek(contactId);
    if (record === undefined) return;
    record.offers = [];
    record.held?.reject(reason === 'transfer-failed' ? 480 : 487, dropText(reason));
    record.held = null;
    record.consultHeld?.reject(487, dropText(reason));
    record.consultHeld = null;
    for (const callId of this.registry.callsOf(contactId)) this.sip?.endDialog(callId, dropText(reason));
    this.registry.forget(contactId);
  }

  dropLeg(contactId: string, _dn: string, reason: string): void {
    this.dropConsult(contactId, reason);
  }

  /** End agent 1's consult call (ringing or up), e.g. when the ACD ended the consult. */
  dropConsult(contactId: string, reason: string): void {
    const record = this.registry.peek(contactId);
    if (record === undefined) return;
    record.consultHeld?.reject(487, dropText(reason));
    record.consultHeld = null;
    const callId = record.consultCallId;
    if (callId !== null) {
      this.sip?.endDialog(callId, dropText(reason));
      this.registry.unbind(callId);
    }
  }

  /** The contact's customer INVITE is now held by the glue: ring any waiting offer. */
  held(contactId: string, held: HeldInvite): void {
    this.registry.of(contactId).held = held;
    this.pump(contactId);
  }

  /** Ring the next waiting offer if the held call is free. */
  pump(contactId: string): void {
    const record = this.registry.peek(contactId);
    const held = record?.held ?? null;
    if (record === undefined || held === null || record.ringing !== null) return;
    const next = record.offers.shift();
    if (next === undefined) return;
    record.ringing = next;
    held
      .forward(next.dn, { timeoutMs: next.timeoutMs, headers: [`X-Contact-Id: ${next.contactId}`] })
      .catch((error: unknown): ForwardOutcome => {
        this.log.error('forward failed', { contactId, error: String(error) });
        return { kind: 'failed', status: 500 };
      })
      .then((outcome) => {
        if (record.ringing === next) record.ringing = null;
        if (outcome.kind === 'answered') {
          if (record.held === held) record.held = null;
          const agent = this.acd === null ? null : agentByDn(this.acd, next.dn);
          if (agent !== null) this.registry.setAgent(record.customerCallId, agent.username);
        }
        this.report(next, outcome);
        this.pump(contactId);
      })
      .catch((error: unknown) => this.log.error('offer outcome failed', { contactId, error: String(error) }));
  }

  private report(offer: PendingOffer, outcome: ForwardOutcome): void {
    const acd = this.acd;
    if (acd === null) return;
    switch (outcome.kind) {
      case 'answered': {
        const result = acd.offerAnswered(offer.offerId);
        if (!result.ok) this.answeredTooLate(acd, offer);
        return;
      }
      case 'failed':
        acd.offerFailed(offer.offerId, outcome.status);
        return;
      case 'timeout':
        acd.offerTimedOut(offer.offerId);
        return;
      case 'caller-cancelled':
        acd.customerHungUp(offer.contactId);
        return;
    }
  }

  /**
   * The phone answered an offer the ACD had already withdrawn. Fine if the
   * desktop accepted it meanwhile (same agent connected); otherwise nobody
   * owns this call: end it rather than leave a customer the ACD cannot see.
   */
  private answeredTooLate(acd: Acd, offer: PendingOffer): void {
    const contact = acd.contact(offer.contactId);
    const owner = contact?.owner == null ? null : acd.agent(contact.owner);
    if (contact !== null && contact.state !== 'ended' && owner?.dn === offer.dn) return;
    this.log.warn('answer for a withdrawn offer: call ended', { contactId: offer.contactId });
    const callId = this.registry.peek(offer.contactId)?.customerCallId ?? null;
    if (callId !== null) this.sip?.endDialog(callId, 'offer withdrawn');
    acd.customerHungUp(offer.contactId);
  }

  private contactIds(): string[] {
    return this.registry.contactIds();
  }
}

function dropText(reason: string): string {
  return `ended by the contact center (${reason})`;
}
