// Self-test of the interop harness: real Kamailio + rtpengine + sipp +
// baresip + SIP.js in headless Chromium, all on 127.0.0.1.
//
//   node --test tests/interop/harness.test.mjs
//   tests/interop/support/netns.sh -- node --test tests/interop/harness.test.mjs   (private netns)
//
// No fixed sleeps: every wait is on a port, a log line, a SIP/WebRTC event
// or a counter, and bounded by a timeout.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import { startBaresip } from './support/baresip.mjs';
import { startInterop } from './support/sip-lab.mjs';
import { launchChromium } from './support/sipjs-browser.mjs';
import { sipRegister } from './support/sip-udp.mjs';
import { startSippUac, startSippUas } from './support/sipp.mjs';
import { PARTY_TONES, detectTones, detectTonesInWav, makeToneWav } from './support/tone.mjs';
import fs from 'node:fs';
import { mkTempDir, waitFor } from './support/util.mjs';

const [TONE_BROWSER, TONE_BOB, TONE_CAROL] = [PARTY_TONES[2], PARTY_TONES[1], PARTY_TONES[0]]; // 1000, 660, 440
const figures = {};

function pidsAlive(pids) {
  return pids.filter((p) => {
    try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${p}/stat`, 'utf8')); } catch { return false; }
  });
}

describe('interop harness', { timeout: 240_000 }, () => {
  let lab;
  let bob; // baresip, auto-answer, 660 Hz
  let carol; // baresip, manual, 440 Hz
  let browserWs;
  let browserWss;
  let allPids = [];
  const scratch = mkTempDir('sb-harness-');
  const browserTone = makeToneWav(path.join(scratch, `browser-${TONE_BROWSER}.wav`), { freq: TONE_BROWSER, seconds: 60, rate: 48000 });

  before(async () => {
    lab = await startInterop();
    figures.labStartMs = lab.timings.startMs;
    console.log(`# lab: ${lab.wsUrl} ${lab.wssUrl} udp ${lab.udpHostPort} ng ${lab.rtpengine.ngPort} (${lab.loopbackOnly ? 'private netns' : 'host netns, 127.0.0.1 only'}) started in ${lab.timings.startMs} ms`);
  });

  after(async () => {
    await browserWs?.close().catch(() => {});
    await browserWss?.close().catch(() => {});
    await bob?.stop().catch(() => {});
    await carol?.stop().catch(() => {});
    await lab?.stop().catch(() => {});
    fs.rmSync(scratch, { recursive: true, force: true });
    console.log(`# figures: ${JSON.stringify(figures)}`);
  });

  test('baresip registers with digest auth; a wrong password is refused', { timeout: 30_000 }, async () => {
    const t0 = Date.now();
    bob = await startBaresip(lab, { user: 'bob', autoAnswer: true, toneHz: TONE_BOB });
    figures.baresipRegisterMs = Date.now() - t0; // includes baresip start
    assert.equal((await bob.registration).status, 200);
    await lab.waitRegistered('bob');
    carol = await startBaresip(lab, { user: 'carol', toneHz: TONE_CAROL });
    await lab.waitRegistered('carol');

    const bad = await startBaresip(lab, { user: 'dave', password: 'definitely-wrong', waitRegistered: false });
    try {
      const r = await bad.registration;
      assert.equal(r.ok, false);
      assert.ok([401, 403].includes(r.status), `status ${r.status}`);
    } finally {
      await bad.stop();
    }
    assert.equal(lab.contacts('dave').length, 0);

    const wrong = await sipRegister(lab, { user: 'erin', password: 'nope' });
    assert.deepEqual(wrong.responses, [401, 403]);
    const right = await sipRegister(lab, { user: 'erin', expires: 0 });
    assert.deepEqual(right.responses, [401, 200]);
  });

  test('sipp UAC (digest auth, pcap RTP) -> baresip auto-answer: audio both ways', { timeout: 40_000 }, async () => {
    const mark = bob.mark();
    const uac = await startSippUac(lab, { from: 'alice', to: 'bob', durationMs: 2500 });
    const est = await bob.waitEvent('CALL_ESTABLISHED', { since: mark, timeoutMs: 10_000 });
    assert.equal(est.id, uac.callId);
    await bob.waitRtpIn({ timeoutMs: 5000 });
    // both parties' packets reach rtpengine while the call is up
    const st = await waitFor(async () => {
      const s = await lab.rtpStats(uac.callId);
      const parties = Object.values(s.parties);
      return parties.length === 2 && parties.every((p) => p.packets >= 25) ? s : null;
    }, { timeoutMs: 8000, intervalMs: 100, what: 'rtpengine counters both ways' });
    const res = await uac.done;
    assert.equal(res.code, 0, `sipp: ${res.meaning}\n${res.output}\n${res.errors}`);
    assert.equal(res.successful, 1);
    await bob.waitEvent('CALL_CLOSED', { since: mark });
    const rec = bob.recordings().at(-1);
    const analysis = detectTonesInWav(rec, [TONE_BOB]);
    assert.ok(analysis.activeBlocks >= 10, `baresip decoded ${analysis.activeBlocks} non-silent 100 ms blocks of the sipp pcap`);
    figures.sippCallRtp = Object.fromEntries(Object.entries(st.parties).map(([k, v]) => [k, v.packets]));
  });

  for (const transport of ['ws', 'wss']) {
    test(`SIP.js in Chromium over ${transport}: registers, takes a baresip call, audio both ways`, { timeout: 60_000 }, async () => {
      let browser;
      if (transport === 'ws') browser = browserWs = await launchChromium({ fakeAudioFile: browserTone });
      else browser = browserWss = await launchChromium({ lab, wss: true, fakeAudioFile: browserTone });
      // one user per browser: two registrations of one AOR would fork the INVITE
      const alice = await browser.newSipClient(lab, { user: transport === 'ws' ? 'alice' : 'dave', transport, autoAnswer: true });
      const reg = await alice.register();
      assert.equal(reg.ok, true, `REGISTER ${reg.status} ${reg.reason ?? ''}`);
      figures[`sipjsRegisterMs_${transport}`] = Math.round(reg.ms);
      await lab.waitRegistered(alice.user);

      const mark = bob.mark();
      const t0 = Date.now();
      await bob.dial(alice.user);
      const inv = await alice.waitEvent('invite');
      figures[`inviteToOnInviteMs_${transport}`] = inv.nodeAt - t0;
      await bob.waitEvent('CALL_ESTABLISHED', { since: mark });
      figures[`dialToEstablishedMs_${transport}`] = Date.now() - t0;
      const media = await alice.waitMedia({ min: 25, timeoutMs: 10_000 });
      figures[`dialToMediaMs_${transport}`] = Date.now() - t0;
      assert.equal(media.ice, 'connected');
      assert.ok(media.inbound >= 25 && media.outbound >= 25);

      const rtp = await waitFor(async () => {
        const c = await bob.rtpCounters(inv.callId);
        return c.sent >= 25 && c.toward >= 25 ? c : null;
      }, { timeoutMs: 5000, intervalMs: 100, what: 'rtpengine counters' });
      assert.ok(Object.values(rtp.parties).some((p) => p.protocol === 'RTP/SAVPF'), 'WebRTC leg is DTLS-SRTP');
      assert.ok(Object.values(rtp.parties).some((p) => p.protocol === 'RTP/AVP'), 'baresip leg is plain RTP');

      // who hears whom: the browser hears bob's tone; bob hears the browser's
      const cap = await alice.captureRemote(1000);
      const heard = detectTones(cap.samples, cap.rate, [TONE_BROWSER, TONE_BOB, TONE_CAROL]);
      assert.deepEqual(heard.present, [TONE_BOB], `browser heard ${JSON.stringify(heard.tones)}`);

      await bob.hangup();
      await alice.waitEvent('session', { pred: (e) => e.state === 'Terminated' });
      await bob.waitEvent('CALL_CLOSED', { since: mark });
      const bobHeard = detectTonesInWav(bob.recordings().at(-1), [TONE_BROWSER, TONE_BOB, TONE_CAROL]);
      assert.deepEqual(bobHeard.present, [TONE_BROWSER], `bob heard ${JSON.stringify(bobHeard.tones)}`);
      if (transport === 'wss') await alice.unregister();
      else browser.alice = alice;
    });
  }

  test('SIP.js calls a registered sipp UAS (Record-Route echoed: ACK and BYE arrive), DTMF to baresip', { timeout: 40_000 }, async () => {
    const alice = browserWs.alice;
    const uas = await startSippUas(lab, { user: 'frank' });
    const mark = alice.mark();
    await alice.call('frank');
    await alice.waitEvent('session', { since: mark, pred: (e) => e.state === 'Established' });
    await alice.waitMedia({ min: 10 });
    // hold / resume by re-INVITE: the UAS answers a=recvonly, then a=sendrecv
    await alice.hold(true);
    assert.equal((await alice.stats()).direction, 'sendonly');
    await alice.hold(false);
    assert.equal((await alice.stats()).direction, 'sendrecv');
    await alice.hangup();
    await alice.waitEvent('session', { since: mark, pred: (e) => e.state === 'Terminated' });
    const r = await uas.done;
    assert.equal(r.code, 0, `sipp uas: ${r.meaning}\n${r.output}\n${r.errors}`);
    await uas.stop();

    // DTMF (RFC 4733) from the browser to baresip, through rtpengine
    const bm = bob.mark();
    const am = alice.mark();
    await alice.call('bob');
    await bob.waitEvent('CALL_ESTABLISHED', { since: bm });
    await alice.waitMedia({ min: 10 });
    await alice.dtmf('47#');
    await bob.waitEvent('CALL_DTMF_START', { since: bm, pred: (e) => e.param === '#' });
    const digits = bob.events.slice(bm).filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param).join('');
    assert.equal(digits, '47#');
    // hold from the browser: baresip's inbound audio stops, then resumes
    const th = Date.now();
    await alice.hold(true);
    figures.holdRoundTripMs = Date.now() - th;
    assert.equal((await alice.stats()).direction, 'sendonly');
    await alice.hold(false);
    const before = (await alice.stats()).inbound;
    await waitFor(async () => (await alice.stats()).inbound >= before + 10, { timeoutMs: 5000, what: 'inbound RTP after resume' });
    assert.equal((await alice.stats()).direction, 'sendrecv');
    await alice.hangup();
    await alice.waitEvent('session', { since: am, pred: (e) => e.state === 'Terminated' });
    await bob.waitEvent('CALL_CLOSED', { since: bm });
  });

  test('Kamailio restarted -> SIP.js registered again within 5 s', { timeout: 30_000 }, async () => {
    const alice = browserWs.alice;
    assert.equal(await alice.registrationState(), 'Registered');
    const mark = alice.mark();
    const t0 = Date.now();
    const restartMs = await lab.restartKamailio();
    const ok = await alice.waitEvent('register-ok', { since: mark, timeoutMs: 5000 });
    figures.kamailioRestartMs = restartMs;
    figures.restartToRegisteredMs = ok.nodeAt - t0;
    assert.ok(ok.nodeAt - t0 <= 5000);
    await lab.waitRegistered('alice', { timeoutMs: 2000 });
    // and it can take a call again
    const bm = bob.mark();
    await bob.dial('alice');
    await alice.waitEvent('invite', { since: mark });
    await alice.waitMedia({ min: 10 });
    await bob.hangup();
    await bob.waitEvent('CALL_CLOSED', { since: bm });
    await alice.unregister();
  });

  test('stop() leaves no processes behind', { timeout: 30_000 }, async () => {
    allPids = [...lab.pids(), bob.pid, carol.pid];
    assert.ok(allPids.length >= 3);
    // every process we started has one of these dirs on its command line
    const dirs = [lab.dir, bob.dir, carol.dir, browserWs.userDataDir, browserWss.userDataDir];
    assert.ok(dirs.every((d) => processesWith(d).length > 0), "each dir names a live process");
    const t0 = Date.now();
    await browserWs.close(); browserWs = null;
    await browserWss.close(); browserWss = null;
    figures.browsersCloseMs = Date.now() - t0;
    await bob.stop(); bob = null;
    await carol.stop(); carol = null;
    figures.baresipStopMs = Date.now() - t0 - figures.browsersCloseMs;
    const t1 = Date.now();
    await lab.stop();
    figures.labStopMs = Date.now() - t1;
    assert.deepEqual(pidsAlive(allPids), []);
    // Chromium's helpers may take a moment to exit after context.close()
    await waitFor(() => dirs.every((d) => processesWith(d).length === 0), { timeoutMs: 5000, what: 'no process left' })
      .catch(() => assert.fail(`still running: ${dirs.map((d) => processesWith(d).join(' ')).join(' ')}`));
  });
});

/** Live (non-zombie) pids whose command line contains `needle`. */
function processesWith(needle) {
  const r = spawnSync('pgrep', ['-f', '--', needle], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).map(Number).filter((pid) => {
    if (pid === process.pid) return false;
    try { return !/^\d+ \(.*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8')); } catch { return false; }
  });
}
