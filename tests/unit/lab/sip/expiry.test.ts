import { nextEvent, Phone, startServer } from './support/sip-kit';
import { FakeClock } from './support/fake-clock';

jest.setTimeout(10_000);

describe('lab SIP registrar: expiry', () => {
  it('drops a binding that is not refreshed in time and says so', async () => {
    const clock = new FakeClock();
    const server = await startServer({ clock, registrar: { defaultExpiresSec: 600, maxExpiresSec: 120 } });
    const phone = await new Phone(server, '1001').start(false);
    try {
      await expect(phone.register()).resolves.toBe(200);
      const [binding] = server.registrations();
      expect(binding?.expiresAt).toBe(clock.now() + 120_000); // SIP.js asked 600 s; capped at 120
      clock.advance(119_000);
      expect(server.registrations()).toHaveLength(1);
      const gone = nextEvent(server, 'unregistered');
      clock.advance(2_000);
      await expect(gone).resolves.toEqual({ user: '1001', reason: 'expired' });
      expect(server.registrations()).toEqual([]);
    } finally {
      await phone.stop();
      await server.close();
    }
  });
});
