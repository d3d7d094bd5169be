import { SIPExtension, UserAgent, type Invitation, type Referral, type Session } from 'sip.js';
import type { CallRouter, InitialInvite, SipServer } from '../../../../lab/sip';
import { nextEvent, Phone, reachState, SessionState, startPhones, startServer } from './support/sip-kit';

jest.setTimeout(10_000);

/** Accepts the next REFER on `session` and follows it (SIP.js's Referral: Refer-To, with Replaces when present). */
function followNextRefer(session: Session): Promise<{ referral: Referral; inviter: Session }> {
  return new Promise((resolve) => {
    session.delegate = {
      onRefer: (referral) => {
        void referral.accept().then(() => {
          const inviter = referral.makeInviter();
          void inviter.invite();
          resolve({ referral, inviter });
        });
      },
    };
  });
}

async function connect(caller: Phone, callee: Phone): Promise<{ outgoing: Session; incoming: Invitation }> {
  const call = caller.call(callee.user);
  const incoming = await callee.nextInvite();
  await incoming.accept();
  await reachState(call.inviter, SessionState.Established);
  return { outgoing: call.inviter, incoming };
}

describe('lab SIP proxy: REFER and Replaces', () => {
  let server: SipServer;
  let phones: Phone[] = [];
  const invites: InitialInvite[] = [];
  const router: CallRouter = {
    route: (invite) => {
      invites.push(invite);
      return { kind: 'forward' };
    },
  };

  beforeEach(async () => {
    invites.length = 0;
    server = await startServer({ router });
    phones = await startPhones(server, ['1001', '1002', '1003'], { sipExtensionReplaces: SIPExtension.Supported });
  });

  afterEach(async () => {
    await Promise.all(phones.map((p) => p.stop()));
    phones = [];
    await server.close();
  });

  it('passes a blind REFER through the dialog to the far end and reports it', async () => {
    const [customer, agent, colleague] = phones as [Phone, Phone, Phone];
    const { outgoing: customerLeg, incoming: agentLeg } = await connect(customer, agent);

    const referEvent = nextEvent(server, 'refer');
    const followed = followNextRefer(customerLeg);
    const target = UserAgent.makeURI('sip:1003@lab.test');
    if (!target) throw new Error('bad uri');
    await agentLeg.refer(target);
    await expect(referEvent).resolves.toMatchObject({
      callId: agentLeg.request.callId,
      fromUser: '1002',
      referTo: 'sip:1003@lab.test',
      referToUser: '1003',
    });
    const { inviter } = await followed;
    const transferred = await colleague.nextInvite();
    expect(transferred.request.getHeader('referred-by')).toContain('1002');
    await transferred.accept();
    await reachState(inviter, SessionState.Established);
    await inviter.bye();
    await agentLeg.bye();
  });

  it('routes an attended transfer: REFER with Replaces, then an INVITE to the contact URI', async () => {
    const [customer, agent, colleague] = phones as [Phone, Phone, Phone];
    const { outgoing: customerLeg, incoming: agentLeg } = await connect(customer, agent);
    const { outgoing: consultLeg, incoming: colleagueLeg } = await connect(agent, colleague);
    invites.length = 0;

    const referEvent = nextEvent(server, 'refer');
    const followed = followNextRefer(customerLeg);
    await agentLeg.refer(consultLeg);

    const dialog = consultLeg.dialog;
    if (!dialog) throw new Error('no consult dialog');
    const expectedReplaces = { callId: dialog.callId, toTag: dialog.remoteTag, fromTag: dialog.localTag };
    const refer = await referEvent;
    expect(refer.replaces).toEqual(expectedReplaces);
    expect(refer.referToUser).toBe(colleague.contactUser); // Refer-To carries the colleague's contact

    const { inviter } = await followed;
    const replacing = await colleague.nextInvite();
    // Routed by contact URI, not by an AOR.
    expect(replacing.request.ruri?.user).toBe(colleague.contactUser);
    expect(invites[0]).toMatchObject({ fromUser: '1001', requestUser: colleague.contactUser, replaces: expectedReplaces });
    const consultEnds = reachState(colleagueLeg, SessionState.Terminated);
    await replacing.accept(); // SIP.js BYEs the replaced consult leg itself
    await reachState(inviter, SessionState.Established);
    await consultEnds;
    await reachState(consultLeg, SessionState.Terminated);
    await inviter.bye();
    await agentLeg.bye();
  });
});
