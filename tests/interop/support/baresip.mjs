// baresip far end (UDP, loopback) driven over its ctrl_tcp JSON interface.
//
//   const b = await startBaresip(lab, { user: 'bob', autoAnswer: true, toneHz: 660 });
//   await b.registered;                       // REGISTER_OK seen (digest auth done)
//   const call = await b.waitEvent('CALL_ESTABLISHED');
//   await b.dtmf('5'); await b.hold(); await b.resume(); await b.hangup();
//   b.events  -> every event seen; b.recordings() -> WAVs of what it heard
//   await b.stop();
//
// Audio: source = a sox sine at `toneHz`; received audio is decoded and
// written by the `sndfile` filter as dump-<callid>-dec.wav in `dir`
// (analyse with tone.mjs). Output device is `aubridge` (a null sink).
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

import { makeToneWav } from './tone.mjs';
import { freePort, freeUdpRange, mkTempDir, portFree, spawnManaged, tail, waitFor } from './util.mjs';

const MODULE_DIRS = ['/usr/lib/baresip/modules', '/usr/lib/x86_64-linux-gnu/baresip/modules'];

async function sipPortPair() {
  // baresip listens on sip_listen (UDP+TCP) and on port+1 (TLS)
  for (let i = 0; i < 50; i++) {
    const p = await freePort('both');
    if (await portFree(p + 1, 'tcp')) return p;
  }
  throw new Error('no free port pair for baresip');
}

class CtrlClient {
  constructor(port) {
    this.port = port;
    this.buf = Buffer.alloc(0);
    this.pending = new Map();
    this.token = 0;
    this.onEvent = () => {};
  }

  connect() {
    return new Promise((resolve, reject) => {
      this.sock = net.connect({ port: this.port, host: '127.0.0.1' });
      this.sock.once('connect', () => resolve());
      this.sock.once('error', reject);
      this.sock.on('data', (d) => this.#onData(d));
      this.sock.on('close', () => {
        for (const p of this.pending.values()) p.reject(new Error('baresip ctrl_tcp closed'));
        this.pending.clear();
      });
    });
  }

  #onData(d) {
    this.buf = Buffer.concat([this.buf, d]);
    for (;;) {
      const colon = this.buf.indexOf(0x3a);
      if (colon < 0) return;
      const len = Number(this.buf.subarray(0, colon).toString());
      if (this.buf.length < colon + 1 + len + 1) return;
      const body = this.buf.subarray(colon + 1, colon + 1 + len).toString();
      this.buf = this.buf.subarray(colon + 1 + len + 1); // skip trailing ','
      let msg;
      try { msg = JSON.parse(body); } catch { continue; }
      if (msg.response) {
        const p = this.pending.get(msg.token);
        if (p) { this.pending.delete(msg.token); p.resolve(msg); }
      } else if (msg.event) {
        this.onEvent(msg);
      }
    }
  }

  command(command, params = '', { timeoutMs = 5000 } = {}) {
    const token = String(++this.token);
    const json = JSON.stringify({ command, params, token });
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => { this.pending.delete(token); reject(new Error(`baresip ${command}: no response`)); }, timeoutMs);
      this.pending.set(token, {
        resolve: (m) => { clearTimeout(timer); resolve(m); },
        reject: (e) => { clearTimeout(timer); reject(e); },
      });
      this.sock.write(`${Buffer.byteLength(json)}:${json},`);
    });
  }

  close() { this.sock?.destroy(); }
}

/**
 * Start a baresip UA registered to the lab as `user` over UDP.
 * @param {object} lab result of startInterop()
 * @param {object} o
 * @param {string} o.user lab user name
 * @param {string} [o.password] override (e.g. a wrong one)
 * @param {boolean} [o.autoAnswer=false] answer incoming calls automatically
 * @param {number} [o.toneHz=440] sine frequency this party sends
 * @param {string} [o.codecs='PCMU,PCMA'] audio codecs offered
 * @param {boolean} [o.register=true]
 * @param {boolean} [o.waitRegistered=true] resolve only after REGISTER_OK
 */
export async function startBaresip(lab, o) {
  const u = lab.user(o.user);
  const dir = o.dir ?? mkTempDir(`sb-baresip-${u.user}-`);
  const moduleDir = MODULE_DIRS.find((d) => fs.existsSync(path.join(d, 'ctrl_tcp.so')));
  if (!moduleDir) throw new Error('baresip modules not found: run tests/interop/support/install-deps.sh');
  const toneHz = o.toneHz ?? 440;
  const toneFile = makeToneWav(path.join(dir, `tone-${toneHz}.wav`), { freq: toneHz, seconds: o.toneSeconds ?? 300 });
  const sipPort = await sipPortPair();
  const ctrlPort = await freePort('tcp', new Set([sipPort, sipPort + 1]));
  const rtp = await freeUdpRange(40);
  fs.writeFileSync(path.join(dir, 'config'), [
    'poll_method epoll',
    `sip_listen 127.0.0.1:${sipPort}`,
    'net_interface 127.0.0.1',
    'audio_player aubridge,play',
    'audio_alert aubridge,alert',
    `audio_source aufile,${toneFile}`,
    'ausrc_srate 8000', 'ausrc_channels 1', 'auplay_srate 8000', 'auplay_channels 1',
    `rtp_ports ${rtp.min}-${rtp.max}`,
    'rtp_timeout 0',
    `module_path ${moduleDir}`,
    'module g711.so', 'module aufile.so', 'module aubridge.so',
    ...(o.record === false ? [] : ['module sndfile.so']),
    'module_app account.so', 'module_app menu.so', 'module_app ctrl_tcp.so',
    `ctrl_tcp_listen 127.0.0.1:${ctrlPort}`,
    `snd_path ${dir}`,
    'sip_trans_def udp',
    '',
  ].join('\n'));
  const acct = [
    `<${u.aor}>`,
    `auth_user=${u.authUser ?? u.user}`,
    `auth_pass=${o.password ?? u.password}`,
    `outbound="sip:127.0.0.1:${lab.kamailio.udpPort};transport=udp"`,
    `regint=${o.register === false ? 0 : 300}`,
    `answermode=${o.autoAnswer ? 'auto' : 'manual'}`,
    `audio_codecs=${o.codecs ?? 'PCMU,PCMA'}`,
    'ptime=20',
  ].join(';');
  fs.writeFileSync(path.join(dir, 'accounts'), `${acct}\n`);
  fs.writeFileSync(path.join(dir, 'contacts'), '');

  const proc = spawnManaged(`baresip-${u.user}`, 'baresip', ['-f', dir, '-n', '127.0.0.1'], { logFile: path.join(dir, 'baresip.log'), cwd: dir });
  await proc.waitForLog(/baresip is ready/, { timeoutMs: 10000 });
  const ctrl = new CtrlClient(ctrlPort);
  await waitFor(async () => ctrl.connect().then(() => true, () => false), { timeoutMs: 5000, what: 'baresip ctrl_tcp' });

  const events = [];
  const waiters = new Set();
  ctrl.onEvent = (ev) => {
    ev.at = Date.now();
    events.push(ev);
    for (const w of waiters) w(ev);
  };

  /** Wait for an event of `type` (and matching `pred`) after index `since` (default: any seen so far). */
  const waitEvent = (type, { timeoutMs = 10000, since = 0, pred = () => true } = {}) => new Promise((resolve, reject) => {
    const match = (ev) => ev.type === type && pred(ev);
    const old = events.slice(since).find(match);
    if (old) { resolve(old); return; }
    const w = (ev) => { if (match(ev)) { clearTimeout(timer); waiters.delete(w); resolve(ev); } };
    const timer = setTimeout(() => {
      waiters.delete(w);
      reject(new Error(`baresip ${u.user}: no ${type} within ${timeoutMs} ms; events: ${events.map((e) => e.type).join(',')}\n${tail(proc.text, 20)}`));
    }, timeoutMs);
    waiters.add(w);
  });

  const b = {
    user: u.user, aor: u.aor, dir, sipPort, ctrlPort, toneHz, toneFile, proc, pid: proc.pid, events,
    contact: `sip:${u.user}@127.0.0.1:${sipPort}`,
    waitEvent,
    mark: () => events.length,
    /** Raw ctrl_tcp command (menu commands: dial, accept, hangup, hold, resume, sndcode, callstat, listcalls, reginfo, mute, ...). */
    command: (cmd, params) => ctrl.command(cmd, params),
    async dial(target) {
      const uri = target.startsWith('sip') ? target : lab.user(target).aor;
      const since = events.length;
      const r = await ctrl.command('dial', uri);
      if (r.ok === false) throw new Error(`dial failed: ${r.data}`);
      return { since };
    },
    accept: () => ctrl.command('accept'),
    hangup: () => ctrl.command('hangup'),
    hold: () => ctrl.command('hold'),
    resume: () => ctrl.command('resume'),
    mute: () => ctrl.command('mute'),
    /** Send DTMF digits (RFC 4733 telephone-event). */
    async dtmf(digits) {
      for (const d of String(digits)) await ctrl.command('sndcode', d);
    },
    /** Digits received (CALL_DTMF_START events). */
    dtmfReceived: () => events.filter((e) => e.type === 'CALL_DTMF_START').map((e) => e.param).join(''),
    /** Text of baresip's call debug output (SDP, codecs). */
    async callStats() {
      const r = await ctrl.command('callstat');
      return r.data ?? '';
    },
    /**
     * RTP counters for this party from rtpengine's view of `callId`:
     * `sent` = packets rtpengine received from baresip, `toward` = packets
     * rtpengine received from the other parties (what it relays to baresip).
     */
    async rtpCounters(callId) {
      const st = await lab.rtpStats(callId);
      let sent = 0; let toward = 0;
      for (const p of Object.values(st.parties)) {
        const mine = p.addrs.some((a) => { const port = Number(a.split(':')[1]); return port >= rtp.min && port <= rtp.max; });
        if (mine) sent += p.packets; else toward += p.packets;
      }
      return { sent, toward, parties: st.parties };
    },
    /**
     * The local RTP port of this party's current call, as rtpengine sees it
     * (where rtpengine sends the audio this party receives).
     */
    async rtpPort() {
      // The current call (rtpengine keeps ended calls listed for a while).
      const callId = b.currentCallId();
      const st = callId ? await lab.rtpStats(callId) : { parties: {} };
      for (const p of Object.values(st.parties)) {
        for (const a of p.addrs) {
          const port = Number(a.split(':')[1]);
          if (port >= rtp.min && port <= rtp.max && port % 2 === 0) return port;
        }
      }
      return null;
    },
    /** SIP Call-ID of the newest established call of this party. */
    currentCallId: () => events.filter((e) => e.type === 'CALL_ESTABLISHED').at(-1)?.id ?? null,
    /** Resolves when baresip logs incoming RTP for the current call. */
    waitRtpIn: (opts) => proc.waitForLog(/incoming rtp for 'audio' established/, opts),
    /** WAV files of received (decoded) audio written by sndfile, newest last. */
    recordings: () => fs.readdirSync(dir).filter((f) => /^dump-.*-dec\.wav$/.test(f))
      .map((f) => path.join(dir, f)).sort((a, c) => fs.statSync(a).mtimeMs - fs.statSync(c).mtimeMs),
    async stop() {
      try { await ctrl.command('quit', '', { timeoutMs: 1000 }); } catch { /* ignore */ }
      ctrl.close();
      await proc.stop({ graceMs: 2000 });
      if (!o.keepDir && !process.env.INTEROP_KEEP && !o.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
  // REGISTER outcome: ctrl_tcp may connect after the first REGISTER, so the
  // log is the reliable source ("<aor>: {0/UDP/v4} 200 OK ... [n binding]"
  // or "reg: sip:<aor>: 403 Forbidden ...").
  const aorRe = `${u.user}@${lab.domain}`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  b.registration = o.register === false ? Promise.resolve(null)
    : proc.waitForLog(new RegExp(`(?:${aorRe}: \\{[^}]*\\} (\\d{3}) ([^\\n]*))|(?:reg: sip:${aorRe}: (\\d{3}) ([^\\n(]*))`),
      { timeoutMs: o.registerTimeoutMs ?? 10000 })
      .then((m) => (m[1] ? { ok: m[1] === '200', status: Number(m[1]), reason: m[2].trim() }
        : { ok: false, status: Number(m[3]), reason: m[4].trim() }));
  b.registration.catch(() => {});
  /** Resolves when registered (200), rejects with the status otherwise. */
  b.registered = b.registration.then((r) => {
    if (r && !r.ok) throw Object.assign(new Error(`baresip ${u.user}: REGISTER refused ${r.status} ${r.reason}`), { status: r.status });
    return r;
  });
  b.registered.catch(() => {});
  if (o.register !== false && o.waitRegistered !== false) {
    try {
      await b.registered;
    } catch (e) {
      await b.stop();
      throw e;
    }
  }
  return b;
}
