import type { Cad } from '../../common/agent-api';
import type { VoiceActionResult } from '../../common/contract/voice-actions';
import { isLive } from './contact-calls';
import { apiStep, liveContact, phoneStep, phoneWouldRefuse, undoStep, type StepContext } from './voice-step-context';
import { OK, refused, refusedByPhone } from './voice-ports';

/**
 * Offer, hold, swap, end, recording and CAD (V1, V3, V8–V10): the contact
 * center's half first, then the phone's on the line that carries the
 * contact. The phone's half is checked against the line table before the
 * contact center is asked, so a refusal costs nothing to undo.
 */

/** V1: take the offer (owner) or the consult call (consulted agent): answer its ringing call. */
export async function accept(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const contact = ctx.contact(contactId);
  if (!contact || contact.state === 'ended') return refused('not-found');
  const offer = contact.role === 'owner' && contact.state === 'offered';
  const consultCall = contact.role === 'consulted' && contact.state === 'consult-requested';
  if (!offer && !consultCall) {
    // Already answered from the call card: the phone carries it, nothing is left to do.
    const answered = contact.role === 'owner' && contact.state === 'connected' && ctx.calls.partyLine(contact) !== null;
    return answered ? OK : refused('invalid-state');
  }
  const rang = await ctx.until(() => ctx.calls.ringingLine(contactId) !== null, ctx.ringWaitMs);
  if (!rang) return refusedByPhone('not-ringing');
  const wouldRefuse = phoneWouldRefuse(ctx, { kind: 'answer' });
  if (wouldRefuse) return wouldRefuse;
  if (offer) {
    const api = await apiStep(ctx, { op: 'accept-offer', body: { contactId } });
    if (!api.ok) return api.result;
  }
  // The caller may have hung up while the contact center answered.
  if (ctx.calls.ringingLine(contactId) === null) {
    if (offer) await undoStep(ctx, { op: 'contact.end', body: { contactId } });
    return refusedByPhone('not-ringing');
  }
  const answered = phoneStep(ctx, { kind: 'answer' });
  if (!answered.ok && offer) await undoStep(ctx, { op: 'contact.end', body: { contactId } });
  return answered;
}

/** V1: refuse the offer (back to the queue) or the consult call; the ringing call stops. */
export async function decline(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const contact = ctx.contact(contactId);
  if (!contact || contact.state === 'ended') return refused('not-found');
  if (contact.role === 'owner') {
    if (contact.state !== 'offered') return refused('invalid-state');
    const api = await apiStep(ctx, { op: 'decline-offer', body: { contactId } });
    if (!api.ok) return api.result;
    // The contact center also stops the ringing; declining here only makes it immediate.
    if (ctx.calls.ringingLine(contactId) !== null) ctx.phone.command({ kind: 'decline' });
    return OK;
  }
  if (contact.state !== 'consult-requested') return refused('invalid-state');
  if (ctx.calls.ringingLine(contactId) === null) return refusedByPhone('not-ringing');
  return phoneStep(ctx, { kind: 'decline' });
}

/** V3: hold or resume the party of the contact (never in conference, never both lines held). */
export function holdOrResume(ctx: StepContext, contactId: string, kind: 'hold' | 'resume'): VoiceActionResult {
  const found = liveContact(ctx, contactId, false);
  if ('result' in found) return found.result;
  const line = ctx.calls.partyLine(found.contact);
  if (!line) return refusedByPhone('no-call');
  if (found.contact.state === 'conference' || ctx.phone.state()[line].state === 'conference') return refusedByPhone('held-in-conference');
  return phoneStep(ctx, { kind, line });
}

/** V4: talk to the other party: the one talked to is held (never both). */
export function swap(ctx: StepContext, contactId: string): VoiceActionResult {
  const found = liveContact(ctx, contactId, true);
  if ('result' in found) return found.result;
  if (ctx.calls.partyLine(found.contact) === null) return refusedByPhone('no-call');
  return phoneStep(ctx, { kind: 'swap' });
}

/**
 * V8: the owner ends the call for everyone (→ wrap-up); the consulted
 * agent leaves it (no wrap-up). The contact center first, then the phone
 * hangs up what it still carries (the contact center may have ended those
 * calls already).
 */
export async function end(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const contact = ctx.contact(contactId);
  if (!contact || contact.state === 'ended') return refused('not-found');
  if (contact.state === 'offered' || contact.state === 'wrap-up' || contact.state === 'transferring') return refused('invalid-state');
  const lines = contact.role === 'owner' ? [ctx.calls.consultLine(contact), ctx.calls.partyLine(contact)] : [ctx.calls.partyLine(contact)];
  ctx.unwatch(contactId);
  const api = await apiStep(ctx, { op: 'contact.end', body: { contactId } });
  for (const line of lines) {
    if (line && isLive(ctx.phone.state(), line)) ctx.phone.command({ kind: 'hangup', line });
  }
  return api.ok ? OK : api.result;
}

/** V9: recording is the contact center's alone. */
export async function recording(ctx: StepContext, contactId: string, pause: boolean): Promise<VoiceActionResult> {
  const api = await apiStep(ctx, { op: pause ? 'recording.pause' : 'recording.resume', body: { contactId } });
  return api.ok ? OK : api.result;
}

/** V10: CAD fields during the call (and in wrap-up), saved with the wrap-up. */
export async function setCad(ctx: StepContext, contactId: string, cad: Cad): Promise<VoiceActionResult> {
  const api = await apiStep(ctx, { op: 'cad.set', body: { contactId, cad } });
  return api.ok ? OK : api.result;
}
