import type { OrgConfig } from '../acd';
import type { Logger } from '../log';
import { createParty } from '../parties/party';
import { loadScenarioFile, startScenario, type RunningScenario, type ScenarioParty } from '../parties/scenario-runner';
import type { PartyIdentity, Scenario } from '../parties/script-schema';
import { LAB_PARTY_PASSWORD } from './credentials';

/**
 * Scenarios in the running lab: the parties of lab/parties, on the lab's
 * SIP server and the org's domain, each with the lab's party password
 * unless its script gives its own (see credentials.ts).
 */
export type ScenarioInput = Scenario | string;

export async function resolveScenario(input: ScenarioInput): Promise<Scenario> {
  return typeof input === 'string' ? loadScenarioFile(input) : input;
}

export function runLabScenario(scenario: Scenario, sipUrl: string, org: OrgConfig, logger: Logger): RunningScenario {
  const makeParty = (identity: PartyIdentity): ScenarioParty =>
    createParty({
      serverUrl: sipUrl,
      domain: org.domain,
      user: identity.user,
      displayName: identity.displayName,
      password: identity.password ?? LAB_PARTY_PASSWORD,
      toneHz: identity.toneHz,
      codecs: identity.codecs,
      logger: logger.child(identity.user),
    });
  return startScenario(scenario, { serverUrl: sipUrl, domain: org.domain, logger, makeParty });
}
