/**
 * The line table, exhaustively: every reachable state × every command and
 * every SIP event. A command is either refused with a known reason and
 * nothing else, or it yields a state that keeps every invariant and effects
 * that agree with that state. Events always yield such a state.
 */
import {
  EFFECT_KINDS,
  INITIAL_PHONE_STATE,
  LINE_COMMAND_KINDS,
  LINE_EVENT_KINDS,
  REFUSAL_REASONS,
  allowedCommands,
  apply,
  checkInvariants,
  decide,
  phoneStateSchema,
  type Effect,
  type LineState,
  type PhoneState,
} from '../../../../common/softphone';
import { MALFORMED_COMMANDS, SAMPLE_COMMANDS, SAMPLE_EVENTS, deepFreeze, explore, stateKey } from './reachable-states';

const { states, edges } = explore();
const all = [...states.values()].map(deepFreeze);

/** Problems with how `effects` relate to the move `prev → next`. */
function effectProblems(prev: PhoneState, next: PhoneState, effects: Effect[]): string[] {
  const problems: string[] = [];
  const expect = (ok: boolean, why: string) => ok || problems.push(why);
  const seen = new Set<string>();
  for (const effect of effects) {
    const id = JSON.stringify(effect);
    expect(!seen.has(id), `duplicate ${id}`);
    seen.add(id);
    const at = 'line' in effect ? next[effect.line] : undefined;
    switch (effect.kind) {
      case 'hold':
        expect(at?.state === 'held', `hold but ${at?.state}`);
        break;
      case 'unhold':
        expect(['connected', 'consulting', 'conference'].includes(at?.state ?? ''), `unhold but ${at?.state}`);
        break;
      case 'invite':
        expect(['dialing', 'consultRequested'].includes(at?.state ?? ''), `invite but ${at?.state}`);
        break;
      case 'cancel':
      case 'bye':
        expect(at?.state === 'ending', `${effect.kind} but ${at?.state}`);
        break;
      case 'answer':
        expect(prev[effect.line].state === 'ringing', `answer a ${prev[effect.line].state} line`);
        expect(['connected', 'consulting'].includes(at?.state ?? ''), `answered into ${at?.state}`);
        break;
      case 'reject':
        expect(prev[effect.line].state === 'ringing' && at?.state === 'idle', 'reject needs ringing → idle');
        break;
      case 'ring':
        expect(at?.state === 'ringing', `ring but ${at?.state}`);
        expect(effect.tone === (effect.line === 'line1' ? 'ringtone' : 'callWaiting'), 'tone fits the line');
        break;
      case 'stopRing':
        expect(prev[effect.line].state === 'ringing', 'stopRing of a line that did not ring');
        break;
      case 'mute':
      case 'unmute':
        expect(at?.muted === (effect.kind === 'mute'), `${effect.kind} but muted=${at?.muted}`);
        break;
      case 'refer':
      case 'referReplaces':
        expect(next.line1.transferring !== null, `${effect.kind} without transferring`);
        break;
      case 'mix':
        expect(next.line1.state === 'conference' && next.line2.state === 'conference', 'mix without conference');
        break;
      case 'unmix':
        expect(prev.line1.state === 'conference' && next.line1.state !== 'conference', 'unmix of no conference');
        break;
      case 'moveLine':
        expect(next.line1.state === 'ringing' && prev.line2.state === 'ringing', 'moveLine of no waiting call');
        break;
      case 'rejectIncoming':
        expect(JSON.stringify(next) === JSON.stringify(prev), 'rejecting an offer changes nothing');
        break;
      default:
        break;
    }
  }
  return problems;
}

describe('reachable states', () => {
  it('covers every line state of PRODUCT A4 on the line that can hold it', () => {
    const on = (line: 'line1' | 'line2') => new Set(all.map((s) => s[line].state));
    const line1: LineState[] = ['idle', 'ringing', 'dialing', 'connected', 'held', 'conference', 'ending'];
    const line2: LineState[] = ['idle', 'ringing', 'consultRequested', 'consulting', 'held', 'conference', 'ending'];
    expect([...on('line1')].sort()).toEqual([...line1].sort());
    expect([...on('line2')].sort()).toEqual([...line2].sort());
    expect(states.size).toBeGreaterThan(100);
  });

  it('keeps every invariant and the wire schema in every reachable state', () => {
    for (const state of all) {
      expect({ state: stateKey(state), broken: checkInvariants(state) }).toEqual({ state: stateKey(state), broken: [] });
      expect(phoneStateSchema.safeParse(state).success).toBe(true);
    }
  });

  it('can always get back to idle/idle (no stuck state)', () => {
    const reverse = new Map<string, string[]>();
    for (const [from, tos] of edges) for (const to of tos) reverse.set(to, [...(reverse.get(to) ?? []), from]);
    const back = new Set([stateKey(INITIAL_PHONE_STATE)]);
    const queue = [...back];
    while (queue.length > 0) {
      for (const from of reverse.get(queue.shift() as string) ?? []) {
        if (!back.has(from)) {
          back.add(from);
          queue.push(from);
        }
      }
    }
    expect([...states.keys()].filter((key) => !back.has(key))).toEqual([]);
  });
});

describe.each(LINE_COMMAND_KINDS)('command %s in every reachable state', (kind) => {
  const commands = SAMPLE_COMMANDS.filter((c) => c.kind === kind);

  it('is refused with a known reason and nothing else, or lands in a sound state', () => {
    let accepted = 0;
    for (const state of all) {
      for (const command of commands) {
        const decision = decide(state, command);
        const where = `${stateKey(state)} × ${JSON.stringify(command)}`;
        if (!decision.ok) {
          expect({ where, keys: Object.keys(decision).sort() }).toEqual({ where, keys: ['ok', 'reason'] });
          expect(REFUSAL_REASONS).toContain(decision.reason);
          continue;
        }
        accepted += 1;
        expect({ where, broken: checkInvariants(decision.next) }).toEqual({ where, broken: [] });
        expect({ where, problems: effectProblems(state, decision.next, decision.effects) }).toEqual({
          where,
          problems: [],
        });
        expect(decision.effects.length).toBeGreaterThan(0);
        expect(states.has(stateKey(decision.next))).toBe(true);
      }
    }
    expect(accepted).toBeGreaterThan(0);
  });
});

describe.each(LINE_EVENT_KINDS)('event %s in every reachable state', (kind) => {
  const events = SAMPLE_EVENTS.filter((e) => e.kind === kind);

  it('is never refused and keeps every invariant', () => {
    for (const state of all) {
      for (const event of events) {
        const { next, effects } = apply(state, event);
        const where = `${stateKey(state)} × ${JSON.stringify(event)}`;
        expect({ where, broken: checkInvariants(next) }).toEqual({ where, broken: [] });
        expect({ where, problems: effectProblems(state, next, effects) }).toEqual({ where, problems: [] });
      }
    }
  });
});

describe('the table as a whole', () => {
  it('refuses malformed arguments in every state', () => {
    for (const state of all) {
      for (const command of MALFORMED_COMMANDS) expect(decide(state, command).ok).toBe(false);
    }
  });

  it('ignores events for lines it does not have', () => {
    const event = { kind: 'remoteHangup', line: 'line9' } as never;
    for (const state of all) expect(apply(state, event)).toEqual({ next: state, effects: [] });
  });

  it('uses every refusal reason and every effect somewhere', () => {
    const reasons = new Set<string>();
    const kinds = new Set<string>();
    for (const state of all) {
      for (const command of [...SAMPLE_COMMANDS, ...MALFORMED_COMMANDS]) {
        const decision = decide(state, command);
        if (decision.ok) decision.effects.forEach((e) => kinds.add(e.kind));
        else reasons.add(decision.reason);
      }
      for (const event of SAMPLE_EVENTS) apply(state, event).effects.forEach((e) => kinds.add(e.kind));
    }
    expect([...reasons].sort()).toEqual([...REFUSAL_REASONS].sort());
    expect([...kinds].sort()).toEqual([...EFFECT_KINDS].sort());
  });

  it('lists as allowed exactly the probes decide accepts', () => {
    for (const state of all) {
      for (const allowed of allowedCommands(state)) {
        const match = SAMPLE_COMMANDS.filter(
          (c) => c.kind === allowed.kind && (!('line' in c) || c.line === allowed.line),
        );
        expect(match.some((c) => decide(state, c).ok)).toBe(true);
      }
      const buttons = new Set(allowedCommands(state).map((a) => `${a.kind}:${a.line ?? ''}`));
      for (const command of SAMPLE_COMMANDS) {
        if (command.kind === 'mute' || command.kind === 'decline') continue; // probed as toggle / default
        const button = `${command.kind}:${'line' in command ? command.line : ''}`;
        if (decide(state, command).ok) expect({ state: stateKey(state), button, on: buttons.has(button) }).toEqual({ state: stateKey(state), button, on: true });
      }
    }
  });
});
