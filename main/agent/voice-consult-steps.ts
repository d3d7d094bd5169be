import type { Target, VoiceContact } from '../../common/agent-api';
import type { VoiceActionResult } from '../../common/contract/voice-actions';
import { isConsultActive, type LineCommand } from '../../common/softphone';
import { consultDial } from './contact-calls';
import { apiStep, contactOfBody, liveContact, phoneStep, phoneWouldRefuse, undoStep, type StepContext } from './voice-step-context';
import { OK, refused, refusedByPhone } from './voice-ports';

/**
 * Consult, conference, transfer and outdial (V4–V7): the contact center
 * decides (who may be consulted, which number, the roles), the phone places
 * the calls. When the phone's half fails after the contact center said yes,
 * the contact center's half is undone (consult.cancel, contact.end) where an
 * undo exists.
 */

/** A well-formed stand-in for numbers not known yet, so the table answers "may I dial now?". */
const PROBE = 'sip:probe@switchboard.invalid';

/** Only the owner's own customer call on line 1 can be consulted from, transferred or conferenced. */
function ownerWithCall(ctx: StepContext, contactId: string): { contact: VoiceContact } | { result: VoiceActionResult } {
  const found = liveContact(ctx, contactId, true);
  if ('result' in found) return found;
  if (ctx.calls.partyLine(found.contact) !== 'line1') return { result: refusedByPhone('no-call') };
  return found;
}

/** Place the consult call on line 2; undone by consult.cancel if the phone cannot, or if it fails before it is answered. */
async function consultCall(ctx: StepContext, contact: VoiceContact, target: Target): Promise<VoiceActionResult> {
  const contactId = contact.contactId;
  const dial = consultDial(contact, target);
  if (!dial) {
    await undoStep(ctx, { op: 'consult.cancel', body: { contactId } });
    return refusedByPhone('invalid-target');
  }
  const placed = phoneStep(ctx, { kind: 'consult', target: dial });
  if (!placed.ok) {
    await undoStep(ctx, { op: 'consult.cancel', body: { contactId } });
    return placed;
  }
  ctx.watchCall(contactId, 'line2', { code: 'consult-failed', number: 14 }, async () => {
    if (!ctx.contact(contactId)?.voice.consult) return false;
    await undoStep(ctx, { op: 'consult.cancel', body: { contactId } });
    return true;
  });
  return OK;
}

/**
 * V4: consult an agent or a DN (the phone dials at once), or a queue (the
 * customer is held while the queue looks for an agent; the call is placed
 * on consult-confirm).
 */
export async function consult(ctx: StepContext, contactId: string, target: Target): Promise<VoiceActionResult> {
  const found = ownerWithCall(ctx, contactId);
  if ('result' in found) return found.result;
  const wouldRefuse = phoneWouldRefuse(ctx, { kind: 'consult', target: PROBE });
  if (wouldRefuse) return wouldRefuse;
  const api = await apiStep(ctx, { op: 'consult', body: { contactId, target } });
  if (!api.ok) return api.result;
  const contact = contactOfBody(api.body) ?? found.contact;
  if (target.kind !== 'queue') return consultCall(ctx, contact, target);
  if (ctx.phone.state().line1.state !== 'connected') return OK;
  const held = phoneStep(ctx, { kind: 'hold', line: 'line1' });
  if (!held.ok) await undoStep(ctx, { op: 'consult.cancel', body: { contactId } });
  return held;
}

/** V4: go ahead with the agent a queue consult found: the phone calls them. */
export async function consultConfirm(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const found = ownerWithCall(ctx, contactId);
  if ('result' in found) return found.result;
  const running = found.contact.voice.consult;
  if (running?.state !== 'ready-to-confirm') return refused('invalid-state');
  const wouldRefuse = phoneWouldRefuse(ctx, { kind: 'consult', target: PROBE });
  if (wouldRefuse) return wouldRefuse;
  const api = await apiStep(ctx, { op: 'consult.confirm', body: { contactId } });
  if (!api.ok) return api.result;
  return consultCall(ctx, contactOfBody(api.body) ?? found.contact, running.target);
}

/** V4: end the consult (or stop waiting for it); the customer stays, held until resumed. A consulted agent leaves. */
export async function consultCancel(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const found = liveContact(ctx, contactId, false);
  if ('result' in found) return found.result;
  if (found.contact.role === 'consulted') return refused('forbidden');
  ctx.unwatch(contactId);
  const api = await apiStep(ctx, { op: 'consult.cancel', body: { contactId } });
  if (ctx.calls.consultLine(found.contact) !== null) ctx.phone.command({ kind: 'endConsult' });
  return api.ok ? OK : api.result;
}

/** V5: join the customer and the consulted party (the phone mixes both lines). */
export async function conference(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const found = ownerWithCall(ctx, contactId);
  if ('result' in found) return found.result;
  const wouldRefuse = phoneWouldRefuse(ctx, { kind: 'conference' });
  if (wouldRefuse) return wouldRefuse;
  const api = await apiStep(ctx, { op: 'conference', body: { contactId } });
  if (!api.ok) return api.result;
  return phoneStep(ctx, { kind: 'conference' });
}

/**
 * V6 blind: the contact center hands the contact over and says where the
 * phone REFERs the customer (`referTo`); without one it moves the call itself.
 */
export async function transfer(ctx: StepContext, contactId: string, target: Target): Promise<VoiceActionResult> {
  const found = ownerWithCall(ctx, contactId);
  if ('result' in found) return found.result;
  const wouldRefuse = phoneWouldRefuse(ctx, { kind: 'transferBlind', target: PROBE });
  if (wouldRefuse) return wouldRefuse;
  const api = await apiStep(ctx, { op: 'transfer', body: { mode: 'blind', contactId, target } });
  if (!api.ok) return api.result;
  const referTo = (api.body as { referTo?: string }).referTo;
  if (!referTo) return OK;
  return phoneStep(ctx, { kind: 'transferBlind', target: referTo });
}

/** V6: complete the running consult into a transfer (REFER with Replaces to the consulted party). */
export async function transferConsult(ctx: StepContext, contactId: string): Promise<VoiceActionResult> {
  const found = ownerWithCall(ctx, contactId);
  if ('result' in found) return found.result;
  const command: LineCommand = { kind: 'transferConsult' };
  const wouldRefuse = phoneWouldRefuse(ctx, command);
  if (wouldRefuse) return wouldRefuse;
  const api = await apiStep(ctx, { op: 'transfer', body: { mode: 'consult', contactId } });
  if (!api.ok) return api.result;
  return phoneStep(ctx, command);
}

/**
 * V7: the contact center reserves the outdial (dial plan: 21), the phone
 * calls the number on line 1. If the phone cannot, or the call fails before
 * it is answered (20), the reservation is ended.
 */
export async function outdial(ctx: StepContext, number: string, ani: string | undefined): Promise<VoiceActionResult> {
  const dial: LineCommand = { kind: 'dial', target: number };
  const wouldRefuse = phoneWouldRefuse(ctx, dial);
  if (wouldRefuse) return wouldRefuse;
  if (isConsultActive(ctx.phone.state().line2)) return refusedByPhone('line-busy');
  const api = await apiStep(ctx, { op: 'outdial', body: { number, ...(ani !== undefined ? { ani } : {}) } });
  if (!api.ok) return api.result;
  const contact = contactOfBody(api.body);
  if (!contact) return refused('internal');
  const contactId = contact.contactId;
  ctx.calls.markDialled(contactId);
  const placed = phoneStep(ctx, dial);
  if (!placed.ok) {
    await undoStep(ctx, { op: 'contact.end', body: { contactId } });
    return placed;
  }
  ctx.watchCall(contactId, 'line1', { code: 'outdial-failed', number: 20 }, async () => {
    if (ctx.contact(contactId)?.state !== 'outdial-reserved') return false;
    await undoStep(ctx, { op: 'contact.end', body: { contactId } });
    return true;
  });
  return OK;
}
