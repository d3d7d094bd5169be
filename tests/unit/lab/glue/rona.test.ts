import { ManualClock } from '../../../../lab/acd';
import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import type { Party } from '../../../../lab/parties/party';
import { closeInOrder, contactOf, customer, event, loginAgent, type TestAgent } from './support/lab-kit';

jest.setTimeout(20_000);

/**
 * RONA through the whole lab, on a manual clock (ACD, API and SIP timers):
 * alice's phone rings and is not answered; when the ring time passes the
 * proxy CANCELs it, the ACD puts alice in RONA and offers the call to bob.
 */
describe('lab: RONA', () => {
  let lab: Lab;
  let clock: ManualClock;
  let alice: TestAgent;
  let bob: TestAgent;
  let caller: Party;
  let second: Party;

  beforeAll(async () => {
    clock = new ManualClock(Date.now());
    lab = await startLab({ logger: silentLogger(), clock });
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    bob = await loginAgent(lab, 'bob', '1002', 'sales', 1200);
    await alice.api.request('set-state', { state: 'available' });
    clock.advance(1_000); // bob becomes ready later: alice has waited longest
    await bob.api.request('set-state', { state: 'available' });
  });

  afterAll(async () => {
    await closeInOrder(caller, second, alice?.phone, bob?.phone, alice?.api, bob?.api);
    await lab.stop();
  });

  it('withdraws the unanswered offer, puts alice in RONA and rings bob', async () => {
    caller = customer(lab, 'customer-7', 440);
    const outgoing = await caller.call('7001');
    const offer = await alice.api.waitFor(event('offer'));
    const contactId = String(contactOf(offer).contactId);
    const ringing = await alice.phone.waitForIncoming(5_000);

    clock.advance(lab.org.timers.ronaSeconds * 1000);

    await alice.api.waitFor(event('offer-withdrawn', (b) => b.contactId === contactId && b.reason === 'rona'));
    await alice.api.waitFor(event('agent-state', (b) => b.state === 'rona'));
    expect(await ringing.waitEnded(5_000)).toMatchObject({ outcome: 'missed' });
    expect(lab.acd.agent('alice')).toMatchObject({ availability: 'rona', contactId: null });

    const second = await bob.api.waitFor(event('offer'));
    expect(contactOf(second)).toMatchObject({ contactId, state: 'offered' });
    await bob.phone.waitForIncoming(5_000);
    await bob.phone.answer();
    await outgoing.waitConnected(5_000);
    await caller.waitForTone(1200, { timeoutMs: 5_000 });
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'connected', owner: 'bob' });
    expect(lab.acd.queueStats('sales')).toMatchObject({ rona: 1, answered: 1 });
    expect(alice.api.events('contact')).toHaveLength(0);
  });

  it('RONA is left only by choosing Available', async () => {
    const set = await alice.api.request('set-state', { state: 'available' });
    expect(set).toMatchObject({ ok: true, body: { agentState: { state: 'available' } } });
  });

  it('declining in the desktop stops the phone ringing; the call waits in the queue until abandoned', async () => {
    second = customer(lab, 'customer-8', 550);
    const outgoing = await second.call('7001');
    const offer = await alice.api.waitFor((f) => f.type === 'event' && f.event === 'offer' && alice.api.events('offer').indexOf(f) === 1);
    const contactId = String(contactOf(offer).contactId);
    const ringing = await alice.phone.waitForIncoming(5_000);
    expect(await alice.api.request('decline-offer', { contactId })).toMatchObject({ ok: true, body: { contactId } });
    expect(await ringing.waitEnded(5_000)).toMatchObject({ outcome: 'missed' });
    expect(lab.acd.agent('alice')).toMatchObject({ availability: 'rona' });
    expect(lab.acd.queueContents('sales')).toEqual([contactId]);
    await second.hangup();
    expect(await outgoing.waitEnded(5_000)).toMatchObject({ outcome: 'cancelled' });
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'abandoned' });
    expect(lab.stats()).toMatchObject({ contactCalls: 1, dialogs: 1 }); // bob's call goes on
  });
});
