import { expectFail, expectOk, Harness, testOrg } from './harness';

function endedCall(h = new Harness()) {
  h.ready('a1');
  const contactId = h.connected('a1');
  h.clock.advance(40_000);
  expectOk(h.acd.customerHungUp(contactId));
  return { h, contactId, a1: h.session('a1') };
}

describe('ACD wrap-up (W1)', () => {
  it('is required after a handled contact and stores the record on a manual code', () => {
    const { h, contactId, a1 } = endedCall();
    expect(h.eventsOf('wrap-up-required')).toEqual([
      { type: 'wrap-up-required', username: 'a1', contactId, autoWrapUpMs: 30_000 },
    ]);
    h.clock.advance(5000);
    expectFail(h.acd.submitWrapUp(a1, { contactId, code: 'nope' }), 'unknown-code');
    const { record } = expectOk(h.acd.submitWrapUp(a1, { contactId, code: 'resolved', cad: { account: 'ACC-1' } }));
    expect(record).toMatchObject({ contactId, username: 'a1', code: 'resolved', auto: false, cad: { account: 'ACC-1' }, queueId: 'sales' });
    expect(record.endedAt - record.startedAt).toBe(40_000);
    expect(record.submittedAt - record.endedAt).toBe(5000);
    expect(h.acd.wrapUpRecords({ username: 'a1' })).toEqual([record]);
    expect(h.state('a1')).toBe('available');
    // The auto timer is gone with the wrap-up.
    h.clock.advance(60_000);
    expect(h.acd.wrapUpRecords()).toHaveLength(1);
    expectFail(h.acd.submitWrapUp(a1, { contactId, code: 'resolved' }), 'invalid-state');
  });

  it('the auto wrap-up timer submits the default code', () => {
    const { h, contactId } = endedCall();
    h.clock.advance(29_999);
    expect(h.acd.wrapUpRecords()).toEqual([]);
    h.clock.advance(1);
    expect(h.acd.wrapUpRecords()).toEqual([expect.objectContaining({ contactId, code: 'auto', auto: true })]);
    expect(h.state('a1')).toBe('available');
    expect(h.eventsOf('wrap-up-done')).toHaveLength(1);
  });

  it('cancel auto wrap-up keeps the agent in wrap-up until they submit', () => {
    const { h, contactId, a1 } = endedCall();
    expectOk(h.acd.cancelAutoWrapUp(a1, contactId));
    h.clock.advance(10 * 60_000);
    expect(h.acd.wrapUpRecords()).toEqual([]);
    expect(h.state('a1')).toBe('wrap-up');
    expectOk(h.acd.submitWrapUp(a1, { contactId, code: 'resolved' }));
    expect(h.acd.wrapUpRecords()[0]?.auto).toBe(false);
    expectFail(h.acd.cancelAutoWrapUp(a1, contactId), 'invalid-state');
  });

  it('without an auto wrap-up time there is no timer', () => {
    const h = new Harness(testOrg((j) => ((j.timers as Record<string, number>).autoWrapUpSeconds = 0)));
    const { contactId } = endedCall(h);
    expect(h.eventsOf('wrap-up-required')[0]?.autoWrapUpMs).toBeNull();
    h.clock.advance(3_600_000);
    expect(h.acd.agent('a1')?.contactId).toBe(contactId);
    expect(h.state('a1')).toBe('wrap-up');
  });
});

describe('ACD call-associated data (V10)', () => {
  it('the owner edits editable variables during the call; read-only and unknown ones are refused', () => {
    const h = new Harness();
    h.ready('a1', 'a2');
    const c = h.acd.incomingCall({ from: '5550001', to: '7001', cad: { tier: 'gold', bogus: 'x' } });
    const contactId = expectOk(c).contactId;
    h.answer('a1');
    const a1 = h.session('a1');
    expect(h.acd.contact(contactId)?.cad).toEqual({ tier: 'gold' });
    expect(expectOk(h.acd.setCad(a1, contactId, { account: '12345' })).cad).toEqual({ tier: 'gold', account: '12345' });
    expectFail(h.acd.setCad(a1, contactId, { tier: 'platinum' }), 'not-permitted');
    expectFail(h.acd.setCad(a1, contactId, { nope: 'x' }), 'invalid-input');
    expectFail(h.acd.setCad(a1, contactId, { account: 'x'.repeat(11) }), 'invalid-input');
    expectFail(h.acd.setCad(a1, contactId, { account: 5 } as never), 'invalid-input');
    expectFail(h.acd.setCad(h.session('a2'), contactId, { account: '1' }), 'not-permitted');
    // A refused batch changes nothing (no half-applied values).
    expectFail(h.acd.setCad(a1, contactId, { account: '999', tier: 'x' }), 'not-permitted');
    expect(h.acd.contact(contactId)?.cad.account).toBe('12345');
  });
});

describe('ACD recording pause/resume (V9)', () => {
  it('a paused recording resumes by itself after the auto-resume time', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    const a1 = h.session('a1');
    const start = h.clock.now();
    expect(expectOk(h.acd.pauseRecording(a1, contactId)).autoResumeAt).toBe(start + 20_000);
    expectFail(h.acd.pauseRecording(a1, contactId), 'invalid-state');
    expect(h.acd.contact(contactId)?.recordingPaused).toBe(true);
    h.clock.advance(20_000);
    expect(h.acd.contact(contactId)?.recordingPaused).toBe(false);
    expect(h.eventsOf('recording').map((e) => [e.paused, e.autoResumeAt])).toEqual([
      [true, start + 20_000],
      [false, null],
    ]);
  });

  it('the agent may resume earlier; the auto-resume timer is then cancelled', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    const a1 = h.session('a1');
    expectOk(h.acd.pauseRecording(a1, contactId));
    h.clock.advance(5000);
    expectOk(h.acd.resumeRecording(a1, contactId));
    expectFail(h.acd.resumeRecording(a1, contactId), 'invalid-state');
    h.clock.advance(30_000);
    expect(h.eventsOf('recording')).toHaveLength(2);
  });

  it('recording control needs a connected contact', () => {
    const h = new Harness();
    h.ready('a1');
    const contactId = h.connected('a1');
    h.acd.customerHungUp(contactId);
    expectFail(h.acd.pauseRecording(h.session('a1'), contactId), 'invalid-state');
  });
});
