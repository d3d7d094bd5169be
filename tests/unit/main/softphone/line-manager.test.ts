import {
  Inviter,
  SessionState,
  SIPExtension,
  UserAgent,
  type Invitation,
  type Session,
} from 'sip.js';
import type { DtmfMode, LinesView } from '../../../../common/contract/softphone';
import type { PhoneState } from '../../../../common/softphone';
import { LineManager } from '../../../../main/softphone/lines/line-manager';
import { FakeMediaEngine } from '../../support/fake-media-engine';
import { memoryLogger } from '../../support/memory-logger';
import {
  localSdpHandlerFactory,
  sdpDirection,
  sip,
  SipMemoryNetwork,
  type SipMessage,
  type SipPredicate,
} from '../../support/sip-memory-network';

/**
 * The line manager driving a real SIP.js user agent, against far ends that
 * are plain SIP.js user agents, over the in-memory network: every assertion
 * is about SIP messages that really crossed it and media requests that
 * really reached the (fake) engine.
 */

const AGENT = '1001';
const DOMAIN = 'lab.test';
const MEDIA = { iceServers: [], codecs: ['PCMU'], audioProcessing: true };

/** A plain SIP.js UA with a no-media handler: the customer, a colleague… */
class FarEnd {
  readonly ua: UserAgent;
  readonly invitations: Invitation[] = [];
  private waiters: (() => void)[] = [];

  constructor(
    readonly user: string,
    network: SipMemoryNetwork,
  ) {
    this.ua = network.createUserAgent(user, {
      sessionDescriptionHandlerFactory: localSdpHandlerFactory(user),
      sipExtensionReplaces: SIPExtension.Supported,
      delegate: {
        onInvite: (invitation) => {
          this.invitations.push(invitation);
          for (const wake of this.waiters.splice(0)) wake();
        },
      },
    });
  }

  /** Calls the agent (or `target`); the INVITE is on its way when this returns. */
  call(target = `sip:${AGENT}@${DOMAIN}`): Inviter {
    const uri = UserAgent.makeURI(target);
    if (!uri) throw new Error(`bad target ${target}`);
    const inviter = new Inviter(this.ua, uri);
    void inviter.invite();
    return inviter;
  }

  /** The `index`-th INVITE this far end received (0 = first). */
  invitation(index = 0, timeoutMs = 2_000): Promise<Invitation> {
    return new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = this.invitations[index];
        if (found) {
          clearTimeout(timer);
          resolve(found);
        }
        return found !== undefined;
      };
      const timer = setTimeout(() => reject(new Error(`${this.user} got no INVITE #${index + 1}`)), timeoutMs);
      if (check()) return;
      const wake = (): void => {
        if (!check()) this.waiters.push(wake);
      };
      this.waiters.push(wake);
    });
  }
}

/** Resolves once the session is in `state` (now or later). */
function reach(session: Session, state: SessionState, timeoutMs = 2_000): Promise<void> {
  if (session.state === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`session stayed ${session.state}, never ${state}`)), timeoutMs);
    const listener = (next: SessionState): void => {
      if (next !== state) return;
      clearTimeout(timer);
      session.stateChange.removeListener(listener);
      resolve();
    };
    session.stateChange.addListener(listener);
  });
}

interface Harness {
  network: SipMemoryNetwork;
  engine: FakeMediaEngine;
  lines: LineManager;
  agent: UserAgent;
  views: LinesView[];
  records: ReturnType<typeof memoryLogger>['records'];
  far(user: string): Promise<FarEnd>;
  /** Resolves once the published state satisfies `predicate`. */
  until(predicate: (state: PhoneState) => boolean, what: string): Promise<void>;
  setDtmfMode(mode: DtmfMode): void;
}

let current: Harness | null = null;

async function setup(): Promise<Harness> {
  const network = new SipMemoryNetwork({ domain: DOMAIN });
  const { log, records } = memoryLogger();
  const engine = new FakeMediaEngine(log.child('rpc'));
  let mediaIds = 0;
  let dtmfMode: DtmfMode = 'rfc4733';
  const views: LinesView[] = [];
  const listeners = new Set<() => void>();
  // eslint-disable-next-line prefer-const -- the UA's delegate needs the manager made after it
  let lines: LineManager;
  const agent = network.createUserAgent(AGENT, {
    sessionDescriptionHandlerFactory: (session) => lines.handlerFactory(MEDIA)(session),
    sipExtensionReplaces: SIPExtension.Supported,
    delegate: { onInvite: (invitation) => lines.incoming(invitation) },
  });
  lines = new LineManager({
    userAgent: () => agent,
    aor: () => `sip:${AGENT}@${DOMAIN}`,
    dtmfMode: () => dtmfMode,
    rpc: engine.rpc,
    publish: (view) => {
      views.push(view);
      for (const listener of [...listeners]) listener();
    },
    log: log.child('lines'),
    newMediaId: () => `m${++mediaIds}`,
  });
  lines.handlerFactory(MEDIA);
  await agent.start();
  const harness: Harness = {
    network,
    engine,
    lines,
    agent,
    views,
    records,
    far: async (user) => {
      const far = new FarEnd(user, network);
      await far.ua.start();
      return far;
    },
    until: (predicate, what) => {
      if (predicate(lines.state)) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const listener = (): void => {
          if (!predicate(lines.state)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          reject(new Error(`lines never ${what}; now ${JSON.stringify(lines.state)}`));
        }, 2_000);
        listeners.add(listener);
      });
    },
    setDtmfMode: (mode) => (dtmfMode = mode),
  };
  current = harness;
  return harness;
}

/**
 * Lets the network and the engine run dry before stopping the UAs: when a
 * dialog is disposed while the ACK for its re-INVITE 2xx is still in flight,
 * SIP.js 0.21 keeps retransmitting that 2xx every 4 s forever
 * (session-dialog.js startReInvite2xxRetransmissionTimer), which would keep
 * Jest from exiting.
 */
async function quiesce(h: Harness): Promise<void> {
  for (let calm = 0, rounds = 0; calm < 3 && rounds < 200; rounds++) {
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    calm = h.network.pending === 0 && h.engine.pending === 0 ? calm + 1 : 0;
  }
}

afterEach(async () => {
  const harness = current;
  current = null;
  if (!harness) return;
  await quiesce(harness);
  await harness.network.stopAll();
  await quiesce(harness);
});

// ── small vocabulary ────────────────────────────────────────────────────────

const toUser = (user: string, predicate: SipPredicate): SipPredicate => (m) => m.to === user && predicate(m);
/** The final response to a given request (same Call-ID and CSeq). */
const finalTo =
  (request: SipMessage): SipPredicate =>
  (m) =>
    !m.isRequest && (m.status ?? 0) >= 200 && m.callId === request.callId && m.cseq === request.cseq && m.method === request.method;

function lineIs(line: 'line1' | 'line2', state: PhoneState['line1']['state']) {
  return (s: PhoneState): boolean => s[line].state === state;
}

const idle = (s: PhoneState): boolean => s.line1.state === 'idle' && s.line2.state === 'idle';

/** Warnings the line manager logged about effects that failed. */
function effectFailures(h: Harness): unknown[] {
  return h.records.filter((r) => r.level !== 'debug' && r.level !== 'info' && /failed|broken/.test(r.message)).map((r) => ({ message: r.message, data: r.data }));
}

/** The customer calls; the agent's line 1 rings. */
async function ringing(h: Harness, caller: FarEnd): Promise<Inviter> {
  const inviter = caller.call();
  await h.until(lineIs('line1', 'ringing'), 'ringing on line 1');
  return inviter;
}

/** The customer calls and the agent answers: both sides confirmed (200 + ACK). */
async function connectedIncoming(h: Harness, caller: FarEnd): Promise<Inviter> {
  const inviter = await ringing(h, caller);
  expect(h.lines.command({ kind: 'answer' })).toEqual({ accepted: true });
  await reach(inviter, SessionState.Established);
  await h.network.waitFor(toUser(AGENT, sip.request('ACK')), { what: 'ACK for the answer' });
  await h.until(lineIs('line1', 'connected'), 'connected');
  return inviter;
}

/** The agent consults `colleague` (customer on line 1 held), who answers. */
async function consulting(h: Harness, colleague: FarEnd): Promise<Invitation> {
  expect(h.lines.command({ kind: 'consult', target: colleague.user })).toEqual({ accepted: true });
  const invitation = await colleague.invitation();
  await invitation.accept();
  await h.network.waitFor(toUser(colleague.user, sip.request('ACK')), { what: `ACK to ${colleague.user}` });
  await h.until(lineIs('line2', 'consulting'), 'consulting on line 2');
  return invitation;
}

/** Customer 1002 connected, colleague 1003 consulted, then both mixed in a conference. */
async function inConference(h: Harness): Promise<{ customerSession: Awaited<ReturnType<typeof connectedIncoming>>; colleagueSession: Awaited<ReturnType<typeof consulting>> }> {
  const customerSession = await connectedIncoming(h, await h.far('1002'));
  const colleagueSession = await consulting(h, await h.far('1003'));
  h.lines.command({ kind: 'conference' });
  await h.engine.waitFor((r) => r.op === 'mix', { what: 'mix' });
  return { customerSession, colleagueSession };
}

/** The agent's re-INVITEs to `user` from `after` on, each with its final response. */
async function reinvites(h: Harness, user: string, count: number, after: number): Promise<{ invite: SipMessage; final: SipMessage }[]> {
  const out: { invite: SipMessage; final: SipMessage }[] = [];
  let from = after;
  for (let i = 0; i < count; i++) {
    const invite = await h.network.waitFor(toUser(user, sip.request('INVITE')), { after: from, what: `re-INVITE #${i + 1} to ${user}` });
    const final = await h.network.waitFor(finalTo(invite), { after: from, what: `final response to re-INVITE #${i + 1}` });
    out.push({ invite, final });
    from = invite.seq + 1;
  }
  return out;
}

/**
 * The engine crashes and comes back; recoverMedia gives the customer (1002)
 * and the colleague (1003) fresh media as r1, r2: their re-INVITEs.
 */
async function crashAndRecover(h: Harness) {
  h.engine.crash();
  h.engine.restart();
  const mark = h.network.mark();
  const mediaMark = h.engine.mark();
  let n = 0;
  h.lines.recoverMedia(() => `r${++n}`);
  const [toCustomer] = await reinvites(h, '1002', 1, mark);
  const [toColleague] = await reinvites(h, '1003', 1, mark);
  return { mark, mediaMark, toCustomer, toColleague };
}

/** The engine's ring/stopRing/mix/unmix requests so far, e.g. `ring:callWaiting`, `mix:m1+m2`. */
const mediaOps = (h: Harness, op: 'ring' | 'stopRing' | 'mix' | 'unmix'): string[] =>
  h.engine.requests.filter((r) => r.op === op).map((r) => (r.op === 'ring' ? `ring:${r.tone}` : r.op === 'mix' ? `mix:${r.callIds.join('+')}` : r.op));

// ── incoming calls ──────────────────────────────────────────────────────────

describe('LineManager over SIP.js (in-memory network)', () => {
  it('rings line 1 for an incoming call, answers it, and goes idle on the far end’s BYE', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const inviter = await ringing(h, customer);

    await h.network.waitFor(toUser('1002', sip.response(180, 'INVITE')), { what: '180 Ringing' });
    await h.engine.waitFor((r) => r.op === 'ring', { what: 'ring' });
    expect(h.engine.ops('ring')).toEqual([expect.objectContaining({ tone: 'ringtone' })]);
    expect(h.lines.state.line1).toMatchObject({ state: 'ringing', direction: 'inbound' });
    expect(h.views.at(-1)?.calls.line1).toMatchObject({ remote: '1002', answeredAt: null });

    expect(h.lines.command({ kind: 'answer' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('connected'); // the table moves at once
    const ok = await h.network.waitFor(toUser('1002', sip.response(200, 'INVITE')), { what: '200 to the INVITE' });
    await h.network.waitFor(toUser(AGENT, sip.request('ACK')), { what: 'ACK' });
    await reach(inviter, SessionState.Established);
    expect(ok.header('content-type')).toBe('application/sdp');
    expect(ok.body).toMatch(/^v=0\r\n[\s\S]*s=m1\r\n[\s\S]*a=sendrecv/);
    expect(mediaOps(h, 'stopRing')).toEqual(['stopRing']);
    // While ringing, the engine got the caller's offer to prepare; answering
    // applied it and made the answer in one request; then the next hold offer.
    expect(h.engine.forCall('m1')).toEqual(['prepare', 'setDescription', 'nextOffer']);
    expect(h.engine.ops('prepare', 'm1')[0]?.sdp).toBe(h.engine.ops('setDescription', 'm1')[0]?.sdp);
    await h.until(() => h.views.at(-1)?.calls.line1?.answeredAt != null, 'answered');

    await inviter.bye();
    await h.until(idle, 'idle after the far end hung up');
    await h.network.waitFor(toUser('1002', sip.response(200, 'BYE')), { what: '200 to BYE' });
    await h.engine.waitFor((r) => r.op === 'close' && r.callId === 'm1', { what: 'close m1' });
    expect(h.views.at(-1)?.calls).toEqual({ line1: null, line2: null });
    expect(effectFailures(h)).toEqual([]);
  });

  it('takes over a call when a colleague transfers their customer to us (INVITE with Replaces)', async () => {
    const h = await setup();
    const colleague = await h.far('1003');
    const consult = await connectedIncoming(h, colleague); // the colleague consults us: line 1
    const dialog = consult.dialog!;
    const mark = h.network.mark();
    const customer = await h.far('1002');
    const uri = UserAgent.makeURI(`sip:${AGENT}@${DOMAIN}`)!;
    const replacing = new Inviter(customer.ua, uri, { extraHeaders: [`Replaces: ${dialog.callId};to-tag=${dialog.remoteTag};from-tag=${dialog.localTag}`] });
    void replacing.invite();

    await reach(replacing, SessionState.Established); // answered at once, no ringing
    await reach(consult, SessionState.Terminated); // the replaced dialog ended by BYE
    expect(h.network.messages(toUser('1003', sip.request('BYE')), mark)).toHaveLength(1);
    expect(h.engine.ops('ring')).toHaveLength(1); // only the colleague's call rang
    expect(h.lines.state.line1.state).toBe('connected');
    await h.until(() => h.views.at(-1)?.calls.line1?.remote === '1002', 'line 1 shows the customer');
    expect(h.lines.state.line2.state).toBe('idle');

    await replacing.bye();
    await h.until(idle, 'idle after the customer hung up');
    expect(effectFailures(h)).toEqual([]);
  });

  it.each([
    [undefined, 486],
    [603, 603],
  ] as const)('declines with %s → the caller gets %i', async (status, expected) => {
    const h = await setup();
    const customer = await h.far('1002');
    const inviter = await ringing(h, customer);
    expect(h.lines.command(status ? { kind: 'decline', status } : { kind: 'decline' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('idle');
    const final = await h.network.waitFor(toUser('1002', sip.final('INVITE')), { what: 'final response' });
    expect(final.status).toBe(expected);
    await reach(inviter, SessionState.Terminated);
    await h.engine.waitFor((r) => r.op === 'stopRing', { what: 'stopRing' });
    expect(h.network.messages(toUser('1002', sip.response(200, 'INVITE')))).toEqual([]);
    expect(h.engine.ops('getDescription')).toEqual([]); // never answered: no media was made
    expect(h.lines.state).toEqual({ line1: expect.objectContaining({ state: 'idle' }), line2: expect.objectContaining({ state: 'idle' }) });
  });

  it('goes idle and stops ringing when the caller cancels', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const inviter = await ringing(h, customer);
    await h.network.waitFor(toUser('1002', sip.response(180, 'INVITE')), { what: '180' });

    await inviter.cancel();
    await h.network.waitFor(toUser(AGENT, sip.request('CANCEL')), { what: 'CANCEL' });
    await h.until(idle, 'idle after CANCEL');
    expect(mediaOps(h, 'ring')).toEqual(['ring:ringtone']);
    await h.engine.waitFor((r) => r.op === 'stopRing', { what: 'stopRing' });
    const final = await h.network.waitFor(toUser('1002', sip.final('INVITE')), { what: '487' });
    expect(final.status).toBe(487);
    expect(h.lines.command({ kind: 'answer' })).toEqual({ accepted: false, reason: 'not-ringing' });
  });

  it('rings line 2 with the call-waiting tone while line 1 talks, and answers 486 at once when both are busy', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const second = await h.far('1003');
    const third = await h.far('1004');
    await connectedIncoming(h, customer);

    second.call();
    await h.until(lineIs('line2', 'ringing'), 'line 2 ringing');
    await h.network.waitFor(toUser('1003', sip.response(180, 'INVITE')), { what: '180 to the waiting caller' });
    await h.engine.waitFor((r) => r.op === 'ring' && r.tone === 'callWaiting', { what: 'call-waiting tone' });
    expect(h.lines.state.line1.state).toBe('connected');

    const mark = h.network.mark();
    const busy = third.call();
    const final = await h.network.waitFor(toUser('1004', sip.final('INVITE')), { after: mark, what: '486' });
    expect(final.status).toBe(486);
    await reach(busy, SessionState.Terminated);
    // Not offered to the agent: no ring, no media, and the two lines did not move.
    // (SIP.js's UA itself sent a 180 before asking the line manager — see the report.)
    expect(h.lines.state.line1.state).toBe('connected');
    expect(h.lines.state.line2.state).toBe('ringing');
    expect(mediaOps(h, 'ring')).toEqual(['ring:ringtone', 'ring:callWaiting']);
  });

  it('moves a waiting call to line 1 (normal ringtone) when the customer hangs up', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const second = await h.far('1003');
    const first = await connectedIncoming(h, customer);
    const waiting = second.call();
    await h.until(lineIs('line2', 'ringing'), 'line 2 ringing');

    const mediaMark = h.engine.mark();
    await first.bye();
    await h.until((s) => s.line1.state === 'ringing' && s.line2.state === 'idle', 'waiting call on line 1');
    await h.engine.waitFor((r) => r.op === 'ring', { after: mediaMark, what: 'ringtone for the moved call' });
    expect(mediaOps(h, 'ring').slice(2)).toEqual(['ring:ringtone']);
    expect(h.engine.requests.slice(mediaMark).filter((r) => r.op === 'ring' || r.op === 'stopRing').map((r) => r.op)).toEqual(['stopRing', 'ring']);

    // The moved call is still the same SIP session: answering it reaches 1003.
    expect(h.lines.command({ kind: 'answer' })).toEqual({ accepted: true });
    await reach(waiting, SessionState.Established);
    await h.until(lineIs('line1', 'connected'), 'connected to the waiting caller');
    expect(h.views.at(-1)?.calls.line1?.remote).toBe('1003');
  });

  it('answers a waiting call on line 2: the customer is held (re-INVITE answered) before the 200 to the new caller', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const second = await h.far('1003');
    await connectedIncoming(h, customer);
    const waiting = second.call();
    await h.until(lineIs('line2', 'ringing'), 'line 2 ringing');
    const mark = h.network.mark();

    expect(h.lines.command({ kind: 'answer' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('held');
    expect(h.lines.state.line2.state).toBe('consulting');
    const [hold] = await reinvites(h, '1002', 1, mark);
    const ok = await h.network.waitFor(toUser('1003', sip.response(200, 'INVITE')), { after: mark, what: '200 to the waiting caller' });
    await reach(waiting, SessionState.Established);
    expect(sdpDirection(hold!.invite.body)).toBe('sendonly');
    expect(ok.sentAt).toBeGreaterThan(hold!.final.deliveredAt!);
    expect(ok.body).toContain('s=m2');
  });

  it('fails the call cleanly when the engine cannot make an answer', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const inviter = await ringing(h, customer);
    h.engine.failNext('setDescription', 'no microphone');

    expect(h.lines.command({ kind: 'answer' })).toEqual({ accepted: true });
    const final = await h.network.waitFor(toUser('1002', sip.final('INVITE')), { what: 'final response' });
    expect(final.status).toBeGreaterThanOrEqual(400); // SIP.js refuses the offer it could not answer
    await reach(inviter, SessionState.Terminated);
    await h.until(idle, 'idle after the failed answer');
    expect(h.records.some((r) => r.message === 'line effect failed')).toBe(true);
  });

  // ── outgoing calls ──────────────────────────────────────────────────────

  it('dials in the agent’s domain, connects when the far end answers, and hangs up with BYE', async () => {
    const h = await setup();
    const callee = await h.far('1002');
    expect(h.lines.command({ kind: 'dial', target: '1002' })).toEqual({ accepted: true });
    expect(h.lines.state.line1).toMatchObject({ state: 'dialing', direction: 'outbound' });

    const invitation = await callee.invitation();
    const invite = await h.network.waitFor(toUser('1002', sip.request('INVITE')), { what: 'INVITE' });
    expect(invite.ruri).toBe(`sip:1002@${DOMAIN}`);
    expect(invite.header('content-type')).toBe('application/sdp');
    expect(sdpDirection(invite.body)).toBe('sendrecv');
    expect(invite.body).toContain('s=m1');

    await invitation.progress();
    await h.until((s) => s.line1.alerting, 'alerting');
    await invitation.accept();
    await h.network.waitFor(toUser('1002', sip.request('ACK')), { what: 'ACK' });
    await h.until(lineIs('line1', 'connected'), 'connected');
    expect(h.lines.state.line1.alerting).toBe(false);
    // Offer, the far end's answer (ACKed without waiting), then the next hold offer.
    expect(h.engine.forCall('m1')).toEqual(['getDescription', 'setDescription', 'nextOffer']);

    expect(h.lines.command({ kind: 'hangup', line: 'line1' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('ending');
    const bye = await h.network.waitFor(toUser('1002', sip.request('BYE')), { what: 'BYE' });
    expect(bye.callId).toBe(invite.callId);
    await h.until(idle, 'idle after our BYE');
    await reach(invitation, SessionState.Terminated);
    expect(effectFailures(h)).toEqual([]);
  });

  it('goes idle when the dialled party is busy', async () => {
    const h = await setup();
    const callee = await h.far('1002');
    const events = jest.spyOn(h.lines, 'event');
    h.lines.command({ kind: 'dial', target: '1002' });
    const invitation = await callee.invitation();
    await invitation.reject({ statusCode: 486 });
    await h.until(idle, 'idle after 486');
    const failed = events.mock.calls.map(([e]) => e).filter((e) => e.kind === 'failed');
    // The far end's real status, although SIP.js terminates the Inviter
    // before it reports the rejection.
    expect(failed).toEqual([{ kind: 'failed', line: 'line1', status: 486 }]);
    expect(h.engine.forCall('m1')).toContain('close');
  });

  it('fails a call to a user nobody is connected as (the network answers 404)', async () => {
    const h = await setup();
    h.lines.command({ kind: 'dial', target: '1999' });
    const final = await h.network.waitFor(toUser(AGENT, sip.final('INVITE')), { what: '404' });
    expect(final.status).toBe(404);
    await h.until(idle, 'idle after 404');
  });

  it('connects without ever alerting when the far end’s 180 is lost', async () => {
    const h = await setup();
    const callee = await h.far('1002');
    h.network.drop(AGENT, sip.response(180, 'INVITE'));
    h.lines.command({ kind: 'dial', target: '1002' });
    const invitation = await callee.invitation();
    await invitation.progress();
    await invitation.accept();
    await h.until(lineIs('line1', 'connected'), 'connected');
    expect(h.views.some((v) => v.phone.line1.alerting)).toBe(false);
    // Two 180s: the far end's SIP.js UA sends one itself before onInvite, progress() the other.
    expect(h.network.dropped.map((m) => m.status)).toEqual([180, 180]);
  });

  it('CANCELs an unanswered outgoing call on hang-up', async () => {
    const h = await setup();
    const callee = await h.far('1002');
    h.lines.command({ kind: 'dial', target: '1002' });
    const invitation = await callee.invitation();
    await invitation.progress();
    await h.until((s) => s.line1.alerting, 'alerting');
    expect(h.lines.command({ kind: 'hangup', line: 'line1' })).toEqual({ accepted: true });
    await h.network.waitFor(toUser('1002', sip.request('CANCEL')), { what: 'CANCEL' });
    await reach(invitation, SessionState.Terminated);
    await h.until(idle, 'idle after CANCEL');
  });

  // ── hold, mute, DTMF ────────────────────────────────────────────────────

  it('holds and resumes by re-INVITE (sendonly, then sendrecv), one re-INVITE at a time', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);
    const mark = h.network.mark();

    // Both commands at once: the table moves at once, SIP follows in order.
    expect(h.lines.command({ kind: 'hold', line: 'line1' })).toEqual({ accepted: true });
    expect(h.lines.command({ kind: 'resume', line: 'line1' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('connected');

    const [hold, resume] = await reinvites(h, '1002', 2, mark);
    expect(sdpDirection(hold!.invite.body)).toBe('sendonly');
    expect(hold!.final.status).toBe(200);
    expect(sdpDirection(hold!.final.body)).toBe('recvonly'); // the far end's answer to a hold
    expect(sdpDirection(resume!.invite.body)).toBe('sendrecv');
    expect(resume!.final.status).toBe(200);
    // Serialised: the resume re-INVITE left the agent only after the hold's 200 had arrived.
    expect(resume!.invite.sentAt).toBeGreaterThan(hold!.final.deliveredAt!);
    expect(resume!.invite.cseq).toBeGreaterThan(hold!.invite.cseq);
    await h.network.waitFor(toUser('1002', (m) => m.isRequest && m.method === 'ACK' && m.cseq === resume!.invite.cseq), { what: 'ACK of the resume' });
    // No glare or overlap refusals (491 Request Pending, 500 for an INVITE before the last one's final).
    expect(h.network.messages((m) => m.method === 'INVITE' && (m.status ?? 0) >= 300)).toEqual([]);
    expect(h.engine.ops('getDescription', 'm1').map((r) => r.options)).toEqual([{ hold: true }, { hold: false }]);
    expect(effectFailures(h)).toEqual([]);
  });

  it('sends the hold re-INVITE with the offer the engine made ahead, and ACKs without waiting for the engine', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);
    await h.engine.settled(); // the next hold offer is back in main
    const next = await h.engine.waitFor((r) => r.op === 'nextOffer', { what: 'nextOffer' });
    const mark = h.network.mark();
    const mediaMark = h.engine.mark();

    expect(h.lines.command({ kind: 'hold', line: 'line1' })).toEqual({ accepted: true });
    const [hold] = await reinvites(h, '1002', 1, mark);
    const ack = await h.network.waitFor(toUser('1002', (m) => m.isRequest && m.method === 'ACK' && m.cseq === hold!.invite.cseq), { what: 'ACK' });
    expect(sdpDirection(hold!.invite.body)).toBe('sendonly');
    const applied = h.engine.ops('getDescription', 'm1').at(-1);
    // The re-INVITE carried exactly the prepared offer, which the engine was then told to apply.
    expect(applied).toMatchObject({ options: { hold: true }, prepared: hold!.invite.body });
    expect(next.id).toBeLessThan(applied!.id);
    // The far end's answer went to the engine; the ACK did not wait for its reply.
    const answer = await h.engine.waitFor((r) => r.op === 'setDescription', { after: mediaMark, what: 'answer' });
    expect(answer).toMatchObject({ callId: 'm1', sdp: hold!.final.body });
    expect(ack.sentAt).toBeLessThanOrEqual(hold!.final.deliveredAt! + 50);
    await h.until(() => h.lines.state.line1.state === 'held', 'held');
    expect(effectFailures(h)).toEqual([]);
  });

  it('rebuilds the call’s media by re-INVITE when the engine cannot apply an offer already sent', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);
    await h.engine.settled();
    const mark = h.network.mark();
    h.engine.failNext('getDescription', 'prepared offer refused');

    expect(h.lines.command({ kind: 'hold', line: 'line1' })).toEqual({ accepted: true });
    const [hold, rebuilt] = await reinvites(h, '1002', 2, mark);
    expect(sdpDirection(hold!.invite.body)).toBe('sendonly');
    // Fresh media under a new engine id, still held: the customer stays on the call.
    expect(rebuilt!.invite.body).toContain('s=m2');
    expect(sdpDirection(rebuilt!.invite.body)).toBe('sendonly');
    expect(rebuilt!.final.status).toBe(200);
    expect(h.records.some((r) => r.message === 'call media failed; rebuilding it')).toBe(true);
    expect(h.lines.state.line1.state).toBe('held');
  });

  it('sends no second re-INVITE while the first one’s 200 is held back in the network', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);
    const mark = h.network.mark();
    const held = h.network.delay(AGENT, sip.response(200, 'INVITE'));

    h.lines.command({ kind: 'hold', line: 'line1' });
    h.lines.command({ kind: 'resume', line: 'line1' });
    await h.network.waitFor(toUser('1002', sip.request('INVITE')), { after: mark, what: 'hold re-INVITE' });
    await quiesce(h); // everything that could happen without the 200 has happened
    expect(held.parked).toBe(1);
    expect(h.network.messages(toUser('1002', sip.request('INVITE')), mark)).toHaveLength(1);

    held.release();
    const [, resume] = await reinvites(h, '1002', 2, mark);
    expect(sdpDirection(resume!.invite.body)).toBe('sendrecv');
    expect(resume!.final.status).toBe(200);
  });

  it('shows the far end’s hold (its sendonly re-INVITE) and its resume', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const inviter = await connectedIncoming(h, customer);

    const mark = h.network.mark();
    await inviter.invite({ sessionDescriptionHandlerOptions: { hold: true } as never });
    await h.until((s) => s.line1.remoteHeld, 'remote held');
    const answer = await h.network.waitFor(toUser('1002', sip.response(200, 'INVITE')), { after: mark, what: '200 to the far-end hold' });
    expect(sdpDirection(answer.body)).toBe('recvonly');
    expect(h.lines.state.line1.state).toBe('connected');

    await h.network.waitFor(toUser(AGENT, (m) => m.method === 'ACK' && m.cseq === answer.cseq), { what: 'ACK' });
    await inviter.invite({ sessionDescriptionHandlerOptions: { hold: false } as never });
    await h.until((s) => !s.line1.remoteHeld, 'remote resumed');
  });

  it('mutes through the engine and sends DTMF in-band or by SIP INFO', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);

    expect(h.lines.command({ kind: 'mute', line: 'line1', on: true })).toEqual({ accepted: true });
    await h.engine.waitFor((r) => r.op === 'setMuted', { what: 'setMuted' });
    expect(h.engine.ops('setMuted')).toEqual([expect.objectContaining({ callId: 'm1', muted: true })]);

    expect(h.lines.command({ kind: 'dtmf', line: 'line1', digits: '12#' })).toEqual({ accepted: true });
    await h.engine.waitFor((r) => r.op === 'sendDtmf', { what: 'sendDtmf' });
    expect(h.engine.ops('sendDtmf')).toEqual([expect.objectContaining({ callId: 'm1', tones: '12#' })]);

    h.setDtmfMode('info');
    const mark = h.network.mark();
    expect(h.lines.command({ kind: 'dtmf', line: 'line1', digits: '4*' })).toEqual({ accepted: true });
    await h.network.waitFor((m) => m.to === '1002' && m.method === 'INFO' && m.isRequest && m.body.startsWith('Signal=*'), { after: mark, what: 'INFO *' });
    const infos = h.network.messages(toUser('1002', sip.request('INFO')), mark);
    expect(infos.map((m) => [m.header('content-type'), m.body.split('\r\n')[0]])).toEqual([
      ['application/dtmf-relay', 'Signal=4'],
      ['application/dtmf-relay', 'Signal=*'],
    ]);
  });

  it('restarts ICE by re-INVITE when the engine reports no packets twice while talking', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);
    const quality = { jitterMs: 1, lossPct: 0, rttMs: 20, mos: 4.4, packetsReceived: 100 };
    const mark = h.network.mark();
    const mediaMark = h.engine.mark();

    expect(h.lines.onQuality({ callId: 'm1', quality })).toBe(true);
    expect(h.lines.onQuality({ callId: 'm1', quality })).toBe(true); // stalled once
    expect(h.lines.onQuality({ callId: 'unknown', quality })).toBe(false);
    await h.engine.settled();
    expect(h.network.messages(toUser('1002', sip.request('INVITE')), mark)).toEqual([]);
    h.lines.onQuality({ callId: 'm1', quality }); // stalled twice: restart

    const [restart] = await reinvites(h, '1002', 1, mark);
    expect(sdpDirection(restart!.invite.body)).toBe('sendrecv');
    expect(h.engine.ops('getDescription').slice(-1)[0]).toMatchObject({ callId: 'm1', options: { hold: false, iceRestart: true } });
    expect(h.engine.requests.slice(mediaMark).map((r) => r.op)).toEqual(['getDescription', 'setDescription', 'nextOffer']);
    expect(h.views.at(-1)?.calls.line1?.quality).toEqual(quality);
  });

  // ── consult, conference ─────────────────────────────────────────────────

  it('consults: holds the customer first, then INVITEs the colleague on line 2', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const colleague = await h.far('1003');
    await connectedIncoming(h, customer);
    const mark = h.network.mark();

    await consulting(h, colleague);
    expect(h.lines.state.line1.state).toBe('held');
    const [hold] = await reinvites(h, '1002', 1, mark);
    const consult = await h.network.waitFor(toUser('1003', sip.request('INVITE')), { after: mark, what: 'consult INVITE' });
    expect(sdpDirection(hold!.invite.body)).toBe('sendonly');
    expect(consult.ruri).toBe(`sip:1003@${DOMAIN}`);
    expect(consult.sentAt).toBeGreaterThan(hold!.final.deliveredAt!);
    expect(consult.body).toContain('s=m2'); // its own engine call
    expect(h.views.at(-1)?.calls.line2?.remote).toBe('1003');
  });

  it('swaps: holds the consult before resuming the customer, and ends the consult with the customer kept on hold', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const colleague = await h.far('1003');
    await connectedIncoming(h, customer);
    const colleagueSession = await consulting(h, colleague);
    const mark = h.network.mark();

    expect(h.lines.command({ kind: 'swap' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('connected');
    expect(h.lines.state.line2.state).toBe('held');
    const [holdColleague] = await reinvites(h, '1003', 1, mark);
    const [resumeCustomer] = await reinvites(h, '1002', 1, mark);
    expect(sdpDirection(holdColleague!.invite.body)).toBe('sendonly');
    expect(sdpDirection(resumeCustomer!.invite.body)).toBe('sendrecv');
    expect(resumeCustomer!.invite.sentAt).toBeGreaterThan(holdColleague!.final.deliveredAt!); // never both talking

    expect(h.lines.command({ kind: 'swap' })).toEqual({ accepted: true });
    await reinvites(h, '1003', 2, mark);
    expect(h.lines.command({ kind: 'endConsult' })).toEqual({ accepted: true });
    await h.network.waitFor(toUser('1003', sip.request('BYE')), { what: 'BYE to the colleague' });
    await reach(colleagueSession, SessionState.Terminated);
    await h.until(lineIs('line2', 'idle'), 'consult ended');
    expect(h.lines.state.line1.state).toBe('held');
    expect(h.network.messages(toUser('1002', sip.request('BYE')))).toEqual([]);
  });

  it('conferences: resumes the customer, then mixes both engine calls', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const colleague = await h.far('1003');
    await connectedIncoming(h, customer);
    await consulting(h, colleague);
    const mark = h.network.mark();
    const mediaMark = h.engine.mark();

    expect(h.lines.command({ kind: 'conference' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('conference');
    expect(h.lines.state.line2.state).toBe('conference');
    const [unhold] = await reinvites(h, '1002', 1, mark);
    expect(sdpDirection(unhold!.invite.body)).toBe('sendrecv');
    const mix = await h.engine.waitFor((r) => r.op === 'mix', { after: mediaMark, what: 'mix' });
    expect(mix).toMatchObject({ callIds: ['m1', 'm2'] });
    // The mix comes after the customer's re-INVITE was answered.
    // (`setHeld` goes first when the resume used the offer made ahead.)
    expect(h.engine.requests.slice(mediaMark).map((r) => r.op).filter((op) => op !== 'setHeld')).toEqual(['getDescription', 'setDescription', 'nextOffer', 'mix']);
    expect(h.network.messages(toUser('1003', sip.request('INVITE')), mark)).toEqual([]);
  });

  it('keeps the customer connected when the consulted party leaves the conference', async () => {
    const h = await setup();
    const { customerSession, colleagueSession } = await inConference(h);
    const mark = h.network.mark();

    await colleagueSession.bye();
    await h.until((s) => s.line2.state === 'idle' && s.line1.state === 'connected', 'customer connected, line 2 idle');
    await h.engine.waitFor((r) => r.op === 'unmix', { what: 'unmix' });
    expect(customerSession.state).toBe(SessionState.Established);
    // Nothing new for the customer (the ACK of the conference's re-INVITE may still have been in flight).
    expect(h.network.messages(toUser('1002', (m) => m.isRequest && m.method !== 'ACK'), mark)).toEqual([]);
    expect(mediaOps(h, 'unmix')).toEqual(['unmix']);
  });

  it('hangs up both parties when the agent hangs up the conference', async () => {
    const h = await setup();
    const { customerSession, colleagueSession } = await inConference(h);
    const mediaMark = h.engine.mark();

    expect(h.lines.command({ kind: 'hangup', line: 'line1' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.state).toBe('ending');
    expect(h.lines.state.line2.state).toBe('ending');
    await h.network.waitFor(toUser('1002', sip.request('BYE')), { what: 'BYE to the customer' });
    await h.network.waitFor(toUser('1003', sip.request('BYE')), { what: 'BYE to the colleague' });
    await h.until(idle, 'idle');
    await reach(customerSession, SessionState.Terminated);
    await reach(colleagueSession, SessionState.Terminated);
    // Unmix before anything else.
    expect(h.engine.requests[mediaMark]?.op).toBe('unmix');
  });

  // ── transfers ───────────────────────────────────────────────────────────

  it('blind transfer: REFERs the customer, who reaches the target; the NOTIFY 200 ends line 1', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const target = await h.far('1004');
    const customerSession = await connectedIncoming(h, customer);
    const mark = h.network.mark();

    expect(h.lines.command({ kind: 'transferBlind', target: '1004' })).toEqual({ accepted: true });
    expect(h.lines.state.line1).toMatchObject({ state: 'held', transferring: 'blind' });
    const [hold] = await reinvites(h, '1002', 1, mark);
    const refer = await h.network.waitFor(toUser('1002', sip.request('REFER')), { after: mark, what: 'REFER' });
    expect(sdpDirection(hold!.invite.body)).toBe('sendonly');
    expect(refer.sentAt).toBeGreaterThan(hold!.final.deliveredAt!); // hold before REFER
    expect(refer.header('refer-to')).toBe(`sip:1004@${DOMAIN}`);
    expect(refer.header('referred-by')).toBe(`<sip:${AGENT}@${DOMAIN}>`);
    await h.network.waitFor(toUser(AGENT, sip.response(202, 'REFER')), { what: '202 Accepted' });

    // SIP.js's customer follows the REFER by itself; the target answers.
    const transferred = await target.invitation();
    expect(transferred.request.getHeader('referred-by')).toBe(`<sip:${AGENT}@${DOMAIN}>`);
    await transferred.accept();
    const notify = await h.network.waitFor(toUser(AGENT, (m) => m.isRequest && m.method === 'NOTIFY' && m.body.startsWith('SIP/2.0 200')), { what: 'NOTIFY 200' });
    expect(notify.header('content-type')).toBe('message/sipfrag');
    expect(notify.header('event')).toBe('refer');
    const bye = await h.network.waitFor(toUser('1002', sip.request('BYE')), { after: notify.seq, what: 'BYE after the transfer' });
    expect(bye.callId).toBe(refer.callId);
    await h.until(idle, 'idle after the transfer');
    await reach(customerSession, SessionState.Terminated);
    expect(transferred.state).toBe(SessionState.Established); // customer and target talk on
    expect(effectFailures(h)).toEqual([]);
  });

  it('blind transfer refused by the target (NOTIFY 486): the customer stays, held, on line 1', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const target = await h.far('1004');
    const customerSession = await connectedIncoming(h, customer);

    h.lines.command({ kind: 'transferBlind', target: '1004' });
    const transferred = await target.invitation();
    await transferred.reject({ statusCode: 486 });
    await h.network.waitFor(toUser(AGENT, (m) => m.isRequest && m.method === 'NOTIFY' && m.body.startsWith('SIP/2.0 486')), { what: 'NOTIFY 486' });
    await h.until((s) => s.line1.transferring === null, 'transfer failed');
    expect(h.lines.state.line1.state).toBe('held');
    expect(customerSession.state).toBe(SessionState.Established);
    expect(h.network.messages(sip.request('BYE'))).toEqual([]);
    // The agent may take the customer back.
    expect(h.lines.command({ kind: 'resume', line: 'line1' })).toEqual({ accepted: true });
  });

  it('consult transfer: REFER with Replaces; the customer replaces the consult dialog and the agent leaves both', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const colleague = await h.far('1003');
    await connectedIncoming(h, customer);
    const colleagueLeg = await consulting(h, colleague);
    const consultInvite = await h.network.waitFor(toUser('1003', sip.request('INVITE')), { what: 'consult INVITE' });
    const mark = h.network.mark();

    expect(h.lines.command({ kind: 'transferConsult' })).toEqual({ accepted: true });
    expect(h.lines.state.line1.transferring).toBe('consult');
    const refer = await h.network.waitFor(toUser('1002', sip.request('REFER')), { after: mark, what: 'REFER' });
    const referTo = refer.header('refer-to') ?? '';
    expect(referTo).toMatch(/<sip:1003@[^?>]+\?Replaces=/);
    expect(decodeURIComponent(referTo)).toContain(consultInvite.callId);
    // No re-INVITE for a consult transfer: the lines stay as they are.
    expect(h.network.messages(sip.request('INVITE'), mark).filter((m) => m.from === AGENT)).toEqual([]);

    // The customer calls the colleague's contact with Replaces; the colleague takes it over.
    const replacing = await colleague.invitation(1);
    expect(replacing.request.getHeader('replaces')).toContain(consultInvite.callId);
    await replacing.accept(); // SIP.js BYEs the replaced dialog (the agent's consult leg) itself
    await reach(colleagueLeg, SessionState.Terminated);
    await h.until(idle, 'idle after the consult transfer');
    expect(replacing.state).toBe(SessionState.Established);
    // The customer's NOTIFY 200 ends line 1: BYE (SIP.js ends the session as the BYE leaves).
    const notify = await h.network.waitFor(toUser(AGENT, (m) => m.method === 'NOTIFY' && m.body.startsWith('SIP/2.0 200')), { after: mark, what: 'NOTIFY 200' });
    const bye = await h.network.waitFor(toUser('1002', sip.request('BYE')), { after: mark, what: 'BYE to the customer' });
    expect(bye.sentAt).toBeGreaterThan(notify.deliveredAt!);
    expect(bye.callId).toBe(refer.callId);
  });

  // ── refusals ────────────────────────────────────────────────────────────

  it('a refused command changes nothing and sends nothing', async () => {
    const h = await setup();
    await h.far('1002');
    const views = h.views.length;
    const messages = h.network.delivered.length + h.network.dropped.length;
    expect(h.lines.command({ kind: 'hold', line: 'line1' })).toEqual({ accepted: false, reason: 'no-call' });
    expect(h.lines.command({ kind: 'conference' })).toEqual({ accepted: false, reason: 'not-in-consult' });
    expect(h.lines.command({ kind: 'dial', target: 'not a number' })).toEqual({ accepted: false, reason: 'invalid-target' });
    expect(h.lines.state).toEqual({ line1: expect.objectContaining({ state: 'idle' }), line2: expect.objectContaining({ state: 'idle' }) });
    // Let anything that would have been sent get delivered: one macrotask is enough.
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(h.network.delivered.length + h.network.dropped.length).toBe(messages);
    expect(h.engine.requests).toEqual([]);
    expect(h.views).toHaveLength(views);
  });

  it('a command refused mid-call leaves the call untouched', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await connectedIncoming(h, customer);
    h.lines.command({ kind: 'hold', line: 'line1' });
    await reinvites(h, '1002', 1, 0);
    const before = { state: h.lines.state, messages: h.network.delivered.length, media: h.engine.requests.length };
    expect(h.lines.command({ kind: 'hold', line: 'line1' })).toEqual({ accepted: false, reason: 'already-held' });
    expect(h.lines.command({ kind: 'dtmf', line: 'line1', digits: '1' })).toEqual({ accepted: false, reason: 'line-held' });
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(h.lines.state).toBe(before.state);
    expect(h.engine.requests.length).toBe(before.media);
    expect(h.network.messages(undefined, before.messages).filter((m) => m.isRequest)).toEqual([]);
  });

  // ── engine crash recovery ───────────────────────────────────────────────

  it('recoverMedia re-binds each established call to a new engine id and re-INVITEs it, hold and mute kept', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    const colleague = await h.far('1003');
    await connectedIncoming(h, customer);
    await consulting(h, colleague); // line 1 held, line 2 consulting
    h.lines.command({ kind: 'mute', line: 'line2', on: true });
    await h.engine.waitFor((r) => r.op === 'setMuted', { what: 'mute' });
    await h.engine.settled();

    const { mediaMark, toCustomer, toColleague } = await crashAndRecover(h);
    expect(toCustomer!.invite.body).toContain('s=r1');
    expect(sdpDirection(toCustomer!.invite.body)).toBe('sendonly'); // still held
    expect(toColleague!.invite.body).toContain('s=r2');
    expect(sdpDirection(toColleague!.invite.body)).toBe('sendrecv');
    expect(toColleague!.invite.sentAt).toBeGreaterThan(toCustomer!.final.deliveredAt!); // one after the other
    await h.engine.waitFor((r) => r.op === 'setMuted' && r.callId === 'r2', { after: mediaMark, what: 'mute again on r2' });
    const recovery = h.engine.requests.slice(mediaMark).map((r) => ('callId' in r ? `${r.op}:${r.callId}` : r.op));
    expect(recovery.filter((op) => !op.startsWith('nextOffer'))).toEqual([
      'getDescription:r1',
      'setDescription:r1',
      'getDescription:r2',
      'setDescription:r2',
      'setMuted:r2',
    ]);
    expect(recovery.filter((op) => op.startsWith('nextOffer')).sort()).toEqual(['nextOffer:r1', 'nextOffer:r2']);
    expect(h.lines.state.line1.state).toBe('held');
    expect(h.lines.state.line2).toMatchObject({ state: 'consulting', muted: true });
    // Same dialogs: no new call, nobody dropped.
    expect(toCustomer!.invite.callId).toBe(h.network.messages(toUser(AGENT, sip.request('INVITE')))[0]!.callId);
    expect(h.network.messages(sip.request('BYE'))).toEqual([]);
    expect(effectFailures(h)).toEqual([]);
  });

  it('recoverMedia leaves an unanswered call alone', async () => {
    const h = await setup();
    const customer = await h.far('1002');
    await ringing(h, customer);
    const mark = h.network.mark();
    h.lines.recoverMedia(() => 'r1');
    await new Promise<void>((resolve) => setImmediate(resolve));
    expect(h.network.messages(sip.request('INVITE'), mark).filter((m) => m.from === AGENT)).toEqual([]);
    expect(h.engine.ops('getDescription')).toEqual([]);
  });

  it('recoverMedia mixes a conference again on the new engine ids', async () => {
    const h = await setup();
    await inConference(h);

    const { mediaMark, toCustomer, toColleague } = await crashAndRecover(h);
    expect(sdpDirection(toCustomer!.invite.body)).toBe('sendrecv');
    expect(sdpDirection(toColleague!.invite.body)).toBe('sendrecv');
    const mix = await h.engine.waitFor((r) => r.op === 'mix', { after: mediaMark, what: 'mix again' });
    expect(mix).toMatchObject({ callIds: ['r1', 'r2'] });
    expect(h.lines.state.line1.state).toBe('conference');
  });
});
