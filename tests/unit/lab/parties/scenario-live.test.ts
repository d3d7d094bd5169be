import { silentLogger } from '../../../../lab/log';
import { runScenario } from '../../../../lab/parties/scenario-runner';
import { Scenario } from '../../../../lab/parties/script-schema';
import { WsSipRelay } from './support/ws-sip-relay';

jest.setTimeout(15_000);

/** A scenario run by real parties (SIP.js + werift) in real time through the test relay. */
describe('scenario with real parties', () => {
  let relay: WsSipRelay;

  beforeAll(async () => {
    relay = await WsSipRelay.start();
  });

  afterAll(async () => {
    await relay.close();
  });

  it('an external number answers, both hear each other, the caller hangs up', async () => {
    const scenario = Scenario.parse({
      name: 'live',
      parties: [
        {
          party: { user: '5550100', toneHz: 880 },
          steps: [
            { action: 'answer-after', ms: 200, timeoutMs: 5_000 },
            { action: 'expect-tone', hz: 440, timeoutMs: 5_000 },
            { action: 'wait-end', timeoutMs: 5_000 },
          ],
        },
        {
          startAtMs: 300,
          party: { user: 'agent-1', toneHz: 440, codecs: ['PCMA'] },
          steps: [
            { action: 'call', target: '5550100' },
            { action: 'wait-connected', timeoutMs: 5_000 },
            { action: 'expect-tone', hz: 880, timeoutMs: 5_000 },
            { action: 'hangup-after', ms: 300 },
          ],
        },
      ],
    });
    const result = await runScenario(scenario, { serverUrl: relay.url, domain: 'lab.test', logger: silentLogger() });
    const [external, agent] = result.parties;
    expect(external).toMatchObject({ outcome: 'completed', tonesHeard: [440] });
    expect(agent).toMatchObject({ outcome: 'completed', tonesHeard: [880] });
    expect(external?.calls[0]).toMatchObject({ direction: 'incoming', outcome: 'answered', endedBy: 'remote', codec: 'PCMA' });
    expect(agent?.calls[0]?.packetsReceived).toBeGreaterThan(10);
    expect(relay.isRegistered('5550100')).toBe(false);
  });
});
