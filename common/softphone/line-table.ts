import { checkDtmfDigits, normalizeTarget } from './dial-input';
import type { Decision, LineCommand, LineCommandKind, RefusalReason } from './line-commands';
import { DEFAULT_REJECT_STATUS, REJECT_STATUSES, type Effect } from './line-effects';
import {
  IDLE_LINE,
  endingLine,
  isConsultActive,
  isEstablished,
  isLineId,
  otherLine,
  patchLine,
  talkingState,
  withLine,
  type LineId,
  type LineSnapshot,
  type PhoneState,
} from './line-states';
import { settle } from './settle';

/**
 * The command table: one rule per agent intent. Each rule either refuses
 * with a reason or returns the whole next state and the ordered effects; the
 * cross-line consequences (customer gone → consult dropped, conference
 * partner gone → connected, unmix) are added by `settle`, the same code that
 * handles SIP events, so a command and a fact can never disagree.
 *
 * Rules check in a fixed order — the state of the line(s) concerned, then a
 * pending transfer, then the other line, then the arguments — so the reason
 * the agent sees names the first thing in the way.
 */
export function decide(state: PhoneState, command: LineCommand): Decision {
  // Commands come from IPC: parsed there, but a stray kind must not reach a rule.
  const kind: unknown = (command as { kind?: unknown } | null)?.kind;
  if (typeof kind !== 'string' || !Object.hasOwn(RULES, kind)) return refuse('invalid-command');
  const rule = RULES[kind as LineCommandKind] as Rule<LineCommand>;
  const step = rule(state, command);
  if (!step.ok) return step;
  const { next, effects } = settle(state, step.next, step.effects);
  return { ok: true, next, effects };
}

type Rule<C extends LineCommand> = (state: PhoneState, command: C) => Decision;
type Rules = { [K in LineCommandKind]: Rule<Extract<LineCommand, { kind: K }>> };

const refuse = (reason: RefusalReason): Decision => ({ ok: false, reason });
const done = (next: PhoneState, effects: Effect[]): Decision => ({ ok: true, next, effects });

/** Why a line cannot take a mid-call command (hold, mute, DTMF…), or null. */
function callGate(line: LineSnapshot): RefusalReason | null {
  switch (line.state) {
    case 'idle':
      return 'no-call';
    case 'ending':
      return 'call-ending';
    case 'ringing':
    case 'dialing':
    case 'consultRequested':
      return 'not-connected';
    default:
      return null;
  }
}

/** Line 1 must hold an answered customer call that is not mixed. */
function customerGate(state: PhoneState): RefusalReason | null {
  const gate = callGate(state.line1);
  if (gate) return gate;
  if (state.line1.state === 'conference') return 'in-conference';
  return null;
}

const ringingLine = (state: PhoneState): LineId | null =>
  state.line1.state === 'ringing' ? 'line1' : state.line2.state === 'ringing' ? 'line2' : null;

function declineLine(state: PhoneState, line: LineId, status: unknown): Decision {
  const known = REJECT_STATUSES.find((s) => s === (status ?? DEFAULT_REJECT_STATUS));
  if (known === undefined) return refuse('invalid-command');
  return done(withLine(state, line, IDLE_LINE), [
    { kind: 'stopRing', line },
    { kind: 'reject', line, status: known },
  ]);
}

/**
 * Talk to `line` (held) and hold the other line if the agent was talking to
 * it: hold first, so the two parties never hear each other (V3).
 */
function resumeLine(state: PhoneState, line: LineId): Decision {
  const other = otherLine(line);
  const effects: Effect[] = [];
  let next = patchLine(state, line, { state: talkingState(line) });
  if (state[other].state === talkingState(other)) {
    effects.push({ kind: 'hold', line: other });
    next = patchLine(next, other, { state: 'held' });
  }
  effects.push({ kind: 'unhold', line });
  return done(next, effects);
}

const RULES: Rules = {
  answer: (state) => {
    const line = ringingLine(state);
    if (!line) return refuse('not-ringing');
    if (line === 'line1') {
      return done(patchLine(state, 'line1', { state: 'connected' }), [
        { kind: 'stopRing', line },
        { kind: 'answer', line },
      ]);
    }
    // A waiting call on line 2: the customer is held first (V3: one party at a time).
    if (state.line1.state === 'ending') return refuse('call-ending');
    // Until the REFER resolves the waiting call keeps ringing; once line 1 is
    // gone it moves to line 1 (settle) instead of being dropped with it.
    if (state.line1.transferring) return refuse('transfer-pending');
    const effects: Effect[] = [{ kind: 'stopRing', line }];
    let next = patchLine(state, 'line2', { state: 'consulting' });
    if (state.line1.state === 'connected') {
      effects.push({ kind: 'hold', line: 'line1' });
      next = patchLine(next, 'line1', { state: 'held' });
    }
    effects.push({ kind: 'answer', line });
    return done(next, effects);
  },

  decline: (state, command) => {
    const line = ringingLine(state);
    if (!line) return refuse('not-ringing');
    return declineLine(state, line, command.status);
  },

  dial: (state, command) => {
    if (state.line1.state !== 'idle' || state.line2.state !== 'idle') return refuse('line-busy');
    const target = normalizeTarget(command.target);
    if (!target) return refuse('invalid-target');
    return done(patchLine(state, 'line1', { state: 'dialing', direction: 'outbound' }), [
      { kind: 'invite', line: 'line1', target },
    ]);
  },

  hangup: (state, { line }) => {
    if (!isLineId(line)) return refuse('invalid-command');
    const current = state[line];
    switch (current.state) {
      case 'idle':
        return refuse('no-call');
      case 'ending':
        return refuse('call-ending');
      case 'ringing':
        // The red button on an offer declines it (hotkey "hang up" too).
        return declineLine(state, line, DEFAULT_REJECT_STATUS);
      case 'dialing':
      case 'consultRequested':
        return done(withLine(state, line, endingLine(current)), [{ kind: 'cancel', line }]);
      default:
        // Line 1: settle drops a consult or conference with it (V5 agent ends, V8).
        // Line 2: the consult or the conference leg ends; the customer stays.
        return done(withLine(state, line, endingLine(current)), [{ kind: 'bye', line }]);
    }
  },

  hold: (state, { line }) => {
    if (!isLineId(line)) return refuse('invalid-command');
    const gate = callGate(state[line]);
    if (gate) return refuse(gate);
    if (state[line].state === 'conference') return refuse('held-in-conference');
    if (state[line].state === 'held') return refuse('already-held');
    if (state.line1.transferring) return refuse('transfer-pending');
    if (state[otherLine(line)].state === 'held') return refuse('both-held');
    return done(patchLine(state, line, { state: 'held' }), [{ kind: 'hold', line }]);
  },

  resume: (state, { line }) => {
    if (!isLineId(line)) return refuse('invalid-command');
    const gate = callGate(state[line]);
    if (gate) return refuse(gate);
    if (state[line].state !== 'held') return refuse('not-held');
    if (state.line1.transferring) return refuse('transfer-pending');
    // Resuming the customer while the consult still dials would leave the
    // consulted party answering into a call the agent is not on.
    if (state[otherLine(line)].state === 'consultRequested') return refuse('consult-pending');
    return resumeLine(state, line);
  },

  swap: (state) => {
    const { line1, line2 } = state;
    const heldLine: LineId | null =
      line1.state === 'held' && (line2.state === 'consulting' || line2.state === 'consultRequested')
        ? 'line1'
        : line1.state === 'connected' && line2.state === 'held'
          ? 'line2'
          : null;
    if (!heldLine) return refuse('nothing-to-swap');
    if (line1.transferring) return refuse('transfer-pending');
    if (line2.state === 'consultRequested') return refuse('consult-pending');
    return resumeLine(state, heldLine);
  },

  consult: (state, command) => {
    const gate = customerGate(state);
    if (gate) return refuse(gate);
    if (state.line1.transferring) return refuse('transfer-pending');
    if (state.line2.state !== 'idle') return refuse('line-busy');
    const target = normalizeTarget(command.target);
    if (!target) return refuse('invalid-target');
    const effects: Effect[] = [];
    if (state.line1.state === 'connected') effects.push({ kind: 'hold', line: 'line1' });
    effects.push({ kind: 'invite', line: 'line2', target });
    const next = withLine(patchLine(state, 'line1', { state: 'held' }), 'line2', {
      ...IDLE_LINE,
      state: 'consultRequested',
      direction: 'outbound',
    });
    return done(next, effects);
  },

  endConsult: (state) => {
    const { line2 } = state;
    if (line2.state === 'conference') return refuse('in-conference');
    if (line2.state === 'ending') return refuse('call-ending');
    if (!isConsultActive(line2)) return refuse('not-in-consult');
    if (state.line1.transferring) return refuse('transfer-pending');
    // Line 1 keeps its state: held stays held until the agent resumes
    // (seed: hanging up the consult "keeps the customer on hold").
    const effect: Effect =
      line2.state === 'consultRequested' ? { kind: 'cancel', line: 'line2' } : { kind: 'bye', line: 'line2' };
    return done(withLine(state, 'line2', endingLine(line2)), [effect]);
  },

  conference: (state) => {
    const { line1, line2 } = state;
    if (line2.state === 'conference') return refuse('in-conference');
    if (line2.state === 'consultRequested') return refuse('consult-not-connected');
    if (line2.state !== 'consulting' && line2.state !== 'held') return refuse('not-in-consult');
    if (line1.transferring) return refuse('transfer-pending');
    const heldLine: LineId = line1.state === 'held' ? 'line1' : 'line2';
    const next: PhoneState = {
      line1: { ...line1, state: 'conference' },
      line2: { ...line2, state: 'conference' },
    };
    return done(next, [
      { kind: 'unhold', line: heldLine },
      { kind: 'mix', lines: ['line1', 'line2'] },
    ]);
  },

  transferBlind: (state, command) => {
    const gate = customerGate(state);
    if (gate) return refuse(gate);
    if (state.line1.transferring) return refuse('transfer-pending');
    if (isConsultActive(state.line2)) return refuse('consult-active');
    const target = normalizeTarget(command.target);
    if (!target) return refuse('invalid-target');
    // Hold before REFER (RFC 5589 §6): the customer hears hold, not silence.
    const effects: Effect[] = [];
    if (state.line1.state === 'connected') effects.push({ kind: 'hold', line: 'line1' });
    effects.push({ kind: 'refer', line: 'line1', target });
    return done(patchLine(state, 'line1', { state: 'held', transferring: 'blind' }), effects);
  },

  transferConsult: (state) => {
    const { line1, line2 } = state;
    if (line2.state === 'consultRequested') return refuse('consult-not-connected');
    if (line2.state === 'ending') return refuse('call-ending');
    if (!isConsultActive(line2)) return refuse('not-in-consult');
    if (line1.transferring) return refuse('transfer-pending');
    if (!isEstablished(line1.state)) return refuse('not-connected');
    // No extra holds: the consulted party's dialog is replaced by the
    // customer's INVITE; until then the agent's lines stay as they are.
    return done(patchLine(state, 'line1', { transferring: 'consult' }), [
      { kind: 'referReplaces', line: 'line1', replacing: 'line2' },
    ]);
  },

  mute: (state, { line, on }) => {
    if (!isLineId(line) || typeof on !== 'boolean') return refuse('invalid-command');
    const current = state[line];
    if (current.state === 'idle') return refuse('no-call');
    if (current.state === 'ending') return refuse('call-ending');
    if (current.state === 'ringing') return refuse('not-connected');
    if (on && current.muted) return refuse('already-muted');
    if (!on && !current.muted) return refuse('not-muted');
    return done(patchLine(state, line, { muted: on }), [{ kind: on ? 'mute' : 'unmute', line }]);
  },

  dtmf: (state, { line, digits }) => {
    if (!isLineId(line)) return refuse('invalid-command');
    const gate = callGate(state[line]);
    if (gate) return refuse(gate);
    if (state[line].state === 'held') return refuse('line-held');
    const check = checkDtmfDigits(digits);
    if (!check.ok) return refuse(check.reason);
    return done(state, [{ kind: 'dtmf', line, digits: check.digits }]);
  },
};
