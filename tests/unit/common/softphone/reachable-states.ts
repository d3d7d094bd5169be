/**
 * Test support: every state the line table can reach from idle/idle, found by
 * breadth-first search over all commands (with sample arguments) and all SIP
 * events. The exhaustive tests then check every state × every input.
 */
import {
  INITIAL_PHONE_STATE,
  LINE_IDS,
  apply,
  decide,
  type LineCommand,
  type LineEvent,
  type PhoneState,
} from '../../../../common/softphone';

/** A compact, stable name for a state: `connected,in,m | held,out` … */
export function stateKey(state: PhoneState): string {
  return LINE_IDS.map((id) => {
    const l = state[id];
    const flags = [l.muted && 'muted', l.remoteHeld && 'remoteHeld', l.alerting && 'alerting', l.transferring]
      .filter(Boolean)
      .join('+');
    return [l.state, l.direction ?? '', flags].filter(Boolean).join(',');
  }).join(' | ');
}

export const VALID_TARGET = 'sip:agent2@lab.switchboard.test';

/** Every command kind with well-formed arguments, on every line it takes. */
export const SAMPLE_COMMANDS: LineCommand[] = [
  { kind: 'answer' },
  { kind: 'decline' },
  { kind: 'decline', status: 486 },
  { kind: 'decline', status: 603 },
  { kind: 'dial', target: '+1 (555) 010-0199' },
  { kind: 'consult', target: VALID_TARGET },
  { kind: 'endConsult' },
  { kind: 'conference' },
  { kind: 'transferBlind', target: 'sip:sales-queue@lab.switchboard.test' },
  { kind: 'transferConsult' },
  { kind: 'swap' },
  ...LINE_IDS.flatMap((line): LineCommand[] => [
    { kind: 'hangup', line },
    { kind: 'hold', line },
    { kind: 'resume', line },
    { kind: 'mute', line, on: true },
    { kind: 'mute', line, on: false },
    { kind: 'dtmf', line, digits: '12#' },
  ]),
];

/** Commands whose arguments are malformed: never accepted in any state. */
export const MALFORMED_COMMANDS: LineCommand[] = [
  { kind: 'dial', target: '' },
  { kind: 'dial', target: 'sip:bad target@host' },
  { kind: 'consult', target: '<sip:x@y>' },
  { kind: 'transferBlind', target: 'call me maybe' },
  { kind: 'dtmf', line: 'line1', digits: '12E' },
  { kind: 'dtmf', line: 'line2', digits: '' },
  { kind: 'dtmf', line: 'line1', digits: '1'.repeat(33) },
  { kind: 'decline', status: 404 as 486 },
  { kind: 'hold', line: 'line3' as 'line1' },
  { kind: 'mute', line: 'line1', on: 'yes' as unknown as boolean },
  { kind: 'teleport' } as unknown as LineCommand,
  null as unknown as LineCommand,
];

/** Every SIP fact, on every line it concerns. */
export const SAMPLE_EVENTS: LineEvent[] = [
  { kind: 'incoming' },
  { kind: 'transferAccepted' },
  { kind: 'transferFailed', status: 603 },
  ...LINE_IDS.flatMap((line): LineEvent[] => [
    { kind: 'remoteRinging', line },
    { kind: 'remoteAnswered', line },
    { kind: 'remoteHangup', line },
    { kind: 'cancelled', line },
    { kind: 'failed', line, status: 486 },
    { kind: 'ended', line },
    { kind: 'remoteHold', line },
    { kind: 'remoteUnhold', line },
  ]),
];

export interface Graph {
  /** Reachable states by key, in BFS order (idle/idle first). */
  states: Map<string, PhoneState>;
  /** Edges `from → to`, for the liveness check. */
  edges: Map<string, Set<string>>;
}

let cached: Graph | undefined;

export function explore(): Graph {
  if (cached) return cached;
  const states = new Map<string, PhoneState>([[stateKey(INITIAL_PHONE_STATE), INITIAL_PHONE_STATE]]);
  const edges = new Map<string, Set<string>>();
  const queue: PhoneState[] = [INITIAL_PHONE_STATE];
  while (queue.length > 0) {
    const state = queue.shift() as PhoneState;
    const from = stateKey(state);
    const out = new Set<string>();
    const visit = (next: PhoneState) => {
      const key = stateKey(next);
      out.add(key);
      if (!states.has(key)) {
        states.set(key, next);
        queue.push(next);
      }
    };
    for (const command of SAMPLE_COMMANDS) {
      const decision = decide(state, command);
      if (decision.ok) visit(decision.next);
    }
    for (const event of SAMPLE_EVENTS) visit(apply(state, event).next);
    edges.set(from, out);
  }
  cached = { states, edges };
  return cached;
}

/** Deep-freezes a value so any mutation by the table throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
