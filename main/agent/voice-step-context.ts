import type { VoiceContact } from '../../common/agent-api';
import type { AgentWorkRequest, AgentWorkResult } from '../../common/contract/agent-session';
import type { VoiceActionResult } from '../../common/contract/voice-actions';
import type { Logger } from '../../common/log/logger';
import { decide, type LineCommand } from '../../common/softphone';
import type { ContactCalls } from './contact-calls';
import { OK, refused, refusedByApi, refusedByPhone, type VoicePhone } from './voice-ports';

export interface CallFailure {
  code: 'consult-failed' | 'outdial-failed';
  number: 14 | 20;
}

/** What one action's steps may use: the contact, the agent API, the phone, waiting, undo. */
export interface StepContext {
  contact(contactId: string): VoiceContact | null;
  request(request: AgentWorkRequest): Promise<AgentWorkResult>;
  phone: VoicePhone;
  calls: ContactCalls;
  until(ready: () => boolean, ms: number): Promise<boolean>;
  ringWaitMs: number;
  /**
   * The call just placed for this contact is watched until it is answered:
   * if it fails first (not ended by the agent), `undo` runs and returns
   * whether the contact center still had to be told; if so, `failure` is
   * reported to the agent.
   */
  watchCall(contactId: string, line: 'line1' | 'line2', failure: CallFailure, undo: () => Promise<boolean>): void;
  /** The agent ends the contact's call themselves: no longer a failure. */
  unwatch(contactId: string): void;
  log: Logger;
}

/** The agent API's half: done, or the refusal as the action's result. */
export async function apiStep(ctx: StepContext, request: AgentWorkRequest): Promise<{ ok: true; body: unknown } | { ok: false; result: VoiceActionResult }> {
  const outcome = await ctx.request(request);
  if (outcome.ok) return { ok: true, body: outcome.body };
  ctx.log.info('voice action refused by the contact center', { op: request.op, code: outcome.code });
  return { ok: false, result: refusedByApi(outcome) };
}

/** Would the line table take this command now? (Pure: nothing is sent.) */
export function phoneWouldRefuse(ctx: StepContext, command: LineCommand): VoiceActionResult | null {
  const decision = decide(ctx.phone.state(), command);
  return decision.ok ? null : refusedByPhone(decision.reason);
}

/** The phone's half: done, or the line table's refusal. */
export function phoneStep(ctx: StepContext, command: LineCommand): VoiceActionResult {
  const outcome = ctx.phone.command(command);
  if (outcome.accepted) return OK;
  ctx.log.info('voice action refused by the phone', { command: command.kind, reason: outcome.reason });
  return refusedByPhone(outcome.reason);
}

/** A best-effort request that undoes the first half; its failure is only logged. */
export async function undoStep(ctx: StepContext, request: AgentWorkRequest): Promise<void> {
  const outcome = await ctx.request(request);
  if (outcome.ok) ctx.log.info('voice action undone', { op: request.op });
  else ctx.log.warn('undo refused by the contact center', { op: request.op, code: outcome.code });
}

/** The contact as an action on it needs it, or why not. */
export function liveContact(ctx: StepContext, contactId: string, ownerOnly: boolean): { contact: VoiceContact } | { result: VoiceActionResult } {
  const contact = ctx.contact(contactId);
  if (!contact || contact.state === 'ended') return { result: refused('not-found') };
  if (ownerOnly && contact.role !== 'owner') return { result: refused('forbidden') };
  if (contact.state === 'offered' || contact.state === 'wrap-up' || contact.state === 'transferring') return { result: refused('invalid-state') };
  return { contact };
}

/** Only a well-formed contact body is trusted (already checked against the protocol in main). */
export function contactOfBody(body: unknown): VoiceContact | null {
  const contact = (body as { contact?: VoiceContact } | null)?.contact;
  return contact && contact.channel === 'voice' ? contact : null;
}
