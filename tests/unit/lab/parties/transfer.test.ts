import { createParty, type Party } from '../../../../lab/parties/party';
import { WsSipRelay } from './support/ws-sip-relay';

jest.setTimeout(15_000);

/**
 * Transfers with real media. Alice is the customer (transferee), Bob the
 * agent (transferor), Carol the target. Alice follows the REFER on her own;
 * Carol, as target of an attended transfer, accepts the INVITE with
 * Replaces and ends her consult leg with Bob.
 */
describe('transfers between real parties', () => {
  let relay: WsSipRelay;
  let alice: Party;
  let bob: Party;
  let carol: Party;

  beforeEach(async () => {
    relay = await WsSipRelay.start();
    alice = createParty({ serverUrl: relay.url, user: 'alice', toneHz: 440 });
    bob = createParty({ serverUrl: relay.url, user: 'bob', toneHz: 880 });
    carol = createParty({ serverUrl: relay.url, user: 'carol', toneHz: 1200 });
    await Promise.all([alice.register(), bob.register(), carol.register()]);
    carol.onIncoming((call) => void call.answer());
    const call = await alice.call('bob');
    await bob.waitForIncoming(5_000);
    await bob.answer();
    await call.waitConnected(5_000);
    await alice.waitForTone(880, { timeoutMs: 5_000 });
  });

  afterEach(async () => {
    await Promise.all([alice.close(), bob.close(), carol.close()]);
    await relay.close();
  });

  it('blind: alice follows the REFER to carol and hears her', async () => {
    const original = alice.current;
    const agentLeg = bob.current;
    const transferred = alice.waitForTransfer(5_000);
    await bob.transfer('carol');
    await bob.hangup();
    const next = await transferred;
    await next.waitConnected(5_000);
    await alice.waitForTone(1200, { timeoutMs: 5_000 });
    await carol.waitForTone(440, { timeoutMs: 5_000 });
    expect(alice.current).toBe(next);
    expect(alice.hears(880)).toBe(false);
    await expect(original?.waitEnded(3_000)).resolves.toMatchObject({ outcome: 'answered', endedBy: 'remote' });
    expect(agentLeg?.info().endedBy).toBe('local');
  });

  it('attended: alice replaces bob\'s consult call with carol, and carol ends that leg', async () => {
    const customerLeg = bob.current;
    const consult = await bob.call('carol');
    await consult.waitConnected(5_000);
    await bob.waitForTone(1200, { timeoutMs: 5_000 });

    const transferred = alice.waitForTransfer(5_000);
    // Back to the customer's leg, then REFER it with Replaces naming the consult dialog.
    const consultEnded = consult.waitEnded(5_000);
    if (!customerLeg) throw new Error('no customer leg');
    await bob.transfer(consult, customerLeg);
    const next = await transferred;
    await next.waitConnected(5_000);
    expect(carol.current?.header('Replaces')).toContain(consult.session.dialog?.callId ?? 'no dialog');
    await expect(consultEnded).resolves.toMatchObject({ endedBy: 'remote' });
    await Promise.all([alice.waitForTone(1200, { timeoutMs: 5_000 }), carol.waitForTone(440, { timeoutMs: 5_000 })]);
    expect(carol.current?.direction).toBe('incoming');
    expect(carol.calls).toHaveLength(2);
  });
});
