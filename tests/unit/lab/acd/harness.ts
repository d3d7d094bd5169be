import { Acd } from '../../../../lab/acd/acd';
import { ManualClock } from '../../../../lab/acd/clock';
import type { AcdEvent } from '../../../../lab/acd/events';
import { parseOrg, type OrgConfig } from '../../../../lab/acd/org-schema';
import type { AcdCallPort } from '../../../../lab/acd/ports';
import type { AcdResult } from '../../../../lab/acd/types';

/**
 * A small organisation for ACD tests (independent of the demo data):
 * sales agents a1, a2; a3 serves sales and support; s1 support only;
 * sup is a supervisor. Queues: sales 7001, support 7002, mixed 7003.
 */
export function testOrgJson(): Record<string, unknown> {
  return {
    name: 'Test org',
    domain: 'lab.test',
    teams: [
      { id: 'sales', name: 'Sales' },
      { id: 'support', name: 'Support' },
    ],
    agents: [
      { username: 'a1', displayName: 'Agent One', password: 'pw-a1', teams: ['sales'] },
      { username: 'a2', displayName: 'Agent Two', password: 'pw-a2', teams: ['sales'] },
      { username: 'a3', displayName: '김지수', password: 'pw-a3', teams: ['sales', 'support'] },
      { username: 's1', displayName: 'Support One', password: 'pw-s1', teams: ['support'] },
      { username: 'sup', displayName: 'Supervisor', password: 'pw-sup', teams: ['sales'], supervisor: true },
      { username: 'lk', displayName: 'Locked', password: 'pw-lk', teams: ['sales'], locked: true },
      { username: 'ex', displayName: 'Expired', password: 'pw-ex', teams: ['sales'], passwordExpired: true },
      { username: 'ch', displayName: 'Change', password: 'pw-ch', teams: ['sales'], passwordChangeRequired: true },
    ],
    phones: ['1001', '1002', '1003', '1004', '1005', '1006'].map((dn) => ({ dn, sipPassword: `sip-${dn}` })),
    queues: [
      { id: 'sales', number: '7001', name: 'Sales', teams: ['sales'] },
      { id: 'support', number: '7002', name: 'Support', teams: ['support'] },
      { id: 'mixed', number: '7003', name: 'Mixed', teams: ['sales', 'support'] },
    ],
    idleReasons: [
      { code: 'not-ready', label: 'Not ready' },
      { code: 'lunch', label: 'Lunch' },
    ],
    defaultIdleReason: 'not-ready',
    wrapUpCodes: [
      { code: 'resolved', label: 'Resolved' },
      { code: 'auto', label: 'Auto' },
    ],
    defaultWrapUpCode: 'auto',
    cadVariables: [
      { name: 'account', label: 'Account', editable: true, maxLength: 10 },
      { name: 'tier', label: 'Tier', editable: false },
    ],
    addressBook: [{ name: 'Office', number: '5550100' }],
    outdial: {
      anis: [
        { number: '+15550199', label: 'Main' },
        { number: '5550198', label: 'Direct' },
      ],
      dialPlan: { allowedPrefixes: ['555', '010'], minLength: 4, maxLength: 12 },
    },
    timers: {
      ronaSeconds: 10,
      autoWrapUpSeconds: 30,
      recordingAutoResumeSeconds: 20,
      consultQueueTimeoutSeconds: 15,
      lastAgentRoutingMinutes: 5,
    },
  };
}

export function testOrg(patch: (json: Record<string, unknown>) => void = () => undefined): OrgConfig {
  const json = testOrgJson();
  patch(json);
  const parsed = parseOrg(json);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.org;
}

export type PortCall =
  | { call: 'offerCall'; offerId: string; contactId: string; dn: string; timeoutMs: number }
  | { call: 'cancelOffer'; offerId: string; reason: string }
  | { call: 'dropCall'; contactId: string; reason: string }
  | { call: 'dropLeg'; contactId: string; dn: string; reason: string };

const DN: Record<string, string> = { a1: '1001', a2: '1002', a3: '1003', s1: '1004', sup: '1005' };
const TEAM: Record<string, string> = { a1: 'sales', a2: 'sales', a3: 'sales', s1: 'support', sup: 'sales' };
const PASSWORD: Record<string, string> = { a1: 'pw-a1', a2: 'pw-a2', a3: 'pw-a3', s1: 'pw-s1', sup: 'pw-sup' };

/** An ACD on a manual clock, recording every event and port call. */
export class Harness {
  readonly clock = new ManualClock();
  readonly events: AcdEvent[] = [];
  readonly portCalls: PortCall[] = [];
  readonly sessions = new Map<string, string>();
  readonly acd: Acd;

  constructor(org: OrgConfig = testOrg()) {
    const calls: AcdCallPort = {
      offerCall: (o) => this.portCalls.push({ call: 'offerCall', ...o }),
      cancelOffer: (offerId, reason) => this.portCalls.push({ call: 'cancelOffer', offerId, reason }),
      dropCall: (contactId, reason) => this.portCalls.push({ call: 'dropCall', contactId, reason }),
      dropLeg: (contactId, dn, reason) => this.portCalls.push({ call: 'dropLeg', contactId, dn, reason }),
    };
    this.acd = new Acd({ org, clock: this.clock, calls });
    this.acd.on((event) => this.events.push(event));
  }

  /** Log in with the test org's DN and first team; returns the session id. */
  login(username: string, team = TEAM[username] ?? 'sales'): string {
    const result = this.acd.login({ username, password: PASSWORD[username] ?? '', dn: DN[username] ?? '', teamId: team });
    const value = expectOk(result);
    this.sessions.set(username, value.sessionId);
    return value.sessionId;
  }

  session(username: string): string {
    const id = this.sessions.get(username);
    if (id === undefined) throw new Error(`${username} not logged in`);
    return id;
  }

  available(...usernames: string[]): void {
    for (const username of usernames) expectOk(this.acd.setState(this.session(username), { availability: 'available' }));
  }

  /** Log in and go Available, one after the other (advancing 1 s each so the longest-idle order is known). */
  ready(...usernames: string[]): void {
    for (const username of usernames) {
      if (!this.sessions.has(username)) this.login(username);
      this.available(username);
      this.clock.advance(1000);
    }
  }

  call(from: string, to = '7001'): string {
    return expectOk(this.acd.incomingCall({ from, to })).contactId;
  }

  state(username: string): string | undefined {
    return this.acd.agent(username)?.state;
  }

  /** The last offer event for an agent. */
  offer(username: string): Extract<AcdEvent, { type: 'offer' }> {
    const offers = this.events.filter((e): e is Extract<AcdEvent, { type: 'offer' }> => e.type === 'offer' && e.username === username);
    const last = offers[offers.length - 1];
    if (last === undefined) throw new Error(`no offer for ${username}`);
    return last;
  }

  /** Answer the agent's ringing offer; returns the contact id. */
  answer(username: string): string {
    const offer = this.offer(username);
    expectOk(this.acd.offerAnswered(offer.offerId));
    return offer.contactId;
  }

  /** Call + answer by the only ready agent of the queue. */
  connected(username: string, from = '5550001', to = '7001'): string {
    this.call(from, to);
    return this.answer(username);
  }

  eventsOf<T extends AcdEvent['type']>(type: T): Array<Extract<AcdEvent, { type: T }>> {
    return this.events.filter((e): e is Extract<AcdEvent, { type: T }> => e.type === type);
  }
}

export function expectOk<T extends object>(result: AcdResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.code}: ${result.message}`);
  return result;
}

export function expectFail<T extends object>(result: AcdResult<T>, code: string): { number?: number; message: string } {
  if (result.ok) throw new Error(`expected ${code}, got ok`);
  expect(result.code).toBe(code);
  return result;
}
