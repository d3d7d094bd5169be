import type { CallRouter, ForwardOutcome, HeldInvite, InitialInvite, RouteDecision, SipServer } from '../../../../lab/sip';
import { RawSipClient, startLine } from './support/raw-client';
import { FrameLog, nextEvent, Phone, reachState, SessionState, startPhones, startServer } from './support/sip-kit';

jest.setTimeout(10_000);

/** A router that holds calls to queue 7001 and hands each held call to the test. */
class QueueRouter implements CallRouter {
  readonly seen: InitialInvite[] = [];
  private waiters: Array<(call: HeldInvite) => void> = [];
  private held: HeldInvite[] = [];
  decide: (invite: InitialInvite) => RouteDecision = (invite) =>
    invite.requestUser === '7001'
      ? { kind: 'hold', onHeld: (call) => this.hand(call) }
      : { kind: 'forward' };

  route(invite: InitialInvite): RouteDecision {
    this.seen.push(invite);
    return this.decide(invite);
  }

  nextHeld(): Promise<HeldInvite> {
    const call = this.held.shift();
    return call ? Promise.resolve(call) : new Promise((resolve) => this.waiters.push(resolve));
  }

  private hand(call: HeldInvite): void {
    const waiter = this.waiters.shift();
    if (waiter) waiter(call);
    else this.held.push(call);
  }
}

describe('lab SIP proxy: application routing hook', () => {
  let server: SipServer;
  let router: QueueRouter;
  let frames: FrameLog;
  let phones: Phone[] = [];

  beforeEach(async () => {
    router = new QueueRouter();
    frames = new FrameLog();
    server = await startServer({ router, trace: frames.trace });
    phones = await startPhones(server, ['1001', '1002', '1003']);
  });

  afterEach(async () => {
    await Promise.all(phones.map((p) => p.stop()));
    phones = [];
    await server.close();
  });

  it('holds a queue call, sends 182, forwards to an agent who answers', async () => {
    const [customer, agent] = phones as [Phone, Phone];
    const call = customer.call('7001', ['X-Queue-Note: vip']);
    const held = await router.nextHeld();
    expect(router.seen[0]).toMatchObject({ fromUser: '1001', toUser: '7001', requestUser: '7001', authenticatedUser: '1001' });
    expect(router.seen[0]?.header('x-queue-note')).toBe('vip');
    held.provisional(182, 'Queued');
    await frames.waitFor((f) => f.direction === 'out' && f.text.startsWith('SIP/2.0 182 Queued'));

    const established = nextEvent(server, 'dialog-established');
    const outcome = held.forward('1002', { timeoutMs: 5_000, headers: ['X-Offer: 42'] });
    const invitation = await agent.nextInvite();
    expect(invitation.request.getHeader('x-offer')).toBe('42');
    await invitation.accept();
    await expect(outcome).resolves.toEqual({ kind: 'answered' });
    await expect(call.finalStatus).resolves.toBe(200);
    await reachState(call.inviter, SessionState.Established);
    expect(call.progress).toContain(182);
    await expect(established).resolves.toMatchObject({ fromUser: '1001', toUser: '7001', targetUser: '1002' });
    await call.inviter.bye();
    await reachState(invitation, SessionState.Terminated);
  });

  it('CANCELs a branch on timeout, then a second forward to another agent works', async () => {
    const [customer, slowAgent, agent] = phones as [Phone, Phone, Phone];
    const call = customer.call('7001');
    const held = await router.nextHeld();

    const first = held.forward('1002', { timeoutMs: 150 });
    const ringing = await slowAgent.nextInvite();
    const cancelled = reachState(ringing, SessionState.Terminated);
    await expect(first).resolves.toEqual({ kind: 'timeout' });
    await cancelled; // the slow agent received the proxy's CANCEL
    await frames.waitFor((f) => f.direction === 'out' && f.text.startsWith('CANCEL '));

    const second = held.forward('1003', { timeoutMs: 5_000 });
    const invitation = await agent.nextInvite();
    await invitation.accept();
    await expect(second).resolves.toEqual({ kind: 'answered' });
    await reachState(call.inviter, SessionState.Established);
    await call.inviter.bye();
  });

  it('reports failed branches to the application without ending the call, and rejects a second concurrent branch', async () => {
    const [customer, agent] = phones as [Phone, Phone];
    const call = customer.call('7001');
    const held = await router.nextHeld();
    await expect(held.forward('5555', { timeoutMs: 1_000 })).resolves.toEqual({ kind: 'failed', status: 404 });
    await expect(held.forward('1004', { timeoutMs: 1_000 })).resolves.toEqual({ kind: 'failed', status: 480 });

    const declined = held.forward('1002', { timeoutMs: 5_000 });
    await expect(held.forward('1003', { timeoutMs: 5_000 })).rejects.toThrow(/already ringing/);
    await (await agent.nextInvite()).reject({ statusCode: 486 });
    await expect(declined).resolves.toEqual({ kind: 'failed', status: 486 });
    expect(call.inviter.state).toBe(SessionState.Establishing);

    held.reject(480, 'No Agents');
    await expect(call.finalStatus).resolves.toBe(480);
  });

  it('tells the application when the caller cancels while held and while an agent rings', async () => {
    const [customer, agent] = phones as [Phone, Phone];
    // Cancel with nobody ringing.
    const first = customer.call('7001');
    const held = await router.nextHeld();
    held.provisional(182);
    const cancelled = new Promise<void>((resolve) => held.onCallerCancel(resolve));
    await frames.waitFor((f) => f.direction === 'out' && f.text.startsWith('SIP/2.0 182'));
    await first.inviter.cancel();
    await cancelled;
    await expect(first.finalStatus).resolves.toBe(487);
    await expect(held.forward('1002', { timeoutMs: 1_000 })).resolves.toEqual({ kind: 'caller-cancelled' });

    // Cancel while an agent's phone rings.
    const second = customer.call('7001');
    const held2 = await router.nextHeld();
    const cancelled2 = new Promise<void>((resolve) => held2.onCallerCancel(resolve));
    const outcome: Promise<ForwardOutcome> = held2.forward('1002', { timeoutMs: 5_000 });
    const ringing = await agent.nextInvite();
    const agentStops = reachState(ringing, SessionState.Terminated);
    await second.inviter.cancel();
    await expect(outcome).resolves.toEqual({ kind: 'caller-cancelled' });
    await cancelled2;
    await expect(second.finalStatus).resolves.toBe(487);
    await agentStops;
  });

  it('cancels the ringing branch when the application rejects the call', async () => {
    const [customer, agent] = phones as [Phone, Phone];
    const call = customer.call('7001');
    const held = await router.nextHeld();
    const outcome = held.forward('1002', { timeoutMs: 5_000 });
    const ringing = await agent.nextInvite();
    held.reject(486, 'Busy');
    await expect(outcome).resolves.toEqual({ kind: 'failed', status: 487 });
    await expect(call.finalStatus).resolves.toBe(486);
    await reachState(ringing, SessionState.Terminated);
  });

  it('ACKs and hangs up an agent who answers after the branch timed out', async () => {
    const [customer] = phones as [Phone];
    const lateAgent = await RawSipClient.connect(server.url);
    try {
      expect(startLine(await lateAgent.register('1004', 'secret-1004'))).toBe('SIP/2.0 200 OK');
      const call = customer.call('7001');
      const held = await router.nextHeld();
      const outcome = held.forward('1004', { timeoutMs: 100 });
      const invite = await lateAgent.next((text) => text.startsWith('INVITE '));
      await expect(outcome).resolves.toEqual({ kind: 'timeout' }); // no provisional yet: CANCEL is pending
      lateAgent.send(lateAgent.respond(invite, 200, 'OK'));
      const ack = await lateAgent.next((text) => text.startsWith('ACK '));
      const bye = await lateAgent.next((text) => text.startsWith('BYE '));
      expect(ack).toContain(`Call-ID: ${call.inviter.request.callId}`);
      expect(bye).toMatch(/^To: .*;tag=rawtag/m);
      lateAgent.send(lateAgent.respond(bye, 200, 'OK'));
      expect(call.inviter.state).toBe(SessionState.Establishing); // the customer never got that answer
      held.reject(480, 'No Agents');
      await expect(call.finalStatus).resolves.toBe(480);
    } finally {
      await lateAgent.close();
    }
  });

  it('follows forward-to and reject decisions, and answers 500 when the router throws', async () => {
    const [customer, , agent] = phones as [Phone, Phone, Phone];
    router.decide = (invite) =>
      invite.requestUser === '8000'
        ? { kind: 'forward-to', user: '1003' }
        : invite.requestUser === '8001'
          ? { kind: 'reject', status: 403, reason: 'Outdial Refused', headers: ['X-Error-Code: 21'] }
          : (() => {
              throw new Error('router bug');
            })();
    const redirected = customer.call('8000');
    const invitation = await agent.nextInvite();
    expect(invitation.request.getHeader('to')).toContain('8000');
    await invitation.accept();
    await reachState(redirected.inviter, SessionState.Established);
    await redirected.inviter.bye();

    await expect(customer.call('8001').finalStatus).resolves.toBe(403);
    const refusal = await frames.waitFor((f) => f.direction === 'out' && f.text.startsWith('SIP/2.0 403 Outdial Refused'));
    expect(refusal.text).toContain('X-Error-Code: 21');
    await expect(customer.call('8002').finalStatus).resolves.toBe(500);
  });
});
