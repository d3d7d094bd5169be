import type { PhoneProvisioning } from '../common/agent-api';
import { Acd, demoOrg, systemClock, type AcdClock, type OrgConfig } from './acd';
import { createAgentApiServer, type AgentApiServer } from './api';
import { AcdCallRouter } from './glue/acd-router';
import { AcdAgentApiBackend } from './glue/acd-backend';
import { AcdEventBridge } from './glue/api-events';
import { ApiViewState } from './glue/api-view-state';
import { CallRegistry } from './glue/call-registry';
import { labCredentials } from './glue/credentials';
import { watchDialogs } from './glue/dialog-watch';
import { resolveScenario, runLabScenario, type ScenarioInput } from './glue/scenarios';
import { SipCallPort } from './glue/sip-call-port';
import { trackedClock } from './glue/tracked-clock';
import { labLogger, type Logger } from './log';
import type { RunningScenario } from './parties/scenario-runner';
import { createSipServer, type Clock as SipClock, type SipServer } from './sip';

/**
 * The built-in lab: SIP registrar/proxy, ACD and agent API on loopback,
 * joined by the glue (lab/glue/). See docs/lab.md.
 */
export interface LabOptions {
  host?: '127.0.0.1';
  /** 0 (default) = a free port. */
  sipPort?: number;
  apiPort?: number;
  /** The organisation; the bundled demo org by default. */
  org?: OrgConfig;
  /** Time for the ACD, the agent API and the SIP proxy's timers; real by default. */
  clock?: AcdClock;
  /** Root logger; `labLogger` scopes by default. */
  logger?: Logger;
  /** A scenario (parsed, or a file path) started once the lab is up. */
  scenario?: ScenarioInput;
  /** The ACD's RONA timer waits this much longer than the SIP ring timeout (default 2000 ms). */
  offerTimerGraceMs?: number;
  /** Resume window of agent-API sessions (default 150 s). */
  resumeWindowMs?: number;
}

export interface LabStats {
  sipConnections: number;
  registrations: number;
  dialogs: number;
  activeContacts: number;
  /** SIP calls tied to contacts (customer legs and consults). */
  contactCalls: number;
  apiConnections: number;
  apiSessions: number;
  scenarios: number;
}

export interface Lab {
  readonly sipUrl: string;
  readonly apiUrl: string;
  readonly acd: Acd;
  readonly org: OrgConfig;
  readonly sip: SipServer;
  readonly api: AgentApiServer;
  /** Runs a scenario's parties against this lab; `stop()` also stops it. */
  startScenario(scenario: ScenarioInput): Promise<RunningScenario>;
  stats(): LabStats;
  /** Stops scenarios, the API server and the SIP server; idempotent. */
  stop(): Promise<void>;
}

export async function startLab(options: LabOptions = {}): Promise<Lab> {
  const host = options.host ?? '127.0.0.1';
  if (host !== '127.0.0.1') throw new Error('the lab runs on 127.0.0.1 only');
  const org = options.org ?? demoOrg();
  const clock = trackedClock(options.clock ?? systemClock());
  const log = (scope: string): Logger => (options.logger ? options.logger.child(scope) : labLogger(scope));
  const glueLog = log('glue');

  const registry = new CallRegistry();
  const port = new SipCallPort(registry, glueLog);
  const acd = new Acd({ org, clock, calls: port, log: log('acd'), offerTimerGraceMs: options.offerTimerGraceMs ?? 2000 });
  const viewState = new ApiViewState(() => clock.now());
  const bridge = new AcdEventBridge(acd, viewState, glueLog);
  const router = new AcdCallRouter(acd, registry, port, (user, error) => bridge.pushError(user, error), glueLog);
  const sipClock: SipClock = {
    now: () => clock.now(),
    setTimeout: (fn, ms) => clock.setTimer(ms, fn),
    clearTimeout: (handle) => {
      if (typeof handle === 'number') clock.clearTimer(handle);
    },
  };

  const sip = await createSipServer({
    host,
    port: options.sipPort ?? 0,
    domain: org.domain,
    credentials: labCredentials(org),
    router,
    logger: log('sip'),
    clock: sipClock,
  });
  port.attach(acd, sip);
  const unwatch = watchDialogs(sip, acd, registry, port, router.pendingReplaces, (u, e) => bridge.pushError(u, e), glueLog);
  const phoneFor = (dn: string): PhoneProvisioning | undefined => {
    const phone = org.phones.find((p) => p.dn === dn);
    return phone === undefined ? undefined : { sipServer: sip.url, aor: `sip:${dn}@${org.domain}`, authUser: dn, password: phone.sipPassword };
  };
  let api: AgentApiServer;
  try {
    api = await createAgentApiServer({
      host,
      port: options.apiPort ?? 0,
      path: '/agent',
      backend: new AcdAgentApiBackend(acd, bridge, viewState, phoneFor),
      logger: log('api'),
      clock,
      ...(options.resumeWindowMs !== undefined ? { resumeWindowMs: options.resumeWindowMs } : {}),
    });
  } catch (error) {
    unwatch();
    bridge.close();
    await sip.close();
    clock.clearAll();
    throw error;
  }

  const scenarios = new Set<RunningScenario>();
  const scenarioLog = log('parties');
  let stopping: Promise<void> | null = null;
  const lab: Lab = {
    sipUrl: sip.url,
    apiUrl: api.url,
    acd,
    org,
    sip,
    api,
    async startScenario(input) {
      if (stopping !== null) throw new Error('the lab is stopping');
      const scenario = await resolveScenario(input);
      const running = runLabScenario(scenario, sip.url, org, scenarioLog);
      scenarios.add(running);
      void running.done.then(() => scenarios.delete(running));
      return running;
    },
    stats: () => ({
      sipConnections: sip.connectionCount(),
      registrations: sip.registrations().length,
      dialogs: sip.dialogCount(),
      activeContacts: acd.activeContacts().length,
      contactCalls: registry.liveCalls,
      apiConnections: api.stats().connections,
      apiSessions: api.stats().sessions,
      scenarios: scenarios.size,
    }),
    stop() {
      stopping ??= (async () => {
        await Promise.all([...scenarios].map((s) => s.stop().catch(() => undefined)));
        await Promise.all([...scenarios].map((s) => s.done.catch(() => undefined)));
        unwatch();
        bridge.close();
        await api.close();
        await sip.close();
        clock.clearAll();
        glueLog.info('lab stopped');
      })();
      return stopping;
    },
  };
  glueLog.info('lab ready', { sip: sip.url, api: api.url, org: org.name });
  if (options.scenario !== undefined) {
    try {
      await lab.startScenario(options.scenario);
    } catch (error) {
      await lab.stop();
      throw error;
    }
  }
  return lab;
}
