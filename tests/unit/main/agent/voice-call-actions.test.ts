import { settle, voiceContact, voiceRig } from './support/voice-fakes';

/**
 * Offer, hold, end, recording and CAD actions: the contact center's half
 * (fake agent API) then the phone's (the real line table behind a fake
 * phone), on the line whose call belongs to the contact.
 */
describe('voice actions: offers, hold, end', () => {
  it('accept: the contact center accepts, then the phone answers the call that rings for this contact', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'offered' }));
    rig.phone.ring('c-1');
    expect(await rig.act({ kind: 'accept', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.ops()).toEqual(['accept-offer']);
    expect(rig.phone.commands).toEqual([{ kind: 'answer' }]);
    expect(rig.phone.current.line1.state).toBe('connected');
  });

  it('accept waits for the offer’s INVITE when the API offer came first', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'offered' }));
    const result = rig.act({ kind: 'accept', contactId: 'c-1' });
    await settle();
    expect(rig.center.requests).toEqual([]);
    rig.phone.ring('c-1');
    expect(await result).toEqual({ ok: true });
    expect(rig.phone.current.line1.state).toBe('connected');
  });

  it('accept never answers a call of another contact: not-ringing after the wait, nothing asked', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'offered' }));
    rig.phone.ring('c-9');
    const result = rig.act({ kind: 'accept', contactId: 'c-1' });
    await settle();
    rig.clock.advance(5_000);
    expect(await result).toEqual({ ok: false, code: 'phone-refused', reason: 'not-ringing' });
    expect(rig.center.requests).toEqual([]);
    expect(rig.phone.current.line1.state).toBe('ringing');
    expect(rig.clock.pending).toBe(0);
  });

  it('accept refused by the contact center leaves the phone ringing', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'offered' }));
    rig.phone.ring('c-1');
    rig.center.replies.set('accept-offer', () => ({ ok: false, code: 'not-found' }));
    expect(await rig.act({ kind: 'accept', contactId: 'c-1' })).toEqual({ ok: false, code: 'not-found' });
    expect(rig.phone.commands).toEqual([]);
  });

  it('accept: the caller hangs up while the contact center accepts → the contact is ended again', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'offered' }));
    const line = rig.phone.ring('c-1');
    let open!: () => void;
    rig.center.gate = new Promise((resolve) => (open = resolve));
    const result = rig.act({ kind: 'accept', contactId: 'c-1' });
    await settle();
    rig.phone.event({ kind: 'cancelled', line });
    rig.center.gate = null;
    open();
    expect(await result).toEqual({ ok: false, code: 'phone-refused', reason: 'not-ringing' });
    expect(rig.center.ops()).toEqual(['accept-offer', 'contact.end']);
  });

  it('the consulted agent accepts the consult call on the phone only', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'consult-requested', role: 'consulted' }));
    rig.phone.ring('c-1');
    expect(await rig.act({ kind: 'accept', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.requests).toEqual([]);
    expect(rig.phone.current.line1.state).toBe('connected');
  });

  it('accept of a contact already answered from the call card is done; of a contact in wrap-up refused', async () => {
    const rig = voiceRig();
    rig.phone.connectCustomer('c-1');
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'connected' }));
    expect(await rig.act({ kind: 'accept', contactId: 'c-1' })).toEqual({ ok: true });
    rig.center.put(voiceContact({ contactId: 'c-2', state: 'wrap-up' }));
    expect(await rig.act({ kind: 'accept', contactId: 'c-2' })).toEqual({ ok: false, code: 'invalid-state' });
    expect(await rig.act({ kind: 'accept', contactId: 'c-3' })).toEqual({ ok: false, code: 'not-found' });
    expect(rig.center.requests).toEqual([]);
  });

  it('decline: the owner’s offer goes back through the contact center and stops ringing; a consult call is declined on the phone', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'offered' }));
    rig.phone.ring('c-1');
    expect(await rig.act({ kind: 'decline', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.ops()).toEqual(['decline-offer']);
    expect(rig.phone.commands).toEqual([{ kind: 'decline' }]);
    expect(rig.phone.current.line1.state).not.toBe('ringing');

    const agent2 = voiceRig();
    agent2.center.put(voiceContact({ contactId: 'c-2', state: 'consult-requested', role: 'consulted' }));
    agent2.phone.ring('c-2');
    expect(await agent2.act({ kind: 'decline', contactId: 'c-2' })).toEqual({ ok: true });
    expect(agent2.center.requests).toEqual([]);
    expect(agent2.phone.commands).toEqual([{ kind: 'decline' }]);
  });

  it('hold and resume the contact’s customer; refused in conference and without the contact’s call', async () => {
    const rig = voiceRig();
    rig.phone.connectCustomer('c-1');
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    expect(await rig.act({ kind: 'hold', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.phone.current.line1.state).toBe('held');
    expect(await rig.act({ kind: 'hold', contactId: 'c-1' })).toEqual({ ok: false, code: 'phone-refused', reason: 'already-held' });
    expect(await rig.act({ kind: 'resume', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.phone.current.line1.state).toBe('connected');
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'conference' }));
    expect(await rig.act({ kind: 'hold', contactId: 'c-1' })).toEqual({ ok: false, code: 'phone-refused', reason: 'held-in-conference' });
    rig.center.put(voiceContact({ contactId: 'c-2' }));
    expect(await rig.act({ kind: 'hold', contactId: 'c-2' })).toEqual({ ok: false, code: 'phone-refused', reason: 'no-call' });
    expect(rig.center.requests).toEqual([]);
  });

  it('end (owner): contact.end, then the phone hangs up the consult and the customer', async () => {
    const rig = voiceRig();
    rig.phone.connectCustomer('c-1');
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    rig.phone.command({ kind: 'consult', target: '1002' });
    rig.phone.event({ kind: 'remoteAnswered', line: 'line2' });
    rig.phone.commands.length = 0;
    expect(await rig.act({ kind: 'end', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.ops()).toEqual(['contact.end']);
    expect(rig.phone.commands).toEqual([
      { kind: 'hangup', line: 'line2' },
      { kind: 'hangup', line: 'line1' },
    ]);
  });

  it('end (consulted): leaves through contact.end and hangs up only its own call; refused in wrap-up', async () => {
    const rig = voiceRig();
    rig.phone.connectCustomer('c-1');
    rig.center.put(voiceContact({ contactId: 'c-1', role: 'consulted', state: 'conference' }));
    expect(await rig.act({ kind: 'end', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.ops()).toEqual(['contact.end']);
    expect(rig.phone.commands).toEqual([{ kind: 'hangup', line: 'line1' }]);
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'wrap-up' }));
    expect(await rig.act({ kind: 'end', contactId: 'c-1' })).toEqual({ ok: false, code: 'invalid-state' });
  });

  it('end refused by the contact center still hangs up and reports the refusal', async () => {
    const rig = voiceRig();
    rig.phone.connectCustomer('c-1');
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    rig.center.replies.set('contact.end', () => ({ ok: false, code: 'internal' }));
    expect(await rig.act({ kind: 'end', contactId: 'c-1' })).toEqual({ ok: false, code: 'internal' });
    expect(rig.phone.current.line1.state).toBe('ending');
  });

  it('recording and CAD go to the contact center only', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    expect(await rig.act({ kind: 'recording-pause', contactId: 'c-1' })).toEqual({ ok: true });
    expect(await rig.act({ kind: 'recording-resume', contactId: 'c-1' })).toEqual({ ok: true });
    expect(await rig.act({ kind: 'cad-set', contactId: 'c-1', cad: { account: '42' } })).toEqual({ ok: true });
    expect(rig.center.requests).toEqual([
      { op: 'recording.pause', body: { contactId: 'c-1' } },
      { op: 'recording.resume', body: { contactId: 'c-1' } },
      { op: 'cad.set', body: { contactId: 'c-1', cad: { account: '42' } } },
    ]);
    rig.center.replies.set('recording.pause', () => ({ ok: false, code: 'forbidden' }));
    expect(await rig.act({ kind: 'recording-pause', contactId: 'c-1' })).toEqual({ ok: false, code: 'forbidden' });
  });

  it('malformed actions and actions while logged out are refused, logged, never thrown', async () => {
    const rig = voiceRig();
    expect(await rig.act({ kind: 'hold' })).toEqual({ ok: false, code: 'malformed' });
    expect(await rig.act({ kind: 'cad-set', contactId: 'c-1', cad: { __proto__x: 'x' } })).toEqual({ ok: false, code: 'malformed' });
    expect(await rig.act('accept')).toEqual({ ok: false, code: 'malformed' });
    expect(rig.records.some((r) => r.message === 'voice action refused: malformed')).toBe(true);
    rig.center.view = null as never;
    expect(await rig.act({ kind: 'hold', contactId: 'c-1' })).toEqual({ ok: false, code: 'not-logged-in' });
  });

  it('a throwing contact center is an internal refusal, and the next action on the contact still runs', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    rig.center.replies.set('cad.set', () => {
      throw new Error('boom');
    });
    expect(await rig.act({ kind: 'cad-set', contactId: 'c-1', cad: { a: '1' } })).toEqual({ ok: false, code: 'internal' });
    expect(await rig.act({ kind: 'recording-pause', contactId: 'c-1' })).toEqual({ ok: true });
  });

  it('actions on one contact run one after another; other contacts are not blocked', async () => {
    const rig = voiceRig();
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    rig.center.put(voiceContact({ contactId: 'c-2' }));
    let open!: () => void;
    rig.center.gate = new Promise((resolve) => (open = resolve));
    const first = rig.act({ kind: 'recording-pause', contactId: 'c-1' });
    const second = rig.act({ kind: 'recording-resume', contactId: 'c-1' });
    const other = rig.act({ kind: 'recording-pause', contactId: 'c-2' });
    await settle();
    expect(rig.center.requests.map((r) => [r.op, (r.body as { contactId: string }).contactId])).toEqual([
      ['recording.pause', 'c-1'],
      ['recording.pause', 'c-2'],
    ]);
    rig.center.gate = null;
    open();
    await Promise.all([first, second, other]);
    expect(rig.center.ops()).toEqual(['recording.pause', 'recording.pause', 'recording.resume']);
  });
});
