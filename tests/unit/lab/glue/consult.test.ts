import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import type { Party } from '../../../../lab/parties/party';
import type { PartyCall } from '../../../../lab/parties/party-call';
import { closeInOrder, contactOf, customer, event, loginAgent, type TestAgent } from './support/lab-kit';

jest.setTimeout(20_000);

/** Puts `agent` on a call with a new customer of Sales; returns the customer's call and the contact id. */
async function connect(lab: Lab, agent: TestAgent, caller: Party): Promise<{ call: PartyCall; contactId: string }> {
  const before = agent.api.events('offer').length;
  const call = await caller.call('7001');
  const offer = await agent.api.waitFor((f) => f.type === 'event' && f.event === 'offer' && agent.api.events('offer').indexOf(f) >= before);
  await agent.phone.waitForIncoming(5_000);
  await agent.phone.answer();
  await call.waitConnected(5_000);
  // Media up before moving on: a party closed mid-DTLS-handshake leaves werift retransmitting for ~33 s.
  await caller.waitForReceived(10, { timeoutMs: 5_000 });
  return { call, contactId: String(contactOf(offer).contactId) };
}

/**
 * Consults placed by the agent's softphone: the lab asks the ACD. Bob busy
 * on his own call → error 14 (486 to the phone, an `error` event to the
 * desktop); bob free → the consult connects, and when the customer hangs up
 * the proxy drops bob's leg.
 */
describe('lab: consult through SIP', () => {
  let lab: Lab;
  let alice: TestAgent;
  let bob: TestAgent;
  let first: Party;
  let second: Party;
  let aliceContact = '';

  beforeAll(async () => {
    lab = await startLab({ logger: silentLogger() });
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    bob = await loginAgent(lab, 'bob', '1002', 'sales', 1200);
    first = customer(lab, 'customer-1', 440);
    second = customer(lab, 'customer-2', 550);
  });

  afterAll(async () => {
    await closeInOrder(first, second, alice?.phone, bob?.phone, alice?.api, bob?.api);
    await lab.stop();
  });

  it('refuses a consult to a busy agent with error 14', async () => {
    await alice.api.request('set-state', { state: 'available' });
    aliceContact = (await connect(lab, alice, first)).contactId;
    await bob.api.request('set-state', { state: 'available' });
    await connect(lab, bob, second);

    const consult = await alice.phone.call('1002');
    await expect(consult.waitConnected(5_000)).rejects.toThrow();
    expect(consult.info()).toMatchObject({ outcome: 'rejected', status: 486 });
    const error = await alice.api.waitFor(event('error'));
    expect(error.body).toMatchObject({ code: 'consult-failed', number: 14, contactId: aliceContact });
    expect(error.seq).toBeGreaterThan(0);
    expect(lab.acd.contact(aliceContact)).toMatchObject({ state: 'connected', consult: null });
    expect(bob.phone.calls.filter((c) => c.direction === 'incoming')).toHaveLength(1);
  });

  it('connects a consult to a free agent; the customer hanging up drops agent 2', async () => {
    const bobCustomer = second.current;
    await second.hangup();
    await bobCustomer?.waitEnded(5_000);
    const required = await bob.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
    const bobContact = (required.body as { wrapUp: { contactId: string } }).wrapUp.contactId;
    await bob.api.request('set-state', { state: 'idle', reasonCode: 'break' });
    expect(await bob.api.request('wrap-up.submit', { contactId: bobContact, code: 'resolved' })).toMatchObject({ ok: true });

    const consult = await alice.phone.call('1002');
    const ringing = await bob.phone.waitForIncoming(5_000);
    expect(ringing.header('X-Contact-Id')).toBe(aliceContact);
    const created = await bob.api.waitFor(event('contact', (b) => b.change === 'created' && (b.contact as { contactId: string }).contactId === aliceContact));
    expect(contactOf(created)).toMatchObject({ role: 'consulted', state: 'consult-requested' });
    await bob.phone.answer();
    await consult.waitConnected(5_000);
    await bob.phone.waitForTone(1000, { timeoutMs: 5_000 }); // alice's line 2 reaches bob
    await alice.api.waitFor(event('consult', (b) => b.phase === 'answered' && b.contactId === aliceContact));
    const updated = await bob.api.waitFor(event('contact', (b) => b.change === 'updated' && (b.contact as { state: string }).state === 'consulting'));
    expect(contactOf(updated)).toMatchObject({ role: 'consulted', contactId: aliceContact });
    expect(lab.acd.contact(aliceContact)).toMatchObject({ state: 'consulting', consult: { consultedAgent: 'bob' } });

    await first.hangup();
    expect(await ringing.waitEnded(5_000)).toMatchObject({ endedBy: 'remote' });
    expect(await consult.waitEnded(5_000)).toMatchObject({ endedBy: 'remote' });
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
    await bob.api.waitFor(event('contact', (b) => b.change === 'ended' && (b.contact as { contactId: string }).contactId === aliceContact));
    expect(bob.api.events('wrap-up').filter((f) => (f.body as { phase: string }).phase === 'required')).toHaveLength(1);
    expect(lab.acd.agent('bob')).toMatchObject({ state: 'idle' });
    expect(lab.stats()).toMatchObject({ dialogs: 0 });
  });
});
