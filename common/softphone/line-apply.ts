import type { Effect } from './line-effects';
import type { LineEvent, Transition } from './line-events';
import { IDLE_LINE, endingLine, isEstablished, isLineId, patchLine, withLine, type PhoneState } from './line-states';
import { settle } from './settle';

/**
 * The event table: SIP facts move the lines. Never refuses — the call *did*
 * end, the far end *did* answer — but facts that do not fit the state are
 * stale (crossed in flight with our own request) and leave it unchanged.
 * `settle` then draws the consequences for the other line, exactly as after
 * a command, so every reachable state keeps the invariants.
 */
export function apply(state: PhoneState, event: LineEvent): Transition {
  const step = react(state, event);
  return settle(state, step.next, step.effects);
}

const unchanged = (state: PhoneState): Transition => ({ next: state, effects: [] });

function react(state: PhoneState, event: LineEvent): Transition {
  switch (event?.kind) {
    case 'incoming':
      return placeOffer(state);
    case 'transferAccepted':
      // The customer reached the target: the agent's leg is done (V6, agent 1
      // goes to wrap-up). A consult on line 2 is dropped by settle.
      if (!state.line1.transferring) return unchanged(state);
      return { next: withLine(state, 'line1', endingLine(state.line1)), effects: [{ kind: 'bye', line: 'line1' }] };
    case 'transferFailed':
      // Nothing else moves: a blind transfer leaves the customer held, a
      // consult transfer leaves the consult as it was; the agent decides.
      if (!state.line1.transferring) return unchanged(state);
      return { next: patchLine(state, 'line1', { transferring: null }), effects: [] };
    default:
      break;
  }
  if (!event || !isLineId((event as { line?: unknown }).line)) return unchanged(state);
  const { line } = event;
  const current = state[line];
  switch (event.kind) {
    case 'remoteRinging':
      if (current.state !== 'dialing' && current.state !== 'consultRequested') return unchanged(state);
      return { next: patchLine(state, line, { alerting: true }), effects: [] };
    case 'remoteAnswered':
      // A 2xx after our CANCEL is ACKed and BYEd by SIP.js itself: `ending` ignores it.
      if (current.state === 'dialing') return answered(state, line, 'connected');
      if (current.state === 'consultRequested') return answered(state, line, 'consulting');
      return unchanged(state);
    case 'remoteHangup':
    case 'cancelled':
    case 'failed':
    case 'ended': {
      // Whatever the reason, the session on this line is gone.
      if (current.state === 'idle') return unchanged(state);
      const effects: Effect[] = current.state === 'ringing' ? [{ kind: 'stopRing', line }] : [];
      return { next: withLine(state, line, IDLE_LINE), effects };
    }
    case 'remoteHold':
    case 'remoteUnhold': {
      if (!isEstablished(current.state)) return unchanged(state);
      return { next: patchLine(state, line, { remoteHeld: event.kind === 'remoteHold' }), effects: [] };
    }
    default:
      return unchanged(state);
  }
}

function answered(state: PhoneState, line: 'line1' | 'line2', to: 'connected' | 'consulting'): Transition {
  return { next: patchLine(state, line, { state: to, alerting: false }), effects: [] };
}

/**
 * Where a new offer goes. Free agent: line 1 with the ringtone. Agent on a
 * customer call (connected or held) with line 2 free: line 2 with the
 * call-waiting tone — seed: an inbound consult is taken on the second line
 * and toggled with line 1. Anything else (an offer already ringing, an
 * outdial in progress, a consult or conference, a call being torn down):
 * 486 Busy Here, so the ACD or caller can go elsewhere at once.
 */
function placeOffer(state: PhoneState): Transition {
  const { line1, line2 } = state;
  if (line1.state === 'idle' && (line2.state === 'idle' || line2.state === 'ending')) {
    return {
      next: withLine(state, 'line1', { ...IDLE_LINE, state: 'ringing', direction: 'inbound' }),
      effects: [
        { kind: 'offer', line: 'line1' },
        { kind: 'ring', line: 'line1', tone: 'ringtone' },
      ],
    };
  }
  if ((line1.state === 'connected' || line1.state === 'held') && line2.state === 'idle') {
    return {
      next: withLine(state, 'line2', { ...IDLE_LINE, state: 'ringing', direction: 'inbound' }),
      effects: [
        { kind: 'offer', line: 'line2' },
        { kind: 'ring', line: 'line2', tone: 'callWaiting' },
      ],
    };
  }
  return { next: state, effects: [{ kind: 'rejectIncoming', status: 486 }] };
}
