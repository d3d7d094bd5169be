import type { LineId } from './line-states';

/** Final responses the agent may give to an offer. */
export const REJECT_STATUSES = [486, 603] as const;
export type RejectStatus = (typeof REJECT_STATUSES)[number];

/**
 * 486 Busy Here by default: it tells a forking proxy or the ACD "not on this
 * device, try elsewhere", which is what an agent's decline means; 603 Decline
 * ("nobody here wants it, stop all branches") is available on request.
 */
export const DEFAULT_REJECT_STATUS: RejectStatus = 486;

/**
 * What main plays for an offer: the ringtone when the agent is free, the
 * short call-waiting tone when another line already has a call (issue 3 §4).
 */
export type RingTone = 'ringtone' | 'callWaiting';

/**
 * The SIP and media actions the line manager performs for one transition,
 * **in order** (e.g. hold the customer before inviting the consult target, so
 * the customer never hears the consult ring). The table already moved the
 * state; the line manager makes the world match it, and reports what really
 * happened back as events (`apply`).
 */
export type Effect =
  /** Bind the pending incoming INVITE to this line (it was placed here). */
  | { kind: 'offer'; line: LineId }
  /** No line can take the incoming INVITE: answer it 486 at once. */
  | { kind: 'rejectIncoming'; status: 486 }
  | { kind: 'ring'; line: LineId; tone: RingTone }
  | { kind: 'stopRing'; line: LineId }
  | { kind: 'answer'; line: LineId }
  | { kind: 'reject'; line: LineId; status: RejectStatus }
  /** `target` is normalized: a `sip:`/`sips:` URI or a dial string `+?[0-9*#]+`. */
  | { kind: 'invite'; line: LineId; target: string }
  | { kind: 'cancel'; line: LineId }
  | { kind: 'bye'; line: LineId }
  | { kind: 'hold'; line: LineId }
  | { kind: 'unhold'; line: LineId }
  | { kind: 'mute'; line: LineId }
  | { kind: 'unmute'; line: LineId }
  /** Digits are normalized to upper case `0-9 * # A-D`. */
  | { kind: 'dtmf'; line: LineId; digits: string }
  /** Blind transfer: REFER the customer to `target`. */
  | { kind: 'refer'; line: 'line1'; target: string }
  /** Consult transfer: REFER the customer to line 2's party, Replaces line 2's dialog. */
  | { kind: 'referReplaces'; line: 'line1'; replacing: 'line2' }
  /** The engine mixes both calls so each of the three parties hears the other two (V5). */
  | { kind: 'mix'; lines: ['line1', 'line2'] }
  | { kind: 'unmix' }
  /** A waiting call on line 2 becomes line 1 because line 1's call is over. */
  | { kind: 'moveLine'; from: 'line2'; to: 'line1' };

export type EffectKind = Effect['kind'];

export const EFFECT_KINDS = [
  'offer',
  'rejectIncoming',
  'ring',
  'stopRing',
  'answer',
  'reject',
  'invite',
  'cancel',
  'bye',
  'hold',
  'unhold',
  'mute',
  'unmute',
  'dtmf',
  'refer',
  'referReplaces',
  'mix',
  'unmix',
  'moveLine',
] as const satisfies readonly EffectKind[];
