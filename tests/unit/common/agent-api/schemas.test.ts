import {
  AGENT_API_LIMITS,
  AGENT_API_OPS,
  apiError,
  apiErrorSchema,
  contactSchema,
  errorEventBodySchema,
  jsonNestsDeeperThan,
  parseClientFrame,
  parseServerFrame,
  REQUEST_BODIES,
  RESULT_BODIES,
  type AgentApiOp,
} from '../../../../common/agent-api';

const frame = (op: string, body: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ v: 1, type: 'request', id: 'r1', op, body, ...extra });

const codeOf = (text: string) => {
  const parsed = parseClientFrame(text);
  return parsed.ok ? 'ok' : parsed.error.code;
};

/** At least two invalid bodies per op, each wrong in a different way. */
const INVALID: Record<AgentApiOp, unknown[]> = {
  login: [
    { username: 'alice', password: 'pw', dn: '+15550101' },
    { username: '', password: 'pw', dn: '+15550101', teamId: 'sales' },
    { username: 'alice', password: 'p'.repeat(257), dn: '+15550101', teamId: 'sales' },
    { username: 'alice', password: 'pw', dn: '1-800-555-1212', teamId: 'sales' },
    { username: 'alice', password: 'pw', dn: '+15550101', teamId: 'sales', resumeToken: 'short' },
    { username: 'alice', password: 'pw', dn: '+15550101', teamId: 'sales', agentId: 'bob' },
  ],
  resume: [{ resumeToken: 'A'.repeat(32) }, { resumeToken: 'A'.repeat(32), lastSeq: -1 }, { resumeToken: 'A b'.repeat(12), lastSeq: 0 }],
  logout: [{ force: true }, null],
  'set-state': [{ state: 'rona' }, { state: 'idle' }, { state: 'available', reasonCode: 'lunch' }, { state: 'idle', reasonCode: '__proto__' }],
  'accept-offer': [{}, { contactId: 42 }, { contactId: 'c 1' }, { contactId: 'c'.repeat(65) }],
  'decline-offer': [{}, { contactId: 'c-1', reason: 'busy' }],
  'wrap-up.submit': [{ contactId: 'c-1' }, { contactId: 'c-1', code: 'ok', lastAgentRouting: 'yes' }, { contactId: 'c-1', code: 'ok', cad: { a: 1 } }],
  'wrap-up.cancel-auto': [{}, { contactId: ['c-1'] }],
  'cad.get': [{}, { contactId: 'c-1', keys: ['a'] }],
  'cad.set': [
    { contactId: 'c-1' },
    { contactId: 'c-1', cad: { _secret: 'x' } },
    { contactId: 'c-1', cad: { note: 'n'.repeat(AGENT_API_LIMITS.maxCadValueLength + 1) } },
    { contactId: 'c-1', cad: Object.fromEntries(Array.from({ length: AGENT_API_LIMITS.maxCadFields + 1 }, (_, i) => [`k${i}`, 'v'])) },
  ],
  'directory.get': [{ agents: true }, []],
  consult: [
    { contactId: 'c-1' },
    { contactId: 'c-1', target: { kind: 'agent' } },
    { contactId: 'c-1', target: { kind: 'dn', number: 'call me' } },
    { contactId: 'c-1', target: { kind: 'number', number: '+15550150' } },
  ],
  'consult.confirm': [{}, { contactId: null }],
  'consult.cancel': [{}, { contactId: 'c-1', target: { kind: 'queue', queueId: 'q' } }],
  conference: [{}, { contactId: 'c-1', with: 'bob' }],
  transfer: [
    { contactId: 'c-1' },
    { mode: 'blind', contactId: 'c-1' },
    { mode: 'consult', contactId: 'c-1', target: { kind: 'queue', queueId: 'q' } },
    { mode: 'warm', contactId: 'c-1' },
  ],
  outdial: [{}, { number: '+1' }, { number: '+15550177', ani: 'main' }, { number: '+1555017712345678901234' }],
  'recording.pause': [{}, { contactId: 'c-1', seconds: 30 }],
  'recording.resume': [{}, { contactId: 7 }],
  'contact.end': [{}, { contactId: 'c-1', reason: 'done' }],
  ping: [{ nonce: '' }, { nonce: 'has space' }, { at: 1 }],
};

describe('request bodies', () => {
  it('has an invalid-form table for every op', () => {
    expect(Object.keys(INVALID).sort()).toEqual([...AGENT_API_OPS].sort());
    expect(Object.keys(RESULT_BODIES).sort()).toEqual([...AGENT_API_OPS].sort());
  });

  it.each(AGENT_API_OPS.flatMap((op) => INVALID[op].map((body, i) => [op, i, body] as const)))(
    '%s refuses invalid form #%i as malformed',
    (op, _i, body) => {
      const parsed = parseClientFrame(frame(op, body));
      expect(parsed).toMatchObject({ ok: false, id: 'r1', op, error: { code: 'malformed' } });
    },
  );

  it('never echoes values, e.g. a password, in the error message', () => {
    const parsed = parseClientFrame(frame('login', { username: 'alice', password: 'hunter2-secret', dn: 'x', teamId: 'sales' }));
    expect(parsed.ok).toBe(false);
    expect(JSON.stringify(parsed)).not.toContain('hunter2');
    expect(Object.keys(REQUEST_BODIES)).toHaveLength(AGENT_API_OPS.length);
  });
});

describe('parseClientFrame', () => {
  it.each([
    ['not JSON', '{"v":1,', null, 'malformed'],
    ['not an object', '[1,2]', null, 'malformed'],
    ['id unreadable', frame('ping', {}, { id: 'with space' }), null, 'malformed'],
    ['version 2', frame('ping', {}, { v: 2 }), 'r1', 'unsupported-version'],
    ['version as text', frame('ping', {}, { v: '1' }), 'r1', 'malformed'],
    ['unknown op', frame('hold', {}), 'r1', 'unknown-op'],
    ['inherited name as op', frame('toString', {}), 'r1', 'unknown-op'],
    ['type response', frame('ping', {}, { type: 'response' }), 'r1', 'malformed'],
    ['extra envelope field', frame('ping', {}, { agentId: 'bob' }), 'r1', 'malformed'],
    ['too deep', `{"v":1,"type":"request","id":"r1","op":"ping","body":${'['.repeat(17)}${']'.repeat(17)}}`, null, 'malformed'],
    ['__proto__ key', '{"v":1,"type":"request","id":"r1","op":"cad.set","body":{"contactId":"c-1","cad":{"__proto__":"x"}}}', null, 'malformed'],
  ])('refuses %s', (_label, text, id, code) => {
    expect(parseClientFrame(text)).toMatchObject({ ok: false, id, error: { code } });
  });

  it('accepts a valid request and returns the parsed body', () => {
    expect(parseClientFrame(frame('set-state', { state: 'idle', reasonCode: 'lunch' }))).toEqual({
      ok: true,
      request: { v: 1, type: 'request', id: 'r1', op: 'set-state', body: { state: 'idle', reasonCode: 'lunch' } },
    });
    expect(codeOf(frame('transfer', { mode: 'consult', contactId: 'c-1' }))).toBe('ok');
  });

  it('counts nesting outside strings only', () => {
    expect(jsonNestsDeeperThan('{"a":"[[[[[[["}', 2)).toBe(false);
    expect(jsonNestsDeeperThan('{"a":"\\"[[["}', 1)).toBe(false);
    expect(jsonNestsDeeperThan('[[[1]]]', 2)).toBe(true);
  });
});

describe('errors', () => {
  it('carries a number exactly for the contact-center codes, matching the guide', () => {
    expect(apiError('consult-failed', 'x')).toEqual({ code: 'consult-failed', message: 'x', number: 14 });
    expect(apiError('outdial-failed', 'x').number).toBe(20);
    expect(apiError('outdial-rejected', 'x').number).toBe(21);
    expect(apiError('malformed', 'x')).toEqual({ code: 'malformed', message: 'x' });
    expect(apiErrorSchema.safeParse({ code: 'consult-failed', message: 'x' }).success).toBe(false);
    expect(apiErrorSchema.safeParse({ code: 'outdial-failed', message: 'x', number: 21 }).success).toBe(false);
    expect(apiErrorSchema.safeParse({ code: 'malformed', message: 'x', number: 14 }).success).toBe(false);
    expect(apiErrorSchema.safeParse({ code: 'teapot', message: 'x' }).success).toBe(false);
    expect(errorEventBodySchema.safeParse({ code: 'outdial-failed', number: 20, message: 'x', contactId: 'c-1' }).success).toBe(true);
  });
});

describe('parseServerFrame', () => {
  const contact = {
    contactId: 'c-1',
    channel: 'voice',
    direction: 'inbound',
    state: 'offered',
    role: 'owner',
    queue: null,
    customer: { display: 'x', number: null },
    createdAt: 1,
    stateSince: 1,
    cad: {},
    voice: { recording: { state: 'off', autoResumeAt: null }, consult: null, ani: null },
  };
  const event = (name: string, body: unknown) => JSON.stringify({ v: 1, type: 'event', event: name, seq: 3, body });

  it('skips unknown events and contacts of unknown channels, rejects broken ones', () => {
    expect(contactSchema.safeParse(contact).success).toBe(true);
    expect(parseServerFrame(event('offer', { contact, expiresAt: 5 }), () => undefined).kind).toBe('frame');
    expect(parseServerFrame(event('supervisor-whisper', {}), () => undefined)).toEqual({ kind: 'ignored', reason: 'unknown event' });
    const chat = { ...contact, channel: 'chat', voice: undefined, chat: { transcript: [] } };
    expect(parseServerFrame(event('offer', { contact: chat, expiresAt: 5 }), () => undefined)).toEqual({ kind: 'ignored', reason: 'unknown channel' });
    expect(parseServerFrame(event('offer', { contact: { ...contact, state: 'held' }, expiresAt: 5 }), () => undefined).kind).toBe('invalid');
    expect(parseServerFrame(event('offer', { contact, expiresAt: 5, extra: 1 }), () => undefined).kind).toBe('invalid');
  });

  it('checks a response body against the op the client asked', () => {
    const pong = JSON.stringify({ v: 1, type: 'response', id: 'r9', ok: true, body: { nonce: null, serverTime: 5 } });
    expect(parseServerFrame(pong, (id) => (id === 'r9' ? 'ping' : undefined)).kind).toBe('frame');
    expect(parseServerFrame(pong, (id) => (id === 'r9' ? 'logout' : undefined)).kind).toBe('invalid');
    expect(parseServerFrame(pong, () => undefined)).toEqual({ kind: 'invalid', reason: 'response to no pending request' });
    const failure = JSON.stringify({ v: 1, type: 'response', id: 'r9', ok: false, error: { code: 'busy', message: 'later' } });
    expect(parseServerFrame(failure, () => undefined).kind).toBe('frame');
    expect(parseServerFrame('nope', () => undefined).kind).toBe('invalid');
  });
});
