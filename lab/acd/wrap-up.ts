import { release } from './agents';
import { findContact } from './contact-model';
import { validateCad } from './cad';
import type { AcdCore, AgentRecord, ContactRecord } from './state';
import { failure, type AcdResult, type WrapUpRecord } from './types';

/**
 * Voice wrap-up (W1): required after a handled contact, a code from the
 * list, the auto wrap-up timer submitting the default code unless
 * cancelled, and "last agent routing".
 */

/** The agent's part of `contact` is over: wrap-up starts (no new offers meanwhile, A4). */
export function startWrapUp(core: AcdCore, username: string, contact: ContactRecord): void {
  const session = core.sessionOf(username);
  if (session === null) return;
  const now = core.now();
  const partStartedAt = session.connectedAt ?? now;
  core.stats.recordHandle(username, contact.queueId, now - partStartedAt);
  const autoMs = core.org.timers.autoWrapUpSeconds * 1000;
  session.activity = 'wrap-up';
  session.contactId = contact.id;
  session.role = null;
  session.connectedAt = null;
  session.wrapUp = {
    startedAt: now,
    partStartedAt,
    autoCancelled: false,
    timer: autoMs > 0 ? core.timer(autoMs, () => autoWrapUp(core, username, contact.id)) : null,
  };
  core.dirtyAgents.add(username);
  core.emit({ type: 'wrap-up-required', username, contactId: contact.id, autoWrapUpMs: autoMs > 0 ? autoMs : null });
}

function autoWrapUp(core: AcdCore, username: string, contactId: string): void {
  const session = core.sessionOf(username);
  if (session?.activity !== 'wrap-up' || session.contactId !== contactId || session.wrapUp?.autoCancelled) return;
  const contact = core.contacts.get(contactId);
  if (contact !== undefined) record(core, username, contact, core.org.defaultWrapUpCode, true, core.org.lastAgentRoutingDefault);
}

export interface WrapUpInput {
  contactId: string;
  code: string;
  cad?: Record<string, string>;
  /** The seed's "last agent routing" tick box; the org default when absent. */
  lastAgentRouting?: boolean;
}

export function submitWrapUp(core: AcdCore, agent: AgentRecord, input: WrapUpInput): AcdResult<{ record: WrapUpRecord }> {
  const username = agent.config.username;
  const session = agent.session;
  if (typeof input !== 'object' || input === null) return failure('invalid-input', 'wrap-up expected');
  const contact = findContact(core, input.contactId);
  if (contact === null) return failure('unknown-contact', 'no such contact');
  if (session?.activity !== 'wrap-up' || session.contactId !== contact.id) {
    return failure('invalid-state', 'this contact is not waiting for your wrap-up');
  }
  if (typeof input.code !== 'string' || !core.org.wrapUpCodes.some((c) => c.code === input.code)) {
    return failure('unknown-code', 'not a wrap-up code of this organisation');
  }
  if (input.lastAgentRouting !== undefined && typeof input.lastAgentRouting !== 'boolean') {
    return failure('invalid-input', 'lastAgentRouting must be true or false');
  }
  const cad = validateCad(core, input.cad ?? {});
  if (!cad.ok) return cad;
  Object.assign(contact.cad, cad.values);
  core.touch(contact);
  const entry = record(core, username, contact, input.code, false, input.lastAgentRouting ?? core.org.lastAgentRoutingDefault);
  return { ok: true, record: entry };
}

/** Cancel auto wrap-up: the default code will not be submitted for this wrap-up (W1). */
export function cancelAutoWrapUp(core: AcdCore, agent: AgentRecord, contactId: unknown): AcdResult {
  const session = agent.session;
  if (session?.activity !== 'wrap-up' || session.contactId !== contactId || session.wrapUp === null) {
    return failure('invalid-state', 'no wrap-up in progress for this contact');
  }
  core.clearTimer(session.wrapUp.timer);
  session.wrapUp.timer = null;
  session.wrapUp.autoCancelled = true;
  return { ok: true };
}

/** Store the record, remember the customer's agent, free the agent. */
function record(
  core: AcdCore,
  username: string,
  contact: ContactRecord,
  code: string,
  auto: boolean,
  lastAgentRouting: boolean,
): WrapUpRecord {
  const session = core.sessionOf(username);
  const now = core.now();
  const wrapUp = session?.wrapUp ?? null;
  core.clearTimer(wrapUp?.timer ?? null);
  const entry: WrapUpRecord = {
    contactId: contact.id,
    username,
    code,
    cad: { ...contact.cad },
    auto,
    lastAgentRouting,
    customerNumber: contact.customerNumber,
    queueId: contact.queueId,
    startedAt: wrapUp?.partStartedAt ?? now,
    endedAt: wrapUp?.startedAt ?? now,
    submittedAt: now,
  };
  core.wrapUps.push(entry);
  core.stats.recordWrapUp(username, now - (wrapUp?.startedAt ?? now));
  if (lastAgentRouting && contact.direction === 'inbound') {
    core.lastAgent.set(contact.customerNumber, { username, at: now });
  }
  contact.cadEditors.delete(username);
  release(core, username, true);
  core.emit({ type: 'wrap-up-done', username, record: entry });
  return entry;
}

/** For a forced logout: close an open wrap-up with the default code. */
export function forceWrapUp(core: AcdCore, username: string): void {
  const session = core.sessionOf(username);
  if (session?.activity !== 'wrap-up' || session.contactId === null) return;
  const contact = core.contacts.get(session.contactId);
  if (contact !== undefined) record(core, username, contact, core.org.defaultWrapUpCode, true, false);
}

/** The CAD values the contact was saved with: the last wrap-up wins (V10). */
export function savedCad(core: AcdCore, contactId: string): Record<string, string> | null {
  for (let i = core.wrapUps.length - 1; i >= 0; i -= 1) {
    const entry = core.wrapUps[i];
    if (entry?.contactId === contactId) return { ...entry.cad };
  }
  return null;
}
