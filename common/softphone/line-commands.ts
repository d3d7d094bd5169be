import { z } from 'zod';
import { MAX_TARGET_LENGTH } from './dial-input';
import { REJECT_STATUSES, type Effect } from './line-effects';
import { LINE_IDS, type PhoneState } from './line-states';

const line = z.enum(LINE_IDS);
/** Loose on purpose: the table checks the format and answers `invalid-target`. */
const target = z.string().max(MAX_TARGET_LENGTH * 2);

/**
 * The agent's intents for the lines, as they arrive over IPC. The schema
 * checks the shape; `decide` checks that the intent fits the current state
 * and that targets and digits are well formed.
 */
export const lineCommandSchema = z.discriminatedUnion('kind', [
  /** Answer the ringing line (only one line rings at a time). */
  z.object({ kind: z.literal('answer') }).strict(),
  /** Decline the ringing line; 486 unless 603 is asked for. */
  z.object({ kind: z.literal('decline'), status: z.literal(REJECT_STATUSES).optional() }).strict(),
  /** Outdial on line 1 (V7), only when both lines are idle. */
  z.object({ kind: z.literal('dial'), target }).strict(),
  /** End one line: BYE, CANCEL for an unanswered call, or decline when ringing. */
  z.object({ kind: z.literal('hangup'), line }).strict(),
  z.object({ kind: z.literal('hold'), line }).strict(),
  /** Resume a held line; resuming one line of a consult holds the other (V3). */
  z.object({ kind: z.literal('resume'), line }).strict(),
  /** Consult on line 2 (V4); holds the customer first. */
  z.object({ kind: z.literal('consult'), target }).strict(),
  /** Drop line 2; the customer stays on line 1, held until resumed. */
  z.object({ kind: z.literal('endConsult') }).strict(),
  /** Mix line 1 and line 2 (V5). */
  z.object({ kind: z.literal('conference') }).strict(),
  /** REFER the customer to `target` (V6). */
  z.object({ kind: z.literal('transferBlind'), target }).strict(),
  /** REFER the customer to the consulted party, replacing line 2 (V6). */
  z.object({ kind: z.literal('transferConsult') }).strict(),
  z.object({ kind: z.literal('mute'), line, on: z.boolean() }).strict(),
  z.object({ kind: z.literal('dtmf'), line, digits: z.string().max(64) }).strict(),
  /** Talk to the held line and hold the one talked to (toggle of the seed). */
  z.object({ kind: z.literal('swap') }).strict(),
]);
export type LineCommand = z.infer<typeof lineCommandSchema>;
export type LineCommandKind = LineCommand['kind'];

export const LINE_COMMAND_KINDS = [
  'answer',
  'decline',
  'dial',
  'hangup',
  'hold',
  'resume',
  'consult',
  'endConsult',
  'conference',
  'transferBlind',
  'transferConsult',
  'mute',
  'dtmf',
  'swap',
] as const satisfies readonly LineCommandKind[];

/**
 * Why a command was refused. Stable codes: the UI localizes them
 * (`softphone.refused.<code>`) and tests assert them.
 */
export const REFUSAL_REASONS = [
  /** The line has no call. */
  'no-call',
  /** Answer or decline with nothing ringing. */
  'not-ringing',
  /** The call is not answered yet (ringing, dialing, consult requested). */
  'not-connected',
  /** BYE or CANCEL already sent on this line. */
  'call-ending',
  /** Dial or consult while the line they need is taken. */
  'line-busy',
  'already-held',
  'not-held',
  /** The other line is held: never both at once (V3). */
  'both-held',
  /** Nobody can be held in a conference (V5). */
  'held-in-conference',
  /** The command needs the lines apart; they are in conference. */
  'in-conference',
  /** Needs a consult on line 2 and there is none. */
  'not-in-consult',
  /** The consulted party has not answered yet. */
  'consult-not-connected',
  /** Line 2 is still dialing its consult: end it before resuming the customer. */
  'consult-pending',
  /** A consult is in progress; end it or complete it as a consult transfer. */
  'consult-active',
  /** A REFER is in flight; only hang-up, mute and DTMF until it resolves. */
  'transfer-pending',
  'invalid-target',
  'invalid-digits',
  'too-many-digits',
  /** DTMF to a held line would reach nobody. */
  'line-held',
  'already-muted',
  'not-muted',
  /** Swap needs one held line and one talked to. */
  'nothing-to-swap',
  /** Not a command of this table (unknown kind, line or argument type). */
  'invalid-command',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * The table's answer. `next` and `effects` exist only when the whole command
 * is valid: a refused command leaves nothing to half-apply.
 */
export type Decision = { ok: true; next: PhoneState; effects: Effect[] } | { ok: false; reason: RefusalReason };
