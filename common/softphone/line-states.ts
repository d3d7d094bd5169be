import { z } from 'zod';

/**
 * Line states of the softphone (PRODUCT A4, V2). Line 1 carries the customer,
 * line 2 the consult. Both are drawn here because the rules of V3–V8 are about
 * how the two lines move *together*; `decide` (agent commands) and `apply`
 * (SIP facts) are the only ways from one state to the next.
 *
 * Line 1 — the customer:
 * ```txt
 *              incoming                answer
 *      idle ────────────► ringing ───────────────────► connected ◄──── resume, swap ──────┐
 *      │  ▲                  │                          ▲   │  ▲  │                        │
 *      │  └── decline, ──────┘                          │   │  │  │ conference             │
 *      │      cancelled             remoteAnswered      │   │  │  │ (line 2 held)          │
 *      │ dial               ┌───────────────────────────┘   │  │  ▼                        │
 *      └────► dialing ──────┘                               │  conference ◄── conference ─┤
 *                                                           │  (▲ line 2 leaves)           │
 *                                                           └─ hold, consult, swap, ────► held
 *                                                              answer line 2
 * ```
 *
 * Line 2 — the consult (a call answered here is an inbound consult):
 * ```txt
 *                consult                  remoteAnswered
 *          idle ───────────► consultRequested ──────────────► consulting ◄──────────┐
 *         │ ▲ ▲                   │                            ▲  │   │             │
 *         │ │ └─ endConsult, ─────┘             answer         │  │   │ resume      │ resume line 2,
 *         │ │    failed             ┌──────────────────────────┘  │   │ line 1,     │ swap
 *         │ │                       │                             │   │ swap        │
 *         └─┼──────► ringing ───────┘                 conference  │   └──────────► held
 *  incoming │         │  (call waiting: line 1 connected or held)  ▼                │
 *           └─────────┘ decline, cancelled                    conference ◄──────────┘
 *                                                                       conference
 * ```
 *
 * Every call state of either line:
 * ```txt
 *   ── hangup, endConsult, transferAccepted ──► ending ── ended ──► idle
 *   ── remoteHangup, cancelled, failed, ended ─────────────────────► idle
 * ```
 * `ending`: our BYE or CANCEL is out and the dialog has not finished; the
 * line takes no command until it is `idle`. Line 1 never dials a consult and
 * line 2 never carries the customer, so `consultRequested`/`consulting` are
 * line-2 states and `dialing`/`connected` line-1 states (checkInvariants).
 * The UI shows line 1 as "Consult requested"/"Consulting" (A4) from line 2.
 */
export const LINE_IDS = ['line1', 'line2'] as const;
export type LineId = (typeof LINE_IDS)[number];

export const LINE_STATES = [
  'idle',
  'ringing',
  'dialing',
  'connected',
  'held',
  'consultRequested',
  'consulting',
  'conference',
  'ending',
] as const;
export type LineState = (typeof LINE_STATES)[number];

export const LINE_DIRECTIONS = ['inbound', 'outbound'] as const;
export type LineDirection = (typeof LINE_DIRECTIONS)[number];

/** A REFER in flight on line 1, until the far end reports how it went. */
export const TRANSFER_KINDS = ['blind', 'consult'] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export const lineSnapshotSchema = z
  .object({
    state: z.enum(LINE_STATES),
    /** Who placed the call; null while idle. */
    direction: z.enum(LINE_DIRECTIONS).nullable(),
    /** Our microphone is muted on this line (independent of hold). */
    muted: z.boolean(),
    /** The far end put us on hold (its re-INVITE); shown, never refused on. */
    remoteHeld: z.boolean(),
    /** An outgoing call got 180/183: "ringing at the far end" vs "calling". */
    alerting: z.boolean(),
    /** Line 1 only: a transfer was requested and its outcome is pending. */
    transferring: z.enum(TRANSFER_KINDS).nullable(),
  })
  .strict();
export type LineSnapshot = z.infer<typeof lineSnapshotSchema>;

/** Both lines; the whole input of the table. Plain data, safe to send over IPC. */
export const phoneStateSchema = z.object({ line1: lineSnapshotSchema, line2: lineSnapshotSchema }).strict();
export type PhoneState = z.infer<typeof phoneStateSchema>;

/** An idle line carries no leftovers from its last call (see checkInvariants). */
export const IDLE_LINE: Readonly<LineSnapshot> = Object.freeze({
  state: 'idle',
  direction: null,
  muted: false,
  remoteHeld: false,
  alerting: false,
  transferring: null,
});

export const INITIAL_PHONE_STATE: Readonly<PhoneState> = Object.freeze({ line1: IDLE_LINE, line2: IDLE_LINE });

export const otherLine = (line: LineId): LineId => (line === 'line1' ? 'line2' : 'line1');

export const isLineId = (value: unknown): value is LineId => value === 'line1' || value === 'line2';

/**
 * The state a line is in while the agent talks on it alone: line 1 is
 * `connected`, line 2 is `consulting` (a call on line 2 is always a consult,
 * also an answered waiting call — the seed's "inbound consult").
 */
export const talkingState = (line: LineId): LineState => (line === 'line1' ? 'connected' : 'consulting');

/** The dialog is confirmed and media flows (or is held). */
export const isEstablished = (state: LineState): boolean =>
  state === 'connected' || state === 'held' || state === 'consulting' || state === 'conference';

/** Line 2 is part of the customer's interaction: dialed, talking, held or mixed. */
export const isConsultActive = (line2: LineSnapshot): boolean =>
  line2.state === 'consultRequested' ||
  line2.state === 'consulting' ||
  line2.state === 'held' ||
  line2.state === 'conference';

/** Replaces one line of the state, keeping the key order stable. */
export function withLine(state: PhoneState, line: LineId, snapshot: LineSnapshot): PhoneState {
  return line === 'line1' ? { line1: snapshot, line2: state.line2 } : { line1: state.line1, line2: snapshot };
}

/** Patches one line of the state. */
export function patchLine(state: PhoneState, line: LineId, patch: Partial<LineSnapshot>): PhoneState {
  return withLine(state, line, { ...state[line], ...patch });
}

/** The line a BYE or CANCEL was sent on: flags that describe a live call go. */
export const endingLine = (snapshot: LineSnapshot): LineSnapshot => ({
  ...snapshot,
  state: 'ending',
  alerting: false,
  transferring: null,
});
