import type { SipServer } from '../../../../lab/sip';
import { RawSipClient, startLine } from './support/raw-client';
import { FrameLog, nextEvent, Phone, reachState, SessionState, startPhones, startServer } from './support/sip-kit';

jest.setTimeout(10_000);

describe('lab SIP proxy: basic calls', () => {
  let server: SipServer;
  let phones: Phone[] = [];
  let frames: FrameLog;

  beforeEach(async () => {
    frames = new FrameLog();
    server = await startServer({ trace: frames.trace });
  });

  afterEach(async () => {
    await Promise.all(phones.map((p) => p.stop()));
    phones = [];
    await server.close();
  });

  it('connects A to B through the proxy with Record-Route, and routes BYE both ways', async () => {
    phones = await startPhones(server, ['1001', '1002']);
    const [alice, bob] = phones as [Phone, Phone];

    const established = nextEvent(server, 'dialog-established');
    const call = alice.call('1002');
    const invitation = await bob.nextInvite();
    expect(invitation.request.getHeader('record-route')).toBe(`<sip:127.0.0.1:${server.port};transport=ws;lr>`);
    expect(invitation.request.ruri?.user).toBe(bob.contactUser); // retargeted to the registered contact
    expect(invitation.request.getHeaders('via')).toHaveLength(2);
    await invitation.accept();
    await expect(call.finalStatus).resolves.toBe(200);
    expect(call.progress).toContain(180);
    await reachState(call.inviter, SessionState.Established);
    await reachState(invitation, SessionState.Established);
    const dialog = await established;
    // The 2xx ACK went end to end: in with our Route, out to the callee with our Via and no Route.
    const ackIn = await frames.waitFor((f) => f.direction === 'in' && f.text.startsWith('ACK '));
    expect(ackIn.text).toMatch(new RegExp(`^Route: <sip:127\\.0\\.0\\.1:${server.port};transport=ws;lr>`, 'm'));
    const ackOut = await frames.waitFor((f) => f.direction === 'out' && f.text.startsWith('ACK '));
    expect(ackOut.text).toContain(`Via: SIP/2.0/WS 127.0.0.1:${server.port};branch=z9hG4bK`);
    expect(ackOut.text).not.toMatch(/^Route:/m);
    // Responses go back with our Via removed.
    const okToCaller = frames.frames.find((f) => f.direction === 'out' && f.text.startsWith('SIP/2.0 200') && / INVITE\r\n/.test(f.text));
    expect(okToCaller?.text).not.toContain(`127.0.0.1:${server.port};branch`);
    expect(dialog).toMatchObject({ fromUser: '1001', toUser: '1002', targetUser: '1002' });
    expect(dialog.callId).toBe(call.inviter.request.callId);

    const ended = nextEvent(server, 'dialog-ended');
    await call.inviter.bye();
    await reachState(invitation, SessionState.Terminated);
    await reachState(call.inviter, SessionState.Terminated);
    await expect(ended).resolves.toEqual({ callId: dialog.callId, byUser: '1001', reason: 'bye' });

    // And the other direction: the callee hangs up.
    const second = alice.call('1002');
    const secondInvite = await bob.nextInvite();
    await secondInvite.accept();
    await reachState(second.inviter, SessionState.Established);
    const endedByBob = nextEvent(server, 'dialog-ended');
    await secondInvite.bye();
    await reachState(second.inviter, SessionState.Terminated);
    await expect(endedByBob).resolves.toMatchObject({ byUser: '1002', reason: 'bye' });
  });

  it('ends a dialog for the ACD when the connection of one side drops without a BYE', async () => {
    phones = await startPhones(server, ['1001']);
    const [alice] = phones as [Phone];
    const bob = await RawSipClient.connect(server.url);
    expect(startLine(await bob.register('1002', 'secret-1002'))).toBe('SIP/2.0 200 OK');
    const call = alice.call('1002');
    const sdp = 'v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 127.0.0.1\r\nt=0 0\r\nm=audio 9 RTP/AVP 0\r\n';
    bob.send(bob.respond(await bob.next((text) => text.startsWith('INVITE ')), 200, 'OK', 'bobtag', sdp));
    await reachState(call.inviter, SessionState.Established);
    await bob.next((text) => text.startsWith('ACK '));
    const ended = nextEvent(server, 'dialog-ended');
    const unregistered = nextEvent(server, 'unregistered');
    await bob.close();
    await expect(ended).resolves.toEqual({ callId: call.inviter.request.callId, byUser: '1002', reason: 'connection-closed' });
    await expect(unregistered).resolves.toEqual({ user: '1002', reason: 'connection-closed' });
    // The caller's BYE now finds nobody at that contact: 404 from the proxy.
    await call.inviter.bye();
    await frames.waitFor((f) => f.direction === 'out' && f.text.startsWith('SIP/2.0 404') && f.text.includes(' BYE\r\n'));
  });

  it('relays 487 when the caller cancels while the callee rings', async () => {
    phones = await startPhones(server, ['1001', '1002']);
    const [alice, bob] = phones as [Phone, Phone];
    const call = alice.call('1002');
    const invitation = await bob.nextInvite();
    const calleeGone = reachState(invitation, SessionState.Terminated);
    await call.inviter.cancel();
    await expect(call.finalStatus).resolves.toBe(487);
    await calleeGone;
    await reachState(call.inviter, SessionState.Terminated);
  });

  it('relays a decline (486)', async () => {
    phones = await startPhones(server, ['1001', '1002']);
    const [alice, bob] = phones as [Phone, Phone];
    const call = alice.call('1002');
    await (await bob.nextInvite()).reject({ statusCode: 486 });
    await expect(call.finalStatus).resolves.toBe(486);
  });

  it('answers 404 for an unknown user and 480 for a known user who is not registered', async () => {
    phones = await startPhones(server, ['1001']);
    const [alice] = phones as [Phone];
    await expect(alice.call('5555').finalStatus).resolves.toBe(404);
    await expect(alice.call('1003').finalStatus).resolves.toBe(480);
  });

  it('challenges a caller that is not registered (407) and lets it call after proving who it is', async () => {
    phones = await startPhones(server, ['1002']);
    const [bob] = phones as [Phone];
    const carol = await new Phone(server, '1003').start(false);
    phones.push(carol);
    const call = carol.call('1002');
    const invitation = await bob.nextInvite();
    expect(invitation.request.getHeader('proxy-authorization')).toBeUndefined(); // consumed by the proxy
    await invitation.accept();
    await reachState(call.inviter, SessionState.Established);
    // The callee's BYE reaches the unregistered caller through its learned contact.
    await invitation.bye();
    await reachState(call.inviter, SessionState.Terminated);
  });

  it('refuses an unregistered caller with a wrong password (403)', async () => {
    phones = await startPhones(server, ['1002']);
    const mallory = await new Phone(server, '1003', 'wrong').start(false);
    phones.push(mallory);
    await expect(mallory.call('1002').finalStatus).resolves.toBe(403);
  });

  it('routes MESSAGE out of dialog and INFO in dialog', async () => {
    phones = await startPhones(server, ['1001', '1002']);
    const [alice, bob] = phones as [Phone, Phone];
    const messages: string[] = [];
    bob.ua.delegate = { ...bob.ua.delegate, onMessage: (message) => void message.accept().then(() => messages.push(message.request.body)) };
    const { Messager } = await import('sip.js');
    const target = alice.ua.contact.uri.clone();
    target.user = '1002';
    target.host = 'lab.test';
    const sent = new Promise<number>((resolve) => {
      void new Messager(alice.ua, target, 'hello').message({
        requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0), onReject: (r) => resolve(r.message.statusCode ?? 0) },
      });
    });
    await expect(sent).resolves.toBe(200);
    expect(messages).toEqual(['hello']);

    const call = alice.call('1002');
    const invitation = await bob.nextInvite();
    const infos: string[] = [];
    invitation.delegate = { onInfo: (info) => void info.accept().then(() => infos.push(info.request.body)) };
    await invitation.accept();
    await reachState(call.inviter, SessionState.Established);
    const infoStatus = new Promise<number>((resolve) => {
      void call.inviter.info({
        requestOptions: { body: { contentDisposition: 'render', contentType: 'application/dtmf-relay', content: 'Signal=5\r\nDuration=160' } },
        requestDelegate: { onAccept: (r) => resolve(r.message.statusCode ?? 0) },
      });
    });
    await expect(infoStatus).resolves.toBe(200);
    expect(infos[0]).toContain('Signal=5');
    await call.inviter.bye();
  });
});
