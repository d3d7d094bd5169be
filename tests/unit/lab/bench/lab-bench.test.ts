import { startLab, type Lab } from '../../../../lab/lab';
import { silentLogger } from '../../../../lab/log';
import { BENCH_AGENT_PASSWORD, BENCH_TEAM, benchAgentSpec, benchOrg } from '../../../bench/lab/bench-org';
import { processCpuMs } from '../../../bench/lab/cpu';
import { runLevel, type LevelContext } from '../../../bench/lab/level';
import { agentsFor, levelsUpTo } from '../../../bench/lab/run';
import { median } from '../../../bench/lab/settle';
import { SimAgent } from '../../../bench/lab/sim-agent';
import { agentTone, customerTone, MAX_AGENTS, MAX_CUSTOMERS } from '../../../bench/lab/tones';

jest.setTimeout(20_000);

describe('lab bench: pure parts', () => {
  it('generates an org the lab schema accepts, one team and queue, a phone per agent', () => {
    const org = benchOrg(MAX_AGENTS);
    expect(org.agents).toHaveLength(MAX_AGENTS);
    expect(org.phones.map((p) => p.dn)).toEqual(org.agents.map((_, i) => benchAgentSpec(i).dn));
    expect(org.queues).toEqual([expect.objectContaining({ number: '7001', teams: [BENCH_TEAM] })]);
    expect(org.timers).toMatchObject({ autoWrapUpSeconds: 1, lastAgentRoutingMinutes: 0 });
  });

  it('gives every party its own tone, customers and agents apart, on 10 Hz steps', () => {
    const tones = [...Array.from({ length: MAX_CUSTOMERS }, (_, i) => customerTone(i)), ...Array.from({ length: MAX_AGENTS }, (_, i) => agentTone(i))];
    expect(new Set(tones).size).toBe(tones.length);
    expect(tones.every((hz) => hz % 10 === 0 && hz >= 200 && hz < 3400)).toBe(true);
    expect(Math.max(...tones.slice(0, MAX_CUSTOMERS))).toBeLessThan(agentTone(0));
    expect(() => customerTone(MAX_CUSTOMERS)).toThrow();
    expect(() => agentTone(-1)).toThrow();
  });

  it('ramps within the caps and sizes the org for it', () => {
    expect(levelsUpTo(100)).toEqual([5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100]);
    expect(levelsUpTo(27)).toEqual([5, 10, 15, 20, 25]);
    expect(levelsUpTo(4)).toEqual([]);
    expect(agentsFor(25)).toBe(35);
    expect(agentsFor(100)).toBe(MAX_AGENTS);
  });

  it('medians and reads CPU time from /proc', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
    expect(processCpuMs(process.pid)).toBeGreaterThan(0);
    expect(processCpuMs(2 ** 30)).toBeNaN();
  });
});

/** A small level against an in-process lab: real SIP, agent API and werift media. */
describe('lab bench: a level against the lab', () => {
  let lab: Lab;
  const agents: SimAgent[] = [];
  const ctx = (): LevelContext => ({ sipUrl: lab.sipUrl, domain: lab.org.domain, agents, labPid: process.pid, staggerMs: 10, holdMs: 400, debug: () => undefined });

  beforeAll(async () => {
    lab = await startLab({ org: benchOrg(2), logger: silentLogger() });
    for (let i = 0; i < 2; i += 1) {
      const spec = benchAgentSpec(i);
      agents.push(await SimAgent.start({ apiUrl: lab.apiUrl, username: spec.username, password: BENCH_AGENT_PASSWORD, dn: spec.dn, teamId: BENCH_TEAM, domain: 'lab.test', toneHz: agentTone(i) }));
    }
  });

  afterAll(async () => {
    await Promise.all(agents.map((a) => a.close()));
    await lab.stop();
  });

  it('connects both calls, hears the right tones both ways, sees packets flow, and leaves the agents Available', async () => {
    const result = await runLevel(ctx(), 2);
    expect(result).toMatchObject({ n: 2, ok: true });
    expect(result.packetRatio?.worst).toBeGreaterThan(0.5);
    expect(agents.map((a) => a.rings.length)).toEqual([1, 1]);
    expect(agents.every((a) => a.free)).toBe(true);
    expect(lab.stats()).toMatchObject({ activeContacts: 0, dialogs: 0 });
  });

  it('fails the level with a reason when a call is not answered', async () => {
    const [first] = agents;
    if (first === undefined) throw new Error('no agent');
    first.autoAnswer = false;
    try {
      const result = await runLevel({ ...ctx(), connectTimeoutMs: 1_500 }, 2);
      expect(result.ok).toBe(false);
      expect(result.reason).toMatch(/^1 calls not connected/);
    } finally {
      first.autoAnswer = true;
    }
    // The unanswered offer was abandoned (customer closed): everyone is free again.
    await Promise.all(agents.map((a) => a.waitFree(5_000)));
    expect(lab.stats()).toMatchObject({ activeContacts: 0, dialogs: 0 });
  });
});
