import type { Effect } from './line-effects';
import type { Transition } from './line-events';
import { IDLE_LINE, endingLine, isConsultActive, type LineSnapshot, type PhoneState } from './line-states';

/**
 * The consequences one line's change has for the other, applied after every
 * command and every event so that no path can forget them:
 *
 * 1. **Customer gone, consult goes too** (V8, seed: "the customer leaving
 *    ends the interaction; agent 2 leaves without wrap-up"). When line 1 is
 *    idle or ending and line 2 is a consult (dialing, talking, held or in
 *    conference), line 2 gets CANCEL or BYE. The only moment line 2 is busy
 *    without a customer is this cleanup: line 2 `ending`.
 * 2. **Conference partner left** (V5: "agent 2 can leave; agent 1 and the
 *    customer continue"): line 1 in conference without line 2 is `connected`.
 * 3. **Waiting call promoted**: line 1 idle while a call waits on line 2 —
 *    the waiting call becomes line 1 and rings with the normal ringtone, so
 *    line 1 is always the agent's main call.
 * 4. **Idle lines are clean**: no muted/held/transfer flags survive a call.
 * 5. **Unmix first**: leaving a conference stops the mixer before anything
 *    else happens, so nobody hears a half-torn-down bridge.
 */
export function settle(prev: PhoneState, next: PhoneState, effects: readonly Effect[]): Transition {
  let { line1, line2 } = next;
  const out: Effect[] = [...effects];

  if ((line1.state === 'idle' || line1.state === 'ending') && isConsultActive(line2)) {
    out.push(line2.state === 'consultRequested' ? { kind: 'cancel', line: 'line2' } : { kind: 'bye', line: 'line2' });
    line2 = endingLine(line2);
  }

  if (line1.state === 'conference' && line2.state !== 'conference') line1 = { ...line1, state: 'connected' };

  if (line1.state === 'idle' && line2.state === 'ringing') {
    out.push(
      { kind: 'stopRing', line: 'line2' },
      { kind: 'moveLine', from: 'line2', to: 'line1' },
      { kind: 'ring', line: 'line1', tone: 'ringtone' },
    );
    line1 = line2;
    line2 = IDLE_LINE;
  }

  line1 = clean(line1);
  line2 = clean(line2);

  if (prev.line1.state === 'conference' && line1.state !== 'conference') out.unshift({ kind: 'unmix' });

  return { next: { line1, line2 }, effects: out };
}

const clean = (snapshot: LineSnapshot): LineSnapshot => (snapshot.state === 'idle' ? IDLE_LINE : snapshot);
