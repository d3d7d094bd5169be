import { RegistererState } from 'sip.js';
import type { SipServer } from '../../../../lab/sip';
import { nextEvent, Phone, startServer } from './support/sip-kit';

jest.setTimeout(10_000);

describe('lab SIP registrar', () => {
  let server: SipServer;
  const phones: Phone[] = [];
  const phone = (user: string, password?: string): Phone => {
    const made = new Phone(server, user, password);
    phones.push(made);
    return made;
  };

  beforeEach(async () => {
    server = await startServer();
  });

  afterEach(async () => {
    await Promise.all(phones.splice(0).map((p) => p.stop()));
    await server.close();
  });

  it('registers a user with digest auth and lists the binding on its contact', async () => {
    const registered = nextEvent(server, 'registered');
    const alice = await phone('1001').start(false);
    await expect(alice.register()).resolves.toBe(200);
    expect(alice.registerer.state).toBe(RegistererState.Registered);
    await expect(registered).resolves.toMatchObject({ user: '1001' });
    const [binding] = server.registrations();
    expect(binding?.user).toBe('1001');
    expect(binding?.contact).toContain(alice.contactUser);
  });

  it('refuses a wrong password with 403 and keeps no binding', async () => {
    const mallory = await phone('1001', 'wrong').start(false);
    await expect(mallory.register()).resolves.toBe(403);
    expect(mallory.registerer.state).not.toBe(RegistererState.Registered);
    expect(server.registrations()).toEqual([]);
  });

  it('refuses an unknown user with 403', async () => {
    const stranger = await phone('9999', 'whatever').start(false);
    await expect(stranger.register()).resolves.toBe(403);
    expect(server.registrations()).toEqual([]);
  });

  it('refreshes without announcing the user twice', async () => {
    const events: string[] = [];
    server.on('registered', (event) => events.push(event.user));
    const alice = await phone('1001').start();
    await expect(alice.register()).resolves.toBe(200);
    expect(events).toEqual(['1001']);
    expect(server.registrations()).toHaveLength(1);
  });

  it('removes the binding on unregister (Expires: 0)', async () => {
    const alice = await phone('1001').start();
    const gone = nextEvent(server, 'unregistered');
    await alice.unregister();
    await expect(gone).resolves.toEqual({ user: '1001', reason: 'unregister' });
    expect(server.registrations()).toEqual([]);
  });

  it('removes the binding when the WebSocket closes', async () => {
    const alice = await phone('1001').start();
    const gone = nextEvent(server, 'unregistered');
    await alice.ua.transport.disconnect();
    await expect(gone).resolves.toEqual({ user: '1001', reason: 'connection-closed' });
    expect(server.registrations()).toEqual([]);
  });

  it('keeps two users apart', async () => {
    await phone('1001').start();
    await phone('1002').start();
    expect(server.registrations().map((r) => r.user)).toEqual(['1001', '1002']);
  });
});
