import type { Consult } from '../../../../common/agent-api';
import { settle, voiceContact, voiceRig, type VoiceRig } from './support/voice-fakes';

/**
 * Consult, conference, transfer and outdial: the order of the two halves,
 * and the undo when the phone's half fails after the contact center agreed.
 */
const consultOf = (patch: Partial<Consult>): Consult => ({
  target: { kind: 'agent', agentId: 'bob' },
  state: 'requested',
  agentId: 'bob',
  confirmBy: null,
  startedAt: 3_000,
  dial: '1002',
  ...patch,
});

/** Agent 1 talking to the customer of c-1; the contact center answers consult with `consult`. */
function talking(consult: Consult = consultOf({})): VoiceRig {
  const rig = voiceRig();
  rig.phone.connectCustomer('c-1');
  rig.center.put(voiceContact({ contactId: 'c-1' }));
  rig.center.replies.set('consult', () => {
    const contact = voiceContact({ contactId: 'c-1', state: 'consult-requested', voice: { recording: { state: 'on', autoResumeAt: null }, consult, ani: null } });
    rig.center.put(contact);
    return { ok: true, body: { contact } };
  });
  return rig;
}

describe('voice actions: consult, conference, transfer, outdial', () => {
  it('consult an agent: the contact center first, then the phone calls the number it gave on line 2 (customer held)', async () => {
    const rig = talking();
    expect(await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } })).toEqual({ ok: true });
    expect(rig.center.requests).toEqual([{ op: 'consult', body: { contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } } }]);
    expect(rig.phone.commands).toEqual([{ kind: 'consult', target: '1002' }]);
    expect(rig.phone.current).toMatchObject({ line1: { state: 'held' }, line2: { state: 'consultRequested' } });
  });

  it('consult without a number from the contact center dials the agent id or the DN', async () => {
    const rig = talking(consultOf({ dial: undefined, agentId: null, target: { kind: 'dn', number: '+15550177' } }));
    expect(await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'dn', number: '+15550177' } })).toEqual({ ok: true });
    expect(rig.phone.commands).toEqual([{ kind: 'consult', target: '+15550177' }]);
  });

  it('consult refused by the contact center (14) places no call', async () => {
    const rig = talking();
    rig.center.replies.set('consult', () => ({ ok: false, code: 'consult-failed', number: 14 }));
    expect(await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } })).toEqual({ ok: false, code: 'consult-failed', number: 14 });
    expect(rig.phone.commands).toEqual([]);
    expect(rig.phone.current.line1.state).toBe('connected');
  });

  it('consult the phone cannot place is refused before the contact center is asked', async () => {
    const rig = talking();
    rig.phone.command({ kind: 'hold', line: 'line1' });
    rig.phone.command({ kind: 'consult', target: '1003' });
    expect(await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } })).toEqual({ ok: false, code: 'phone-refused', reason: 'line-busy' });
    expect(rig.center.requests).toEqual([]);
    rig.center.put(voiceContact({ contactId: 'c-1', role: 'consulted' }));
    expect(await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } })).toEqual({ ok: false, code: 'forbidden' });
  });

  it('the consult call fails before it is answered: consult.cancel, and 14 is reported', async () => {
    const rig = talking();
    await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    rig.phone.event({ kind: 'failed', line: 'line2', status: 486 });
    await settle();
    expect(rig.center.ops()).toEqual(['consult', 'consult.cancel']);
    expect(rig.failures).toEqual([{ code: 'consult-failed', number: 14 }]);
    expect(rig.phone.current.line1.state).toBe('held');
  });

  it('a failed consult call the contact center already ended needs no undo and no second report', async () => {
    const rig = talking();
    await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    rig.center.put(voiceContact({ contactId: 'c-1' }));
    rig.phone.event({ kind: 'failed', line: 'line2', status: 486 });
    await settle();
    expect(rig.center.ops()).toEqual(['consult']);
    expect(rig.failures).toEqual([]);
  });

  it('an answered consult, and one the agent cancels, are no failures', async () => {
    const rig = talking();
    await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    expect(await rig.act({ kind: 'consult-cancel', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.phone.commands.at(-1)).toEqual({ kind: 'endConsult' });
    rig.phone.event({ kind: 'ended', line: 'line2' });
    await settle();
    expect(rig.center.ops()).toEqual(['consult', 'consult.cancel']);
    expect(rig.failures).toEqual([]);
    expect(rig.phone.current).toMatchObject({ line1: { state: 'held' }, line2: { state: 'idle' } });
  });

  it('swap talks to the other party, never both held; conference joins all, then hold is refused', async () => {
    const rig = talking();
    await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    rig.phone.event({ kind: 'remoteAnswered', line: 'line2' });
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'consulting', voice: { recording: { state: 'on', autoResumeAt: null }, consult: consultOf({ state: 'connected' }), ani: null } }));
    expect(await rig.act({ kind: 'swap', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.phone.current).toMatchObject({ line1: { state: 'connected' }, line2: { state: 'held' } });
    expect(await rig.act({ kind: 'swap', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.phone.current).toMatchObject({ line1: { state: 'held' }, line2: { state: 'consulting' } });
    expect(await rig.act({ kind: 'conference', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.ops()).toEqual(['consult', 'conference']);
    expect(rig.phone.current).toMatchObject({ line1: { state: 'conference' }, line2: { state: 'conference' } });
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'conference' }));
    expect(await rig.act({ kind: 'hold', contactId: 'c-1' })).toEqual({ ok: false, code: 'phone-refused', reason: 'held-in-conference' });
    expect(await rig.act({ kind: 'conference', contactId: 'c-1' })).toEqual({ ok: false, code: 'phone-refused', reason: 'in-conference' });
    expect(rig.center.ops()).toEqual(['consult', 'conference']);
  });

  it('conference before the consulted party answered is refused by the phone, the contact center is not asked', async () => {
    const rig = talking();
    await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    expect(await rig.act({ kind: 'conference', contactId: 'c-1' })).toEqual({ ok: false, code: 'phone-refused', reason: 'consult-not-connected' });
    expect(rig.center.ops()).toEqual(['consult']);
  });

  it('queue consult: the customer is held while the queue looks; confirm dials the agent found', async () => {
    const rig = talking(consultOf({ target: { kind: 'queue', queueId: 'support' }, agentId: null, dial: null }));
    expect(await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'queue', queueId: 'support' } })).toEqual({ ok: true });
    expect(rig.phone.current).toMatchObject({ line1: { state: 'held' }, line2: { state: 'idle' } });
    expect(await rig.act({ kind: 'consult-confirm', contactId: 'c-1' })).toEqual({ ok: false, code: 'invalid-state' });
    const ready = consultOf({ target: { kind: 'queue', queueId: 'support' }, state: 'ready-to-confirm', agentId: 'carol', dial: '1003', confirmBy: 9_000 });
    rig.center.put(voiceContact({ contactId: 'c-1', state: 'consult-requested', voice: { recording: { state: 'on', autoResumeAt: null }, consult: ready, ani: null } }));
    expect(await rig.act({ kind: 'consult-confirm', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.ops()).toEqual(['consult', 'consult.confirm']);
    expect(rig.phone.commands.at(-1)).toEqual({ kind: 'consult', target: '1003' });
  });

  it('blind transfer: the contact center hands over, the phone REFERs where it says', async () => {
    const rig = talking();
    rig.center.replies.set('transfer', () => ({ ok: true, body: { contact: voiceContact({ contactId: 'c-1', state: 'transferring' }), referTo: '7002' } }));
    expect(await rig.act({ kind: 'transfer', contactId: 'c-1', target: { kind: 'queue', queueId: 'support' } })).toEqual({ ok: true });
    expect(rig.center.requests).toEqual([{ op: 'transfer', body: { mode: 'blind', contactId: 'c-1', target: { kind: 'queue', queueId: 'support' } } }]);
    expect(rig.phone.commands).toEqual([{ kind: 'transferBlind', target: '7002' }]);
    expect(rig.phone.current.line1.transferring).toBe('blind');
  });

  it('blind transfer without referTo is moved by the contact center: no REFER', async () => {
    const rig = talking();
    rig.center.replies.set('transfer', () => ({ ok: true, body: { contact: voiceContact({ contactId: 'c-1', state: 'transferring' }) } }));
    expect(await rig.act({ kind: 'transfer', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } })).toEqual({ ok: true });
    expect(rig.phone.commands).toEqual([]);
  });

  it('consult transfer: transfer mode consult, then REFER with Replaces; refused without a connected consult', async () => {
    const rig = talking();
    expect(await rig.act({ kind: 'transfer-consult', contactId: 'c-1' })).toEqual({ ok: false, code: 'phone-refused', reason: 'not-in-consult' });
    await rig.act({ kind: 'consult', contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    rig.phone.event({ kind: 'remoteAnswered', line: 'line2' });
    expect(await rig.act({ kind: 'transfer-consult', contactId: 'c-1' })).toEqual({ ok: true });
    expect(rig.center.requests.at(-1)).toEqual({ op: 'transfer', body: { mode: 'consult', contactId: 'c-1' } });
    expect(rig.phone.commands.at(-1)).toEqual({ kind: 'transferConsult' });
  });

  it('outdial: reserved by the contact center, dialled on line 1, then held like any customer', async () => {
    const rig = voiceRig();
    const reserved = voiceContact({ contactId: 'c-7', direction: 'outbound', state: 'outdial-reserved', queue: null });
    rig.center.replies.set('outdial', () => {
      rig.center.put(reserved);
      return { ok: true, body: { contact: reserved } };
    });
    expect(await rig.act({ kind: 'outdial', number: '+15550177', ani: '+15550199' })).toEqual({ ok: true });
    expect(rig.center.requests).toEqual([{ op: 'outdial', body: { number: '+15550177', ani: '+15550199' } }]);
    expect(rig.phone.commands).toEqual([{ kind: 'dial', target: '+15550177' }]);
    rig.phone.event({ kind: 'remoteAnswered', line: 'line1' });
    rig.center.put({ ...reserved, state: 'connected' });
    expect(await rig.act({ kind: 'hold', contactId: 'c-7' })).toEqual({ ok: true });
    expect(rig.failures).toEqual([]);
  });

  it('outdial refused by the dial plan (21) dials nothing; a busy phone asks nothing', async () => {
    const rig = voiceRig();
    rig.center.replies.set('outdial', () => ({ ok: false, code: 'outdial-rejected', number: 21 }));
    expect(await rig.act({ kind: 'outdial', number: '+15550177' })).toEqual({ ok: false, code: 'outdial-rejected', number: 21 });
    expect(rig.phone.commands).toEqual([]);
    rig.phone.connectCustomer('c-1');
    expect(await rig.act({ kind: 'outdial', number: '+15550177' })).toEqual({ ok: false, code: 'phone-refused', reason: 'line-busy' });
    expect(rig.center.requests).toHaveLength(1);
  });

  it('outdial call that fails before it is answered: contact.end, and 20 is reported', async () => {
    const rig = voiceRig();
    const reserved = voiceContact({ contactId: 'c-7', direction: 'outbound', state: 'outdial-reserved', queue: null });
    rig.center.replies.set('outdial', () => {
      rig.center.put(reserved);
      return { ok: true, body: { contact: reserved } };
    });
    await rig.act({ kind: 'outdial', number: '+15550177' });
    rig.phone.event({ kind: 'failed', line: 'line1', status: 486 });
    await settle();
    expect(rig.center.requests.at(-1)).toEqual({ op: 'contact.end', body: { contactId: 'c-7' } });
    expect(rig.failures).toEqual([{ code: 'outdial-failed', number: 20 }]);
  });
});
