import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import { RawSipClient } from '../sip/support/raw-client';
import { closeInOrder, loginAgent, TestClient, type TestAgent } from './support/lab-kit';

jest.setTimeout(10_000);

/** What the lab's state looks like from outside, for before/after comparisons. */
function state(lab: Lab): unknown {
  return { alice: lab.acd.agent('alice'), contacts: lab.acd.activeContacts(), directory: lab.acd.directory(), stats: lab.acd.queueStats('sales') };
}

/**
 * Malformed input from the network changes nothing: garbage and broken SIP
 * on the SIP port, an unauthenticated INVITE to a queue, broken and
 * refused agent-API frames. The lab keeps serving afterwards.
 */
describe('lab: malformed input', () => {
  let lab: Lab;
  let alice: TestAgent;
  let raw: RawSipClient;
  let stranger: TestClient;

  beforeAll(async () => {
    lab = await startLab({ logger: silentLogger() });
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    await alice.api.request('set-state', { state: 'available' });
  });

  afterAll(async () => {
    await closeInOrder(raw, stranger, alice?.phone, alice?.api);
    await lab.stop();
  });

  it('a malformed SIP frame and an unauthenticated queue call change nothing', async () => {
    const before = state(lab);
    raw = await RawSipClient.connect(lab.sipUrl);
    raw.send('INVITE sip:7001@lab.test SIP/2.0\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bKbad\r\nCSeq: nonsense\r\n\r\n');
    raw.send(Buffer.from([0xff, 0xfe, 0x00, 0x41]));
    raw.send('\u0000'.repeat(64));
    raw.send(raw.request('INVITE', 'sip:7001@lab.test', { from: 'intruder', callId: 'garbage-1' }));
    const challenge = await raw.next((t) => t.includes('garbage-1') && /^SIP\/2\.0 407/.test(t));
    expect(challenge).toContain('Proxy-Authenticate');
    raw.send('OPTIONS sip:lab.test SIP/2.0\r\nVia: SIP/2.0/WS x.invalid;branch=z9hG4bKok\r\nFrom: <sip:x@lab.test>;tag=1\r\nTo: <sip:lab.test>\r\nCall-ID: opt-1\r\nCSeq: 1 OPTIONS\r\nMax-Forwards: 70\r\nContent-Length: 0\r\n\r\n');
    await raw.next((t) => t.includes('opt-1') && /^SIP\/2\.0 200/.test(t));
    expect(state(lab)).toEqual(before);
    expect(lab.stats()).toMatchObject({ activeContacts: 0, dialogs: 0, contactCalls: 0 });
  });

  it('malformed and refused agent-API frames change nothing', async () => {
    const before = state(lab);
    alice.api.mark();
    alice.api.send('{not json');
    alice.api.send(JSON.stringify({ v: 1, type: 'request', id: 'b1', op: 'set-state', body: { state: 'rona' } }));
    alice.api.send(JSON.stringify({ v: 1, type: 'request', id: 'b2', op: 'accept-offer', body: { contactId: 'contact-999' } }));
    alice.api.send(JSON.stringify({ v: 1, type: 'request', id: 'b3', op: 'wrap-up.submit', body: { contactId: 'contact-1', code: 'x', agentId: 'bob' } }));
    const replies = await alice.api.take(4);
    expect(replies[0]).toMatchObject({ type: 'event', event: 'error', seq: 0, body: { code: 'malformed' } });
    expect(replies.slice(1).map((f) => [f.id, f.ok, f.error?.code])).toEqual([
      ['b1', false, 'malformed'],
      ['b2', false, 'not-found'],
      ['b3', false, 'malformed'],
    ]);
    stranger = await TestClient.connect(lab.apiUrl);
    expect(await stranger.request('set-state', { state: 'available' })).toMatchObject({ ok: false, error: { code: 'not-logged-in' } });
    expect(await stranger.request('login', { username: 'alice', password: 'wrong', dn: '1001', teamId: 'sales' })).toMatchObject({
      ok: false,
      error: { code: 'bad-credentials' },
    });
    expect(state(lab)).toEqual(before);
    expect(await alice.api.request('ping', {})).toMatchObject({ ok: true });
    expect(alice.api.events('session').filter((f) => (f.body as { status: string }).status === 'logged-out')).toHaveLength(0);
  });
});
