import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
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

test('the SIP password never reaches the UI, the logs or a plain file', async () => {
  sb = await launchSwitchboard({ env: { SWITCHBOARD_LOG_LEVEL: 'debug' } });
  const u = await registerAs(sb, lab, 'frank');
  const snapshot = await sb.ui.evaluate(() => window.switchboard.app.getSnapshot());
  expect(JSON.stringify(snapshot)).not.toContain(u.password);
  const profile = path.join(sb.dir, 'profile');
  const files = fs.readdirSync(profile, { recursive: true }).map((f) => path.join(profile, String(f))).filter((f) => fs.statSync(f).isFile());
  expect(files.some((f) => f.endsWith('main.log'))).toBe(true);
  for (const file of files) expect(fs.readFileSync(file).includes(u.password), file).toBe(false);
  // The debug log does carry the SIP traffic, with the digest redacted.
  const log = fs.readFileSync(path.join(profile, 'logs', 'main.log'), 'utf8');
  expect(log).toContain('REGISTER sip:');
  expect(log).toMatch(/Authorization: Digest \[redacted\]/);
});

test('quitting unregisters cleanly', async () => {
  sb = await launchSwitchboard();
  await registerAs(sb, lab, 'alice');
  await sb.app.close();
  await lab.waitRegistered('alice', { count: 0 });
  sb = { close: async () => undefined };
});

test('waking from sleep re-registers at once', async () => {
  sb = await launchSwitchboard();
  const isStandin = await sb.app.evaluate((electron) => Boolean(electron.__standin));
  test.skip(!isStandin, 'power events can only be simulated on the Electron stand-in');
  await registerAs(sb, lab, 'bob');
  // While "asleep" the server lost the registration (e.g. it restarted).
  await lab.kamcmd('ul.rm', 'location', lab.user('bob').aor.replace(/^sip:/, ''));
  await lab.waitRegistered('bob', { count: 0 });
  await sb.app.evaluate((electron) => electron.__standin.simulate.powerEvent('resume'));
  await lab.waitRegistered('bob', { timeoutMs: 5_000 });
});
