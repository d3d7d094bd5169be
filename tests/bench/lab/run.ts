import { BENCH_AGENT_PASSWORD, BENCH_TEAM, benchAgentSpec, benchOrg } from './bench-org';
import { installInviteClock } from './invite-clock';
import { runLevel, type LevelResult } from './level';
import { measureOfferLatency } from './offer-latency';
import { median } from './settle';
import { SimAgent } from './sim-agent';
import { agentTone, MAX_AGENTS, MAX_CUSTOMERS } from './tones';

export { benchOrg };

export const DEFAULT_LEVELS = [5, 10, 15, 20, 25, 30, 40, 50, 60, 80, 100] as const;
export const TARGET_CALLS = 25;

export interface LabBenchOptions {
  sipUrl: string;
  apiUrl: string;
  labPid: number;
  domain: string;
  agents: number;
  levels: readonly number[];
  latencyRuns: number;
  /** performance.now() after which no new level starts. */
  stopBy: number;
  staggerMs?: number;
  holdMs?: number;
  out(name: string, value: string): void;
  debug(message: string): void;
}

export interface LabBenchResult {
  /** Highest level fully verified (0 if none). */
  sustained: number;
  levels: LevelResult[];
}

/** How many agents the org needs for a ramp up to `maxLevel`. */
export function agentsFor(maxLevel: number): number {
  return Math.min(MAX_AGENTS, maxLevel + 10);
}

export function levelsUpTo(max: number): number[] {
  return DEFAULT_LEVELS.filter((n) => n <= Math.min(max, MAX_CUSTOMERS));
}

const fmt = (x: number, digits = 1): string => (Number.isFinite(x) ? x.toFixed(digits) : 'NaN');

/**
 * Logs the agents in, measures the offer latency at low load, then ramps
 * the number of simultaneous calls while levels pass and time remains.
 * Prints `name: value` lines through `out`; closes every agent it started.
 */
export async function runLabBench(o: LabBenchOptions): Promise<LabBenchResult> {
  installInviteClock();
  const agents: SimAgent[] = [];
  const result: LabBenchResult = { sustained: 0, levels: [] };
  try {
    const loginStart = performance.now();
    for (let i = 0; i < o.agents; i += 10) {
      const batch = Array.from({ length: Math.min(10, o.agents - i) }, (_, k) => i + k);
      const started = await Promise.allSettled(
        batch.map((index) => {
          const spec = benchAgentSpec(index);
          return SimAgent.start({ apiUrl: o.apiUrl, username: spec.username, password: BENCH_AGENT_PASSWORD, dn: spec.dn, teamId: BENCH_TEAM, domain: o.domain, toneHz: agentTone(index) });
        }),
      );
      for (const s of started) {
        if (s.status === 'fulfilled') agents.push(s.value);
        else throw new Error(`agent login failed: ${String(s.reason)}`);
      }
    }
    o.debug(`${agents.length} agents logged in and Available in ${fmt(performance.now() - loginStart, 0)} ms`);
    o.out('lab-agents', String(agents.length));

    const latency = await measureOfferLatency({ sipUrl: o.sipUrl, domain: o.domain, agents, runs: o.latencyRuns });
    o.out('lab-offer-latency-ms', fmt(median(latency.map((r) => r.fromFirstInvite))));
    o.out('lab-offer-latency-ms-runs', latency.map((r) => fmt(r.fromFirstInvite)).join(','));
    o.out('lab-offer-latency-auth-invite-ms', fmt(median(latency.map((r) => r.fromAuthInvite))));

    let lastSeconds = 0;
    let stoppedBy = `the ramp's top (${o.levels.at(-1) ?? 0})`;
    for (const n of o.levels) {
      const remaining = (o.stopBy - performance.now()) / 1000;
      if (remaining < Math.max(15, lastSeconds * 1.6)) {
        o.out(`lab-level-${n}`, `skipped (${fmt(remaining, 0)} s left)`);
        stoppedBy = `time (level ${n} skipped)`;
        break;
      }
      const level = await runLevel({ sipUrl: o.sipUrl, domain: o.domain, agents, labPid: o.labPid, staggerMs: o.staggerMs ?? 20, holdMs: o.holdMs ?? 3_000, debug: o.debug }, n);
      result.levels.push(level);
      lastSeconds = level.seconds ?? 0;
      o.out(`lab-level-${n}`, level.ok ? 'ok' : `failed (${level.reason ?? 'unknown'})`);
      o.out(
        `lab-level-${n}-detail`,
        [
          `setup-ms=${fmt(level.setupMs ?? Number.NaN, 0)}`,
          `packets-mean=${fmt(level.packetRatio?.mean ?? Number.NaN, 2)}`,
          `packets-worst=${fmt(level.packetRatio?.worst ?? Number.NaN, 2)}`,
          `hold-cpu-lab-pct=${fmt(level.cpuHold?.lab ?? Number.NaN)}`,
          `hold-cpu-bench-pct=${fmt(level.cpuHold?.bench ?? Number.NaN)}`,
          `level-cpu-lab-pct=${fmt(level.cpuLevel?.lab ?? Number.NaN)}`,
          `level-cpu-bench-pct=${fmt(level.cpuLevel?.bench ?? Number.NaN)}`,
          `seconds=${fmt(level.seconds ?? Number.NaN)}`,
        ].join(' '),
      );
      if (!level.ok) {
        stoppedBy = `level ${n} failed`;
        break;
      }
      result.sustained = n;
    }
    const best = result.levels.find((l) => l.ok && l.n === result.sustained);
    o.out('lab-concurrent-calls', String(result.sustained));
    o.out('lab-concurrent-calls-target', String(TARGET_CALLS));
    o.out('lab-concurrent-calls-stopped-by', stoppedBy);
    if (best?.cpuHold) {
      o.out('lab-cpu-level', String(best.n));
      o.out('lab-cpu-lab-pct', fmt(best.cpuHold.lab));
      o.out('lab-cpu-bench-pct', fmt(best.cpuHold.bench));
      if (best.cpuLevel) {
        o.out('lab-cpu-lab-level-pct', fmt(best.cpuLevel.lab));
        o.out('lab-cpu-bench-level-pct', fmt(best.cpuLevel.bench));
      }
    }
  } finally {
    await Promise.all(agents.map((a) => a.close().catch(() => undefined)));
  }
  return result;
}
