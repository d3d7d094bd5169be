/** Named scenarios for one call at a time: PRODUCT V1, V3 (hold), V7, V8, V11. */
import { INITIAL_PHONE_STATE, allowedCommands, allowedKinds, isAllowed } from '../../../../common/softphone';
import { AGENT2, CUSTOMER, PhoneDriver, withCustomer } from './phone-driver';

describe('incoming call (V1)', () => {
  it('rings line 1 with the ringtone and answers it', () => {
    const phone = new PhoneDriver();
    expect(phone.on({ kind: 'incoming' })).toEqual([
      { kind: 'offer', line: 'line1' },
      { kind: 'ring', line: 'line1', tone: 'ringtone' },
    ]);
    expect(phone.line('line1')).toMatchObject({ state: 'ringing', direction: 'inbound' });
    expect(phone.do({ kind: 'answer' })).toEqual([
      { kind: 'stopRing', line: 'line1' },
      { kind: 'answer', line: 'line1' },
    ]);
    expect(phone.lines).toBe('connected/idle');
  });

  it('declines with 486 by default, 603 when asked, and the red button declines too', () => {
    for (const [command, status] of [
      [{ kind: 'decline' }, 486],
      [{ kind: 'decline', status: 603 }, 603],
      [{ kind: 'hangup', line: 'line1' }, 486],
    ] as const) {
      const phone = new PhoneDriver();
      phone.on({ kind: 'incoming' });
      expect(phone.do(command)).toEqual([
        { kind: 'stopRing', line: 'line1' },
        { kind: 'reject', line: 'line1', status },
      ]);
      expect(phone.state).toEqual(INITIAL_PHONE_STATE);
    }
  });

  it('stops ringing when the caller cancels (487 at the far end)', () => {
    const phone = new PhoneDriver();
    phone.on({ kind: 'incoming' });
    expect(phone.on({ kind: 'cancelled', line: 'line1' })).toEqual([{ kind: 'stopRing', line: 'line1' }]);
    expect(phone.state).toEqual(INITIAL_PHONE_STATE);
    expect(phone.refused({ kind: 'answer' })).toBe('not-ringing');
  });

  it('refuses answer and decline with nothing ringing', () => {
    const phone = new PhoneDriver();
    expect(phone.refused({ kind: 'answer' })).toBe('not-ringing');
    expect(phone.refused({ kind: 'decline' })).toBe('not-ringing');
  });
});

describe('outdial (V7)', () => {
  it('dials on line 1 with a normalized number, shows far-end ringing, connects', () => {
    const phone = new PhoneDriver();
    expect(phone.do({ kind: 'dial', target: CUSTOMER })).toEqual([
      { kind: 'invite', line: 'line1', target: '+15550100199' },
    ]);
    expect(phone.line('line1')).toMatchObject({ state: 'dialing', direction: 'outbound', alerting: false });
    phone.on({ kind: 'remoteRinging', line: 'line1' });
    expect(phone.line('line1').alerting).toBe(true);
    expect(phone.on({ kind: 'remoteAnswered', line: 'line1' })).toEqual([]);
    expect(phone.line('line1')).toMatchObject({ state: 'connected', alerting: false });
  });

  it('cancels an unanswered outdial on hang-up, then waits for the end', () => {
    const phone = new PhoneDriver();
    phone.do({ kind: 'dial', target: '1001' });
    expect(phone.do({ kind: 'hangup', line: 'line1' })).toEqual([{ kind: 'cancel', line: 'line1' }]);
    expect(phone.lines).toBe('ending/idle');
    expect(phone.refused({ kind: 'hangup', line: 'line1' })).toBe('call-ending');
    expect(phone.on({ kind: 'remoteAnswered', line: 'line1' })).toEqual([]); // late 200: SIP.js ACKs and BYEs
    phone.on({ kind: 'ended', line: 'line1' });
    expect(phone.state).toEqual(INITIAL_PHONE_STATE);
  });

  it('goes back to idle when the far end refuses (error 21)', () => {
    const phone = new PhoneDriver();
    phone.do({ kind: 'dial', target: '1001' });
    phone.on({ kind: 'failed', line: 'line1', status: 486 });
    expect(phone.state).toEqual(INITIAL_PHONE_STATE);
  });

  it('refuses a malformed number and dialing while a line is busy', () => {
    const phone = new PhoneDriver();
    expect(phone.refused({ kind: 'dial', target: 'abc def' })).toBe('invalid-target');
    expect(phone.refused({ kind: 'dial', target: '   ' })).toBe('invalid-target');
    expect(phone.state).toEqual(INITIAL_PHONE_STATE);
    expect(withCustomer().refused({ kind: 'dial', target: '1001' })).toBe('line-busy');
  });
});

describe('end of call (V8)', () => {
  it('sends BYE on local hang-up and is idle once the dialog ends', () => {
    const phone = withCustomer();
    expect(phone.do({ kind: 'hangup', line: 'line1' })).toEqual([{ kind: 'bye', line: 'line1' }]);
    expect(phone.lines).toBe('ending/idle');
    expect(allowedCommands(phone.state)).toEqual([]);
    phone.on({ kind: 'ended', line: 'line1' });
    expect(phone.state).toEqual(INITIAL_PHONE_STATE);
  });

  it('is idle at once when the customer hangs up, with nothing left to do', () => {
    const phone = withCustomer();
    phone.do({ kind: 'mute', line: 'line1', on: true });
    expect(phone.on({ kind: 'remoteHangup', line: 'line1' })).toEqual([]);
    expect(phone.state).toEqual(INITIAL_PHONE_STATE); // mute does not leak into the next call
  });

  it('ignores stale facts', () => {
    const phone = new PhoneDriver();
    for (const line of ['line1', 'line2'] as const) {
      expect(phone.on({ kind: 'remoteHangup', line })).toEqual([]);
      expect(phone.on({ kind: 'remoteAnswered', line })).toEqual([]);
      expect(phone.on({ kind: 'remoteHold', line })).toEqual([]);
    }
    expect(phone.on({ kind: 'transferAccepted' })).toEqual([]);
    expect(phone.state).toEqual(INITIAL_PHONE_STATE);
  });
});

describe('hold and resume (V3)', () => {
  it('holds and resumes the customer', () => {
    const phone = withCustomer();
    expect(phone.do({ kind: 'hold', line: 'line1' })).toEqual([{ kind: 'hold', line: 'line1' }]);
    expect(phone.refused({ kind: 'hold', line: 'line1' })).toBe('already-held');
    expect(phone.do({ kind: 'resume', line: 'line1' })).toEqual([{ kind: 'unhold', line: 'line1' }]);
    expect(phone.refused({ kind: 'resume', line: 'line1' })).toBe('not-held');
  });

  it('refuses hold on lines without an answered call', () => {
    const phone = new PhoneDriver();
    expect(phone.refused({ kind: 'hold', line: 'line1' })).toBe('no-call');
    phone.on({ kind: 'incoming' });
    expect(phone.refused({ kind: 'hold', line: 'line1' })).toBe('not-connected');
    expect(phone.refused({ kind: 'hold', line: 'line2' })).toBe('no-call');
  });

  it('shows the far end holding us without changing what the agent may do', () => {
    const phone = withCustomer();
    phone.on({ kind: 'remoteHold', line: 'line1' });
    expect(phone.line('line1')).toMatchObject({ state: 'connected', remoteHeld: true });
    expect(isAllowed(phone.state, 'hold', 'line1')).toBe(true);
    phone.on({ kind: 'remoteUnhold', line: 'line1' });
    expect(phone.line('line1').remoteHeld).toBe(false);
  });
});

describe('mute and DTMF (V11)', () => {
  it('mutes and unmutes, refusing repeats', () => {
    const phone = withCustomer();
    expect(phone.do({ kind: 'mute', line: 'line1', on: true })).toEqual([{ kind: 'mute', line: 'line1' }]);
    expect(phone.refused({ kind: 'mute', line: 'line1', on: true })).toBe('already-muted');
    expect(phone.do({ kind: 'mute', line: 'line1', on: false })).toEqual([{ kind: 'unmute', line: 'line1' }]);
    expect(phone.refused({ kind: 'mute', line: 'line1', on: false })).toBe('not-muted');
    expect(phone.refused({ kind: 'mute', line: 'line2', on: true })).toBe('no-call');
  });

  it('sends valid digits upper-cased and refuses the rest', () => {
    const phone = withCustomer();
    expect(phone.do({ kind: 'dtmf', line: 'line1', digits: '0123456789*#abcd' })).toEqual([
      { kind: 'dtmf', line: 'line1', digits: '0123456789*#ABCD' },
    ]);
    expect(phone.refused({ kind: 'dtmf', line: 'line1', digits: '12E' })).toBe('invalid-digits');
    expect(phone.refused({ kind: 'dtmf', line: 'line1', digits: '' })).toBe('invalid-digits');
    expect(phone.refused({ kind: 'dtmf', line: 'line1', digits: '1'.repeat(33) })).toBe('too-many-digits');
    expect(phone.do({ kind: 'dtmf', line: 'line1', digits: '1'.repeat(32) })).toHaveLength(1);
    phone.do({ kind: 'hold', line: 'line1' });
    expect(phone.refused({ kind: 'dtmf', line: 'line1', digits: '1' })).toBe('line-held');
  });

  it('refuses DTMF before the call is answered', () => {
    const phone = new PhoneDriver();
    phone.do({ kind: 'dial', target: '1001' });
    expect(phone.refused({ kind: 'dtmf', line: 'line1', digits: '1' })).toBe('not-connected');
  });
});

describe('call waiting', () => {
  it('offers a second call on line 2 with the call-waiting tone', () => {
    const phone = withCustomer();
    expect(phone.on({ kind: 'incoming' })).toEqual([
      { kind: 'offer', line: 'line2' },
      { kind: 'ring', line: 'line2', tone: 'callWaiting' },
    ]);
    expect(phone.do({ kind: 'answer' })).toEqual([
      { kind: 'stopRing', line: 'line2' },
      { kind: 'hold', line: 'line1' },
      { kind: 'answer', line: 'line2' },
    ]);
    expect(phone.lines).toBe('held/consulting');
  });

  it('declines a waiting call with 486 and keeps the customer', () => {
    const phone = withCustomer();
    phone.on({ kind: 'incoming' });
    expect(phone.do({ kind: 'decline' })).toEqual([
      { kind: 'stopRing', line: 'line2' },
      { kind: 'reject', line: 'line2', status: 486 },
    ]);
    expect(phone.lines).toBe('connected/idle');
  });

  it('moves a waiting call to line 1 when the customer hangs up', () => {
    const phone = withCustomer();
    phone.on({ kind: 'incoming' });
    expect(phone.on({ kind: 'remoteHangup', line: 'line1' })).toEqual([
      { kind: 'stopRing', line: 'line2' },
      { kind: 'moveLine', from: 'line2', to: 'line1' },
      { kind: 'ring', line: 'line1', tone: 'ringtone' },
    ]);
    expect(phone.lines).toBe('ringing/idle');
  });

  it('answers 486 at once when no line can take the offer', () => {
    for (const busy of [
      (p: PhoneDriver) => p.on({ kind: 'incoming' }), // line 1 already ringing
      (p: PhoneDriver) => p.do({ kind: 'dial', target: '1001' }),
    ]) {
      const phone = new PhoneDriver();
      busy(phone);
      const before = phone.state;
      expect(phone.on({ kind: 'incoming' })).toEqual([{ kind: 'rejectIncoming', status: 486 }]);
      expect(phone.state).toEqual(before);
    }
    const consulting = withCustomer();
    consulting.do({ kind: 'consult', target: AGENT2 });
    expect(consulting.on({ kind: 'incoming' })).toEqual([{ kind: 'rejectIncoming', status: 486 }]);
  });
});

describe('allowed commands (the UI buttons)', () => {
  it('offers only dial when idle', () => {
    expect(allowedCommands(INITIAL_PHONE_STATE)).toEqual([{ kind: 'dial' }]);
  });

  it('offers answer, decline and hang-up for a ringing call', () => {
    const phone = new PhoneDriver();
    phone.on({ kind: 'incoming' });
    expect(allowedCommands(phone.state)).toEqual([
      { kind: 'answer' },
      { kind: 'decline' },
      { kind: 'hangup', line: 'line1' },
    ]);
  });

  it('offers the mid-call set for a connected customer', () => {
    expect(allowedKinds(withCustomer().state).sort()).toEqual(
      ['consult', 'dtmf', 'hangup', 'hold', 'mute', 'transferBlind'].sort(),
    );
  });
});
