import {
  IDLE_LINE,
  INITIAL_PHONE_STATE,
  type LineSnapshot,
  type PhoneState,
} from '../../../../common/softphone';
import { callControls, canDial, lineControls, type Control } from '../../../../renderer/ui/features/softphone/line-controls';
import {
  formatDuration,
  lineClock,
  lineFlags,
  lineStateLabel,
} from '../../../../renderer/ui/features/softphone/line-text';

const line = (patch: Partial<LineSnapshot>): LineSnapshot => ({ ...IDLE_LINE, direction: 'inbound', ...patch });
const phone = (line1: Partial<LineSnapshot> | null, line2: Partial<LineSnapshot> | null = null): PhoneState => ({
  line1: line1 ? line(line1) : IDLE_LINE,
  line2: line2 ? line(line2) : IDLE_LINE,
});

/** Names of the enabled controls, for compact assertions. */
const enabled = (controls: object) =>
  Object.entries(controls)
    .filter(([, c]) => (c as Control).enabled)
    .map(([name]) => name)
    .sort();
const shown = (controls: object) =>
  Object.entries(controls)
    .filter(([, c]) => (c as Control).shown)
    .map(([name]) => name)
    .sort();

describe('lineControls / callControls', () => {
  it('idle: nothing on the cards, only dialling', () => {
    expect(shown(lineControls(INITIAL_PHONE_STATE, 'line1'))).toEqual([]);
    expect(shown(callControls(INITIAL_PHONE_STATE))).toEqual([]);
    expect(canDial(INITIAL_PHONE_STATE)).toBe(true);
  });

  it('line 1 ringing: Answer and Decline on line 1, nothing else', () => {
    const state = phone({ state: 'ringing' });
    const controls = lineControls(state, 'line1');
    expect(shown(controls)).toEqual(['answer', 'decline']);
    expect(enabled(controls)).toEqual(['answer', 'decline']);
    expect(shown(lineControls(state, 'line2'))).toEqual([]);
    expect(enabled(callControls(state))).toEqual([]);
    expect(canDial(state)).toBe(false);
  });

  it('line 1 connected: hold, mute, keypad, end; consult and transfer', () => {
    const state = phone({ state: 'connected' });
    const controls = lineControls(state, 'line1');
    expect(enabled(controls)).toEqual(['dtmf', 'hangup', 'holdToggle', 'mute']);
    expect(controls.holdToggle.command).toBe('hold');
    expect(controls.mute.muted).toBe(false);
    expect(shown(callControls(state))).toEqual(['consult', 'transferBlind']);
    expect(enabled(callControls(state))).toEqual(['consult', 'transferBlind']);
  });

  it('line 1 held: the toggle resumes; DTMF is off on a held line', () => {
    const controls = lineControls(phone({ state: 'held' }), 'line1');
    expect(controls.holdToggle).toEqual({ shown: true, enabled: true, command: 'resume' });
    expect(controls.dtmf).toEqual({ shown: true, enabled: false });
  });

  it('muted line: the mute slot unmutes', () => {
    const controls = lineControls(phone({ state: 'connected', muted: true }), 'line1');
    expect(controls.mute).toEqual({ shown: true, enabled: true, muted: true });
  });

  it('consult requested: line 2 can be ended or cancelled, nothing joins yet', () => {
    const state = phone({ state: 'held' }, { state: 'consultRequested', direction: 'outbound' });
    expect(enabled(callControls(state))).toEqual(['endConsult']);
    expect(shown(callControls(state))).toEqual(['conference', 'endConsult', 'swap', 'transferConsult']);
    // Resuming the customer while the consult dials is refused (consult-pending).
    expect(lineControls(state, 'line1').holdToggle).toEqual({ shown: true, enabled: false, command: 'resume' });
    expect(lineControls(state, 'line2').hangup.enabled).toBe(true);
  });

  it('consulting: end consult, conference, consult transfer, swap; no second consult', () => {
    const state = phone({ state: 'held' }, { state: 'consulting', direction: 'outbound' });
    expect(enabled(callControls(state))).toEqual(['conference', 'endConsult', 'swap', 'transferConsult']);
    // Holding the consulted party too would leave both held (V3).
    expect(enabled(lineControls(state, 'line2'))).toEqual(['dtmf', 'hangup', 'mute']);
    // Resume the customer: the table holds the consulted party (V3).
    expect(lineControls(state, 'line1').holdToggle).toEqual({ shown: true, enabled: true, command: 'resume' });
  });

  it('conference: nobody can be held; transfer and hang-ups still work', () => {
    const state = phone({ state: 'conference' }, { state: 'conference', direction: 'outbound' });
    expect(lineControls(state, 'line1').holdToggle).toEqual({ shown: true, enabled: false, command: 'hold' });
    expect(lineControls(state, 'line2').holdToggle.enabled).toBe(false);
    expect(enabled(callControls(state))).toEqual(['transferConsult']);
    expect(lineControls(state, 'line1').hangup.enabled).toBe(true);
    expect(lineControls(state, 'line2').hangup.enabled).toBe(true);
  });

  it('call waiting on line 2: Answer and Decline move to line 2', () => {
    const state = phone({ state: 'connected' }, { state: 'ringing' });
    expect(enabled(lineControls(state, 'line2'))).toEqual(['answer', 'decline']);
    expect(shown(lineControls(state, 'line1'))).not.toContain('answer');
  });

  it('ending: every button of the line stays in place, disabled', () => {
    const controls = lineControls(phone({ state: 'ending' }), 'line1');
    expect(shown(controls)).toEqual(['dtmf', 'hangup', 'holdToggle', 'mute']);
    expect(enabled(controls)).toEqual([]);
  });
});

describe('line state text', () => {
  it('names the states in the seed words, with the far end ringing from alerting', () => {
    expect(lineStateLabel(phone({ state: 'ringing' }), 'line1')).toBe('ringing');
    expect(lineStateLabel(phone({ state: 'dialing', direction: 'outbound' }), 'line1')).toBe('calling');
    expect(lineStateLabel(phone({ state: 'dialing', direction: 'outbound', alerting: true }), 'line1')).toBe(
      'ringingFarEnd',
    );
    expect(lineStateLabel(phone({ state: 'held' }), 'line1')).toBe('held');
  });

  it('shows the customer line as the consult while the customer waits on hold', () => {
    const requested = phone({ state: 'held' }, { state: 'consultRequested', alerting: true });
    expect(lineStateLabel(requested, 'line1')).toBe('consultRequested');
    expect(lineStateLabel(requested, 'line2')).toBe('consultRingingFarEnd');
    expect(lineFlags(requested, 'line1')).toEqual(['customerOnHold']);
    const consulting = phone({ state: 'held' }, { state: 'consulting' });
    expect(lineStateLabel(consulting, 'line1')).toBe('consulting');
  });

  it('adds badges for remote hold, a pending transfer and mute', () => {
    const state = phone({ state: 'held', remoteHeld: true, transferring: 'blind', muted: true });
    expect(lineStateLabel(state, 'line1')).toBe('held');
    expect(lineFlags(state, 'line1')).toEqual(['remoteHeld', 'transferring', 'muted']);
  });
});

describe('timers', () => {
  it('formats mm:ss under an hour and h:mm:ss from then on', () => {
    expect(formatDuration(0)).toBe('00:00');
    expect(formatDuration(999)).toBe('00:00');
    expect(formatDuration(61_000)).toBe('01:01');
    expect(formatDuration(59 * 60_000 + 59_999)).toBe('59:59');
    expect(formatDuration(3_600_000)).toBe('1:00:00');
    expect(formatDuration(10 * 3_600_000 + 5 * 60_000 + 7_000)).toBe('10:05:07');
  });

  it('reads a negative or broken span as 00:00', () => {
    expect(formatDuration(-5_000)).toBe('00:00');
    expect(formatDuration(Number.NaN)).toBe('00:00');
  });

  it('counts waiting time until answered, then handling time', () => {
    expect(lineClock(null)).toBeNull();
    expect(lineClock({ remote: 'x', startedAt: 100, answeredAt: null, quality: null })).toEqual({ kind: 'waiting', since: 100 });
    expect(lineClock({ remote: 'x', startedAt: 100, answeredAt: 250, quality: null })).toEqual({ kind: 'handling', since: 250 });
  });
});
