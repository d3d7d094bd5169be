import type { Target, VoiceContact } from '../../common/agent-api';
import { isConsultActive, LINE_IDS, type LineId, type PhoneState } from '../../common/softphone';
import type { VoicePhone } from './voice-ports';

/**
 * Which of the agent's phone lines carries a contact. Never "whatever
 * rings": an incoming call belongs to a contact when its INVITE says so
 * (`X-Contact-Id`, put there by the contact center on offer and consult
 * calls), an outgoing one when this desktop dialled it for that contact.
 *
 * The owner's customer is on line 1 and their consult on line 2 (the line
 * table keeps it so); a consulted agent has the consult call on the line it
 * rang on.
 */
export class ContactCalls {
  /** Contacts whose customer call this desktop placed on line 1 (outdial). */
  private readonly dialled = new Set<string>();

  constructor(private readonly phone: VoicePhone) {}

  /** This desktop dialled the contact's customer on line 1. */
  markDialled(contactId: string): void {
    this.dialled.add(contactId);
  }

  /** Contacts of `dialled` seen in the agent's view (a reply may come before its event). */
  private readonly seen = new Set<string>();

  /** Forget dialled contacts once they have left the agent's view. */
  prune(live: ReadonlySet<string>): void {
    for (const id of this.dialled) {
      if (live.has(id)) this.seen.add(id);
      else if (this.seen.has(id)) {
        this.dialled.delete(id);
        this.seen.delete(id);
      }
    }
  }

  /** The line ringing with this contact's call, or null. */
  ringingLine(contactId: string): LineId | null {
    const state = this.phone.state();
    return LINE_IDS.find((line) => state[line].state === 'ringing' && this.phone.contactOf(line) === contactId) ?? null;
  }

  /** The line the agent talks to the contact's party on: the owner's customer, the consulted agent's consult. */
  partyLine(contact: VoiceContact): LineId | null {
    const state = this.phone.state();
    if (contact.role === 'owner') {
      if (state.line1.state === 'idle') return null;
      return this.phone.contactOf('line1') === contact.contactId || this.dialled.has(contact.contactId) ? 'line1' : null;
    }
    return LINE_IDS.find((line) => state[line].state !== 'idle' && this.phone.contactOf(line) === contact.contactId) ?? null;
  }

  /** The owner's consult call on line 2, when it runs. */
  consultLine(contact: VoiceContact): LineId | null {
    if (contact.role !== 'owner' || this.partyLine(contact) !== 'line1') return null;
    return isConsultActive(this.phone.state().line2) ? 'line2' : null;
  }
}

/**
 * What the phone dials for a consult: the contact center's number for it
 * (`consult.dial`), else the agent id (a SIP user the contact center
 * routes) or the DN itself. A queue has no number of its own to dial.
 */
export function consultDial(contact: VoiceContact, target: Target): string | null {
  const dial = contact.voice.consult?.dial;
  if (dial) return dial;
  const agentId = contact.voice.consult?.agentId;
  if (agentId) return agentId;
  if (target.kind === 'agent') return target.agentId;
  if (target.kind === 'dn') return target.number;
  return null;
}

/** A live phone state for the line: anything but idle or ending. */
export const isLive = (state: PhoneState, line: LineId): boolean => state[line].state !== 'idle' && state[line].state !== 'ending';
