import path from 'node:path';
import { silentLogger } from '../../../../lab/log';
import { ManualClock } from '../../../../lab/parties/clock';
import { loadScenarioFile, startScenario } from '../../../../lab/parties/scenario-runner';
import { runScript } from '../../../../lab/parties/script-runner';
import { PartyScript } from '../../../../lab/parties/script-schema';
import { FakeParty, type FakeCall } from './support/fake-party';

const logger = silentLogger();

function script(steps: unknown[]): PartyScript {
  return PartyScript.parse({ party: { user: 'c1' }, steps });
}

describe('script runner on a manual clock', () => {
  let clock: ManualClock;

  beforeEach(() => {
    clock = new ManualClock();
  });

  afterEach(() => {
    expect(clock.pending).toBe(0);
  });

  it('abandons an unanswered call after exactly the given time and skips the rest', async () => {
    const party = new FakeParty('c1', clock);
    const done = runScript(
      script([{ action: 'call', target: 'sales', headers: ['X-Customer-Id: 7'] }, { action: 'abandon-after', ms: 20_000 }, { action: 'hangup-after', ms: 5_000 }]),
      party,
      { clock, logger, register: false },
    );
    await clock.advance(19_999);
    expect(party.calls[0]?.state).toBe('calling');
    await clock.advance(1);
    const result = await done;
    expect(result.outcome).toBe('abandoned');
    expect(result.steps.map((s) => [s.action, s.ok, s.endedAt])).toEqual([
      ['call', true, 0],
      ['abandon-after', true, 20_000],
    ]);
    expect(party.calls[0]?.headers).toEqual(['X-Customer-Id: 7']);
    expect(party.events).toEqual(['0 call sales', '20000 hangup sales']);
    expect(result.calls[0]).toMatchObject({ outcome: 'cancelled', endedBy: 'local' });
  });

  it('goes on when answered in time, then hangs up after talking', async () => {
    const party = new FakeParty('c1', clock, (call) => clock.setTimeout(() => call.connect(), 5_000));
    const done = runScript(
      script([{ action: 'call', target: 'sales' }, { action: 'abandon-after', ms: 20_000 }, { action: 'hangup-after', ms: 30_000 }]),
      party,
      { clock, logger, register: false },
    );
    await clock.advance(40_000);
    const result = await done;
    expect(result.outcome).toBe('completed');
    expect(result.steps[1]).toMatchObject({ note: 'answered', endedAt: 5_000 });
    expect(party.events).toEqual(['0 call sales', '35000 hangup sales']);
  });

  it('hangup-after ends early when the far end hangs up first', async () => {
    let call: FakeCall | undefined;
    const party = new FakeParty('c1', clock, (c) => {
      call = c;
      c.connect();
    });
    const done = runScript(script([{ action: 'call', target: 'sales' }, { action: 'hangup-after', ms: 30_000 }]), party, {
      clock,
      logger,
      register: false,
    });
    await clock.advance(1_000);
    call?.end('remote');
    await clock.advance(0);
    const result = await done;
    expect(result.steps[1]).toMatchObject({ ok: true, note: 'ended by far end', endedAt: 1_000 });
    expect(party.events).toEqual(['0 call sales']);
  });

  it('registers, lets an incoming call ring, answers it, and checks the tone', async () => {
    const party = new FakeParty('ext-1', clock);
    party.hearing.add(1_000);
    const done = runScript(
      script([{ action: 'answer-after', ms: 3_000 }, { action: 'expect-tone', hz: 1_000 }, { action: 'wait-end', timeoutMs: 60_000 }]),
      party,
      { clock, logger, register: true },
    );
    await clock.advance(500);
    const incoming = party.ring('agent-1');
    await clock.advance(2_999);
    expect(incoming.state).toBe('ringing');
    await clock.advance(1);
    expect(incoming.state).toBe('connected');
    await clock.advance(10_000);
    incoming.end('remote');
    const result = await done;
    expect(result).toMatchObject({ outcome: 'completed', tonesHeard: [1_000] });
    expect(party.registered).toBe(true);
    expect(party.events).toEqual(['0 register', '3500 answer agent-1']);
  });

  it('fails with the reason when a step fails (tone never heard)', async () => {
    const party = new FakeParty('c1', clock, (c) => c.connect());
    const done = runScript(script([{ action: 'call', target: 'sales' }, { action: 'expect-tone', hz: 440, timeoutMs: 2_000 }, { action: 'hangup' }]), party, {
      clock,
      logger,
      register: false,
    });
    await clock.advance(2_000);
    const result = await done;
    expect(result.outcome).toBe('failed');
    expect(result.error).toMatch(/step 1 \(expect-tone\): timed out after 2000 ms waiting for tone 440 Hz/);
    expect(result.steps).toHaveLength(2);
  });

  it('declines, and follows a transfer', async () => {
    const decliner = new FakeParty('ext-2', clock);
    const declined = runScript(script([{ action: 'decline', status: 603 }]), decliner, { clock, logger, register: true });
    const call = decliner.ring('agent-1');
    expect((await declined).outcome).toBe('completed');
    expect(call.outcome).toBe('rejected');

    const customer = new FakeParty('c2', clock, (c) => c.connect());
    const transferred = runScript(script([{ action: 'call', target: 'support' }, { action: 'accept-refer', timeoutMs: 10_000 }]), customer, {
      clock,
      logger,
      register: false,
    });
    await clock.advance(1_000);
    customer.transferTo('specialist').connect();
    const result = await transferred;
    expect(result.steps[1]).toMatchObject({ ok: true, note: 'transferred', endedAt: 1_000 });
  });
});

describe('scenario runner', () => {
  it('runs three-calls-to-sales: offsets, one abandon, two answered calls, every party closed', async () => {
    const clock = new ManualClock();
    const scenario = await loadScenarioFile(path.join(__dirname, '../../../../lab/scenarios/scripts/three-calls-to-sales.json'));
    const parties = new Map<string, FakeParty>();
    // The "ACD": answers customer 1 after 3 s and customer 3 after 10 s; nobody takes customer 2.
    const answerAfter: Record<string, number> = { 'customer-1001': 3_000, 'customer-1003': 10_000 };
    const running = startScenario(scenario, {
      serverUrl: 'ws://127.0.0.1:1',
      clock,
      logger,
      makeParty: (identity) => {
        const party = new FakeParty(identity.user, clock, (call) => {
          const delay = answerAfter[identity.user];
          if (delay !== undefined) clock.setTimeout(() => call.connect(), delay);
        });
        parties.set(identity.user, party);
        return party;
      },
    });
    await clock.advance(1_999);
    expect([...parties.keys()]).toEqual(['customer-1001']);
    await clock.advance(120_000);
    const result = await running.done;
    expect(result.parties.map((p) => [p.user, p.outcome])).toEqual([
      ['customer-1001', 'completed'],
      ['customer-1002', 'abandoned'],
      ['customer-1003', 'completed'],
    ]);
    expect(parties.get('customer-1002')?.events).toEqual(['2000 call 7001', '22000 hangup 7001', '22000 close']);
    expect(parties.get('customer-1003')?.events).toEqual(['4000 call 7001', '44000 hangup 7001', '44000 close']);
    expect([...parties.values()].every((p) => p.closed)).toBe(true);
    expect(clock.pending).toBe(0);
  });

  it('stop() cancels parties not yet started and closes running ones', async () => {
    const clock = new ManualClock();
    const scenario = await loadScenarioFile(path.join(__dirname, '../../../../lab/scenarios/scripts/three-calls-to-sales.json'));
    const made: FakeParty[] = [];
    const running = startScenario(scenario, {
      serverUrl: 'ws://127.0.0.1:1',
      clock,
      logger,
      makeParty: (identity) => {
        const party = new FakeParty(identity.user, clock);
        made.push(party);
        return party;
      },
    });
    await clock.advance(2_500);
    await running.stop();
    expect(made.every((p) => p.closed)).toBe(true);
    // The started scripts still wait on their fake calls; time runs them out.
    await clock.advance(200_000);
    const result = await running.done;
    expect(made).toHaveLength(2);
    expect(result.parties[2]).toMatchObject({ user: 'customer-1003', outcome: 'failed', error: expect.stringMatching(/stopped/) });
    expect(clock.pending).toBe(0);
  });
});
