import type { LineCommand, LineCommandKind } from './line-commands';
import { LINE_IDS, type LineId, type PhoneState } from './line-states';
import { decide } from './line-table';

/** A button the UI may enable: a command kind, for one line when it takes one. */
export interface AllowedCommand {
  kind: LineCommandKind;
  line?: LineId;
}

/**
 * Well-formed stand-ins for arguments the agent has not typed yet, so the
 * probe asks "may I dial now?" and not "is this number valid?".
 */
const SAMPLE_TARGET = 'sip:probe@switchboard.invalid';

/** One probe per button; `mute` probes the toggle the button would perform. */
function probes(state: PhoneState): LineCommand[] {
  const perLine = LINE_IDS.flatMap((line): LineCommand[] => [
    { kind: 'hangup', line },
    { kind: 'hold', line },
    { kind: 'resume', line },
    { kind: 'mute', line, on: !state[line].muted },
    { kind: 'dtmf', line, digits: '1' },
  ]);
  return [
    { kind: 'answer' },
    { kind: 'decline' },
    { kind: 'dial', target: SAMPLE_TARGET },
    { kind: 'consult', target: SAMPLE_TARGET },
    { kind: 'endConsult' },
    { kind: 'conference' },
    { kind: 'transferBlind', target: SAMPLE_TARGET },
    { kind: 'transferConsult' },
    { kind: 'swap' },
    ...perLine,
  ];
}

/**
 * The commands `decide` would accept now, found by asking it — so the UI
 * enables exactly the buttons that work and can never drift from the table.
 */
export function allowedCommands(state: PhoneState): AllowedCommand[] {
  return probes(state)
    .filter((command) => decide(state, command).ok)
    .map((command) => ('line' in command ? { kind: command.kind, line: command.line } : { kind: command.kind }));
}

/** The command kinds accepted for at least one line. */
export function allowedKinds(state: PhoneState): LineCommandKind[] {
  return [...new Set(allowedCommands(state).map((allowed) => allowed.kind))];
}

/** Whether one button is enabled: `isAllowed(state, 'hold', 'line1')`. */
export function isAllowed(state: PhoneState, kind: LineCommandKind, line?: LineId): boolean {
  return allowedCommands(state).some((allowed) => allowed.kind === kind && (line === undefined || allowed.line === line));
}
