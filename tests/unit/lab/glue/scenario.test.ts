import { silentLogger } from '../../../../lab/log';
import { startLab, type Lab } from '../../../../lab/lab';
import type { Scenario } from '../../../../lab/parties/script-schema';
import { closeInOrder, event, loginAgent, type TestAgent } from './support/lab-kit';

jest.setTimeout(20_000);

const scenario: Scenario = {
  name: 'one-call',
  parties: [
    {
      startAtMs: 0,
      party: { user: 'customer-9', toneHz: 660 },
      steps: [
        { action: 'call', target: '7001' },
        { action: 'wait-connected', timeoutMs: 10_000 },
        { action: 'expect-tone', hz: 1000, timeoutMs: 5_000 },
        { action: 'hangup' },
      ],
    },
  ],
};

/** A scenario started with the lab: its parties get the lab's party password and reach the queue. */
describe('lab: scenario', () => {
  let lab: Lab;
  let alice: TestAgent;

  afterAll(async () => {
    await closeInOrder(alice?.phone, alice?.api);
    await lab?.stop();
  });

  it('runs a customer script against a logged-in agent', async () => {
    lab = await startLab({ logger: silentLogger() });
    alice = await loginAgent(lab, 'alice', '1001', 'sales', 1000);
    await alice.api.request('set-state', { state: 'available' });
    alice.phone.onIncoming(() => void alice.phone.answer());
    const running = await lab.startScenario(scenario);
    expect(lab.stats().scenarios).toBe(1);
    const result = await running.done;
    expect(result.parties[0]).toMatchObject({ user: 'customer-9', outcome: 'completed', tonesHeard: [1000] });
    await alice.api.waitFor(event('wrap-up', (b) => b.phase === 'required'));
    expect(lab.stats().scenarios).toBe(0);
  });

  it('refuses a scenario file that does not exist, and stops idempotently', async () => {
    await expect(lab.startScenario('/nonexistent/scenario.json')).rejects.toThrow();
    await closeInOrder(alice.phone, alice.api); // before the lab goes: an unanswered un-REGISTER keeps SIP.js busy 32 s
    await Promise.all([lab.stop(), lab.stop()]);
    await expect(lab.startScenario(scenario)).rejects.toThrow('stopping');
  });
});
