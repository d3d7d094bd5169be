/**
 * Test support: drives the pure table like the line manager would — one
 * state, commands through `decide`, SIP facts through `apply` — and checks
 * the invariants after every step.
 */
import {
  INITIAL_PHONE_STATE,
  apply,
  checkInvariants,
  decide,
  type Effect,
  type LineCommand,
  type LineEvent,
  type LineId,
  type PhoneState,
  type RefusalReason,
} from '../../../../common/softphone';

export class PhoneDriver {
  state: PhoneState = INITIAL_PHONE_STATE;

  /** Runs an accepted command and returns its effects; throws if refused. */
  do(command: LineCommand): Effect[] {
    const decision = decide(this.state, command);
    if (!decision.ok) throw new Error(`${JSON.stringify(command)} refused: ${decision.reason}`);
    return this.move(decision.next, decision.effects);
  }

  /** The refusal reason of a command; throws if accepted. State unchanged. */
  refused(command: LineCommand): RefusalReason {
    const decision = decide(this.state, command);
    if (decision.ok) throw new Error(`${JSON.stringify(command)} accepted`);
    return decision.reason;
  }

  on(event: LineEvent): Effect[] {
    const { next, effects } = apply(this.state, event);
    return this.move(next, effects);
  }

  /** `line1` and `line2` states as `"held/consulting"`. */
  get lines(): string {
    return `${this.state.line1.state}/${this.state.line2.state}`;
  }

  line(id: LineId) {
    return this.state[id];
  }

  private move(next: PhoneState, effects: Effect[]): Effect[] {
    const broken = checkInvariants(next);
    if (broken.length > 0) throw new Error(`invariants broken: ${broken.join('; ')}`);
    this.state = next;
    return effects;
  }
}

export const CUSTOMER = '+1 (555) 010-0199';
export const AGENT2 = 'sip:agent2@lab.switchboard.test';

/** An agent talking to an answered inbound customer on line 1. */
export function withCustomer(): PhoneDriver {
  const phone = new PhoneDriver();
  phone.on({ kind: 'incoming' });
  phone.do({ kind: 'answer' });
  return phone;
}

/** Customer held on line 1, agent 2 answered on line 2. */
export function inConsult(): PhoneDriver {
  const phone = withCustomer();
  phone.do({ kind: 'consult', target: AGENT2 });
  phone.on({ kind: 'remoteAnswered', line: 'line2' });
  return phone;
}

/** Customer, agent and agent 2 mixed. */
export function inConference(): PhoneDriver {
  const phone = inConsult();
  phone.do({ kind: 'conference' });
  return phone;
}
