import type { AcdCore, ConsultRecord, ContactRecord } from './state';
import type { Channel, ConsultView, ContactDirection, ContactEndReason, ContactView } from './types';

/** Creating, viewing and closing contact records. */

export function newContact(
  core: AcdCore,
  fields: {
    channel?: Channel;
    direction: ContactDirection;
    customerNumber: string;
    dialedNumber: string;
    queueId: string | null;
    cad?: Record<string, string>;
  },
): ContactRecord {
  const now = core.now();
  const contact: ContactRecord = {
    id: core.newId('contact'),
    channel: fields.channel ?? 'voice',
    direction: fields.direction,
    state: 'queued',
    customerNumber: fields.customerNumber,
    dialedNumber: fields.dialedNumber,
    queueId: fields.queueId,
    queueSeq: core.newSeq(),
    enqueuedAt: now,
    arrivedAt: now,
    owner: null,
    offer: null,
    consult: null,
    pendingTransfer: null,
    cad: { ...(fields.cad ?? {}) },
    recording: { paused: false, timer: null, resumeAt: null },
    cadEditors: new Set(),
    preferredAgent: null,
    connectedAt: null,
    endedAt: null,
    endReason: null,
  };
  core.contacts.set(contact.id, contact);
  core.touch(contact);
  return contact;
}

export function consultView(contact: ContactRecord, consult: ConsultRecord): ConsultView {
  return {
    consultId: consult.id,
    contactId: contact.id,
    target: { ...consult.target },
    state: consult.state,
    consultedAgent: consult.agent2,
    dial: consult.dial,
  };
}

export function contactView(contact: ContactRecord): ContactView {
  return {
    contactId: contact.id,
    channel: contact.channel,
    direction: contact.direction,
    state: contact.state,
    customerNumber: contact.customerNumber,
    dialedNumber: contact.dialedNumber,
    queueId: contact.queueId,
    owner: contact.owner,
    consult: contact.consult === null ? null : consultView(contact, contact.consult),
    cad: { ...contact.cad },
    recordingPaused: contact.recording.paused,
    arrivedAt: contact.arrivedAt,
    connectedAt: contact.connectedAt,
    endedAt: contact.endedAt,
    endReason: contact.endReason,
  };
}

/** The contact of `contactId` if the caller may address it (not ended unless allowed). */
export function findContact(core: AcdCore, contactId: unknown): ContactRecord | null {
  if (typeof contactId !== 'string') return null;
  return core.contacts.get(contactId) ?? null;
}

/**
 * Find a consult by its id, or by its contact's id (a contact has at most
 * one consult; the agent API addresses consults by contact).
 */
export function findConsult(core: AcdCore, consultId: unknown): { contact: ContactRecord; consult: ConsultRecord } | null {
  if (typeof consultId !== 'string') return null;
  const byContact = core.contacts.get(consultId)?.consult ?? null;
  if (byContact !== null) return { contact: core.contacts.get(consultId) as ContactRecord, consult: byContact };
  for (const contact of core.contacts.values()) {
    if (contact.consult?.id === consultId) return { contact, consult: contact.consult };
  }
  return null;
}

/** Close a contact record: timers stopped, state `ended`. Agents are the caller's business. */
export function closeContact(core: AcdCore, contact: ContactRecord, reason: ContactEndReason): void {
  core.clearTimer(contact.offer?.timer ?? null);
  core.clearTimer(contact.consult?.timer ?? null);
  core.clearTimer(contact.pendingTransfer?.timer ?? null);
  core.clearTimer(contact.recording.timer);
  contact.offer = null;
  contact.consult = null;
  contact.pendingTransfer = null;
  contact.recording = { paused: false, timer: null, resumeAt: null };
  contact.state = 'ended';
  contact.endedAt = core.now();
  contact.endReason = reason;
  core.touch(contact);
}

/** Contacts waiting in a queue, in queue order. */
export function queuedIn(core: AcdCore, queueId: string): ContactRecord[] {
  return [...core.contacts.values()]
    .filter((c) => c.state === 'queued' && c.queueId === queueId)
    .sort((a, b) => a.queueSeq - b.queueSeq);
}
