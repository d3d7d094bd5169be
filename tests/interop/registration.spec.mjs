import { expect, test } from '@playwright/test';
import { startInterop } from './support/sip-lab.mjs';
import { launchSwitchboard, registerAs } from './support/switchboard.mjs';

let lab;
let sb;
test.beforeAll(async () => {
  lab = await startInterop();
});
test.afterAll(async () => lab?.stop());
test.afterEach(async () => sb?.close());

test('registers over ws with digest auth and unregisters on removal', async () => {
  sb = await launchSwitchboard();
  await registerAs(sb, lab, 'alice');
  expect(lab.contacts('alice').length).toBe(1);
  await sb.ui.evaluate(() => window.switchboard.softphone.removeAccount());
  await lab.waitRegistered('alice', { count: 0 });
});

test('registers over wss, trusting the server certificate', async () => {
  sb = await launchSwitchboard({ env: { NODE_EXTRA_CA_CERTS: lab.tls.certFile } });
  await registerAs(sb, lab, 'bob', { server: lab.wssUrl });
});

test('a wrong password is refused and not retried', async () => {
  sb = await launchSwitchboard();
  const u = lab.user('carol');
  await sb.saveAccount({ server: lab.wsUrl, aor: u.aor }, 'not-the-password');
  await sb.waitRegistration('auth-failed');
  const { registration } = await sb.softphone();
  expect([401, 403]).toContain(registration.code);
  expect(registration.retryAt).toBeNull();
  expect(lab.contacts('carol')).toEqual([]);
});

test('registers again within 5 s after Kamailio restarts', async () => {
  sb = await launchSwitchboard();
  await registerAs(sb, lab, 'dave');
  const restarted = Date.now();
  await lab.restartKamailio();
  await lab.waitRegistered('dave', { timeoutMs: 5_000 });
  expect(Date.now() - restarted).toBeLessThan(5_000);
  await sb.waitRegistration('registered');
});

test('an unreachable server is reported and retried', async () => {
  sb = await launchSwitchboard();
  const u = lab.user('erin');
  await sb.saveAccount({ server: 'ws://127.0.0.1:9', aor: u.aor }, u.password);
  await expect.poll(async () => (await sb.softphone()).registration).toMatchObject({ status: 'unreachable', retryAt: expect.any(Number) });
});
