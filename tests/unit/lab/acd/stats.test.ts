import { expectOk, Harness } from './harness';

describe('ACD statistics', () => {
  it('queue counters, average wait and handle time, longest waiting', () => {
    const h = new Harness();
    h.login('a1');
    const c1 = h.call('5550001');
    h.clock.advance(4000);
    const c2 = h.call('5550002');
    h.clock.advance(2000);
    h.call('5550003');
    expect(h.acd.queueStats('sales')).toMatchObject({ waiting: 3, longestWaitingMs: 6000, offered: 0 });
    h.available('a1'); // c1 offered after 6 s of waiting
    h.clock.advance(10_000); // RONA: c1 waits on in its place
    h.available('a1');
    h.clock.advance(1000);
    h.answer('a1'); // c1 answered after 17 s
    h.clock.advance(30_000);
    h.acd.customerHungUp(c1);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId: c1, code: 'resolved' }));
    h.answer('a1'); // c2 answered after 4+2+10+1+30 - 4 = 43 s
    h.clock.advance(10_000);
    h.acd.customerHungUp(c2);
    expect(h.acd.queueStats('sales')).toMatchObject({
      offered: 3,
      answered: 2,
      rona: 1,
      abandoned: 0,
      waiting: 1,
      averageWaitMs: (17_000 + 43_000) / 2,
      maxWaitMs: 43_000,
      handled: 2,
      averageHandleMs: (30_000 + 10_000) / 2,
      longestWaitingMs: 51_000,
    });
    expect(h.acd.queueStats('nope')).toBeNull();
  });

  it('queue-stats events follow queue changes', () => {
    const h = new Harness();
    const c1 = h.call('5550001');
    h.acd.customerHungUp(c1);
    expect(h.eventsOf('queue-stats').map((e) => [e.stats.waiting, e.stats.abandoned])).toEqual([
      [1, 0],
      [0, 1],
    ]);
  });

  it('agent counters and time in each state', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    h.clock.advance(5000); // idle 5 s
    h.available('a1');
    h.clock.advance(2000); // available 2 s
    const contactId = h.call('5550001');
    h.clock.advance(1000); // reserved 1 s
    h.answer('a1');
    h.clock.advance(20_000); // engaged 20 s
    h.acd.customerHungUp(contactId);
    h.clock.advance(3000); // wrap-up 3 s
    expectOk(h.acd.submitWrapUp(a1, { contactId, code: 'resolved' }));
    h.clock.advance(4000); // available 4 s
    expect(h.acd.agentStats('a1')).toMatchObject({
      offered: 1,
      answered: 1,
      handled: 1,
      averageHandleMs: 20_000,
      wrapUps: 1,
      averageWrapUpMs: 3000,
      timeInState: { idle: 5000, available: 6000, reserved: 1000, engaged: 20_000, 'wrap-up': 3000 },
    });
    expect(h.acd.agentStats('zz')).toBeNull();
  });
});
