import { expect, test } from '@playwright/test';
import { startBaresip } from './support/baresip.mjs';
import { captureRtpTo, g711Samples } from './support/rtp-capture.mjs';
import { startInterop } from './support/sip-lab.mjs';
import { detectTones } from './support/tone.mjs';
import { launchSwitchboard, registerAs } from './support/switchboard.mjs';

let lab;
let sb;
let customer;
let capture;
test.beforeAll(async () => {
  lab = await startInterop();
});
test.afterAll(async () => lab?.stop());
test.afterEach(async () => {
  await capture?.stop();
  await customer?.stop();
  await sb?.close();
});

test('devices are listed, chosen mid-call without losing audio, and the level meter reports the microphone', async () => {
  sb = await launchSwitchboard({ toneHz: 1000 });
  await expect.poll(async () => (await sb.softphone()).devices.available.inputs.length).toBeGreaterThan(0);
  const { available } = (await sb.softphone()).devices;
  expect(available.outputs.length).toBeGreaterThan(0);

  // Level meter: on → levels arrive in the UI; the 1 kHz test tone is loud.
  await sb.ui.evaluate(() => {
    const w = window;
    w.__levels = [];
    w.__stopLevels = w.switchboard.softphone.onInputLevel(({ level }) => w.__levels.push(level));
  });
  expect(await sb.ui.evaluate(() => window.switchboard.softphone.levelMeter({ on: true }))).toEqual({ ok: true, value: { on: true } });
  await expect.poll(() => sb.ui.evaluate(() => Math.max(0, ...window.__levels))).toBeGreaterThan(0.1);
  await sb.ui.evaluate(() => window.switchboard.softphone.levelMeter({ on: false }));

  await registerAs(sb, lab, 'alice');
  customer = await startBaresip(lab, { user: 'bob', toneHz: 660 });
  const mark = customer.mark();
  await customer.dial('alice');
  await sb.waitLine('line1', 'ringing');
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  capture = await captureRtpTo(await customer.rtpPort());
  const heard = (from) => detectTones(g711Samples(capture.packets(), { from }), 8000, [660, 1000]);
  const tonesSince = (from) => heard(from).present;
  /** Seconds of the agent's tone the customer received since `from`. */
  const toneSeconds = (from) => (tonesSince(from).includes(1000) ? heard(from).activeBlocks / 10 : 0);
  await expect.poll(() => tonesSince(0)).toEqual([1000]);

  // Switch microphone, speaker and ringer mid-call; the choice is kept and audio continues.
  const chosen = { microphoneId: available.inputs.at(-1).id, speakerId: available.outputs[0].id, ringerId: available.outputs.at(-1).id };
  expect(await sb.ui.evaluate((devices) => window.switchboard.softphone.setDevices({ devices }), chosen)).toMatchObject({ ok: true });
  expect((await sb.softphone()).devices.chosen).toEqual(chosen);
  const switched = Date.now();
  // At least two seconds of continuous audio on the new microphone.
  await expect.poll(() => toneSeconds(switched)).toBeGreaterThanOrEqual(2);
  expect(customer.events.slice(mark).some((e) => e.type === 'CALL_CLOSED')).toBe(false);

  // A malformed choice is refused and changes nothing.
  const bad = await sb.ui.evaluate(() => window.switchboard.softphone.setDevices({ devices: { microphoneId: 42 } }));
  expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  expect((await sb.softphone()).devices.chosen).toEqual(chosen);
});
