import type { AcdEvent } from '../acd';

/**
 * What the agent API shows but the ACD's views do not carry: deadlines
 * (offer expiry, consult confirm-by, auto wrap-up, recording auto-resume),
 * when a consult started, and since when each agent has seen a contact in
 * its current state. Fed from the ACD's events before they are mapped.
 */
export interface WrapUpNote {
  contactId: string;
  autoSubmitAt: number | null;
  autoCancelled: boolean;
}

export class ApiViewState {
  readonly offers = new Map<string, { contactId: string; offerId: string; expiresAt: number }>();
  readonly wrapUps = new Map<string, WrapUpNote>();
  readonly recordingResumeAt = new Map<string, number | null>();
  readonly consults = new Map<string, { startedAt: number; confirmBy: number | null }>();
  private readonly since = new Map<string, { state: string; at: number }>();

  constructor(private readonly now: () => number) {}

  /** Note what an event tells about deadlines; runs before the event is mapped. */
  observe(event: AcdEvent): void {
    const now = this.now();
    switch (event.type) {
      case 'offer':
        this.offers.set(event.username, { contactId: event.contactId, offerId: event.offerId, expiresAt: event.expiresAt });
        return;
      case 'offer-withdrawn':
        if (this.offers.get(event.username)?.offerId === event.offerId) this.offers.delete(event.username);
        return;
      case 'wrap-up-required':
        this.offers.delete(event.username);
        this.wrapUps.set(event.username, {
          contactId: event.contactId,
          autoSubmitAt: event.autoWrapUpMs === null ? null : now + event.autoWrapUpMs,
          autoCancelled: false,
        });
        return;
      case 'wrap-up-done':
        if (this.wrapUps.get(event.username)?.contactId === event.record.contactId) this.wrapUps.delete(event.username);
        return;
      case 'recording':
        this.recordingResumeAt.set(event.contactId, event.autoResumeAt);
        return;
      case 'consult-update':
        if (!this.consults.has(event.consult.contactId)) this.consults.set(event.consult.contactId, { startedAt: now, confirmBy: null });
        return;
      case 'consult-confirm-required': {
        const consult = this.consults.get(event.contactId) ?? { startedAt: now, confirmBy: null };
        this.consults.set(event.contactId, { ...consult, confirmBy: now + event.timeoutMs });
        return;
      }
      case 'consult-ended':
        this.consults.delete(event.contactId);
        return;
      case 'agent-logged-out':
        this.offers.delete(event.username);
        this.wrapUps.delete(event.username);
        return;
      case 'contact-state':
        if (event.contact.state === 'ended') this.recordingResumeAt.delete(event.contact.contactId);
        if (event.contact.state !== 'offered') {
          for (const [username, offer] of this.offers) if (offer.contactId === event.contact.contactId) this.offers.delete(username);
        }
        return;
      default:
        return;
    }
  }

  /** When `username` started seeing `contactId` in `state` (kept while the state stays). */
  stateSince(contactId: string, username: string, state: string): number {
    const key = `${contactId}|${username}`;
    const seen = this.since.get(key);
    if (seen?.state === state) return seen.at;
    const at = this.now();
    if (state === 'ended') this.since.delete(key);
    else this.since.set(key, { state, at });
    return at;
  }

  cancelAutoWrapUp(username: string, contactId: string): void {
    const note = this.wrapUps.get(username);
    if (note?.contactId === contactId) this.wrapUps.set(username, { ...note, autoSubmitAt: null, autoCancelled: true });
  }
}
