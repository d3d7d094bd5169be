import { LAB_PARTY_PASSWORD } from '../../../lab/glue/credentials';
import { createParty, type Party } from '../../../lab/parties/party';
import type { PartyCall } from '../../../lab/parties/party-call';
import { BENCH_QUEUE } from './bench-org';
import { cpuPercent, sampleCpu } from './cpu';
import { allSettledReport, delay } from './settle';
import type { SimAgent } from './sim-agent';
import { customerTone } from './tones';

export interface LevelContext {
  sipUrl: string;
  domain: string;
  agents: readonly SimAgent[];
  labPid: number;
  /** Between two customers' INVITEs. */
  staggerMs: number;
  /** How long all calls stay up between the two checks. */
  holdMs: number;
  /** How long the calls may take to connect; 10 s + 200 ms per call by default. */
  connectTimeoutMs?: number;
  debug(message: string): void;
}

export interface LevelResult {
  n: number;
  ok: boolean;
  reason?: string;
  /** First INVITE → every call connected (ms). */
  setupMs?: number;
  /** Received packets in the hold window vs 50 per second per direction: mean and worst call direction. */
  packetRatio?: { mean: number; worst: number };
  /** % of one core during the hold window (all N calls up, audio both ways). */
  cpuHold?: { lab: number; bench: number };
  /** % of one core over the whole level: calls placed → agents Available again (signalling, set-up and teardown included). */
  cpuLevel?: { lab: number; bench: number };
  seconds?: number;
}

interface Pair {
  customer: Party;
  customerCall: PartyCall;
  customerHz: number;
  agent: SimAgent;
  agentCall: PartyCall;
}

const MIN_PACKET_RATIO = 0.5;

class LevelFailure extends Error {}

function must(failures: string[], what: string): void {
  if (failures.length > 0) throw new LevelFailure(`${failures.length} ${what} (first: ${failures[0]})`);
}

/**
 * One ramp level: N customers call the queue (lightly staggered), all N
 * connect, every customer hears its agent's tone and every agent its
 * customer's, the calls stay up `holdMs` with packets flowing both ways and
 * the tones still heard, then all hang up and every agent is Available with
 * no contact again (auto wrap-up).
 */
export async function runLevel(ctx: LevelContext, n: number): Promise<LevelResult> {
  const started = performance.now();
  const customers = Array.from({ length: n }, (_, i) =>
    createParty({ serverUrl: ctx.sipUrl, user: `cust-${n}-${i + 1}`, domain: ctx.domain, password: LAB_PARTY_PASSWORD, toneHz: customerTone(i) }),
  );
  const result: LevelResult = { n, ok: false };
  try {
    must(await allSettledReport(ctx.agents.map((a) => a.waitFree(10_000))), 'agents not free before the level');
    must(await allSettledReport(customers.map((c) => c.connect())), 'customers could not connect');

    // Place the calls, one every staggerMs.
    const levelCpu = sampleCpu(ctx.labPid);
    const firstInvite = performance.now();
    const placed = await Promise.allSettled(customers.map((c, i) => delay(i * ctx.staggerMs).then(() => c.call(BENCH_QUEUE))));
    const calls = placed.flatMap((p) => (p.status === 'fulfilled' ? [p.value] : []));
    must(placed.flatMap((p, i) => (p.status === 'rejected' ? [`${customers[i]?.user}: ${String(p.reason)}`] : [])), 'calls not placed');
    must(await allSettledReport(calls.map((c) => c.waitConnected(ctx.connectTimeoutMs ?? 10_000 + n * 200))), 'calls not connected');
    result.setupMs = performance.now() - firstInvite;

    const pairs = pairUp(ctx.agents, customers, calls);
    ctx.debug(`level ${n}: all connected in ${result.setupMs.toFixed(0)} ms; ${setupTimeline(pairs, firstInvite)}`);
    const allUp = (): string[] =>
      pairs.flatMap((p) => (p.customerCall.state === 'connected' && p.agentCall.state === 'connected' ? [] : [`${p.customer.user}: call ${p.customerCall.state}/${p.agentCall.state}`]));
    must(allUp(), 'calls not up together');

    // Every customer hears its agent, every agent hears its customer.
    await hearEachOther(pairs, 5_000 + n * 100, 'first check');
    must(allUp(), 'calls dropped during the first check');

    // Hold: packets keep flowing both ways, tones still heard.
    const before = pairs.map(counters);
    const cpu0 = sampleCpu(ctx.labPid);
    const holdStart = performance.now();
    await delay(ctx.holdMs);
    const held = performance.now() - holdStart;
    const after = pairs.map(counters);
    result.cpuHold = cpuPercent(cpu0, sampleCpu(ctx.labPid));
    must(allUp(), 'calls dropped during the hold');
    const expected = held / 20;
    const ratios: number[] = [];
    const flowFailures: string[] = [];
    pairs.forEach((p, i) => {
      const a = before[i];
      const b = after[i];
      if (a === undefined || b === undefined) return;
      const sides = { customer: b.customerIn - a.customerIn, agent: b.agentIn - a.agentIn, customerOut: b.customerOut - a.customerOut, agentOut: b.agentOut - a.agentOut };
      ratios.push(sides.customer / expected, sides.agent / expected);
      for (const [side, count] of Object.entries(sides)) {
        if (count < expected * MIN_PACKET_RATIO) flowFailures.push(`${p.customer.user} ${side} ${count} packets in ${held.toFixed(0)} ms`);
      }
    });
    result.packetRatio = { mean: ratios.reduce((s, r) => s + r, 0) / Math.max(1, ratios.length), worst: Math.min(...ratios) };
    must(flowFailures, 'call directions without audio flowing during the hold');
    await hearEachOther(pairs, 3_000 + n * 50, 'second check');

    // Everyone hangs up; agents wrap up (auto) and are Available again.
    must(await allSettledReport(calls.map((c) => c.hangup())), 'hangups failed');
    must(await allSettledReport(pairs.flatMap((p) => [p.customerCall.waitEnded(5_000), p.agentCall.waitEnded(5_000)])), 'calls not ended');
    must(await allSettledReport(ctx.agents.map((a) => a.waitFree(10_000))), 'agents not Available after wrap-up');
    result.cpuLevel = cpuPercent(levelCpu, sampleCpu(ctx.labPid));
    const problems = ctx.agents.flatMap((a) => a.problems.splice(0));
    must(problems, 'agent problems');
    result.ok = true;
  } catch (error) {
    result.reason = error instanceof LevelFailure ? error.message : `error: ${String(error)}`;
    ctx.debug(`level ${n} failed: ${result.reason}`);
  } finally {
    await Promise.all(customers.map((c) => c.close().catch(() => undefined)));
    result.seconds = (performance.now() - started) / 1000;
  }
  return result;
}

/** The agent whose phone took each customer's call (by the INVITE's From). */
function pairUp(agents: readonly SimAgent[], customers: readonly Party[], calls: readonly PartyCall[]): Pair[] {
  const missing: string[] = [];
  const pairs: Pair[] = [];
  customers.forEach((customer, i) => {
    const customerCall = calls[i];
    const agent = agents.find((a) => a.ringFrom(customer.user)?.call.state === 'connected');
    const agentCall = agent?.ringFrom(customer.user)?.call;
    if (customerCall === undefined || agent === undefined || agentCall === undefined) {
      missing.push(`${customer.user}: no agent phone has its call connected`);
      return;
    }
    pairs.push({ customer, customerCall, customerHz: customerTone(i), agent, agentCall });
  });
  must(missing, 'customers without an agent');
  const byAgent = new Set(pairs.map((p) => p.agent.login.username));
  if (byAgent.size !== pairs.length) throw new LevelFailure('an agent has more than one customer');
  return pairs;
}

async function hearEachOther(pairs: readonly Pair[], timeoutMs: number, what: string): Promise<void> {
  const checks = pairs.flatMap((p) => [
    p.customer.waitForTone(p.agent.login.toneHz, { timeoutMs }).catch((e: unknown) => {
      throw new Error(`${p.customer.user} does not hear ${p.agent.login.username} (${p.agent.login.toneHz} Hz): ${String(e)}`);
    }),
    p.agent.phone.waitForTone(p.customerHz, { timeoutMs }).catch((e: unknown) => {
      throw new Error(`${p.agent.login.username} does not hear ${p.customer.user} (${p.customerHz} Hz): ${String(e)}`);
    }),
  ]);
  must(await allSettledReport(checks), `directions without the right tone (${what})`);
}

function counters(p: Pair): { customerIn: number; customerOut: number; agentIn: number; agentOut: number } {
  const c = p.customerCall.info();
  const a = p.agentCall.info();
  return { customerIn: c.packetsReceived, customerOut: c.packetsSent, agentIn: a.packetsReceived, agentOut: a.packetsSent };
}

/** Where set-up time went (debug): INVITE sent, phone rang, phone answered; min/median/max ms after the first INVITE. */
function setupTimeline(pairs: readonly Pair[], t0: number): string {
  const rings = pairs.map((p) => p.agent.ringFrom(p.customer.user));
  const spread = (xs: number[]): string => {
    const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
    return s.length === 0 ? '-' : `${(s[0] as number).toFixed(0)}/${(s[Math.floor(s.length / 2)] as number).toFixed(0)}/${(s[s.length - 1] as number).toFixed(0)}`;
  };
  return [
    `INVITE sent ${spread(rings.map((r) => (r?.sentAt?.first ?? Number.NaN) - t0))}`,
    `rang ${spread(rings.map((r) => (r?.at ?? Number.NaN) - t0))}`,
    `answered ${spread(rings.map((r) => (r?.answeredAt ?? Number.NaN) - t0))}`,
  ].join(', ');
}
