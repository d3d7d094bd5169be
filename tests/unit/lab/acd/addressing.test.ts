import { expectFail, expectOk, Harness } from './harness';

/** The agent API addresses offers and consults by contact id, agents by `agentId`. */
describe('ACD addressing as the agent API does it', () => {
  it('accepts and declines offers by contact id, only the agent’s own', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const c1 = h.call('5550001');
    const offer = h.offer('a1');
    expect(offer.expiresAt).toBe(h.clock.now() + 10_000);
    expectFail(h.acd.acceptOffer(h.session('a2'), c1), 'stale');
    expectOk(h.acd.acceptOffer(h.session('a1'), c1));
    expect(h.acd.contact(c1)?.owner).toBe('a1');
    const c2 = h.call('5550002');
    expectOk(h.acd.declineOffer(h.session('a2'), c2));
    expect(h.state('a2')).toBe('rona');
  });

  it('confirms and cancels consults by contact id; agent targets may say agentId', () => {
    const h = new Harness();
    h.ready('a1');
    h.login('s1');
    h.available('s1');
    const contactId = h.connected('a1');
    const a1 = h.session('a1');
    expectOk(h.acd.requestConsult(a1, contactId, { kind: 'queue', queueId: 'support' }));
    expect(expectOk(h.acd.confirmConsult(a1, contactId)).dial).toBe('1004');
    expectOk(h.acd.endConsult(a1, contactId));
    expect(h.acd.contact(contactId)?.consult).toBeNull();
    const viaAgentId = { kind: 'agent', agentId: 's1' } as unknown as { kind: 'agent'; username: string };
    expect(expectOk(h.acd.requestConsult(a1, contactId, viaAgentId)).dial).toBe('1004');
  });

  it('directory presence: available, connected, idle, rona, wrap-up', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    h.login('a3');
    const c1 = h.connected('a1', '5550001');
    h.call('5550002');
    h.clock.advance(10_000); // a2 RONA
    h.acd.customerHungUp(c1);
    const presence = Object.fromEntries(h.acd.directory().map((d) => [d.username, d.presence]));
    expect(presence).toEqual({ a1: 'wrap-up', a2: 'rona', a3: 'idle' });
    h.available('a3');
    expect(h.acd.directory().find((d) => d.username === 'a3')?.presence).toBe('connected'); // offered at once
  });

  it('availabilitySince follows the chosen state, not contacts', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    const loginAt = h.clock.now();
    expect(h.acd.agent('a1')?.availabilitySince).toBe(loginAt);
    h.clock.advance(1000);
    h.acd.setState(a1, { availability: 'idle', idleReason: 'lunch' });
    expect(h.acd.agent('a1')?.availabilitySince).toBe(loginAt + 1000);
    h.clock.advance(1000);
    h.acd.setState(a1, { availability: 'available' });
    const c1 = h.connected('a1');
    h.clock.advance(1000);
    h.acd.customerHungUp(c1);
    expect(h.acd.agent('a1')?.availabilitySince).toBe(loginAt + 2000);
  });

  it('CAD is readable by the agents on the contact only', () => {
    const h = new Harness();
    h.ready('a1');
    h.login('a2');
    h.login('a3');
    const contactId = h.connected('a1');
    const a1 = h.session('a1');
    expectOk(h.acd.setCad(a1, contactId, { account: '42' }));
    const { consultId } = expectOk(h.acd.requestConsult(a1, contactId, { kind: 'agent', username: 'a2' }));
    expectOk(h.acd.consultAnswered(consultId));
    expect(expectOk(h.acd.getCad(h.session('a2'), contactId)).cad).toEqual({ account: '42' });
    expectFail(h.acd.getCad(h.session('a3'), contactId), 'unknown-contact');
  });
});
