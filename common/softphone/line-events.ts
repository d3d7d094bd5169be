import { z } from 'zod';
import type { Effect } from './line-effects';
import { LINE_IDS, type PhoneState } from './line-states';

const line = z.enum(LINE_IDS);

/**
 * What the SIP stack reports: facts, not requests. `apply` never refuses
 * one; a fact that does not fit the state (a late 180 after we hung up, a
 * BYE for a line that is already idle) is stale and changes nothing.
 *
 * The line manager sends these for the session bound to a line; `incoming`
 * has no line because the table decides where an offer goes (`offer`
 * effect) or that it is refused (`rejectIncoming`).
 */
export const lineEventSchema = z.discriminatedUnion('kind', [
  /** A new INVITE for the agent. */
  z.object({ kind: z.literal('incoming') }).strict(),
  /** 180/183 for our outgoing call on this line. */
  z.object({ kind: z.literal('remoteRinging'), line }).strict(),
  /** 2xx for our outgoing call on this line. */
  z.object({ kind: z.literal('remoteAnswered'), line }).strict(),
  /** The far end sent BYE. */
  z.object({ kind: z.literal('remoteHangup'), line }).strict(),
  /** The caller sent CANCEL (or the ACD withdrew the offer: RONA). */
  z.object({ kind: z.literal('cancelled'), line }).strict(),
  /** Our outgoing call got a final non-2xx, or the session broke (transport, timeout). */
  z.object({ kind: z.literal('failed'), line, status: z.number().int() }).strict(),
  /** The session on this line is terminated (our BYE/CANCEL completed). */
  z.object({ kind: z.literal('ended'), line }).strict(),
  /** The far end's re-INVITE made the stream sendonly/inactive. */
  z.object({ kind: z.literal('remoteHold'), line }).strict(),
  z.object({ kind: z.literal('remoteUnhold'), line }).strict(),
  /** NOTIFY with a 2xx sipfrag: the customer reached the transfer target. */
  z.object({ kind: z.literal('transferAccepted') }).strict(),
  /** REFER refused or NOTIFY with a final non-2xx sipfrag. */
  z.object({ kind: z.literal('transferFailed'), status: z.number().int().optional() }).strict(),
]);
export type LineEvent = z.infer<typeof lineEventSchema>;
export type LineEventKind = LineEvent['kind'];

export const LINE_EVENT_KINDS = [
  'incoming',
  'remoteRinging',
  'remoteAnswered',
  'remoteHangup',
  'cancelled',
  'failed',
  'ended',
  'remoteHold',
  'remoteUnhold',
  'transferAccepted',
  'transferFailed',
] as const satisfies readonly LineEventKind[];

/** The result of applying a fact: always a next state, maybe no effects. */
export interface Transition {
  next: PhoneState;
  effects: Effect[];
}
