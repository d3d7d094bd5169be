import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import type { Party } from '../../../../lab/parties/party';
import { closeInOrder, contactOf, customer, event, loginAgent, type TestAgent } from './support/lab-kit';

jest.setTimeout(20_000);

/**
 * The whole lab on loopback: an agent logs in over the agent API, registers
 * the provisioned phone (a werift party standing in for the softphone), a
 * customer calls Sales, the offer rings the phone, both hear each other,
 * the customer hangs up, the agent wraps up.
 */
describe('lab: an inbound call from queue to wrap-up', () => {
  let lab: Lab;
  let alice: TestAgent;
  let caller: Party;

  beforeAll(async () => {
    lab = await startLab({ logger: silentLogger() });
  });

  afterAll(async () => {
    await closeInOrder(caller, alice?.phone, alice?.api);
    await lab.stop();
  });

  it('provisions the phone at login', async () => {
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    const body = alice.login.body as Record<string, unknown>;
    expect(body.phone).toEqual({ sipServer: lab.sipUrl, aor: 'sip:1001@lab.test', authUser: '1001', password: 'lab-sip-1001' });
    expect(lab.sip.registrations().map((r) => r.user)).toContain('1001');
    const set = await alice.api.request('set-state', { state: 'available' });
    expect(set).toMatchObject({ ok: true, body: { agentState: { state: 'available' } } });
  });

  it('offers the call, rings the phone, connects with audio both ways', async () => {
    caller = customer(lab, 'customer-1', 440);
    const outgoing = await caller.call('7001');
    const offer = await alice.api.waitFor(event('offer'));
    const contact = contactOf(offer);
    expect(contact).toMatchObject({ state: 'offered', role: 'owner', queue: { queueId: 'sales', name: 'Sales' }, customer: { display: 'customer-1' } });
    const ringing = await alice.phone.waitForIncoming(5_000);
    expect(ringing.header('X-Contact-Id')).toBe(contact.contactId);

    await alice.phone.answer();
    await outgoing.waitConnected(5_000);
    await alice.api.waitFor(event('contact', (b) => (b.contact as { state: string }).state === 'connected'));
    expect(lab.acd.contact(String(contact.contactId))).toMatchObject({ state: 'connected', owner: 'alice' });
    await Promise.all([caller.waitForTone(1000, { timeoutMs: 5_000 }), alice.phone.waitForTone(440, { timeoutMs: 5_000 })]);
    expect(lab.stats()).toMatchObject({ activeContacts: 1, dialogs: 1 });
  });

  it('customer hangs up: wrap-up required, submitted, recorded', async () => {
    const contactId = String(contactOf(await alice.api.waitFor(event('offer'))).contactId);
    await caller.hangup();
    const required = await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
    expect(required.body).toMatchObject({ wrapUp: { contactId, defaultCode: 'auto', autoCancelled: false } });
    await alice.api.waitFor(event('contact', (b) => (b.contact as { state: string }).state === 'wrap-up'));
    const submit = await alice.api.request('wrap-up.submit', { contactId, code: 'sale', cad: { notes: 'bought two' } });
    expect(submit).toMatchObject({ ok: true, body: { contactId } });
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'done' && b.by === 'agent'));
    await alice.api.waitFor(event('contact', (b) => b.change === 'ended'));
    expect(lab.acd.wrapUpRecords({ contactId })).toEqual([
      expect.objectContaining({ username: 'alice', code: 'sale', cad: { notes: 'bought two' }, customerNumber: 'customer-1', queueId: 'sales', auto: false }),
    ]);
    expect(lab.acd.agent('alice')).toMatchObject({ state: 'available' });
    expect(lab.stats()).toMatchObject({ activeContacts: 0, dialogs: 0, contactCalls: 0 });
  });
});
