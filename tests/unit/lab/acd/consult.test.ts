import { expectFail, expectOk, Harness } from './harness';

/** a1 connected with a customer; a2 logged in (Idle) unless told otherwise. */
function withCall(extra: string[] = ['a2']) {
  const h = new Harness();
  h.ready('a1');
  for (const u of extra) h.login(u);
  const contactId = h.connected('a1');
  return { h, contactId, a1: h.session('a1') };
}

describe('ACD consult (V4)', () => {
  it('consult to an Idle agent: requested → consulting → ended, the customer stays with agent 1', () => {
    const { h, contactId, a1 } = withCall();
    const { consultId, dial } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expect(dial).toBe('1002');
    expect(h.acd.contact(contactId)?.state).toBe('consult-requested');
    expect(h.state('a2')).toBe('reserved');
    expect(h.eventsOf('consult-offer')).toEqual([
      expect.objectContaining({ username: 'a2', consultId, contactId, from: 'a1', customerNumber: '5550001' }),
    ]);
    expectOk(h.acd.consultAnswered(consultId));
    expect(h.acd.contact(contactId)?.state).toBe('consulting');
    expect(h.state('a2')).toBe('engaged');
    expect(h.acd.directory().find((d) => d.username === 'a2')?.presence).toBe('connected');
    expectOk(h.acd.endConsult(a1, consultId));
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'a1', consult: null });
    expect(h.state('a2')).toBe('idle'); // back where they were, no wrap-up
    expect(h.eventsOf('wrap-up-required')).toEqual([]);
    expect(h.eventsOf('consult-ended').at(-1)).toMatchObject({ reason: 'ended', usernames: ['a1', 'a2'] });
  });

  it.each([
    ['not logged in', (_h: Harness) => undefined],
    ['on a call', (h: Harness) => {
      h.login('a2');
      h.available('a2');
      h.connected('a2', '5550002');
    }],
    ['in wrap-up', (h: Harness) => {
      h.login('a2');
      h.available('a2');
      const c = h.connected('a2', '5550002');
      h.acd.customerHungUp(c);
    }],
  ])('error 14 when the consulted agent is %s', (_name, setUp) => {
    const { h, contactId, a1 } = withCall([]);
    setUp(h);
    const failed = expectFail(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }), 'consult-failed');
    expect(failed.number).toBe(14);
    expect(h.acd.contact(contactId)?.state).toBe('connected');
  });

  it('a consult call that fails later reports error 14 and keeps the customer', () => {
    const { h, contactId, a1 } = withCall();
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expectOk(h.acd.consultFailed(consultId, 486));
    expect(h.eventsOf('contact-error')).toEqual([expect.objectContaining({ username: 'a1', number: 14, contactId })]);
    expect(h.acd.contact(contactId)?.state).toBe('connected');
    expect(h.state('a2')).toBe('idle');
  });

  it('only agent 1 may consult, once at a time, on a connected call', () => {
    const { h, contactId, a1 } = withCall(['a2', 'a3']);
    expectFail(h.acd.requestConsult(h.session('a2'), contactId, { kind: 'agent', username: 'a3' }), 'not-permitted');
    expectFail(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a1' }), 'invalid-input');
    expectFail(h.acd.requestConsult(a1, contactId, { kind: 'fax' } as never), 'invalid-input');
    expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expectFail(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a3' }), 'invalid-state');
  });

  it('consult to a queue: the ACD finds an agent, agent 1 confirms, the consult rings', () => {
    const { h, contactId, a1 } = withCall(['s1']);
    const { consultId, dial } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'queue', queueId: 'support' }));
    expect(dial).toBeNull();
    expect(h.eventsOf('consult-confirm-required')).toEqual([]);
    h.clock.advance(5000);
    h.available('s1');
    expect(h.eventsOf('consult-confirm-required')).toEqual([
      expect.objectContaining({ username: 'a1', consultId, consultedAgent: 's1', timeoutMs: 15_000 }),
    ]);
    expect(h.state('s1')).toBe('reserved');
    // A routed support call does not get s1 meanwhile.
    h.call('5550002', '7002');
    expect(h.eventsOf('offer').filter((o) => o.username === 's1')).toEqual([]);
    expect(expectOk(h.acd.confirmConsult(a1, consultId)).dial).toBe('1004');
    expect(h.eventsOf('consult-offer').at(-1)).toMatchObject({ username: 's1', consultId });
    expectOk(h.acd.consultAnswered(consultId));
    expect(h.acd.contact(contactId)?.state).toBe('consulting');
  });

  it('consult to a queue: cancelled when agent 1 does not confirm in time', () => {
    const { h, contactId, a1 } = withCall(['s1']);
    h.available('s1');
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'queue', queueId: 'support' }));
    expect(h.eventsOf('consult-confirm-required')).toHaveLength(1);
    h.clock.advance(15_000);
    expect(h.eventsOf('consult-ended')).toEqual([expect.objectContaining({ consultId, reason: 'not-confirmed' })]);
    expect(h.state('s1')).toBe('available');
    expect(h.acd.contact(contactId)?.state).toBe('connected');
    expectFail(h.acd.confirmConsult(a1, consultId), 'stale');
  });

  it('consult to a queue: cancelled when no agent becomes available in time', () => {
    const { h, contactId, a1 } = withCall([]);
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'queue', queueId: 'support' }));
    h.clock.advance(14_999);
    expect(h.eventsOf('consult-ended')).toEqual([]);
    h.clock.advance(1);
    expect(h.eventsOf('consult-ended')).toEqual([expect.objectContaining({ consultId, reason: 'timeout', usernames: ['a1'] })]);
  });

  it('consult to a DN is checked against the dial plan', () => {
    const { h, contactId, a1 } = withCall([]);
    expect(expectFail(h.acd.requestConsult(a1, contactId, { kind: 'dn', number: '1900123' }), 'outdial-rejected').number).toBe(21);
    const { dial } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'dn', number: '555-0100' }));
    expect(dial).toBe('5550100');
  });
});

describe('ACD conference and roles (V5, V8)', () => {
  function inConference() {
    const setup = withCall();
    const { h, contactId, a1 } = setup;
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expectOk(h.acd.consultAnswered(consultId));
    return { ...setup, consultId };
  }

  it('only agent 1 starts a conference, and only from a connected consult', () => {
    const { h, contactId, a1 } = withCall();
    expectFail(h.acd.conference(a1, contactId), 'invalid-state');
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expectFail(h.acd.conference(a1, contactId), 'invalid-state');
    expectOk(h.acd.consultAnswered(consultId));
    expectFail(h.acd.conference(h.session('a2'), contactId), 'not-permitted');
    expectOk(h.acd.conference(a1, contactId));
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'conference', consult: { state: 'conference' } });
  });

  it('agent 2 leaving the conference keeps agent 1 and the customer, without wrap-up for agent 2', () => {
    const { h, contactId, a1 } = inConference();
    expectOk(h.acd.conference(a1, contactId));
    expectOk(h.acd.endCall(h.session('a2'), contactId));
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'a1', consult: null });
    expect(h.state('a2')).toBe('idle');
    expect(h.eventsOf('consult-ended').at(-1)?.reason).toBe('left');
    expect(h.eventsOf('wrap-up-required')).toEqual([]);
  });

  it('agent 1 ending the conference drops everyone; only agent 1 wraps up', () => {
    const { h, contactId, a1, consultId } = inConference();
    expectOk(h.acd.conference(a1, contactId));
    expectFail(h.acd.endConsult(a1, consultId), 'invalid-state');
    expectOk(h.acd.endCall(a1, contactId));
    expect(h.portCalls).toContainEqual({ call: 'dropCall', contactId, reason: 'agent-ended' });
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'agent-ended' });
    expect(h.eventsOf('wrap-up-required').map((e) => e.username)).toEqual(['a1']);
    expect(h.state('a1')).toBe('wrap-up');
    expect(h.state('a2')).toBe('idle');
  });

  it('the customer hanging up during a consult ends the interaction: agent 1 wraps up, agent 2 is dropped', () => {
    const { h, contactId } = inConference();
    expectOk(h.acd.customerHungUp(contactId));
    expect(h.portCalls).toContainEqual({ call: 'dropLeg', contactId, dn: '1002', reason: 'customer-hung-up' });
    expect(h.eventsOf('consult-ended').at(-1)).toMatchObject({ reason: 'customer-hung-up', usernames: ['a1', 'a2'] });
    expect(h.eventsOf('wrap-up-required').map((e) => e.username)).toEqual(['a1']);
    expect(h.state('a2')).toBe('idle');
    expect(h.acd.contact(contactId)?.endReason).toBe('customer-hung-up');
  });

  it('agent 2 cannot end the customer call or wrap it up', () => {
    const { h, contactId } = inConference();
    const a2 = h.session('a2');
    expectFail(h.acd.submitWrapUp(a2, { contactId, code: 'resolved' }), 'invalid-state');
    expectFail(h.acd.transfer(a2, contactId, { kind: 'consult' }), 'not-permitted');
    expectFail(h.acd.pauseRecording(a2, contactId), 'not-permitted');
  });
});

describe('ACD consult and the customer leaving early', () => {
  it('a queue consult still waiting for confirmation has no leg to drop; the reserved agent is freed', () => {
    const h = new Harness();
    h.ready('a1', 's1');
    const contactId = h.connected('a1');
    expectOk(h.acd.requestConsult(h.session('a1'), contactId, { kind: 'queue', queueId: 'support' }));
    expect(h.state('s1')).toBe('reserved');
    expectOk(h.acd.customerHungUp(contactId));
    expect(h.portCalls.filter((p) => p.call === 'dropLeg')).toEqual([]);
    expect(h.state('s1')).toBe('available');
    expect(h.state('a1')).toBe('wrap-up');
  });
});
