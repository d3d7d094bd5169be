import { readFile } from 'node:fs/promises';
import { labLogger, type Logger } from '../log';
import { realClock, type Clock, type TimerHandle } from './clock';
import { createParty } from './party';
import { runScript, type ScriptParty, type ScriptResult } from './script-runner';
import { needsRegistration, parseScenario, type PartyIdentity, type Scenario } from './script-schema';

/** A party a scenario can drive and then let go of. */
export type ScenarioParty = ScriptParty & { close(): Promise<void> };

export interface ScenarioOptions {
  /** The lab's SIP-over-WebSocket server. */
  serverUrl: string;
  /** SIP domain of the parties' AORs (the lab org's, e.g. `lab.test`); default the server's host. */
  domain?: string;
  clock?: Clock;
  logger?: Logger;
  /** Makes each party; real SIP.js + werift parties by default, fakes in tests. */
  makeParty?: (identity: PartyIdentity) => ScenarioParty;
}

export interface ScenarioResult {
  name: string;
  /** One per party, in the scenario's order. */
  parties: ScriptResult[];
}

export interface RunningScenario {
  readonly done: Promise<ScenarioResult>;
  /** Cancels parties not yet started and closes the others (their scripts end as failed). */
  stop(): Promise<void>;
}

/**
 * Starts every party of a scenario at its offset, runs its script, closes
 * it when the script ends, and gathers the results.
 */
export function startScenario(scenario: Scenario, options: ScenarioOptions): RunningScenario {
  const clock = options.clock ?? realClock();
  const logger = options.logger ?? labLogger('parties');
  const make =
    options.makeParty ??
    ((identity: PartyIdentity): ScenarioParty =>
      createParty({
        serverUrl: options.serverUrl,
        domain: options.domain,
        user: identity.user,
        displayName: identity.displayName,
        password: identity.password,
        toneHz: identity.toneHz,
        codecs: identity.codecs,
        clock,
        logger: logger.child(identity.user),
      }));
  /** Start offsets still pending: each clears its timer and lets its party go on (to be skipped). */
  const pendingStarts = new Set<() => void>();
  const live = new Set<ScenarioParty>();
  let stopped = false;

  const runOne = (script: Scenario['parties'][number]): Promise<ScriptResult> =>
    new Promise<void>((resolve) => {
      let timer: TimerHandle | null = null;
      const release = (): void => {
        clock.clearTimeout(timer);
        pendingStarts.delete(release);
        resolve();
      };
      pendingStarts.add(release);
      timer = clock.setTimeout(release, script.startAtMs);
    }).then(async () => {
      if (stopped) return skipped(script.party.user);
      const party = make(script.party);
      live.add(party);
      try {
        return await runScript(script, party, { clock, logger, register: needsRegistration(script) });
      } finally {
        await party.close().catch(() => undefined);
        live.delete(party);
      }
    });

  logger.info('scenario start', { name: scenario.name, parties: scenario.parties.length });
  const done = Promise.all(scenario.parties.map(runOne)).then((parties) => {
    logger.info('scenario done', { name: scenario.name, outcomes: parties.map((p) => p.outcome) });
    return { name: scenario.name, parties };
  });

  return {
    done,
    async stop() {
      stopped = true;
      for (const release of [...pendingStarts]) release();
      await Promise.all([...live].map((party) => party.close().catch(() => undefined)));
    },
  };
}

/** Runs a scenario to its end. */
export function runScenario(scenario: Scenario, options: ScenarioOptions): Promise<ScenarioResult> {
  return startScenario(scenario, options).done;
}

/** Reads and validates a scenario file (JSON). */
export async function loadScenarioFile(path: string): Promise<Scenario> {
  return parseScenario(await readFile(path, 'utf8'));
}

function skipped(user: string): ScriptResult {
  return { user, outcome: 'failed', error: 'scenario stopped before this party started', steps: [], tonesHeard: [], calls: [] };
}
