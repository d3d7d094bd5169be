/** The invariant checker itself must catch what it claims to (else the exhaustive test proves nothing). */
import {
  IDLE_LINE,
  INITIAL_PHONE_STATE,
  checkInvariants,
  lineCommandSchema,
  lineEventSchema,
  phoneStateSchema,
  type LineSnapshot,
  type PhoneState,
} from '../../../../common/softphone';

const at = (state: LineSnapshot['state'], extra: Partial<LineSnapshot> = {}): LineSnapshot => ({
  ...IDLE_LINE,
  state,
  direction: state === 'idle' ? null : 'inbound',
  ...extra,
});
const phone = (line1: LineSnapshot, line2: LineSnapshot): PhoneState => ({ line1, line2 });
const codes = (state: PhoneState) => checkInvariants(state).map((broken) => broken.split(':')[0]);

describe('checkInvariants', () => {
  it('accepts the initial state', () => {
    expect(checkInvariants(INITIAL_PHONE_STATE)).toEqual([]);
  });

  it.each([
    ['both-held', phone(at('held'), at('held'))],
    ['consult-holds-customer', phone(at('connected'), at('consulting'))],
    ['held-consult-needs-customer', phone(at('ending'), at('held'))],
    ['conference-pair', phone(at('conference'), at('held'))],
    ['consult-without-customer', phone(at('idle'), at('consulting'))],
    ['waiting-without-call', phone(at('idle'), at('ringing'))],
    ['one-call-setup', phone(at('ringing'), at('ringing'))],
    ['line1-role', phone(at('consulting'), at('idle'))],
    ['line2-role', phone(at('connected'), at('connected'))],
    ['idle-clean', phone(at('idle', { muted: true }), at('idle'))],
    ['direction', phone(at('connected', { direction: null }), at('idle'))],
    ['direction', phone(at('dialing', { direction: 'inbound' }), at('idle'))],
    ['alerting', phone(at('connected', { alerting: true }), at('idle'))],
    ['remote-held', phone(at('ringing', { remoteHeld: true }), at('idle'))],
    ['muted', phone(at('ringing', { muted: true }), at('idle'))],
    ['transfer-line', phone(at('connected'), at('ringing', { transferring: 'blind' }))],
    ['transfer-line', phone(at('ending', { transferring: 'consult' }), at('idle'))],
    ['transfer-blind', phone(at('connected', { transferring: 'blind' }), at('idle'))],
  ])('reports %s', (code, state) => {
    expect(codes(state)).toContain(code);
  });
});

describe('wire schemas', () => {
  it('parse the phone state strictly', () => {
    expect(phoneStateSchema.safeParse(INITIAL_PHONE_STATE).success).toBe(true);
    expect(phoneStateSchema.safeParse({ line1: { ...IDLE_LINE, extra: 1 }, line2: IDLE_LINE }).success).toBe(false);
    expect(phoneStateSchema.safeParse({ line1: { ...IDLE_LINE, state: 'parked' }, line2: IDLE_LINE }).success).toBe(false);
  });

  it('parse commands from the UI and refuse strangers', () => {
    expect(lineCommandSchema.safeParse({ kind: 'hold', line: 'line1' }).success).toBe(true);
    expect(lineCommandSchema.safeParse({ kind: 'decline', status: 603 }).success).toBe(true);
    expect(lineCommandSchema.safeParse({ kind: 'decline', status: 404 }).success).toBe(false);
    expect(lineCommandSchema.safeParse({ kind: 'hold', line: 'line3' }).success).toBe(false);
    expect(lineCommandSchema.safeParse({ kind: 'hold', line: 'line1', extra: true }).success).toBe(false);
    expect(lineCommandSchema.safeParse({ kind: 'mute', line: 'line1' }).success).toBe(false);
    expect(lineCommandSchema.safeParse({ kind: '__proto__' }).success).toBe(false);
  });

  it('parse SIP events', () => {
    expect(lineEventSchema.safeParse({ kind: 'failed', line: 'line2', status: 486 }).success).toBe(true);
    expect(lineEventSchema.safeParse({ kind: 'failed', line: 'line2' }).success).toBe(false);
    expect(lineEventSchema.safeParse({ kind: 'incoming', line: 'line1' }).success).toBe(false);
  });
});
