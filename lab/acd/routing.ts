import { engage, isRoutable, release, servesQueue, toRona } from './agents';
import { closeContact } from './contact-model';
import { routeConsults } from './consult';
import type { AcdCore, ContactRecord, SessionRecord } from './state';
import { failure, type AcdResult } from './types';

/**
 * Routing: queued contacts, oldest first (FIFO per queue by arrival), go to
 * Available agents of a serving team, longest-ready first; a returning
 * customer goes to their last agent when that agent is free (W1). An offer
 * rings for the RONA time; unanswered or declined it returns to its place in
 * the queue and the agent goes to RONA (A2).
 */

/** Match everything that can be matched now. Runs after every ACD step. */
export function route(core: AcdCore): void {
  routeConsults(core);
  const queued = [...core.contacts.values()].filter((c) => c.state === 'queued').sort((a, b) => a.queueSeq - b.queueSeq);
  for (const contact of queued) {
    const candidates = routableFor(core, contact.queueId);
    if (candidates.length === 0) continue;
    const preferred = preferredAgent(core, contact, candidates);
    const chosen = preferred ?? candidates[0];
    if (chosen !== undefined) offer(core, contact, chosen.username, preferred !== null);
  }
}

/** Free agents serving `queueId`, longest-ready first (ties by username, for determinism). */
export function routableFor(core: AcdCore, queueId: string | null, except?: string): Array<{ username: string; session: SessionRecord }> {
  const out: Array<{ username: string; session: SessionRecord }> = [];
  for (const [username, agent] of core.agents) {
    const session = agent.session;
    if (username !== except && isRoutable(session) && servesQueue(core, session, queueId)) out.push({ username, session });
  }
  return out.sort((a, b) => a.session.readySince - b.session.readySince || a.username.localeCompare(b.username));
}

function preferredAgent(
  core: AcdCore,
  contact: ContactRecord,
  candidates: Array<{ username: string }>,
): { username: string } | null {
  const wanted = contact.preferredAgent;
  if (wanted === null) return null;
  return candidates.find((c) => c.username === wanted) ?? null;
}

/** Ring `username` with `contact`. */
export function offer(core: AcdCore, contact: ContactRecord, username: string, lastAgent: boolean): void {
  const session = core.sessionOf(username);
  if (session === null) return;
  const timeoutMs = core.org.timers.ronaSeconds * 1000;
  const offerId = core.newId('offer');
  contact.state = 'offered';
  const ronaMs = timeoutMs + core.offerTimerGraceMs;
  contact.offer = { offerId, username, lastAgent, timer: core.timer(ronaMs, () => ronaTimer(core, offerId)) };
  engage(core, username, contact.id, 'reserved', 'owner');
  core.touch(contact);
  core.stats.countQueue(contact.queueId, 'offered');
  core.stats.countAgent(username, 'offered');
  const queue = contact.queueId === null ? undefined : core.queue(contact.queueId);
  core.emit({
    type: 'offer',
    username,
    offerId,
    contactId: contact.id,
    channel: contact.channel,
    customerNumber: contact.customerNumber,
    queueId: contact.queueId,
    queueName: queue?.name ?? null,
    timeoutMs,
    expiresAt: core.now() + timeoutMs,
    lastAgent,
  });
  const dn = session.dn;
  core.port('offerCall', (calls) => calls.offerCall({ offerId, contactId: contact.id, dn, timeoutMs }));
}

/** The ringing contact of an offer id, or of a contact id (the agent API's way). */
function findOffer(core: AcdCore, offerId: unknown): ContactRecord | null {
  if (typeof offerId !== 'string') return null;
  const byContact = core.contacts.get(offerId);
  if (byContact?.offer != null) return byContact;
  for (const contact of core.contacts.values()) {
    if (contact.offer?.offerId === offerId) return contact;
  }
  return null;
}

/** The agent answered (the softphone took the call): Connected. */
export function offerAnswered(core: AcdCore, offerId: unknown): AcdResult<{ contactId: string }> {
  const contact = findOffer(core, offerId);
  if (contact?.offer == null) return failure('stale', 'no such ringing offer');
  const { username, timer } = contact.offer;
  core.clearTimer(timer);
  const now = core.now();
  contact.offer = null;
  contact.state = 'connected';
  contact.owner = username;
  contact.connectedAt ??= now;
  contact.preferredAgent = null;
  engage(core, username, contact.id, 'engaged', 'owner');
  core.touch(contact);
  core.stats.countQueue(contact.queueId, 'answered');
  core.stats.countAgent(username, 'answered');
  core.stats.recordWait(contact.queueId, now - contact.enqueuedAt);
  return { ok: true, contactId: contact.id };
}

/** The ring attempt failed: 486/603 is the agent declining, anything else a phone that cannot ring. */
export function offerFailed(core: AcdCore, offerId: unknown, status: unknown): AcdResult {
  const contact = findOffer(core, offerId);
  if (contact === null) return failure('stale', 'no such ringing offer');
  const declined = status === 486 || status === 603;
  unanswered(core, contact, declined ? 'declined' : 'failed', false);
  return { ok: true };
}

/** The call layer's own ring timeout fired first. */
export function offerTimedOut(core: AcdCore, offerId: unknown): AcdResult {
  const contact = findOffer(core, offerId);
  if (contact === null) return failure('stale', 'no such ringing offer');
  unanswered(core, contact, 'rona', false);
  return { ok: true };
}

/** The agent accepted in the desktop (where the desktop, not the phone, answers): as `offerAnswered`, for the agent's own offer only. */
export function acceptOffer(core: AcdCore, username: string, offerId: unknown): AcdResult<{ contactId: string }> {
  const contact = findOffer(core, offerId);
  if (contact?.offer?.username !== username) return failure('stale', 'no such offer for you');
  return offerAnswered(core, contact.offer.offerId);
}

/** The agent declined in the desktop: treated like RONA (the seed knows no other outcome). */
export function declineOffer(core: AcdCore, username: string, offerId: unknown): AcdResult {
  const contact = findOffer(core, offerId);
  if (contact?.offer?.username !== username) return failure('stale', 'no such offer for you');
  unanswered(core, contact, 'declined', true);
  return { ok: true };
}

function ronaTimer(core: AcdCore, offerId: string): void {
  const contact = findOffer(core, offerId);
  if (contact !== null) unanswered(core, contact, 'rona', true);
}

/** RONA / decline / failure: agent to RONA, contact back to its place in the queue. */
function unanswered(core: AcdCore, contact: ContactRecord, reason: 'rona' | 'declined' | 'failed', cancel: boolean): void {
  const offerRecord = contact.offer;
  if (offerRecord === null) return;
  core.clearTimer(offerRecord.timer);
  contact.offer = null;
  const { username, offerId } = offerRecord;
  toRona(core, username);
  core.stats.countQueue(contact.queueId, reason === 'declined' ? 'declined' : 'rona');
  core.stats.countAgent(username, reason === 'declined' ? 'declined' : 'rona');
  core.emit({ type: 'offer-withdrawn', username, offerId, contactId: contact.id, reason });
  if (cancel) core.port('cancelOffer', (calls) => calls.cancelOffer(offerId, 'rona'));
  backToQueue(core, contact);
}

/** Return a contact to its queue at its original position; without a queue it cannot wait. */
export function backToQueue(core: AcdCore, contact: ContactRecord): void {
  if (contact.queueId === null) {
    closeContact(core, contact, 'transfer-failed');
    core.port('dropCall', (calls) => calls.dropCall(contact.id, 'transfer-failed'));
    return;
  }
  contact.state = 'queued';
  contact.owner = null;
  core.touch(contact);
}

/** The customer hung up before being connected (A: abandon while queued or offered). */
export function abandon(core: AcdCore, contact: ContactRecord): void {
  const offerRecord = contact.offer;
  if (offerRecord !== null) {
    release(core, offerRecord.username, false);
    core.emit({
      type: 'offer-withdrawn',
      username: offerRecord.username,
      offerId: offerRecord.offerId,
      contactId: contact.id,
      reason: 'abandoned',
    });
  }
  core.stats.countQueue(contact.queueId, 'abandoned');
  closeContact(core, contact, 'abandoned');
}

/** The ringing agent is logging out: the offer returns to the queue, no RONA. */
export function withdrawForLogout(core: AcdCore, contact: ContactRecord): void {
  const offerRecord = contact.offer;
  if (offerRecord === null) return;
  core.clearTimer(offerRecord.timer);
  contact.offer = null;
  release(core, offerRecord.username, false);
  core.emit({
    type: 'offer-withdrawn',
    username: offerRecord.username,
    offerId: offerRecord.offerId,
    contactId: contact.id,
    reason: 'logged-out',
  });
  core.port('cancelOffer', (calls) => calls.cancelOffer(offerRecord.offerId, 'logged-out'));
  backToQueue(core, contact);
}
