import { LAB_PARTY_PASSWORD } from '../../../lab/glue/credentials';
import { createParty } from '../../../lab/parties/party';
import { BENCH_QUEUE } from './bench-org';
import { allSettledReport } from './settle';
import type { Ring, SimAgent } from './sim-agent';

export interface OfferLatencyRun {
  /** Customer's first INVITE left its socket → the agent's phone has the INVITE (ms). */
  fromFirstInvite: number;
  /** Same, from the INVITE with credentials (after the lab's digest challenge). */
  fromAuthInvite: number;
}

/**
 * Offer latency at low load: one customer calls the queue `runs` times in a
 * row (after one untimed warm-up call); each time the ring is timed at the
 * agent phone that got it, then the customer hangs up before anyone
 * answers (an abandoned offer needs no wrap-up) and every agent is free
 * again before the next call.
 */
export async function measureOfferLatency(opts: { sipUrl: string; domain: string; agents: readonly SimAgent[]; runs: number }): Promise<OfferLatencyRun[]> {
  const { agents } = opts;
  for (const a of agents) a.autoAnswer = false;
  const customer = createParty({ serverUrl: opts.sipUrl, user: 'latency-customer', domain: opts.domain, password: LAB_PARTY_PASSWORD, toneHz: 440 });
  const runs: OfferLatencyRun[] = [];
  try {
    await customer.connect();
    for (let i = 0; i <= opts.runs; i += 1) {
      const rang = nextRing(agents, customer.user, 10_000);
      const call = await customer.call(BENCH_QUEUE);
      const ring = await rang;
      if (ring.sentAt === undefined) throw new Error('the INVITE was not seen leaving the customer');
      if (i > 0) runs.push({ fromFirstInvite: ring.at - ring.sentAt.first, fromAuthInvite: ring.at - ring.sentAt.last });
      await call.hangup();
      const ended = await allSettledReport([call.waitEnded(5_000), ring.call.waitEnded(5_000)]);
      if (ended.length > 0) throw new Error(`offer-latency call did not end: ${ended[0]}`);
      const busy = await allSettledReport(agents.map((a) => a.waitFree(5_000)));
      if (busy.length > 0) throw new Error(`agents not free after an abandoned offer: ${busy[0]}`);
    }
  } finally {
    await customer.close().catch(() => undefined);
    for (const a of agents) a.autoAnswer = true;
  }
  return runs;
}

function nextRing(agents: readonly SimAgent[], from: string, timeoutMs: number): Promise<Ring> {
  return new Promise((resolve, reject) => {
    const offs: (() => void)[] = [];
    const done = (): void => {
      clearTimeout(timer);
      for (const off of offs) off();
    };
    const timer = setTimeout(() => {
      done();
      reject(new Error(`no agent phone rang within ${timeoutMs} ms`));
    }, timeoutMs);
    for (const agent of agents) {
      offs.push(
        agent.onRing((ring) => {
          if (ring.from !== from) return;
          done();
          resolve(ring);
        }),
      );
    }
  });
}
