import { CONTACT_STATES, type Contact, type ContactState } from '../../../../common/agent-api/contact';
import { formatDuration } from '../softphone/line-text';

/** What a card's timer counts (C1): waiting until answered, then handling, then wrap-up. */
export const CONTACT_TIMER_KINDS = ['waiting', 'handling', 'wrap-up'] as const;
export type ContactTimerKind = (typeof CONTACT_TIMER_KINDS)[number];

/** States in which the agent is working the contact (the handling timer runs). */
const HANDLING_STATES: readonly ContactState[] = ['connected', 'consult-requested', 'consulting', 'conference', 'transferring'];

export const isHandlingState = (state: ContactState) => HANDLING_STATES.includes(state);

export interface ContactTimer {
  kind: ContactTimerKind;
  /** When the counted span started (epoch ms). */
  since: number;
  /** `mm:ss` / `h:mm:ss` at `now`. */
  text: string;
}

/**
 * When the agent answered: the agent API carries no answer time, and
 * `stateSince` moves on every state change (consult, conference), so the
 * card remembers the earliest `stateSince` it saw in a handling state.
 * Returns the new value to remember (unchanged outside handling states).
 */
export function answeredAt(contact: Pick<Contact, 'state' | 'stateSince'>, remembered: number | null): number | null {
  if (!isHandlingState(contact.state)) return remembered;
  return remembered === null ? contact.stateSince : Math.min(remembered, contact.stateSince);
}

/**
 * A card's timer at `now`: waiting since the contact reached the contact
 * center while offered or reserved for an outdial, handling since it was
 * answered (`answered`, else `stateSince`), wrap-up since wrap-up began;
 * none once ended.
 */
export function contactTimer(
  contact: Pick<Contact, 'state' | 'createdAt' | 'stateSince'>,
  now: number,
  answered: number | null = null,
): ContactTimer | null {
  const at = (kind: ContactTimerKind, since: number): ContactTimer => ({ kind, since, text: formatDuration(now - since) });
  switch (contact.state) {
    case 'offered':
    case 'outdial-reserved':
      return at('waiting', contact.createdAt);
    case 'wrap-up':
      return at('wrap-up', contact.stateSince);
    case 'ended':
      return null;
    default:
      return at('handling', answered ?? contact.stateSince);
  }
}

/** Whole seconds left to answer an offer (rounded up, never below 0); null without a deadline. */
export function answerSecondsLeft(expiresAt: number | null, now: number): number | null {
  if (expiresAt === null) return null;
  return Math.max(0, Math.ceil((expiresAt - now) / 1000));
}

/** The locale key (under `contacts.state`) of a contact's state in words; a ringing voice offer reads "Ringing". */
export const CONTACT_STATE_LABELS = ['ringing', ...CONTACT_STATES] as const;
export type ContactStateLabel = (typeof CONTACT_STATE_LABELS)[number];

export function stateLabel(contact: Pick<Contact, 'state' | 'channel'>): ContactStateLabel {
  return contact.state === 'offered' && contact.channel === 'voice' ? 'ringing' : contact.state;
}

/** Where the contact came from: its queue's name, else `direct` (inbound) or `outdial`. */
export function queueLabel(contact: Pick<Contact, 'queue' | 'direction'>): { name: string } | { key: 'direct' | 'outdial' } {
  if (contact.queue) return { name: contact.queue.name };
  return { key: contact.direction === 'outbound' ? 'outdial' : 'direct' };
}
