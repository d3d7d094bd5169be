/** Named scenarios for two lines: PRODUCT V3 (consult holds), V4, V5, V6, V8. */
import { allowedKinds } from '../../../../common/softphone';
import { AGENT2, PhoneDriver, inConference, inConsult, withCustomer } from './phone-driver';

describe('consult (V3, V4)', () => {
  it('puts the customer on hold before inviting the consult target on line 2', () => {
    const phone = withCustomer();
    expect(phone.do({ kind: 'consult', target: AGENT2 })).toEqual([
      { kind: 'hold', line: 'line1' },
      { kind: 'invite', line: 'line2', target: AGENT2 },
    ]);
    expect(phone.lines).toBe('held/consultRequested');
    expect(phone.line('line2').direction).toBe('outbound');
    phone.on({ kind: 'remoteAnswered', line: 'line2' });
    expect(phone.lines).toBe('held/consulting');
  });

  it('does not hold twice when the customer is already held', () => {
    const phone = withCustomer();
    phone.do({ kind: 'hold', line: 'line1' });
    expect(phone.do({ kind: 'consult', target: 'agent2@lab.switchboard.test' })).toEqual([
      { kind: 'invite', line: 'line2', target: AGENT2 },
    ]);
  });

  it('refuses a consult without a customer, with line 2 busy, or to a malformed target', () => {
    expect(new PhoneDriver().refused({ kind: 'consult', target: AGENT2 })).toBe('no-call');
    expect(inConsult().refused({ kind: 'consult', target: AGENT2 })).toBe('line-busy');
    expect(inConference().refused({ kind: 'consult', target: AGENT2 })).toBe('in-conference');
    const phone = withCustomer();
    expect(phone.refused({ kind: 'consult', target: 'sip:no host' })).toBe('invalid-target');
    expect(phone.lines).toBe('connected/idle'); // refused: nothing half-applied, customer not held
  });

  it('resuming the customer holds the consulted party, and back (never both held)', () => {
    const phone = inConsult();
    expect(phone.do({ kind: 'resume', line: 'line1' })).toEqual([
      { kind: 'hold', line: 'line2' },
      { kind: 'unhold', line: 'line1' },
    ]);
    expect(phone.lines).toBe('connected/held');
    expect(phone.refused({ kind: 'hold', line: 'line1' })).toBe('both-held');
    expect(phone.do({ kind: 'resume', line: 'line2' })).toEqual([
      { kind: 'hold', line: 'line1' },
      { kind: 'unhold', line: 'line2' },
    ]);
    expect(phone.lines).toBe('held/consulting');
    expect(phone.refused({ kind: 'hold', line: 'line2' })).toBe('both-held');
  });

  it('swaps between the two parties', () => {
    const phone = inConsult();
    phone.do({ kind: 'swap' });
    expect(phone.lines).toBe('connected/held');
    phone.do({ kind: 'swap' });
    expect(phone.lines).toBe('held/consulting');
    expect(withCustomer().refused({ kind: 'swap' })).toBe('nothing-to-swap');
  });

  it('refuses resuming the customer while the consult still dials', () => {
    const phone = withCustomer();
    phone.do({ kind: 'consult', target: AGENT2 });
    expect(phone.refused({ kind: 'resume', line: 'line1' })).toBe('consult-pending');
    expect(phone.refused({ kind: 'swap' })).toBe('consult-pending');
    expect(phone.refused({ kind: 'conference' })).toBe('consult-not-connected');
    expect(phone.refused({ kind: 'transferConsult' })).toBe('consult-not-connected');
  });

  it('end consult keeps the customer call, held until the agent resumes', () => {
    const phone = inConsult();
    expect(phone.do({ kind: 'endConsult' })).toEqual([{ kind: 'bye', line: 'line2' }]);
    expect(phone.lines).toBe('held/ending');
    phone.on({ kind: 'ended', line: 'line2' });
    expect(phone.lines).toBe('held/idle');
    expect(phone.do({ kind: 'resume', line: 'line1' })).toEqual([{ kind: 'unhold', line: 'line1' }]);
    expect(phone.refused({ kind: 'endConsult' })).toBe('not-in-consult');
  });

  it('end consult while it still dials sends CANCEL', () => {
    const phone = withCustomer();
    phone.do({ kind: 'consult', target: AGENT2 });
    expect(phone.do({ kind: 'endConsult' })).toEqual([{ kind: 'cancel', line: 'line2' }]);
    expect(phone.lines).toBe('held/ending');
  });

  it('keeps the customer held when agent 2 hangs up or the consult fails (error 14)', () => {
    const hungUp = inConsult();
    expect(hungUp.on({ kind: 'remoteHangup', line: 'line2' })).toEqual([]);
    expect(hungUp.lines).toBe('held/idle');

    const failed = withCustomer();
    failed.do({ kind: 'consult', target: AGENT2 });
    failed.on({ kind: 'failed', line: 'line2', status: 486 });
    expect(failed.lines).toBe('held/idle');
    expect(allowedKinds(failed.state)).toEqual(expect.arrayContaining(['consult', 'resume']));
  });
});

describe('customer hang-up during a consult (V8)', () => {
  it('ends the interaction for both lines: BYE to agent 2', () => {
    const phone = inConsult();
    expect(phone.on({ kind: 'remoteHangup', line: 'line1' })).toEqual([{ kind: 'bye', line: 'line2' }]);
    expect(phone.lines).toBe('idle/ending');
    phone.on({ kind: 'ended', line: 'line2' });
    expect(phone.lines).toBe('idle/idle');
  });

  it('cancels a consult that is still dialing', () => {
    const phone = withCustomer();
    phone.do({ kind: 'consult', target: AGENT2 });
    expect(phone.on({ kind: 'remoteHangup', line: 'line1' })).toEqual([{ kind: 'cancel', line: 'line2' }]);
  });

  it('also when the agent hangs up the customer during a consult', () => {
    const phone = inConsult();
    expect(phone.do({ kind: 'hangup', line: 'line1' })).toEqual([
      { kind: 'bye', line: 'line1' },
      { kind: 'bye', line: 'line2' },
    ]);
    expect(phone.lines).toBe('ending/ending');
  });
});

describe('conference (V5)', () => {
  it('takes the customer off hold and mixes both lines', () => {
    const phone = inConsult();
    expect(phone.do({ kind: 'conference' })).toEqual([
      { kind: 'unhold', line: 'line1' },
      { kind: 'mix', lines: ['line1', 'line2'] },
    ]);
    expect(phone.lines).toBe('conference/conference');
  });

  it('starts from the other side too (customer talking, agent 2 held)', () => {
    const phone = inConsult();
    phone.do({ kind: 'resume', line: 'line1' });
    expect(phone.do({ kind: 'conference' })).toEqual([
      { kind: 'unhold', line: 'line2' },
      { kind: 'mix', lines: ['line1', 'line2'] },
    ]);
  });

  it('holds nobody in conference', () => {
    const phone = inConference();
    expect(phone.refused({ kind: 'hold', line: 'line1' })).toBe('held-in-conference');
    expect(phone.refused({ kind: 'hold', line: 'line2' })).toBe('held-in-conference');
    expect(phone.refused({ kind: 'swap' })).toBe('nothing-to-swap');
    expect(phone.refused({ kind: 'conference' })).toBe('in-conference');
    expect(phone.refused({ kind: 'endConsult' })).toBe('in-conference');
    expect(phone.refused({ kind: 'transferBlind', target: '1001' })).toBe('in-conference');
  });

  it('keeps agent and customer when agent 2 leaves', () => {
    const phone = inConference();
    expect(phone.on({ kind: 'remoteHangup', line: 'line2' })).toEqual([{ kind: 'unmix' }]);
    expect(phone.lines).toBe('connected/idle');
  });

  it('lets agent 1 drop agent 2 and keep the customer', () => {
    const phone = inConference();
    expect(phone.do({ kind: 'hangup', line: 'line2' })).toEqual([{ kind: 'unmix' }, { kind: 'bye', line: 'line2' }]);
    expect(phone.lines).toBe('connected/ending');
  });

  it('drops everyone when agent 1 ends it', () => {
    const phone = inConference();
    expect(phone.do({ kind: 'hangup', line: 'line1' })).toEqual([
      { kind: 'unmix' },
      { kind: 'bye', line: 'line1' },
      { kind: 'bye', line: 'line2' },
    ]);
    expect(phone.lines).toBe('ending/ending');
  });

  it('ends for agent 2 too when the customer leaves (V8)', () => {
    const phone = inConference();
    expect(phone.on({ kind: 'remoteHangup', line: 'line1' })).toEqual([{ kind: 'unmix' }, { kind: 'bye', line: 'line2' }]);
    expect(phone.lines).toBe('idle/ending');
  });

  it('mutes per line and sends DTMF inside a conference', () => {
    const phone = inConference();
    expect(phone.do({ kind: 'mute', line: 'line1', on: true })).toEqual([{ kind: 'mute', line: 'line1' }]);
    expect(phone.do({ kind: 'dtmf', line: 'line2', digits: '5' })).toEqual([{ kind: 'dtmf', line: 'line2', digits: '5' }]);
  });
});

describe('blind transfer (V6)', () => {
  it('holds the customer, REFERs, and ends the agent leg once accepted', () => {
    const phone = withCustomer();
    expect(phone.do({ kind: 'transferBlind', target: 'sip:sales@lab.switchboard.test' })).toEqual([
      { kind: 'hold', line: 'line1' },
      { kind: 'refer', line: 'line1', target: 'sip:sales@lab.switchboard.test' },
    ]);
    expect(phone.line('line1')).toMatchObject({ state: 'held', transferring: 'blind' });
    expect(phone.refused({ kind: 'resume', line: 'line1' })).toBe('transfer-pending');
    expect(phone.refused({ kind: 'consult', target: AGENT2 })).toBe('transfer-pending');
    expect(phone.on({ kind: 'transferAccepted' })).toEqual([{ kind: 'bye', line: 'line1' }]);
    expect(phone.lines).toBe('ending/idle');
    phone.on({ kind: 'ended', line: 'line1' });
    expect(phone.lines).toBe('idle/idle');
  });

  it('leaves the customer held when the transfer fails', () => {
    const phone = withCustomer();
    phone.do({ kind: 'transferBlind', target: '2002' });
    expect(phone.on({ kind: 'transferFailed', status: 486 })).toEqual([]);
    expect(phone.line('line1')).toMatchObject({ state: 'held', transferring: null });
    expect(phone.do({ kind: 'resume', line: 'line1' })).toEqual([{ kind: 'unhold', line: 'line1' }]);
  });

  it('is refused during a consult and for malformed targets', () => {
    expect(inConsult().refused({ kind: 'transferBlind', target: '2002' })).toBe('consult-active');
    expect(withCustomer().refused({ kind: 'transferBlind', target: 'sip:"x"@y' })).toBe('invalid-target');
    expect(new PhoneDriver().refused({ kind: 'transferBlind', target: '2002' })).toBe('no-call');
  });

  it('lets a waiting call ring on and become line 1 after the transfer', () => {
    const phone = withCustomer();
    phone.do({ kind: 'transferBlind', target: '2002' });
    phone.on({ kind: 'incoming' });
    expect(phone.refused({ kind: 'answer' })).toBe('transfer-pending');
    phone.on({ kind: 'transferAccepted' });
    phone.on({ kind: 'ended', line: 'line1' });
    expect(phone.lines).toBe('ringing/idle');
  });
});

describe('consult transfer (V6)', () => {
  it('REFERs the customer with Replaces for line 2 and ends both legs once accepted', () => {
    const phone = inConsult();
    expect(phone.do({ kind: 'transferConsult' })).toEqual([
      { kind: 'referReplaces', line: 'line1', replacing: 'line2' },
    ]);
    expect(phone.line('line1').transferring).toBe('consult');
    expect(phone.on({ kind: 'transferAccepted' })).toEqual([
      { kind: 'bye', line: 'line1' },
      { kind: 'bye', line: 'line2' },
    ]);
    expect(phone.lines).toBe('ending/ending');
  });

  it('needs only to end line 1 when agent 2 already dropped the replaced dialog', () => {
    const phone = inConsult();
    phone.do({ kind: 'transferConsult' });
    phone.on({ kind: 'remoteHangup', line: 'line2' });
    expect(phone.on({ kind: 'transferAccepted' })).toEqual([{ kind: 'bye', line: 'line1' }]);
  });

  it('works from a conference, unmixing first', () => {
    const phone = inConference();
    phone.do({ kind: 'transferConsult' });
    expect(phone.on({ kind: 'transferAccepted' })).toEqual([
      { kind: 'unmix' },
      { kind: 'bye', line: 'line1' },
      { kind: 'bye', line: 'line2' },
    ]);
  });

  it('keeps the consult as it was when the transfer fails', () => {
    const phone = inConsult();
    phone.do({ kind: 'transferConsult' });
    phone.on({ kind: 'transferFailed' });
    expect(phone.lines).toBe('held/consulting');
    expect(phone.line('line1').transferring).toBeNull();
  });

  it('is refused without a connected consult', () => {
    expect(withCustomer().refused({ kind: 'transferConsult' })).toBe('not-in-consult');
    const phone = inConsult();
    phone.do({ kind: 'transferConsult' });
    expect(phone.refused({ kind: 'transferConsult' })).toBe('transfer-pending');
    expect(phone.refused({ kind: 'endConsult' })).toBe('transfer-pending');
  });
});
