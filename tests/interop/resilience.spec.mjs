import { expect, test } from '@playwright/test';
import { startBaresip } from './support/baresip.mjs';
import { heardTones, presentTones } from './support/engine-ear.mjs';
import { captureRtpTo, g711Samples } from './support/rtp-capture.mjs';
import { startInterop } from './support/sip-lab.mjs';
import { detectTones } from './support/tone.mjs';
import { launchSwitchboard, pageFor, registerAs } from './support/switchboard.mjs';

const AGENT = 1000;
const CUSTOMER = 660;
const TONES = [AGENT, CUSTOMER];

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

/** A connected customer call with both directions verified; returns what the customer receives. */
async function connectedCall() {
  sb = await launchSwitchboard({ toneHz: AGENT });
  await registerAs(sb, lab, 'alice');
  customer = await startBaresip(lab, { user: 'bob', toneHz: CUSTOMER });
  const mark = customer.mark();
  await customer.dial('alice');
  await sb.waitLine('line1', 'ringing');
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  capture = await captureRtpTo(await customer.rtpPort());
  const customerHeard = (from) => detectTones(g711Samples(capture.packets(), { from }), 8000, TONES).present;
  await expect.poll(() => customerHeard(0)).toEqual([AGENT]);
  return { mark, customerHeard };
}

test('reloading the UI mid-call keeps the call', async () => {
  const { mark, customerHeard } = await connectedCall();
  await sb.ui.reload();
  await sb.ui.waitForSelector('[data-testid=app-ready]');
  await expect(sb.ui.getByTestId('line-card-line1')).toHaveAttribute('data-state', 'connected');
  const after = Date.now();
  await expect.poll(() => customerHeard(after)).toEqual([AGENT]);
  expect(customer.events.slice(mark).some((e) => e.type === 'CALL_CLOSED')).toBe(false);
});

test('a crashed engine is recreated and the call gets its media back', async () => {
  const { mark, customerHeard } = await connectedCall();
  await sb.app.evaluate(({ BrowserWindow }) => {
    const engine = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().startsWith('switchboard://engine/'));
    engine?.webContents.forcefullyCrashRenderer();
  });
  await expect.poll(async () => (await sb.ui.evaluate(() => window.switchboard.app.getSnapshot())).value.state.engine).toMatchObject({ status: 'ready', restarts: 1 });
  const recovered = Date.now();
  // Both directions flow again through the new engine, on the same SIP call.
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  await expect.poll(async () => presentTones(await heardTones(engine, TONES)), { timeout: 15_000 }).toEqual([CUSTOMER]);
  await expect.poll(() => customerHeard(recovered), { timeout: 15_000 }).toEqual([AGENT]);
  expect((await sb.softphone()).lines.phone.line1.state).toBe('connected');
  expect(customer.events.slice(mark).some((e) => e.type === 'CALL_CLOSED')).toBe(false);
});

test('call quality is reported, and stalled media triggers an ICE restart', async () => {
  const { mark } = await connectedCall();
  await expect.poll(async () => (await sb.softphone()).lines.calls.line1?.quality?.mos ?? 0).toBeGreaterThan(4);
  const { quality } = (await sb.softphone()).lines.calls.line1;
  expect(quality.lossPct).toBeLessThanOrEqual(1);
  await expect(sb.ui.getByTestId('line-quality-line1')).toBeVisible();

  // rtpengine stops relaying the customer's audio: SIP is up, media is dead.
  const callId = customer.currentCallId();
  const stats = await lab.rtpStats(callId);
  const customerTag = Object.entries(stats.parties).find(([, p]) => p.protocol === 'RTP/AVP')[0];
  const offers = () => customer.events.slice(mark).filter((e) => e.type === 'CALL_REMOTE_SDP' && e.param === 'offer').length;
  const offersBefore = offers();
  await lab.ng({ command: 'block media', 'call-id': callId, 'from-tag': customerTag });
  // The app notices the stall and re-offers with ICE restart (a re-INVITE).
  await expect.poll(offers, { timeout: 15_000 }).toBeGreaterThan(offersBefore);
  await lab.ng({ command: 'unblock media', 'call-id': callId, 'from-tag': customerTag });
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  await expect.poll(async () => presentTones(await heardTones(engine, TONES)), { timeout: 15_000 }).toEqual([CUSTOMER]);
  expect((await sb.softphone()).lines.phone.line1.state).toBe('connected');
});
