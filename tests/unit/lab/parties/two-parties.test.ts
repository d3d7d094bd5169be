import { createParty, type Party } from '../../../../lab/parties/party';
import { WsSipRelay } from './support/ws-sip-relay';

jest.setTimeout(15_000);

/**
 * Two real parties (SIP.js + werift, DTLS-SRTP on loopback) through a test
 * relay: signalling, two-way audio, hold, resume and hangup, proven by the
 * tones each side hears and the RTP it counts.
 */
describe('two parties with real media', () => {
  let relay: WsSipRelay;
  let alice: Party;
  let bob: Party;

  beforeAll(async () => {
    relay = await WsSipRelay.start();
    alice = createParty({ serverUrl: relay.url, user: 'alice', toneHz: 440 });
    bob = createParty({ serverUrl: relay.url, user: 'bob', toneHz: 880, codecs: ['PCMA', 'PCMU'] });
    await Promise.all([alice.register(), bob.register()]);
  });

  afterAll(async () => {
    await Promise.all([alice.close(), bob.close()]);
    await relay.close();
  });

  it('registers both', () => {
    expect(relay.isRegistered('alice')).toBe(true);
    expect(relay.isRegistered('bob')).toBe(true);
    expect(alice.registered && bob.registered).toBe(true);
  });

  it('connects a call with audio both ways, in the codec the answer put first (bob prefers A-law)', async () => {
    const outgoing = await alice.call('bob', { extraHeaders: ['X-Queue: sales'] });
    const incoming = await bob.waitForIncoming(5_000);
    expect(incoming.header('X-Queue')).toBe('sales');
    expect(incoming.info().remoteUser).toBe('alice');
    await bob.answer();
    await outgoing.waitConnected(5_000);

    await Promise.all([alice.waitForTone(880, { timeoutMs: 5_000 }), bob.waitForTone(440, { timeoutMs: 5_000 })]);
    expect(alice.hears(440)).toBe(false);
    expect(bob.hears(880)).toBe(false);
    const a = outgoing.info();
    expect(a.codec).toBe('PCMA');
    expect(incoming.info().codec).toBe('PCMA');
    expect(a.mediaDirection).toBe('sendrecv');
    expect(a.packetsSent).toBeGreaterThan(0);
    expect(a.packetsReceived).toBeGreaterThan(0);
  });

  it('hold stops the held side sending: the holder no longer hears it, the held still hears the holder', async () => {
    await alice.hold();
    expect(alice.current?.info()).toMatchObject({ onHold: true, mediaDirection: 'sendonly' });
    expect(bob.current?.info().mediaDirection).toBe('recvonly');
    await alice.waitForSilence({ frequencyHz: 880, timeoutMs: 3_000 });

    // Over the next ~0.5 s bob keeps receiving alice, and alice receives (almost) nothing.
    const aliceBefore = alice.stats().packetsReceived;
    const bobBefore = bob.stats().packetsReceived;
    const bobSentBefore = bob.stats().packetsSent;
    await bob.waitForReceived(bobBefore + 25, { timeoutMs: 3_000 });
    expect(bob.hears(440)).toBe(true);
    expect(alice.stats().packetsReceived - aliceBefore).toBeLessThanOrEqual(2);
    expect(bob.stats().packetsSent - bobSentBefore).toBe(0);
  });

  it('resume restores audio both ways', async () => {
    await alice.resume();
    expect(alice.current?.info()).toMatchObject({ onHold: false, mediaDirection: 'sendrecv' });
    await Promise.all([alice.waitForTone(880, { timeoutMs: 3_000 }), bob.waitForTone(440, { timeoutMs: 3_000 })]);
  });

  it('hangup ends both sides', async () => {
    const aliceCall = alice.current;
    const bobCall = bob.current;
    await alice.hangup();
    const [a, b] = await Promise.all([aliceCall?.waitEnded(3_000), bobCall?.waitEnded(3_000)]);
    expect(a).toMatchObject({ state: 'ended', outcome: 'answered', endedBy: 'local' });
    expect(b).toMatchObject({ state: 'ended', outcome: 'answered', endedBy: 'remote' });
    await bob.waitForSilence({ timeoutMs: 3_000 });
  });

  it('a declined call reports the status to the caller', async () => {
    bob.onIncoming((call) => void call.decline(603));
    const outgoing = await alice.call('bob');
    const ended = await outgoing.waitEnded(3_000);
    expect(ended).toMatchObject({ outcome: 'rejected', status: 603, endedBy: 'remote' });
  });
});
