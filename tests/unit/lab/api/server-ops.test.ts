import { AGENT_API_LIMITS } from '../../../../common/agent-api';
import { CLOSE_FRAME_TOO_LARGE } from '../../../../lab/api';
import { startHarness, type Harness } from './support/harness';
import { LOGIN_ALICE, LOGIN_BOB, type TestClient } from './support/test-client';

let h: Harness;
let alice: TestClient;
beforeEach(async () => {
  h = await startHarness();
  alice = await h.connect();
  await alice.request('login', LOGIN_ALICE);
  await alice.waitFor((f) => f.event === 'session');
  alice.mark();
});
afterEach(async () => {
  await h.close();
});

const contactOf = (frame: { body?: unknown }) => (frame.body as { contact: { state: string; cad: Record<string, string> } }).contact;

describe('ops reach the backend for the session’s own agent', () => {
  it('runs a call from offer to wrap-up', async () => {
    h.backend.offer('alice', 'c-1');
    expect((await alice.waitFor((f) => f.event === 'offer')).seq).toBe(2);
    expect(contactOf(await alice.request('accept-offer', { contactId: 'c-1' })).state).toBe('connected');
    const pending = await alice.request('set-state', { state: 'idle', reasonCode: 'lunch' });
    expect(pending.body).toMatchObject({ agentState: { state: 'idle', pending: { state: 'idle', reasonCode: 'lunch' } } });
    expect((await alice.request('cad.set', { contactId: 'c-1', cad: { account: '42' } })).body).toEqual({ contactId: 'c-1', cad: { account: '42' } });
    expect((await alice.request('cad.get', { contactId: 'c-1' })).body).toEqual({ contactId: 'c-1', cad: { account: '42' } });
    expect((await alice.request('recording.pause', { contactId: 'c-1' })).body).toEqual({ contactId: 'c-1', recording: { state: 'paused', autoResumeAt: null } });
    expect((await alice.request('recording.resume', { contactId: 'c-1' })).ok).toBe(true);
    expect((await alice.request('recording.resume', { contactId: 'c-1' })).error?.code).toBe('invalid-state');
    expect(contactOf(await alice.request('contact.end', { contactId: 'c-1' })).state).toBe('wrap-up');
    expect((await alice.waitFor((f) => f.event === 'wrap-up')).body).toMatchObject({ phase: 'required', wrapUp: { contactId: 'c-1' } });
    expect((await alice.request('wrap-up.cancel-auto', { contactId: 'c-1' })).body).toMatchObject({ wrapUp: { autoCancelled: true } });
    expect((await alice.request('wrap-up.submit', { contactId: 'c-1', code: 'resolved' })).body).toEqual({ contactId: 'c-1' });
    const seqs = alice.events().map((f) => f.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('consults, conferences and transfers', async () => {
    h.backend.offer('alice', 'c-1');
    await alice.request('accept-offer', { contactId: 'c-1' });
    const consult = await alice.request('consult', { contactId: 'c-1', target: { kind: 'queue', queueId: 'q-sales' } });
    expect(contactOf(consult).state).toBe('consult-requested');
    expect((await alice.request('conference', { contactId: 'c-1' })).error?.code).toBe('invalid-state');
    expect(contactOf(await alice.request('consult.cancel', { contactId: 'c-1' })).state).toBe('connected');
    const transfer = await alice.request('transfer', { mode: 'blind', contactId: 'c-1', target: { kind: 'dn', number: '+15550123' } });
    expect(contactOf(transfer).state).toBe('wrap-up');
  });

  it('answers declined offers, directory and outdial', async () => {
    h.backend.offer('alice', 'c-1');
    expect((await alice.request('decline-offer', { contactId: 'c-1' })).body).toEqual({ contactId: 'c-1' });
    expect((await alice.waitFor((f) => f.event === 'offer-withdrawn')).body).toEqual({ contactId: 'c-1', reason: 'declined' });
    const directory = await alice.request('directory.get');
    expect(directory.body).toMatchObject({ agents: [{ agentId: 'alice', presence: 'idle' }], queues: [{ queueId: 'q-sales' }] });
    expect(contactOf(await alice.request('outdial', { number: '+15550177', ani: '+15550199' })).state).toBe('outdial-reserved');
  });

  it('carries the numbered contact-center errors 14, 20 and 21', async () => {
    const bob = await h.connect();
    await bob.request('login', LOGIN_BOB);
    h.backend.offer('bob', 'c-b');
    await bob.request('accept-offer', { contactId: 'c-b' });
    expect((await alice.request('outdial', { number: '99912345' })).error).toEqual({ code: 'outdial-rejected', message: 'barred by the dial plan', number: 21 });
    h.backend.offer('alice', 'c-1');
    await alice.request('accept-offer', { contactId: 'c-1' });
    const consult = await alice.request('consult', { contactId: 'c-1', target: { kind: 'agent', agentId: 'bob' } });
    expect(consult.error).toMatchObject({ code: 'consult-failed', number: 14 });
    h.backend.emit('alice', { event: 'error', body: { code: 'outdial-failed', number: 20, message: 'no answer', contactId: 'c-1' } });
    expect((await alice.waitFor((f) => f.event === 'error')).body).toEqual({ code: 'outdial-failed', number: 20, message: 'no answer', contactId: 'c-1' });
  });

  it('never lets one agent touch another agent’s contact or see their events', async () => {
    const bob = await h.connect();
    await bob.request('login', LOGIN_BOB);
    h.backend.offer('bob', 'c-b');
    await bob.waitFor((f) => f.event === 'offer');
    const before = h.backend.digest();
    for (const op of ['accept-offer', 'decline-offer', 'cad.get', 'contact.end', 'recording.pause']) {
      expect((await alice.request(op, { contactId: 'c-b' })).error?.code).toBe('not-found');
    }
    expect((await alice.request('accept-offer', { contactId: 'c-b', agentId: 'bob' })).error?.code).toBe('malformed');
    expect(h.backend.digest()).toBe(before);
    expect(alice.events('offer')).toEqual([]);
  });
});

describe('what the server protects the client from', () => {
  it('turns an invalid backend result, a throw and an invalid event into internal / a drop', async () => {
    h.backend.getDirectory = () => ({ ok: true, value: { agents: 'everyone' } as never });
    expect((await alice.request('directory.get')).error?.code).toBe('internal');
    h.backend.getCad = () => {
      throw new Error('boom');
    };
    expect((await alice.request('cad.get', { contactId: 'c-1' })).error?.code).toBe('internal');
    h.backend.emit('alice', { event: 'agent-state', body: { state: 'napping' } as never });
    h.backend.emit('alice', { event: 'no-such-event', body: {} } as never);
    h.backend.emit('alice', { event: 'toString', body: {} } as never);
    h.backend.emit('alice', null as never);
    h.backend.emit('nobody', { event: 'session', body: { status: 'logged-out', reason: 'supervisor' } });
    expect((await alice.request('ping')).ok).toBe(true);
    expect(alice.events().map((f) => f.event)).toEqual(['session']);
    expect(h.server.stats().droppedEvents).toBe(5);
  });

  it('answers binary frames and frames without a readable id with an unsequenced error event', async () => {
    alice.send(Buffer.from([0xde, 0xad, 0xbe, 0xef]), true);
    alice.send('{"v":1,"id":"bad id!","type":"request","op":"ping","body":{}}');
    const [binary, noId] = await alice.take(2);
    expect(binary).toMatchObject({ type: 'event', event: 'error', seq: 0, body: { code: 'malformed' } });
    expect(noId).toMatchObject({ type: 'event', event: 'error', seq: 0, body: { code: 'malformed' } });
  });

  it('closes the connection with 1008 on a frame over the size cap, 1009 far over it', async () => {
    alice.send(`"${'x'.repeat(AGENT_API_LIMITS.maxFrameBytes)}"`);
    expect((await alice.closed).code).toBe(CLOSE_FRAME_TOO_LARGE);
    const other = await h.connect();
    other.send('x'.repeat(AGENT_API_LIMITS.maxFrameBytes * 4 + 1));
    expect((await other.closed).code).toBe(1009);
    const third = await h.connect();
    expect((await third.request('ping')).ok).toBe(true);
  });

  it('answers busy beyond the pending-request cap, and the rest in order', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const original = h.backend.getDirectory.bind(h.backend);
    const gated = async (agentId?: string, body?: Record<string, never>) => {
      await gate;
      return original(agentId, body);
    };
    h.backend.getDirectory = gated as unknown as typeof original;
    const total = AGENT_API_LIMITS.maxPendingRequests + 3;
    for (let i = 0; i < total; i += 1) alice.send(JSON.stringify({ v: 1, type: 'request', id: `d${i}`, op: 'directory.get', body: {} }));
    const busy = await alice.take(3);
    expect(busy.map((f) => [f.id, f.error?.code])).toEqual([
      [`d${total - 3}`, 'busy'],
      [`d${total - 2}`, 'busy'],
      [`d${total - 1}`, 'busy'],
    ]);
    release();
    const answered = await alice.take(AGENT_API_LIMITS.maxPendingRequests);
    expect(answered.map((f) => f.id)).toEqual(Array.from({ length: AGENT_API_LIMITS.maxPendingRequests }, (_, i) => `d${i}`));
  });
});
