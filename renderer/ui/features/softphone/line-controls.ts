import {
  allowedCommands,
  isConsultActive,
  type AllowedCommand,
  type LineId,
  type PhoneState,
} from '../../../../common/softphone';

/**
 * Which call-control buttons the agent gets, and which of them work now.
 * Enabled means `allowedCommands` (which asks the line table itself) holds
 * the command, so the UI never offers what main would refuse. Shown is
 * about layout only: a button that belongs to the phase of the call stays
 * in place, disabled, instead of jumping around.
 */
export interface Control {
  shown: boolean;
  enabled: boolean;
}

/** Buttons on one line's card. */
export interface LineControls {
  answer: Control;
  decline: Control;
  /** The hold/resume slot: `resume` while the line is held, else `hold`. */
  holdToggle: Control & { command: 'hold' | 'resume' };
  /** The mute slot performs `mute {on: !muted}`. */
  mute: Control & { muted: boolean };
  /** End this line (BYE, or CANCEL while it is still being called). */
  hangup: Control;
  /** The DTMF keypad: its keys send `dtmf` on this line. */
  dtmf: Control;
}

/** Buttons of the interaction as a whole (consult, transfer, conference…). */
export interface CallControls {
  consult: Control;
  endConsult: Control;
  conference: Control;
  transferBlind: Control;
  transferConsult: Control;
  swap: Control;
}

const has = (allowed: readonly AllowedCommand[], kind: AllowedCommand['kind'], line?: LineId) =>
  allowed.some((a) => a.kind === kind && (line === undefined || a.line === line));

const control = (shown: boolean, enabled: boolean): Control => ({ shown: shown || enabled, enabled });

/**
 * The buttons of `line`'s card in `phone`. Pass `allowed` when it is
 * already computed for the same state (one table probe per render).
 */
export function lineControls(
  phone: PhoneState,
  line: LineId,
  allowed: readonly AllowedCommand[] = allowedCommands(phone),
): LineControls {
  const snapshot = phone[line];
  const ringing = snapshot.state === 'ringing';
  // Answer and decline act on the ringing line; only one line rings at a time.
  const answerHere = ringing && has(allowed, 'answer');
  const declineHere = ringing && has(allowed, 'decline');
  const inCall = !ringing && snapshot.state !== 'idle';
  const holdCommand = snapshot.state === 'held' ? 'resume' : 'hold';
  return {
    answer: control(ringing, answerHere),
    decline: control(ringing, declineHere),
    holdToggle: { ...control(inCall, has(allowed, holdCommand, line)), command: holdCommand },
    mute: { ...control(inCall, has(allowed, 'mute', line)), muted: snapshot.muted },
    // On a ringing line the red button is Decline; End would do the same.
    hangup: { shown: inCall, enabled: inCall && has(allowed, 'hangup', line) },
    dtmf: control(inCall, has(allowed, 'dtmf', line)),
  };
}

/**
 * The interaction's buttons: before a consult, Consult and Transfer; once
 * line 2 carries one, End consult, Conference, Transfer to the consulted
 * party and Swap. Anything the table allows is shown whatever the phase.
 */
export function callControls(
  phone: PhoneState,
  allowed: readonly AllowedCommand[] = allowedCommands(phone),
): CallControls {
  const customer = phone.line1.state !== 'idle' && phone.line1.state !== 'ringing';
  const consult = isConsultActive(phone.line2) || phone.line2.state === 'ending';
  return {
    consult: control(customer && !consult, has(allowed, 'consult')),
    transferBlind: control(customer && !consult, has(allowed, 'transferBlind')),
    endConsult: control(consult, has(allowed, 'endConsult')),
    conference: control(consult, has(allowed, 'conference')),
    transferConsult: control(consult, has(allowed, 'transferConsult')),
    swap: control(consult, has(allowed, 'swap')),
  };
}

/** Whether an outdial would be accepted now (both lines idle). */
export const canDial = (phone: PhoneState, allowed: readonly AllowedCommand[] = allowedCommands(phone)): boolean =>
  has(allowed, 'dial');
