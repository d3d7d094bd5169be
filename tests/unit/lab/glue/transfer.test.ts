import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import type { Party } from '../../../../lab/parties/party';
import { closeInOrder, contactOf, customer, event, loginAgent, type TestAgent } from './support/lab-kit';

jest.setTimeout(20_000);

/**
 * Transfers placed by the softphone (REFER) reach the ACD without the
 * desktop asking: blind to a queue (the customer's new call continues the
 * same contact), and from a consult with Replaces (agent 2 takes over).
 */
describe('lab: transfers through SIP', () => {
  let lab: Lab;
  let alice: TestAgent;
  let bob: TestAgent;
  let minjun: TestAgent;
  let caller: Party;
  let caller2: Party;

  beforeAll(async () => {
    lab = await startLab({ logger: silentLogger() });
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    bob = await loginAgent(lab, 'bob', '1002', 'sales', 1200);
    minjun = await loginAgent(lab, 'minjun', '1003', 'support', 1400);
    await minjun.api.request('set-state', { state: 'available' });
    await alice.api.request('set-state', { state: 'available' });
  });

  afterAll(async () => {
    await closeInOrder(caller, caller2, alice?.phone, bob?.phone, minjun?.phone, alice?.api, bob?.api, minjun?.api);
    await lab.stop();
  });

  it('blind transfer to a queue: same contact, offered to a Support agent', async () => {
    caller = customer(lab, 'customer-1', 440);
    const first = await caller.call('7001');
    const contactId = String(contactOf(await alice.api.waitFor(event('offer'))).contactId);
    await alice.phone.waitForIncoming(5_000);
    await alice.phone.answer();
    await first.waitConnected(5_000);
    await caller.waitForTone(1000, { timeoutMs: 5_000 });

    const moved = caller.waitForTransfer(5_000);
    await alice.phone.transfer('7002');
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
    const offer = await minjun.api.waitFor(event('offer'));
    expect(contactOf(offer)).toMatchObject({ contactId, queue: { queueId: 'support' } });
    await alice.phone.hangup(); // the transferor lets go of the old leg
    await minjun.phone.waitForIncoming(5_000);
    await minjun.phone.answer();
    await (await moved).waitConnected(5_000);
    await caller.waitForTone(1400, { timeoutMs: 5_000 });
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'minjun' });
    // The desktop's own transfer request afterwards is answered as done.
    const late = await alice.api.request('transfer', { mode: 'blind', contactId, target: { kind: 'queue', queueId: 'support' } });
    expect(late).toMatchObject({ ok: true, body: { contact: { contactId, state: 'wrap-up' } } });
    expect(await alice.api.request('wrap-up.submit', { contactId, code: 'escalated' })).toMatchObject({ ok: true });

    await caller.hangup();
    await minjun.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
  });

  it('consult transfer with Replaces: agent 2 keeps the customer', async () => {
    await alice.api.request('set-state', { state: 'available' });
    await bob.api.request('set-state', { state: 'idle', reasonCode: 'break' });
    caller2 = customer(lab, 'customer-2', 550);
    const call = await caller2.call('7001');
    const secondOffer = await alice.api.waitFor((f) => f.type === 'event' && f.event === 'offer' && alice.api.events('offer').indexOf(f) === 1);
    const contactId = String(contactOf(secondOffer).contactId);
    await alice.phone.waitForIncoming(5_000);
    const customerLeg = await alice.phone.answer();
    await call.waitConnected(5_000);
    await caller2.waitForTone(1000, { timeoutMs: 5_000 });

    const consult = await alice.phone.call('1002');
    await bob.phone.waitForIncoming(5_000);
    await bob.phone.answer();
    await consult.waitConnected(5_000);
    await bob.phone.waitForTone(1000, { timeoutMs: 5_000 });
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'consulting' });

    const moved = caller2.waitForTransfer(5_000);
    await alice.phone.transfer(consult, customerLeg);
    await (await moved).waitConnected(5_000);
    await caller2.waitForTone(1200, { timeoutMs: 5_000 });
    expect(await consult.waitEnded(5_000)).toMatchObject({ endedBy: 'remote' }); // replaced (RFC 3891)
    await customerLeg.hangup(); // the transferor lets go of the old leg
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'bob', consult: null });
    await bob.api.waitFor(event('contact', (b) => (b.contact as { role: string; state: string }).role === 'owner' && (b.contact as { state: string }).state === 'connected'));
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required' && (b.wrapUp as { contactId: string }).contactId === contactId));

    await caller2.hangup();
    await bob.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'customer-hung-up' });
    expect(lab.stats()).toMatchObject({ dialogs: 0 });
  });
});
