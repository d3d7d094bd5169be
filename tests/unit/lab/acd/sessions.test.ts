import { LOGOUT_REASONS } from '../../../../lab/acd/types';
import { expectFail, expectOk, Harness } from './harness';

describe('ACD sessions (S1–S4)', () => {
  it('logs in Idle with the default reason, on the chosen team and DN (S1, S2)', () => {
    const h = new Harness();
    const result = expectOk(h.acd.login({ username: 'a3', password: 'pw-a3', dn: '1003', teamId: 'support' }));
    expect(result.agent).toMatchObject({ state: 'idle', idleReason: 'not-ready', dn: '1003', teamId: 'support', displayName: '김지수' });
    expect(h.eventsOf('agent-logged-in')).toHaveLength(1);
    expect(h.eventsOf('agent-state').at(-1)).toMatchObject({ username: 'a3', state: 'idle' });
    expect(h.eventsOf('directory-changed').at(-1)?.agents).toEqual([
      expect.objectContaining({ username: 'a3', presence: 'idle' }),
    ]);
  });

  it('refuses teams not mapped to the agent, unknown DNs and DNs in use', () => {
    const h = new Harness();
    expectFail(h.acd.login({ username: 'a1', password: 'pw-a1', dn: '1001', teamId: 'support' }), 'team-not-allowed');
    expectFail(h.acd.login({ username: 'a1', password: 'pw-a1', dn: '9999', teamId: 'sales' }), 'unknown-dn');
    h.login('a1');
    expectFail(h.acd.login({ username: 'a2', password: 'pw-a2', dn: '1001', teamId: 'sales' }), 'dn-in-use');
    expectFail(h.acd.login({ username: 'nobody', password: 'x', dn: '1002', teamId: 'sales' }), 'invalid-credentials');
  });

  it('locks the account on the third failed password, even for the right password afterwards (S4)', () => {
    const h = new Harness();
    const attempt = (password: string) => h.acd.login({ username: 'a1', password, dn: '1001', teamId: 'sales' });
    expectFail(attempt('wrong'), 'invalid-credentials');
    expectFail(attempt('wrong'), 'invalid-credentials');
    expectFail(attempt('wrong'), 'account-locked');
    expectFail(attempt('pw-a1'), 'account-locked');
    expectOk(h.acd.unlockAccount('a1'));
    expectOk(attempt('pw-a1'));
  });

  it('a successful login resets the failure count', () => {
    const h = new Harness();
    const attempt = (password: string) => h.acd.login({ username: 'a1', password, dn: '1001', teamId: 'sales' });
    expectFail(attempt('wrong'), 'invalid-credentials');
    expectFail(attempt('wrong'), 'invalid-credentials');
    expectOk(attempt('pw-a1'));
    expectFail(attempt('wrong'), 'invalid-credentials');
    expectFail(attempt('wrong'), 'invalid-credentials');
    expectOk(attempt('pw-a1'));
  });

  it('refuses locked, expired and must-change accounts with their reason', () => {
    const h = new Harness();
    expectFail(h.acd.login({ username: 'lk', password: 'pw-lk', dn: '1006', teamId: 'sales' }), 'account-locked');
    expectFail(h.acd.login({ username: 'ex', password: 'pw-ex', dn: '1006', teamId: 'sales' }), 'password-expired');
    expectFail(h.acd.login({ username: 'ch', password: 'pw-ch', dn: '1006', teamId: 'sales' }), 'password-change-required');
    // A wrong password on an expired account says nothing about the expiry.
    expectFail(h.acd.login({ username: 'ex', password: 'nope', dn: '1006', teamId: 'sales' }), 'invalid-credentials');
  });

  it('signing in elsewhere forces the older session out (one session per credential)', () => {
    const h = new Harness();
    const first = h.login('a1');
    const second = h.login('a1');
    expect(h.eventsOf('forced-logout')).toEqual([
      { type: 'forced-logout', username: 'a1', sessionId: first, reason: 'signed-in-elsewhere' },
    ]);
    expectFail(h.acd.setState(first, { availability: 'available' }), 'not-logged-in');
    expectOk(h.acd.setState(second, { availability: 'available' }));
    expect(h.acd.agentBySession(second)?.state).toBe('available');
  });

  it('a new session inherits a live contact on the same DN', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    const second = h.login('a1');
    expect(h.acd.agentBySession(second)).toMatchObject({ state: 'engaged', contactId });
    expectOk(h.acd.endCall(second, contactId));
    expect(h.state('a1')).toBe('wrap-up');
    expectFail(h.acd.login({ username: 'a1', password: 'pw-a1', dn: '1006', teamId: 'sales' }), 'contact-active');
  });

  it('refuses logout while a contact is active: ringing, connected or in wrap-up (S3)', () => {
    const h = new Harness();
    h.ready('a1');
    const a1 = h.session('a1');
    h.call('5550001');
    expectFail(h.acd.logout(a1), 'contact-active');
    const contactId = h.answer('a1');
    expectFail(h.acd.logout(a1), 'contact-active');
    h.acd.customerHungUp(contactId);
    expectFail(h.acd.logout(a1), 'contact-active');
    expectOk(h.acd.submitWrapUp(a1, { contactId, code: 'resolved' }));
    expectOk(h.acd.logout(a1));
    expect(h.eventsOf('agent-logged-out').at(-1)).toMatchObject({ username: 'a1', reason: 'logout' });
    expect(h.acd.agent('a1')).toBeNull();
    expect(h.eventsOf('forced-logout')).toHaveLength(0);
  });

  it('a supervisor may force out only an agent without a contact', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    expectFail(h.acd.forceLogout('a1', 'supervisor'), 'contact-active');
    h.acd.customerHungUp(contactId);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId, code: 'resolved' }));
    expectOk(h.acd.forceLogout('a1', 'supervisor'));
    expect(h.eventsOf('forced-logout').at(-1)).toMatchObject({ username: 'a1', reason: 'supervisor' });
  });

  it.each(LOGOUT_REASONS.filter((r) => r !== 'logout'))('forced logout with reason %s ends the session', (reason) => {
    const h = new Harness();
    const sessionId = h.login('a2');
    expectOk(h.acd.forceLogout('a2', reason));
    expect(h.eventsOf('forced-logout')).toEqual([{ type: 'forced-logout', username: 'a2', sessionId, reason }]);
    expect(h.acd.agent('a2')).toBeNull();
    expectFail(h.acd.logout(sessionId), 'not-logged-in');
  });

  it('refuses made-up reasons and unknown agents', () => {
    const h = new Harness();
    h.login('a1');
    expectFail(h.acd.forceLogout('a1', 'logout'), 'invalid-input');
    expectFail(h.acd.forceLogout('a1', 'because'), 'invalid-input');
    expectFail(h.acd.forceLogout('zz', 'supervisor'), 'unknown-agent');
    expectFail(h.acd.forceLogout('a2', 'supervisor'), 'not-logged-in');
  });

  it('locking or expiring a logged-in account forces it out with that reason', () => {
    const h = new Harness();
    h.login('a1');
    h.login('a2');
    expectOk(h.acd.lockAccount('a1'));
    expectOk(h.acd.expirePassword('a2'));
    expect(h.eventsOf('forced-logout').map((e) => [e.username, e.reason])).toEqual([
      ['a1', 'account-locked'],
      ['a2', 'password-expired'],
    ]);
    expectFail(h.acd.login({ username: 'a2', password: 'pw-a2', dn: '1002', teamId: 'sales' }), 'password-expired');
  });

  it('lost connection mid-call drops the call and wraps up with the default code', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    expectOk(h.acd.forceLogout('a1', 'lost-connection'));
    expect(h.portCalls).toContainEqual({ call: 'dropCall', contactId, reason: 'agent-logged-out' });
    expect(h.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'agent-logged-out' });
    expect(h.acd.wrapUpRecords({ contactId })).toEqual([expect.objectContaining({ username: 'a1', code: 'auto', auto: true })]);
  });

  it('a ringing agent forced out returns the offer to the queue without RONA', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.call('5550001');
    const { offerId } = h.offer('a1');
    expectOk(h.acd.forceLogout('a1', 'system-cleanup'));
    expect(h.portCalls).toContainEqual({ call: 'cancelOffer', offerId, reason: 'logged-out' });
    expect(h.acd.contact(contactId)?.state).toBe('queued');
    expect(h.acd.agentStats('a1')?.rona).toBe(0);
  });
});

describe('ACD agent state (A1–A3)', () => {
  it('switches between Available and Idle reasons; RONA cannot be chosen', () => {
    const h = new Harness();
    const a1 = h.login('a1');
    expectOk(h.acd.setState(a1, { availability: 'idle', idleReason: 'lunch' }));
    expect(h.acd.agent('a1')).toMatchObject({ state: 'idle', idleReason: 'lunch' });
    expectFail(h.acd.setState(a1, { availability: 'idle', idleReason: 'nap' }), 'unknown-code');
    expectFail(h.acd.setState(a1, { availability: 'rona' as 'idle' }), 'not-permitted');
    expectOk(h.acd.setState(a1, { availability: 'available' }));
    expect(h.acd.agent('a1')).toMatchObject({ state: 'available', idleReason: null });
  });

  it('Idle chosen during a contact applies when the contact ends (A3)', () => {
    const h = new Harness();
    h.ready('a1');
    const a1 = h.session('a1');
    const contactId = h.connected('a1');
    expect(expectOk(h.acd.setState(a1, { availability: 'idle', idleReason: 'lunch' })).pending).toBe(true);
    expect(h.acd.agent('a1')).toMatchObject({ state: 'engaged', pending: { availability: 'idle', idleReason: 'lunch' } });
    h.acd.customerHungUp(contactId);
    expect(h.state('a1')).toBe('wrap-up');
    expectOk(h.acd.submitWrapUp(a1, { contactId, code: 'resolved' }));
    expect(h.acd.agent('a1')).toMatchObject({ state: 'idle', idleReason: 'lunch', pending: null });
    // No new offer reaches an agent who went Idle.
    h.call('5550002');
    expect(h.eventsOf('offer')).toHaveLength(1);
  });

  it('without a pending choice the agent returns to Available after wrap-up', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    h.acd.customerHungUp(contactId);
    expectOk(h.acd.submitWrapUp(h.session('a1'), { contactId, code: 'resolved' }));
    expect(h.state('a1')).toBe('available');
  });
});
