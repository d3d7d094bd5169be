/**
 * What the ACD asks of the call layer (the lab's SIP proxy, via the glue).
 * Calls are fire-and-forget and made only after the ACD's own state is
 * settled, so an implementation may call back into the ACD synchronously.
 * Outcomes come back through the ACD's input methods:
 *
 *   offerCall ──► HeldInvite.forward(dn, { timeoutMs })
 *                   answered        → acd.offerAnswered(offerId)
 *                   failed(status)  → acd.offerFailed(offerId, status)
 *                   timeout         → acd.offerTimedOut(offerId)
 *                   caller-cancelled→ acd.customerHungUp(contactId)
 *
 * The ACD also runs its own RONA timer with the same timeout; whichever
 * fires first wins and the other report is answered `stale`.
 */
export interface AcdCallPort {
  /** Ring `dn` with the contact's waiting customer call for at most `timeoutMs`. */
  offerCall(offer: { offerId: string; contactId: string; dn: string; timeoutMs: number }): void;
  /** Stop ringing (RONA by the ACD's timer, agent logged out). */
  cancelOffer(offerId: string, reason: 'rona' | 'logged-out'): void;
  /** Hang up the customer's call and every leg attached to it. */
  dropCall(contactId: string, reason: 'agent-ended' | 'agent-logged-out' | 'transfer-failed'): void;
  /** Hang up one agent's leg of a contact (agent 2 when the customer leaves). */
  dropLeg(contactId: string, dn: string, reason: 'customer-hung-up' | 'consult-ended' | 'logged-out'): void;
}

/** A port that does nothing: for tests and a lab without telephony. */
export function nullCallPort(): AcdCallPort {
  return { offerCall: () => undefined, cancelOffer: () => undefined, dropCall: () => undefined, dropLeg: () => undefined };
}
