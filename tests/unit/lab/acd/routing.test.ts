import { Acd } from '../../../../lab/acd/acd';
import { expectFail, expectOk, Harness, testOrg } from './harness';

describe('ACD routing', () => {
  it('offers to the longest-idle Available agent and rings their DN with the RONA timeout', () => {
    const h = new Harness();
    h.ready('a2', 'a1'); // a2 became Available first
    const contactId = h.call('5550001');
    const offer = h.offer('a2');
    expect(offer).toMatchObject({ contactId, queueId: 'sales', queueName: 'Sales', timeoutMs: 10_000, channel: 'voice' });
    expect(h.portCalls).toEqual([{ call: 'offerCall', offerId: offer.offerId, contactId, dn: '1002', timeoutMs: 10_000 }]);
    expect(h.state('a2')).toBe('reserved');
    expect(h.acd.contact(contactId)?.state).toBe('offered');
  });

  it('ending a contact restarts the agent’s idle clock', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const first = h.connected('a1');
    h.acd.customerHungUp(first);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId: first, code: 'resolved' }));
    h.call('5550002');
    expect(h.offer('a2').customerNumber).toBe('5550002');
  });

  it('serves contacts FIFO per queue and only with agents of a serving team', () => {
    const h = new Harness();
    h.login('s1');
    const c1 = h.call('5550001', '7001');
    h.clock.advance(100);
    const c2 = h.call('5550002', '7001');
    h.clock.advance(100);
    const c3 = h.call('5550003', '7002');
    expect(h.acd.queueContents('sales')).toEqual([c1, c2]);
    h.available('s1'); // support only: takes the support call, not the older sales ones
    expect(h.offer('s1').contactId).toBe(c3);
    h.ready('a1');
    expect(h.offer('a1').contactId).toBe(c1);
    h.ready('a2');
    expect(h.offer('a2').contactId).toBe(c2);
  });

  it('a mixed queue is served by either team', () => {
    const h = new Harness();
    h.ready('s1');
    const contactId = h.call('5550001', '7003');
    expect(h.offer('s1').contactId).toBe(contactId);
  });

  it('refuses unknown numbers and bad input without side effects', () => {
    const h = new Harness();
    expectFail(h.acd.incomingCall({ from: '5550001', to: '7999' }), 'unknown-number');
    expectFail(h.acd.incomingCall({ from: '', to: '7001' }), 'invalid-input');
    expectFail(h.acd.incomingCall(null as never), 'invalid-input');
    expect(h.acd.activeContacts()).toEqual([]);
  });

  it('RONA: unanswered offer goes back to its place in the queue, the agent to RONA until Available by hand (A2)', () => {
    const h = new Harness();
    h.ready('a1');
    const c1 = h.call('5550001');
    h.clock.advance(100);
    const c2 = h.call('5550002');
    const { offerId } = h.offer('a1');
    h.clock.advance(10_000);
    expect(h.state('a1')).toBe('rona');
    expect(h.eventsOf('offer-withdrawn')).toEqual([
      { type: 'offer-withdrawn', username: 'a1', offerId, contactId: c1, reason: 'rona' },
    ]);
    expect(h.portCalls).toContainEqual({ call: 'cancelOffer', offerId, reason: 'rona' });
    expect(h.acd.queueContents('sales')).toEqual([c1, c2]);
    // A late answer from the call layer is stale.
    expectFail(h.acd.offerAnswered(offerId), 'stale');
    // Nothing is offered while in RONA, however long.
    h.clock.advance(60_000);
    expect(h.eventsOf('offer')).toHaveLength(1);
    h.available('a1');
    expect(h.offer('a1').contactId).toBe(c1);
    expect(h.acd.agentStats('a1')?.rona).toBe(1);
    expect(h.acd.queueStats('sales')?.rona).toBe(1);
  });

  it('the next agent gets a RONA’d contact first', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    h.login('a3');
    const c1 = h.call('5550001');
    const c2 = h.call('5550002');
    expect(h.offer('a1').contactId).toBe(c1);
    expect(h.offer('a2').contactId).toBe(c2);
    h.acd.offerTimedOut(h.offer('a1').offerId); // reported by the call layer this time
    expect(h.portCalls.filter((p) => p.call === 'cancelOffer')).toEqual([]);
    h.available('a3');
    expect(h.offer('a3').contactId).toBe(c1);
  });

  it('decline (486/603 or the desktop) returns the offer to the queue and puts the agent in RONA', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const c1 = h.call('5550001');
    expectOk(h.acd.offerFailed(h.offer('a1').offerId, 486));
    expect(h.state('a1')).toBe('rona');
    expect(h.offer('a2').contactId).toBe(c1);
    const withdrawn = h.eventsOf('offer-withdrawn');
    expect(withdrawn.at(-1)?.reason).toBe('declined');
    expectFail(h.acd.declineOffer(h.session('a1'), h.offer('a2').offerId), 'stale');
    expectOk(h.acd.declineOffer(h.session('a2'), h.offer('a2').offerId));
    expect(h.state('a2')).toBe('rona');
    expect(h.acd.queueStats('sales')).toMatchObject({ declined: 2, waiting: 1 });
  });

  it('a phone that cannot ring (480) is RONA too, counted as such', () => {
    const h = new Harness();
    h.ready('a1');
    h.call('5550001');
    expectOk(h.acd.offerFailed(h.offer('a1').offerId, 480));
    expect(h.eventsOf('offer-withdrawn').at(-1)?.reason).toBe('failed');
    expect(h.acd.agentStats('a1')).toMatchObject({ rona: 1, declined: 0 });
  });

  it('abandon while queued removes the contact', () => {
    const h = new Harness();
    const c1 = h.call('5550001');
    const c2 = h.call('5550002');
    h.clock.advance(20_000);
    expectOk(h.acd.customerHungUp(c1));
    expect(h.acd.queueContents('sales')).toEqual([c2]);
    expect(h.acd.contact(c1)).toMatchObject({ state: 'ended', endReason: 'abandoned' });
    expect(h.acd.queueStats('sales')).toMatchObject({ abandoned: 1, waiting: 1 });
    expectFail(h.acd.customerHungUp(c1), 'stale');
  });

  it('abandon while offered frees the agent without RONA and keeps their place in line', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const c1 = h.call('5550001');
    const { offerId } = h.offer('a1');
    expectOk(h.acd.customerHungUp(c1));
    expect(h.state('a1')).toBe('available');
    expect(h.eventsOf('offer-withdrawn').at(-1)).toMatchObject({ offerId, reason: 'abandoned' });
    h.call('5550002');
    expect(h.offer('a1').customerNumber).toBe('5550002'); // still the longest idle
  });

  it('no offers during wrap-up or while on a contact', () => {
    const h = new Harness();
    h.ready('a1');
    const c1 = h.connected('a1');
    h.call('5550002');
    expect(h.eventsOf('offer')).toHaveLength(1);
    h.acd.customerHungUp(c1);
    expect(h.eventsOf('offer')).toHaveLength(1);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId: c1, code: 'resolved' }));
    expect(h.offer('a1').customerNumber).toBe('5550002');
  });

  it('last-agent routing: a returning customer goes to their last agent when Available (W1)', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const c1 = h.call('5550001');
    expect(h.offer('a1').contactId).toBe(c1);
    h.answer('a1');
    h.acd.customerHungUp(c1);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId: c1, code: 'resolved', lastAgentRouting: true }));
    // a2 is now the longest idle, but the customer calls back within 5 minutes.
    h.clock.advance(60_000);
    h.call('5550001');
    expect(h.offer('a1')).toMatchObject({ customerNumber: '5550001', lastAgent: true });
  });

  it.each([
    ['unticked', false, 1000],
    ['after the window', true, 6 * 60_000],
  ])('last-agent routing: ignored when %s', (_name, tick, delay) => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const contactId = h.call('5550001');
    h.answer('a1');
    h.acd.customerHungUp(contactId);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId, code: 'resolved', lastAgentRouting: tick }));
    h.clock.advance(delay);
    h.call('5550001');
    expect(h.offer('a2')).toMatchObject({ customerNumber: '5550001', lastAgent: false });
    expect(h.eventsOf('offer').filter((o) => o.username === 'a1')).toHaveLength(1);
  });

  it('last-agent routing: a busy last agent does not hold the call back', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const c1 = h.connected('a1', '5550001');
    h.acd.customerHungUp(c1);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId: c1, code: 'resolved' })); // org default: ticked
    h.acd.setState(h.session('a1'), { availability: 'idle' });
    h.call('5550001');
    expect(h.offer('a2')).toMatchObject({ customerNumber: '5550001', lastAgent: false });
  });
});

describe('ACD RONA timer grace', () => {
  it('with a grace period the call layer’s timeout reports first; the ACD timer is the backstop', () => {
    const h = new Harness();
    const acd = new Acd({ org: testOrg(), clock: h.clock, offerTimerGraceMs: 2000 });
    const { sessionId } = expectOk(acd.login({ username: 'a1', password: 'pw-a1', dn: '1001', teamId: 'sales' }));
    acd.setState(sessionId, { availability: 'available' });
    acd.incomingCall({ from: '5550001', to: '7001' });
    h.clock.advance(10_000);
    expect(acd.agent('a1')?.state).toBe('reserved');
    h.clock.advance(2000);
    expect(acd.agent('a1')?.state).toBe('rona');
  });
});
