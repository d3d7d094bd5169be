import { SessionState, type Invitation, type Session } from 'sip.js';
import type { CallQuality, LineId } from '../../../common/softphone';
import { contactIdSchema } from '../../../common/agent-api/primitives';
import { BridgedSessionDescriptionHandler } from '../media/bridged-sdh';

/** A SIP.js session bound to a line, with what the agent is shown about it. */
export interface BoundCall {
  session: Session;
  remote: string;
  startedAt: number;
  answeredAt: number | null;
  /** Final status of a failed outgoing call, kept for the `failed` event. */
  failureStatus: number | null;
  /** Latest media statistics from the engine. */
  quality: CallQuality | null;
  /** Consecutive reports in which no packet arrived while audio was expected. */
  stalledReports: number;
  /** When the last ICE restart was asked for (epoch ms). */
  iceRestartAt: number;
}

/** A freshly bound call. */
export function newBoundCall(session: Session, remote: string, now: number): BoundCall {
  return { session, remote, startedAt: now, answeredAt: null, failureStatus: null, quality: null, stalledReports: 0, iceRestartAt: 0 };
}

export function mediaCallId(call: BoundCall | undefined): string | null {
  const sdh = call?.session.sessionDescriptionHandler;
  return sdh instanceof BridgedSessionDescriptionHandler ? sdh.callId : null;
}

/** Which line a session is on now (a waiting call may have moved to line 1). */
export function lineOf(calls: Partial<Record<LineId, BoundCall>>, session: Session): LineId | null {
  if (calls.line1?.session === session) return 'line1';
  if (calls.line2?.session === session) return 'line2';
  return null;
}

/** True once the dialog is confirmed (2xx + ACK). */
export const isEstablished = (session: Session): boolean => session.state === SessionState.Established;

/**
 * The line whose call an INVITE with Replaces takes over (RFC 3891): a
 * colleague transferred their customer to us from a consult. SIP.js has
 * already checked that the dialog exists; this finds its line.
 */
export function lineReplacedBy(calls: Partial<Record<LineId, BoundCall>>, invitation: Invitation): LineId | null {
  if (!invitation.request.hasHeader('replaces')) return null;
  const replaces = invitation.request.parseHeader('replaces') as { call_id?: unknown } | undefined;
  const callId = typeof replaces?.call_id === 'string' ? replaces.call_id : null;
  if (!callId) return null;
  return (['line1', 'line2'] as const).find((line) => calls[line]?.session.dialog?.callId === callId) ?? null;
}

/** The contact id an offer or consult INVITE carries (`X-Contact-Id`), if well formed. */
export function contactIdHeader(invitation: Invitation): string | null {
  const value = invitation.request.getHeader('x-contact-id')?.trim();
  return value !== undefined && contactIdSchema.safeParse(value).success ? value : null;
}
