import { expectFail, expectOk, Harness } from './harness';

describe('ACD outdial (V7, C3)', () => {
  it('Outdial reserved → Connected, with the chosen ANI, then wrap-up', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    const out = expectOk(h.acd.outdial(a1, { number: '555 0123', ani: '5550198' }));
    expect(out).toMatchObject({ number: '5550123', ani: '5550198', fromDn: '1001' });
    expect(h.acd.contact(out.contactId)).toMatchObject({ state: 'outdial-reserved', direction: 'outbound', owner: 'a1', queueId: null });
    expect(h.state('a1')).toBe('engaged');
    h.clock.advance(3000);
    expectOk(h.acd.outdialAnswered(out.contactId));
    expect(h.acd.contact(out.contactId)?.state).toBe('connected');
    h.clock.advance(60_000);
    expectOk(h.acd.endCall(a1, out.contactId));
    expect(h.state('a1')).toBe('wrap-up');
    expectOk(h.acd.submitWrapUp(a1, { contactId: out.contactId, code: 'resolved' }));
    expect(h.state('a1')).toBe('idle'); // back to Idle, where the outdial started
    expect(h.acd.agentStats('a1')).toMatchObject({ outdialAttempted: 1, outdialConnected: 1, handled: 1, totalHandleMs: 60_000 });
  });

  it('error 21 when the dial plan refuses the number; nothing is created', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    const refused = expectFail(h.acd.outdial(a1, { number: '19005550000' }), 'outdial-rejected');
    expect(refused.number).toBe(21);
    expect(h.acd.activeContacts()).toEqual([]);
    expect(h.state('a1')).toBe('idle');
    expect(h.acd.agentStats('a1')?.outdialRejected).toBe(1);
  });

  it('error 20 when the far end fails; the agent is free again without wrap-up', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    const { contactId } = expectOk(h.acd.outdial(a1, { number: '5550123' }));
    expectOk(h.acd.outdialFailed(contactId, 486));
    expect(h.eventsOf('contact-error')).toEqual([
      expect.objectContaining({ username: 'a1', contactId, number: 20, code: 'outdial-failed' }),
    ]);
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'outdial-failed' });
    expect(h.state('a1')).toBe('idle');
    expect(h.eventsOf('wrap-up-required')).toEqual([]);
    expectFail(h.acd.outdialAnswered(contactId), 'stale');
  });

  it('the far end hanging up before answering is error 20 too', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    const { contactId } = expectOk(h.acd.outdial(a1, { number: '5550123' }));
    expectOk(h.acd.customerHungUp(contactId));
    expect(h.eventsOf('contact-error')[0]?.number).toBe(20);
  });

  it('needs Idle, a free agent and an ANI from the list', () => {
    const h = new Harness();
    h.ready('a1');
    const a1 = h.session('a1');
    expectFail(h.acd.outdial(a1, { number: '5550123' }), 'invalid-state');
    h.acd.setState(a1, { availability: 'idle' });
    expectFail(h.acd.outdial(a1, { number: '5550123', ani: '+19999' }), 'invalid-input');
    expectFail(h.acd.outdial(a1, {} as never), 'invalid-input');
    expect(expectOk(h.acd.outdial(a1, { number: '5550123' })).ani).toBe('+15550199');
    expectFail(h.acd.outdial(a1, { number: '5550124' }), 'contact-active');
  });
});
