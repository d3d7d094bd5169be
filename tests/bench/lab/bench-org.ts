import { parseOrg, type OrgConfig } from '../../../lab/acd/org-schema';

/** The queue customers dial in the bench org. */
export const BENCH_QUEUE = '7001';
export const BENCH_TEAM = 'bench';
export const BENCH_AGENT_PASSWORD = 'switchboard';

export interface BenchAgentSpec {
  username: string;
  dn: string;
}

export const benchAgentSpec = (index: number): BenchAgentSpec => ({
  username: `agent-${String(index + 1).padStart(3, '0')}`,
  dn: String(2001 + index),
});

/**
 * An organisation for the bench: `agents` agents in one team serving one
 * queue (7001), a phone per agent (DN 2001…), auto wrap-up after 1 s so
 * agents are routable again quickly, RONA after 30 s (agents answer at
 * once), no last-agent routing. Validated with the lab's own schema.
 */
export function benchOrg(agents: number): OrgConfig {
  const specs = Array.from({ length: agents }, (_, i) => benchAgentSpec(i));
  const raw = {
    name: 'Switchboard lab benchmark',
    domain: 'lab.test',
    teams: [{ id: BENCH_TEAM, name: 'Bench team' }],
    agents: specs.map((s) => ({ username: s.username, displayName: `Bench ${s.username}`, password: BENCH_AGENT_PASSWORD, teams: [BENCH_TEAM] })),
    phones: specs.map((s) => ({ dn: s.dn, sipPassword: `bench-sip-${s.dn}` })),
    queues: [{ id: 'bench', number: BENCH_QUEUE, name: 'Bench queue', description: 'Every bench customer calls here', teams: [BENCH_TEAM] }],
    idleReasons: [{ code: 'not-ready', label: 'Not ready' }],
    defaultIdleReason: 'not-ready',
    wrapUpCodes: [{ code: 'auto', label: 'Auto wrap-up' }],
    defaultWrapUpCode: 'auto',
    lastAgentRoutingDefault: false,
    outdial: { anis: [{ number: '5550199', label: 'Bench line' }], dialPlan: { allowedPrefixes: ['555'], minLength: 4, maxLength: 14 } },
    timers: { ronaSeconds: 30, autoWrapUpSeconds: 1, recordingAutoResumeSeconds: 30, consultQueueTimeoutSeconds: 30, lastAgentRoutingMinutes: 0 },
  };
  const parsed = parseOrg(raw);
  if (!parsed.ok) throw new Error(`bench org does not validate: ${parsed.errors.join('; ')}`);
  return parsed.org;
}
