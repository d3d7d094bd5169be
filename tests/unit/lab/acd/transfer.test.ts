import { expectFail, expectOk, Harness } from './harness';

describe('ACD transfer (V6) and CAD after a transfer (V10)', () => {
  it('completing a consult into a transfer: agent 1 wraps up, agent 2 owns the contact', () => {
    const h = new Harness();
    h.ready('a1');
    h.login('a2');
    const contactId = h.connected('a1');
    const a1 = h.session('a1');
    const a2 = h.session('a2');
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expectFail(h.acd.transfer(a1, contactId, { kind: 'consult' }), 'invalid-state'); // not connected yet
    expectOk(h.acd.consultAnswered(consultId));
    expectOk(h.acd.transfer(a1, contactId, { kind: 'consult' }));
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'a2', consult: null });
    expect(h.state('a1')).toBe('wrap-up');
    expect(h.state('a2')).toBe('engaged');
    expect(h.eventsOf('consult-ended').at(-1)?.reason).toBe('transferred');

    // Both may edit CAD; the last wrap-up's values are the ones saved.
    expectOk(h.acd.setCad(a1, contactId, { account: 'A-1' }));
    expectOk(h.acd.setCad(a2, contactId, { account: 'B-2' }));
    expectOk(h.acd.submitWrapUp(a1, { contactId, code: 'resolved', cad: { account: 'A-9' } }));
    expectFail(h.acd.setCad(a1, contactId, { account: 'late' }), 'not-permitted');
    expectOk(h.acd.setCad(a2, contactId, { account: 'B-3' }));
    h.acd.customerHungUp(contactId);
    expectOk(h.acd.submitWrapUp(a2, { contactId, code: 'resolved' }));
    expect(h.acd.wrapUpRecords({ contactId }).map((r) => [r.username, r.cad.account])).toEqual([
      ['a1', 'A-9'],
      ['a2', 'B-3'],
    ]);
    expect(h.acd.savedCad(contactId)).toEqual({ account: 'B-3' });
    expect(h.state('a2')).toBe('idle');
  });

  it('blind transfer to an agent needs an Available agent; the new call is offered to them', () => {
    const h = new Harness();
    h.ready('a1');
    h.login('a2');
    const contactId = h.connected('a1', '5550001');
    const a1 = h.session('a1');
    expectFail(h.acd.transfer(a1, contactId, { kind: 'agent', username: 'a2' }), 'target-unavailable');
    h.available('a2');
    const { referTo } = expectOk(h.acd.transfer(a1, contactId, { kind: 'agent', username: 'a2' }));
    expect(referTo).toBe('1002');
    expect(h.state('a1')).toBe('wrap-up');
    expect(h.state('a2')).toBe('reserved');
    expect(h.acd.contact(contactId)?.state).toBe('transferring');
    // The customer's REFERred call reaches a2's DN; the glue reports it.
    const arrival = expectOk(h.acd.incomingCall({ from: '5550001', to: '1002' }));
    expect(arrival).toMatchObject({ contactId, state: 'offered' });
    expect(h.offer('a2').contactId).toBe(contactId);
    h.answer('a2');
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'a2' });
  });

  it('blind transfer to a queue: the same contact waits at the tail of the new queue', () => {
    const h = new Harness();
    h.ready('a3');
    h.login('s1');
    const contactId = h.connected('a3', '5550001', '7001');
    const waiting = h.call('5550002', '7002');
    const { referTo } = expectOk(h.acd.transfer(h.session('a3'), contactId, { kind: 'queue', queueId: 'support' }));
    expect(referTo).toBe('7002');
    expect(expectOk(h.acd.incomingCall({ from: '5550001', to: '7002', transferOf: contactId })).contactId).toBe(contactId);
    expect(h.acd.queueContents('support')).toEqual([waiting, contactId]);
    expect(h.acd.contact(contactId)).toMatchObject({ queueId: 'support', owner: null, state: 'queued' });
  });

  it('a blind transfer whose call never arrives fails and drops the customer', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    expectOk(h.acd.transfer(h.session('a1'), contactId, { kind: 'queue', queueId: 'support' }));
    h.clock.advance(10_000);
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'transfer-failed' });
    expect(h.portCalls).toContainEqual({ call: 'dropCall', contactId, reason: 'transfer-failed' });
    expectFail(h.acd.incomingCall({ from: '5550001', to: '7002', transferOf: contactId }), 'unknown-contact');
  });

  it('transfer to a DN ends the contact for the centre after the dial-plan check', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    const a1 = h.session('a1');
    expect(expectFail(h.acd.transfer(a1, contactId, { kind: 'dn', number: '99' }), 'outdial-rejected').number).toBe(21);
    expect(h.acd.contact(contactId)?.state).toBe('connected');
    expect(expectOk(h.acd.transfer(a1, contactId, { kind: 'dn', number: '5550100' })).referTo).toBe('5550100');
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'transferred-out' });
    expect(h.state('a1')).toBe('wrap-up');
  });

  it('only the owner transfers, and not to themselves', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const contactId = h.connected('a1');
    expectFail(h.acd.transfer(h.session('a2'), contactId, { kind: 'queue', queueId: 'sales' }), 'not-permitted');
    expectFail(h.acd.transfer(h.session('a1'), contactId, { kind: 'agent', username: 'a1' }), 'target-unavailable');
    expectFail(h.acd.transfer(h.session('a1'), contactId, { kind: 'queue', queueId: 'nope' }), 'unknown-queue');
    expect(h.state('a1')).toBe('engaged');
  });
});
