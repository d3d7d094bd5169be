import { Acd } from '../../../../lab/acd/acd';
import { ManualClock } from '../../../../lab/acd/clock';
import type { AcdEvent } from '../../../../lab/acd/events';
import { expectOk, Harness, testOrg } from './harness';

describe('ACD robustness', () => {
  it('garbage input gets a typed refusal, never an exception', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    const junk: unknown[] = [undefined, null, 42, 'x', {}, [], { kind: 'agent' }, { contactId: {} }];
    const acd = h.acd as unknown as Record<string, (...args: unknown[]) => { ok: boolean }>;
    const methods = [
      'login', 'logout', 'setState', 'forceLogout', 'lockAccount', 'unlockAccount', 'expirePassword', 'incomingCall',
      'offerAnswered', 'offerFailed', 'offerTimedOut', 'customerHungUp', 'consultAnswered', 'consultFailed',
      'outdialAnswered', 'outdialFailed', 'acceptOffer', 'declineOffer', 'getCad', 'endCall', 'requestConsult', 'confirmConsult', 'endConsult',
      'conference', 'transfer', 'outdial', 'submitWrapUp', 'cancelAutoWrapUp', 'setCad', 'pauseRecording', 'resumeRecording',
    ];
    for (const name of methods) {
      for (const a of junk) {
        for (const b of junk) {
          const result = acd[name]?.call(h.acd, a, b, b);
          expect(result).toMatchObject({ ok: false });
        }
        expect(acd[name]?.call(h.acd, a1, a, a)).toHaveProperty('ok');
      }
    }
    // Still consistent and usable afterwards (the valid session may have logged out).
    expect(h.acd.activeContacts()).toEqual([]);
    h.login('a2');
    h.available('a2');
    h.call('5550001');
    expect(h.state('a2')).toBe('reserved');
  });

  it('listeners and ports may call back in; events still arrive in order', () => {
    const clock = new ManualClock();
    const seen: string[] = [];
    const acd: Acd = new Acd({
      org: testOrg(),
      clock,
      calls: {
        // The call layer answers at once, from inside the port call.
        offerCall: ({ offerId }) => void acd.offerAnswered(offerId),
        cancelOffer: () => undefined,
        dropCall: () => undefined,
        dropLeg: () => undefined,
      },
    });
    acd.on((event: AcdEvent) => {
      seen.push(event.type === 'agent-state' ? `agent-state:${event.state}` : event.type);
    });
    const { sessionId } = expectOk(acd.login({ username: 'a1', password: 'pw-a1', dn: '1001', teamId: 'sales' }));
    acd.setState(sessionId, { availability: 'available' });
    seen.length = 0;
    acd.incomingCall({ from: '5550001', to: '7001' });
    expect(acd.agent('a1')?.state).toBe('engaged');
    expect(seen.filter((s) => s.startsWith('agent-state') || s === 'offer')).toEqual([
      'offer',
      'agent-state:reserved',
      'agent-state:engaged',
    ]);
  });

  it('a throwing listener or port is logged, not propagated', () => {
    const clock = new ManualClock();
    const acd = new Acd({
      org: testOrg(),
      clock,
      calls: {
        offerCall: () => {
          throw new Error('port down');
        },
        cancelOffer: () => undefined,
        dropCall: () => undefined,
        dropLeg: () => undefined,
      },
    });
    const good: string[] = [];
    acd.on(() => {
      throw new Error('bad listener');
    });
    acd.on((e) => good.push(e.type));
    const { sessionId } = expectOk(acd.login({ username: 'a1', password: 'pw-a1', dn: '1001', teamId: 'sales' }));
    expectOk(acd.setState(sessionId, { availability: 'available' }));
    expectOk(acd.incomingCall({ from: '5550001', to: '7001' }));
    expect(good).toContain('offer');
    expect(acd.agent('a1')?.state).toBe('reserved');
  });

  it('unsubscribing stops events; a ManualClock fires timers in time order', () => {
    const h = new Harness();
    const extra: string[] = [];
    const off = h.acd.on((e) => extra.push(e.type));
    off();
    h.login('a1');
    expect(extra).toEqual([]);
    const clock = new ManualClock(0);
    const order: number[] = [];
    clock.setTimer(30, () => order.push(clock.now()));
    const cancelled = clock.setTimer(20, () => order.push(-1));
    clock.setTimer(10, () => clock.setTimer(5, () => order.push(clock.now())));
    clock.clearTimer(cancelled);
    clock.advance(100);
    expect(order).toEqual([15, 30]);
    expect(clock.now()).toBe(100);
    expect(clock.pending).toBe(0);
  });
});
