import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import type { Party } from '../../../../lab/parties/party';
import type { PartyCall } from '../../../../lab/parties/party-call';
import { closeInOrder, contactOf, customer, event, loginAgent, type TestAgent } from './support/lab-kit';

jest.setTimeout(20_000);

/**
 * Who ends a call, and outdials: the desktop's `contact.end` makes the
 * proxy hang up the customer; the phone hanging up ends the contact for the
 * ACD (and a late `contact.end` is answered as done); an outdial placed by
 * the phone connects to an external number, and a number the dial plan
 * refuses gets 403 and error 21.
 */
describe('lab: ending calls and outdial', () => {
  let lab: Lab;
  let alice: TestAgent;
  let caller: Party;
  let external: Party;

  beforeAll(async () => {
    lab = await startLab({ logger: silentLogger() });
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    caller = customer(lab, 'customer-5', 440);
    external = customer(lab, '5550100', 880);
    await external.register();
  });

  afterAll(async () => {
    await closeInOrder(caller, external, alice?.phone, alice?.api);
    await lab.stop();
  });

  async function answered(): Promise<{ call: PartyCall; contactId: string }> {
    const before = alice.api.events('offer').length;
    const call = await caller.call('7001');
    const offer = await alice.api.waitFor((f) => f.type === 'event' && f.event === 'offer' && alice.api.events('offer').indexOf(f) === before);
    await alice.phone.waitForIncoming(5_000);
    await alice.phone.answer();
    await call.waitConnected(5_000);
    await caller.waitForTone(1000, { timeoutMs: 5_000 });
    return { call, contactId: String(contactOf(offer).contactId) };
  }

  async function wrapUp(contactId: string): Promise<void> {
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required' && (b.wrapUp as { contactId: string }).contactId === contactId));
    expect(await alice.api.request('wrap-up.submit', { contactId, code: 'resolved' })).toMatchObject({ ok: true });
  }

  it('contact.end from the desktop: the proxy hangs up both phones', async () => {
    await alice.api.request('set-state', { state: 'available' });
    const { call, contactId } = await answered();
    const agentLeg = alice.phone.current;
    const ended = await alice.api.request('contact.end', { contactId });
    expect(ended).toMatchObject({ ok: true, body: { contact: { contactId, state: 'wrap-up' } } });
    expect(await call.waitEnded(5_000)).toMatchObject({ endedBy: 'remote' });
    expect(await agentLeg?.waitEnded(5_000)).toMatchObject({ endedBy: 'remote' });
    await wrapUp(contactId);
    expect(lab.acd.contact(contactId)).toMatchObject({ endReason: 'agent-ended' });
  });

  it('the phone hanging up ends the contact; a later contact.end is answered as done', async () => {
    const { call, contactId } = await answered();
    await alice.phone.hangup();
    expect(await call.waitEnded(5_000)).toMatchObject({ endedBy: 'remote' });
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required' && (b.wrapUp as { contactId: string }).contactId === contactId));
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'ended', endReason: 'agent-ended' });
    expect(await alice.api.request('contact.end', { contactId })).toMatchObject({ ok: true, body: { contact: { state: 'wrap-up' } } });
    await wrapUp(contactId);
  });

  it('an outdial from the phone connects; a refused number gets 403 and error 21', async () => {
    await alice.api.request('set-state', { state: 'idle', reasonCode: 'not-ready' });
    const refused = await alice.phone.call('19005550100');
    await expect(refused.waitConnected(5_000)).rejects.toThrow();
    expect(refused.info()).toMatchObject({ outcome: 'rejected', status: 403 });
    const error = await alice.api.waitFor(event('error', (b) => b.code === 'outdial-rejected'));
    expect(error.body).toMatchObject({ number: 21 });

    const call = await alice.phone.call('5550100');
    const created = await alice.api.waitFor(event('contact', (b) => b.change === 'created' && (b.contact as { direction: string }).direction === 'outbound'));
    const contactId = String(contactOf(created).contactId);
    await external.waitForIncoming(5_000);
    await external.answer();
    await call.waitConnected(5_000);
    await Promise.all([external.waitForTone(1000, { timeoutMs: 5_000 }), alice.phone.waitForTone(880, { timeoutMs: 5_000 })]);
    expect(lab.acd.contact(contactId)).toMatchObject({ state: 'connected', direction: 'outbound', customerNumber: '5550100', owner: 'alice' });
    await external.hangup();
    await wrapUp(contactId);
    expect(lab.acd.agent('alice')).toMatchObject({ state: 'idle' });
  });
});
