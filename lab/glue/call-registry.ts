import type { HeldInvite } from '../sip';

/**
 * Which SIP call belongs to which ACD contact, and the held customer call of
 * each contact with the offers waiting to ring it. Pure bookkeeping: the
 * call port, the router and the dialog watcher read and write it.
 */
/** `customer`: the customer's leg (inbound, or an outdial's far end); `consult`: agent 1 ↔ agent 2 or a consulted number. */
export type CallKind = 'customer' | 'consult';

/** One SIP call of a contact; `agent` is the agent (username) on its agent side, once known. */
export interface CallRecord {
  contactId: string;
  kind: CallKind;
  agent: string | null;
}

export interface PendingOffer {
  offerId: string;
  contactId: string;
  dn: string;
  timeoutMs: number;
}

export interface ContactCalls {
  /** The customer's INVITE while it waits (queued, ringing an agent); null once answered or gone. */
  held: HeldInvite | null;
  /** Offers the ACD asked for; rung one at a time, in order. */
  offers: PendingOffer[];
  /** The offer whose branch rings now. */
  ringing: PendingOffer | null;
  /** Call-ID of the customer's current leg (changes with a transfer). */
  customerCallId: string | null;
  /** Agent 1's consult INVITE while it rings agent 2 (or the consulted number). */
  consultHeld: HeldInvite | null;
  /** Call-ID of agent 1's consult call, once placed. */
  consultCallId: string | null;
}

export class CallRegistry {
  private readonly contacts = new Map<string, ContactCalls>();
  private readonly calls = new Map<string, CallRecord>();

  /** The record of a contact, created on first use. */
  of(contactId: string): ContactCalls {
    let record = this.contacts.get(contactId);
    if (record === undefined) {
      record = { held: null, offers: [], ringing: null, customerCallId: null, consultHeld: null, consultCallId: null };
      this.contacts.set(contactId, record);
    }
    return record;
  }

  peek(contactId: string): ContactCalls | undefined {
    return this.contacts.get(contactId);
  }

  /** Tie a SIP call to a contact. A customer or consult call becomes the contact's current one. */
  bind(callId: string, contactId: string, kind: CallKind, agent: string | null = null): void {
    this.calls.set(callId, { contactId, kind, agent });
    const record = this.of(contactId);
    if (kind === 'consult') record.consultCallId = callId;
    else record.customerCallId = callId;
  }

  call(callId: string): CallRecord | undefined {
    return this.calls.get(callId);
  }

  /** The agent who answered (or placed) this call. */
  setAgent(callId: string | null, agent: string): void {
    const call = callId === null ? undefined : this.calls.get(callId);
    if (call !== undefined) call.agent = agent;
  }

  /** Is `callId` the contact's current leg of its kind (not an old, replaced one)? */
  isCurrent(callId: string): boolean {
    const call = this.calls.get(callId);
    if (call === undefined) return false;
    const record = this.contacts.get(call.contactId);
    if (record === undefined) return false;
    return call.kind === 'consult' ? record.consultCallId === callId : record.customerCallId === callId;
  }

  unbind(callId: string): void {
    const call = this.calls.get(callId);
    if (call === undefined) return;
    this.calls.delete(callId);
    const record = this.contacts.get(call.contactId);
    if (record?.customerCallId === callId) record.customerCallId = null;
    if (record?.consultCallId === callId) record.consultCallId = null;
  }

  /** Every call id tied to a contact (current or not). */
  callsOf(contactId: string): string[] {
    return [...this.calls].filter(([, c]) => c.contactId === contactId).map(([id]) => id);
  }

  /** Forget a finished contact and its calls. */
  forget(contactId: string): void {
    for (const id of this.callsOf(contactId)) this.calls.delete(id);
    this.contacts.delete(contactId);
  }

  contactIds(): string[] {
    return [...this.contacts.keys()];
  }

  /** SIP calls tied to contacts now (for `lab.stats()`). */
  get liveCalls(): number {
    return this.calls.size;
  }

  get size(): number {
    return this.contacts.size;
  }
}
