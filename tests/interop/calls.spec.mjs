import { expect, test } from '@playwright/test';
import { startBaresip } from './support/baresip.mjs';
import { heardTones, presentTones } from './support/engine-ear.mjs';
import { startInterop } from './support/sip-lab.mjs';
import { captureRtpTo, g711Samples } from './support/rtp-capture.mjs';
import { detectTones, detectTonesInWav } from './support/tone.mjs';
import { launchSwitchboard, pageFor, registerAs } from './support/switchboard.mjs';

const AGENT = 1000;
const CUSTOMER = 660;
const CONSULTED = 1400;
const TONES = [AGENT, CUSTOMER, CONSULTED];

let lab;
let sb;
const parties = [];
const captures = [];
test.beforeAll(async () => {
  lab = await startInterop();
});
test.afterAll(async () => lab?.stop());
test.beforeEach(async () => {
  sb = await launchSwitchboard({ toneHz: AGENT });
  await registerAs(sb, lab, 'alice');
});
test.afterEach(async () => {
  for (const capture of captures.splice(0)) await capture.stop();
  for (const party of parties.splice(0)) await party.stop();
  await sb?.close();
});

async function party(user, options = {}) {
  const b = await startBaresip(lab, { user, ...options });
  parties.push(b);
  return b;
}

/** The tones a baresip party heard in its last call. */
const heardBy = (b) => detectTonesInWav(b.recordings().at(-1), TONES).present;

/** Starts recording, at the network, what a party receives from now on. */
async function listenAt(b) {
  const port = await b.rtpPort();
  expect(port).not.toBeNull();
  const capture = await captureRtpTo(port);
  captures.push(capture);
  return {
    /** Tones in what reached the party between two instants (epoch ms). */
    heard: (from, to = Date.now()) => detectTones(g711Samples(capture.packets(), { from, to }), 8000, TONES).present,
    /** Packets that reached the party between two instants. */
    packets: (from, to = Date.now()) => capture.packets().filter((p) => p.at >= from && p.at <= to).length,
  };
}

/** The agent consults carol on line 2; resolves once carol's call is established. */
async function consultCarol() {
  const consulted = await party('carol', { autoAnswer: true, toneHz: CONSULTED });
  const consultMark = consulted.mark();
  await sb.line({ kind: 'consult', target: lab.user('carol').aor });
  await sb.waitLine('line2', 'consulting');
  await consulted.waitEvent('CALL_ESTABLISHED', { since: consultMark });
  return { consulted, consultMark };
}

async function customerCallsIn() {
  const customer = await party('bob', { toneHz: CUSTOMER });
  const mark = customer.mark();
  await customer.dial('alice');
  await sb.waitLine('line1', 'ringing');
  return { customer, mark };
}

test('an incoming call is answered with audio both ways', async () => {
  const { customer, mark } = await customerCallsIn();
  const { lines } = await sb.softphone();
  expect(lines.calls.line1?.remote).toBe('bob');
  expect(await sb.line({ kind: 'answer' })).toEqual({ ok: true, value: { accepted: true } });
  await sb.waitLine('line1', 'connected');
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  await customer.waitRtpIn({ timeoutMs: 10_000 });
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER]);
  await sb.line({ kind: 'hangup', line: 'line1' });
  await customer.waitEvent('CALL_CLOSED', { since: mark });
  await sb.waitLine('line1', 'idle');
  expect(heardBy(customer)).toEqual([AGENT]);
});

test('decline answers 486 and the line is free again', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'decline' });
  const closed = await customer.waitEvent('CALL_CLOSED', { since: mark });
  expect(closed.param ?? '').toMatch(/486/);
  await sb.waitLine('line1', 'idle');
});

test('decline can answer 603 when the agent asks for it', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'decline', status: 603 });
  const closed = await customer.waitEvent('CALL_CLOSED', { since: mark });
  expect(closed.param ?? '').toMatch(/603/);
  await sb.waitLine('line1', 'idle');
});

test('the caller cancelling while it rings frees the line', async () => {
  const { customer } = await customerCallsIn();
  await customer.hangup();
  await sb.waitLine('line1', 'idle');
  expect((await sb.softphone()).lines.calls.line1).toBeNull();
});

test('the customer hanging up ends the call', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  await customer.hangup();
  await sb.waitLine('line1', 'idle');
});

test('hold stops the customer hearing the agent and resume brings it back', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  const customerEar = await listenAt(customer);
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER]);
  expect(customerEar.heard(0)).toEqual([AGENT]);

  await sb.line({ kind: 'hold', line: 'line1' });
  await sb.waitLine('line1', 'held');
  const heldAt = Date.now();
  expect(await sb.line({ kind: 'hold', line: 'line1' })).toMatchObject({ value: { accepted: false } });
  // Held: the agent hears nothing, and the customer hears nothing of the agent.
  expect(presentTones(await heardTones(engine, TONES))).toEqual([]);
  expect(customerEar.heard(heldAt)).toEqual([]);

  await sb.line({ kind: 'resume', line: 'line1' });
  await sb.waitLine('line1', 'connected');
  const resumedAt = Date.now();
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER]);
  await expect.poll(() => customerEar.heard(resumedAt)).toEqual([AGENT]);
  // Hold and resume went out with offers the engine made ahead, and it applied
  // them as sent: no call's media had to be rebuilt.
  expect(sb.logText()).toContain('SIP account saved');
  expect(sb.logText()).not.toContain('call media failed');
});

test('the customer putting the agent on hold is shown', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  await customer.hold();
  await expect.poll(async () => (await sb.softphone()).lines.phone.line1.remoteHeld).toBe(true);
  await customer.resume();
  await expect.poll(async () => (await sb.softphone()).lines.phone.line1.remoteHeld).toBe(false);
  expect((await sb.softphone()).lines.phone.line1.state).toBe('connected');
});

test('mute silences the agent toward the customer only', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  const customerEar = await listenAt(customer);
  await expect.poll(() => customerEar.heard(0)).toEqual([AGENT]);
  await sb.line({ kind: 'mute', line: 'line1', on: true });
  await expect.poll(async () => (await sb.softphone()).lines.phone.line1.muted).toBe(true);
  const mutedAt = Date.now();
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER]);
  expect(customerEar.heard(mutedAt)).toEqual([]);
  await sb.line({ kind: 'mute', line: 'line1', on: false });
  const unmutedAt = Date.now();
  await expect.poll(() => customerEar.heard(unmutedAt)).toEqual([AGENT]);
});

test('an outgoing call connects and DTMF reaches the far end', async () => {
  const callee = await party('carol', { autoAnswer: true, toneHz: CONSULTED });
  const mark = callee.mark();
  await sb.line({ kind: 'dial', target: lab.user('carol').aor });
  await sb.waitLine('line1', 'connected');
  await callee.waitEvent('CALL_ESTABLISHED', { since: mark });
  await sb.line({ kind: 'dtmf', line: 'line1', digits: '47#' });
  // Keys pressed faster than tones play are queued, not lost.
  for (const key of ['1', '2', '*']) await sb.line({ kind: 'dtmf', line: 'line1', digits: key });
  await expect.poll(() => callee.dtmfReceived()).toBe('47#12*');
  await sb.line({ kind: 'hangup', line: 'line1' });
  await callee.waitEvent('CALL_CLOSED', { since: mark });
});

test('consult holds the customer; conference lets each of the three hear the other two', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER]);
  const customerEar = await listenAt(customer);
  const { consulted, consultMark } = await consultCarol();
  expect((await sb.softphone()).lines.phone.line1.state).toBe('held');

  // While the agent consults, the held customer hears nothing of it.
  const consultStart = Date.now();
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CONSULTED]);
  expect(customerEar.heard(consultStart)).toEqual([]);

  await sb.line({ kind: 'conference' });
  await sb.waitLine('line1', 'conference');
  await sb.waitLine('line2', 'conference');
  const conferenceStart = Date.now();
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER, CONSULTED]);
  expect(await sb.line({ kind: 'hold', line: 'line1' })).toMatchObject({ value: { accepted: false, reason: 'held-in-conference' } });

  await expect.poll(() => customerEar.heard(conferenceStart)).toEqual([AGENT, CONSULTED]);

  // Everyone drops when the agent ends the conference.
  await sb.line({ kind: 'hangup', line: 'line1' });
  await customer.waitEvent('CALL_CLOSED', { since: mark });
  await consulted.waitEvent('CALL_CLOSED', { since: consultMark });
  // The consulted party's call had no re-INVITE, so its own recording is whole:
  // the agent first, then agent and customer together.
  expect(heardBy(consulted)).toEqual([AGENT, CUSTOMER]);
});

test('the consulted party leaving a conference keeps agent and customer talking', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  const { consulted } = await consultCarol();
  await sb.line({ kind: 'conference' });
  await sb.waitLine('line1', 'conference');
  const customerEar = await listenAt(customer);
  await consulted.hangup();
  await sb.waitLine('line2', 'idle');
  await sb.waitLine('line1', 'connected');
  const leftAt = Date.now();
  const engine = await pageFor(sb.app, 'switchboard://engine/');
  await expect.poll(async () => presentTones(await heardTones(engine, TONES))).toEqual([CUSTOMER]);
  await expect.poll(() => customerEar.heard(leftAt)).toEqual([AGENT]);
  expect(customer.events.slice(mark).some((e) => e.type === 'CALL_CLOSED')).toBe(false);
});

test('blind transfer hands the customer to the target and frees the agent', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  const target = await party('carol', { autoAnswer: true, toneHz: CONSULTED });
  const targetMark = target.mark();
  await sb.line({ kind: 'transferBlind', target: lab.user('carol').aor });
  await target.waitEvent('CALL_ESTABLISHED', { since: targetMark, timeoutMs: 15_000 });
  await sb.waitLine('line1', 'idle');
});

test('consult transfer connects the customer to the consulted party (REFER with Replaces)', async () => {
  const { customer, mark } = await customerCallsIn();
  await sb.line({ kind: 'answer' });
  await customer.waitEvent('CALL_ESTABLISHED', { since: mark });
  const { consulted } = await consultCarol();

  const customerMark = customer.mark();
  const consultedMark = consulted.mark();
  expect(await sb.line({ kind: 'transferConsult' })).toEqual({ ok: true, value: { accepted: true } });
  // The customer got a REFER whose target replaces the agent's consult dialog…
  const transfer = await customer.waitEvent('TRANSFER', { since: customerMark });
  expect(transfer.param).toMatch(/Replaces=/);
  // …and the consulted party is now talking to the customer; the agent is free.
  await consulted.waitEvent('CALL_ESTABLISHED', { since: consultedMark, pred: (e) => /bob@/.test(e.param ?? '') });
  await sb.waitLine('line1', 'idle');
  await sb.waitLine('line2', 'idle');
});
