// Real SIP infrastructure on loopback for interop tests:
// rtpengine (userspace) + Kamailio 5.6 (registrar/proxy, ws + wss + udp,
// digest auth, WebRTC <-> RTP bridging).
//
//   import { startInterop } from './support/sip-lab.mjs';
//   const lab = await startInterop();
//   ... lab.wsUrl, lab.users[0].aor ...
//   await lab.stop();
//
// Everything binds to 127.0.0.1 on ports picked at start. Nothing is
// written outside a fresh temp dir (removed by stop()).
import crypto from 'node:crypto';
import dgram from 'node:dgram';
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

import { ngCommand, summarizeQuery } from './ng.mjs';
import {
  LOOPBACK, freePort, freeUdpRange, loopbackOnlyNetns, mkTempDir, spawnManaged, tail, tcpProbe, waitFor, which,
} from './util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const CONFIG_DIR = path.resolve(HERE, '../config');

/** rtpengine flags, see INTEROP.md. Towards a WebRTC (ws/wss) party: */
export const FLAGS_TO_WEBRTC = 'ICE=force RTP/SAVPF SDES-off rtcp-mux-offer rtcp-mux-require generate-mid trust-address replace-origin replace-session-connection';
/** Towards a plain RTP (UDP SIP) party such as sipp or baresip: */
export const FLAGS_TO_RTP = 'ICE=remove RTP/AVP DTLS=off SDES-off rtcp-mux-demux trust-address replace-origin replace-session-connection';

const DEFAULT_USERS = ['alice', 'bob', 'carol', 'dave', 'erin', 'frank'];

function findKamailioModules() {
  const candidates = [
    '/usr/lib/x86_64-linux-gnu/kamailio/modules',
    '/usr/lib/aarch64-linux-gnu/kamailio/modules',
    '/usr/lib/kamailio/modules',
    '/usr/lib64/kamailio/modules',
  ];
  const found = candidates.find((d) => fs.existsSync(path.join(d, 'websocket.so')));
  if (!found) throw new Error('Kamailio modules (with websocket.so) not found: run tests/interop/support/install-deps.sh');
  return found;
}

function requireBinary(bin) {
  const p = which(bin) ?? ['/usr/sbin/', '/usr/bin/', '/sbin/'].map((d) => d + bin).find((f) => fs.existsSync(f));
  if (!p) throw new Error(`${bin} not found: run tests/interop/support/install-deps.sh`);
  return p;
}

function kamailioString(s) {
  if (!/^[\w.@+=:~!*-]+$/.test(s)) throw new Error(`unsupported characters in ${JSON.stringify(s)} (use [A-Za-z0-9._-])`);
  return s;
}

function makeCert(dir) {
  const key = path.join(dir, 'tls-key.pem');
  const cert = path.join(dir, 'tls-cert.pem');
  const r = spawnSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-sha256', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', key, '-out', cert,
  ], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { key, cert };
}

/** Send a SIP OPTIONS over UDP to Kamailio and resolve with the status line. */
export function sipOptionsProbe(port, { timeoutMs = 300, domain = 'lab.invalid' } = {}) {
  return new Promise((resolve, reject) => {
    const sock = dgram.createSocket('udp4');
    sock.bind(0, LOOPBACK, () => {
      const lp = sock.address().port;
      const callId = crypto.randomBytes(8).toString('hex');
      const branch = `z9hG4bK${crypto.randomBytes(6).toString('hex')}`;
      const msg = [
        `OPTIONS sip:${LOOPBACK}:${port} SIP/2.0`,
        `Via: SIP/2.0/UDP ${LOOPBACK}:${lp};branch=${branch};rport`,
        'Max-Forwards: 5',
        `From: <sip:probe@${domain}>;tag=${callId.slice(0, 6)}`,
        `To: <sip:${LOOPBACK}:${port}>`,
        `Call-ID: ${callId}`,
        'CSeq: 1 OPTIONS',
        'Content-Length: 0',
        '', '',
      ].join('\r\n');
      const timer = setTimeout(() => { sock.close(); reject(new Error('no OPTIONS reply')); }, timeoutMs);
      sock.on('message', (data) => {
        clearTimeout(timer);
        sock.close();
        resolve(data.toString().split('\r\n')[0]);
      });
      sock.send(msg, port, LOOPBACK);
    });
  });
}

/**
 * Start rtpengine then Kamailio on loopback.
 * @param {object} [options]
 * @param {string} [options.domain='switchboard.test'] SIP domain / realm of the users
 * @param {Array<string|{user:string,password?:string}>|number} [options.users] user table
 * @param {boolean} [options.rejectBadCredentials=true] wrong password -> 403 (else re-challenge 401/407)
 * @param {number} [options.kamailioDebug=2] Kamailio log level (3 = debug, very verbose)
 * @param {number} [options.rtpPorts=200] size of rtpengine's RTP port range
 * @param {number} [options.startTimeoutMs=15000]
 * @param {boolean} [options.keepDir=false] keep the temp dir (logs) after stop()
 * @param {(line:string)=>void} [options.log] progress logger (default: console.error when INTEROP_DEBUG=1)
 */
export async function startInterop(options = {}) {
  const t0 = Date.now();
  const log = options.log ?? ((s) => { if (process.env.INTEROP_DEBUG) console.error(`[sip-lab] ${s}`); });
  const domain = kamailioString(options.domain ?? 'switchboard.test');
  const startTimeoutMs = options.startTimeoutMs ?? 15000;
  const kamailioBin = requireBinary('kamailio');
  const rtpengineBin = requireBinary('rtpengine');
  const moduleDir = findKamailioModules();

  let userSpecs = options.users ?? DEFAULT_USERS;
  if (typeof userSpecs === 'number') userSpecs = Array.from({ length: userSpecs }, (_, i) => `user${i + 1}`);
  const users = userSpecs.map((u) => {
    const spec = typeof u === 'string' ? { user: u } : u;
    const password = spec.password ?? `pw-${crypto.randomBytes(6).toString('hex')}`;
    kamailioString(spec.user); kamailioString(password);
    return { user: spec.user, password, authUser: spec.user, aor: `sip:${spec.user}@${domain}`, domain };
  });

  const dir = mkTempDir('sb-interop-');
  const loopbackOnly = loopbackOnlyNetns();
  log(`dir ${dir}; ${loopbackOnly ? 'private network namespace (lo only)' : 'host network namespace: binding 127.0.0.1 only'}`);

  const taken = new Set();
  const ngPort = await freePort('udp', taken);
  const udpPort = await freePort('both', taken);
  const wsPort = await freePort('tcp', taken);
  const wssPort = await freePort('tcp', taken);
  const rtpRange = await freeUdpRange(options.rtpPorts ?? 200);

  const tlsFiles = makeCert(dir);
  const tlsCfg = path.join(dir, 'tls.cfg');
  fs.writeFileSync(tlsCfg, [
    '[server:default]',
    'method = TLSv1.2+',
    'verify_certificate = no',
    'require_certificate = no',
    `private_key = ${tlsFiles.key}`,
    `certificate = ${tlsFiles.cert}`,
    '',
    '[client:default]',
    'method = TLSv1.2+',
    'verify_certificate = no',
    'require_certificate = no',
    '',
  ].join('\n'));

  const ctlSocket = path.join(dir, 'kamailio_ctl');
  const cfgFile = path.join(dir, 'kamailio.cfg');
  const replacements = {
    DEBUG_LEVEL: String(options.kamailioDebug ?? 2),
    UDP_PORT: String(udpPort),
    WS_PORT: String(wsPort),
    WSS_PORT: String(wssPort),
    DOMAIN: domain,
    MODULE_PATH: moduleDir,
    CTL_SOCKET: ctlSocket,
    AUTH_SECRET: crypto.randomBytes(12).toString('hex'),
    TLS_CFG: tlsCfg,
    NG_PORT: String(ngPort),
    REJECT_BAD_CREDENTIALS: options.rejectBadCredentials === false ? '0' : '1',
    FLAGS_TO_WEBRTC,
    FLAGS_TO_RTP,
    USER_TABLE: users.map((u) => `\t$sht(users=>${u.user}) = "${u.password}";`).join('\n'),
  };
  const template = fs.readFileSync(path.join(CONFIG_DIR, 'kamailio.cfg.tmpl'), 'utf8');
  const cfg = template.replace(/@@([A-Z_]+)@@/g, (m, k) => {
    if (!(k in replacements)) throw new Error(`kamailio template: unknown placeholder ${m}`);
    return replacements[k];
  });
  fs.writeFileSync(cfgFile, cfg);

  // Syntax check first: a clear error beats a silent daemon exit.
  const check = spawnSync(kamailioBin, ['-c', '-f', cfgFile, '-Y', dir], { encoding: 'utf8' });
  if (check.status !== 0) {
    throw new Error(`kamailio config check failed (${cfgFile}):\n${tail(check.stderr + check.stdout, 30)}`);
  }

  // ---- rtpengine first (else Kamailio's rtpengine module disables it) ----
  const rtpengine = spawnManaged('rtpengine', rtpengineBin, [
    '--config-file=none', '--table=-1', '--foreground', '--log-stderr',
    `--log-level=${options.rtpengineLogLevel ?? 6}`,
    `--interface=${LOOPBACK}`,
    `--listen-ng=${LOOPBACK}:${ngPort}`,
    `--port-min=${rtpRange.min}`, `--port-max=${rtpRange.max}`,
    `--pidfile=${path.join(dir, 'rtpengine.pid')}`,
    '--delete-delay=30',
  ], { logFile: path.join(dir, 'rtpengine.log'), cwd: dir });

  const lab = {
    dir, domain, users, loopbackOnly,
    wsUrl: `ws://${LOOPBACK}:${wsPort}`,
    wssUrl: `wss://${LOOPBACK}:${wssPort}`,
    /** host:port of the UDP listener, for sipp / baresip */
    udpHostPort: `${LOOPBACK}:${udpPort}`,
    /** outbound proxy URI for UDP clients */
    outboundProxy: `sip:${LOOPBACK}:${udpPort};transport=udp`,
    kamailio: {
      udpPort, wsPort, wssPort, cfgFile, ctlSocket, pid: null, pidFile: path.join(dir, 'kamailio.pid'),
      logFile: path.join(dir, 'kamailio.log'), restarts: 0,
    },
    rtpengine: { ngPort, portMin: rtpRange.min, portMax: rtpRange.max, pid: rtpengine.pid, logFile: path.join(dir, 'rtpengine.log') },
    tls: { certFile: tlsFiles.cert, keyFile: tlsFiles.key },
    timings: {},
  };

  let kam = null;
  let stopped = false;

  const startKamailio = async () => {
    try { fs.rmSync(lab.kamailio.pidFile, { force: true }); } catch { /* none */ }
    try { fs.rmSync(ctlSocket, { force: true }); } catch { /* none */ }
    const k0 = Date.now();
    kam = spawnManaged('kamailio', kamailioBin, [
      '-DD', '-E', '-f', cfgFile, '-P', lab.kamailio.pidFile, '-Y', dir, '-m', '64', '-M', '8',
    ], { logFile: lab.kamailio.logFile, cwd: dir });
    lab.kamailio.pid = kam.pid;
    lab.kamailio.process = kam;
    // Ready = UDP answers OPTIONS (routing script runs) and ws/wss accept TCP.
    await waitFor(async () => {
      if (kam.exited) throw new Error(`kamailio exited (${kam.exitCode}):\n${tail(kam.text)}`);
      return (await sipOptionsProbe(udpPort, { domain }).catch(() => null))?.includes(' 200 ');
    }, { timeoutMs: startTimeoutMs, intervalMs: 20, what: 'kamailio UDP OPTIONS 200' });
    await waitFor(async () => (await tcpProbe(wsPort)) && (await tcpProbe(wssPort)),
      { timeoutMs: startTimeoutMs, intervalMs: 20, what: 'kamailio ws/wss ports' });
    return Date.now() - k0;
  };

  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await Promise.all([kam?.stop(), rtpengine.stop()]);
    if (!options.keepDir && !process.env.INTEROP_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    else log(`kept ${dir}`);
  };

  try {
    const r0 = Date.now();
    await waitFor(async () => {
      if (rtpengine.exited) throw new Error(`rtpengine exited (${rtpengine.exitCode}):\n${tail(rtpengine.text)}`);
      return (await ngCommand(ngPort, { command: 'ping' }, { timeoutMs: 200 }).catch(() => null))?.result === 'pong';
    }, { timeoutMs: startTimeoutMs, intervalMs: 20, what: 'rtpengine ng pong' });
    lab.timings.rtpengineReadyMs = Date.now() - r0;
    lab.timings.kamailioReadyMs = await startKamailio();
  } catch (e) {
    await stop().catch(() => {});
    throw e;
  }
  lab.timings.startMs = Date.now() - t0;
  log(`ready in ${lab.timings.startMs} ms: ${lab.wsUrl} ${lab.wssUrl} udp ${lab.udpHostPort} ng ${ngPort}`);

  Object.assign(lab, {
    stop,
    /** Look a user up by name. */
    user: (name) => {
      const u = users.find((x) => x.user === name);
      if (!u) throw new Error(`no lab user ${name}`);
      return u;
    },
    /** Stop Kamailio (SIGTERM, or SIGKILL with {hard:true}) and start it again on the same ports. Registrations are lost. */
    async restartKamailio({ hard = false } = {}) {
      await kam.stop({ signal: hard ? 'SIGKILL' : 'SIGTERM' });
      lab.kamailio.restarts++;
      const ms = await startKamailio();
      lab.timings.lastRestartMs = ms;
      return ms;
    },
    /** Raw rtpengine ng command, e.g. { command: 'list' }. */
    ng: (msg, opts) => ngCommand(ngPort, msg, opts),
    /** Call-IDs rtpengine currently knows. */
    async rtpCalls() {
      const r = await ngCommand(ngPort, { command: 'list', limit: 100 });
      return r.calls ?? [];
    },
    /** rtpengine per-party packet counters for a call: { totals, parties: { tag: {packets, bytes, protocol} } }. */
    async rtpStats(callId) {
      return summarizeQuery(await ngCommand(ngPort, { command: 'query', 'call-id': callId }));
    },
    /** Run `kamcmd` against this Kamailio (e.g. 'ul.dump'). Returns stdout. */
    kamcmd(...args) {
      const r = spawnSync('kamcmd', ['-s', `unix:${ctlSocket}`, ...args], { encoding: 'utf8', timeout: 5000 });
      if (r.status !== 0) throw new Error(`kamcmd ${args.join(' ')}: ${r.stderr}`);
      return r.stdout;
    },
    /** Contacts registered for a user name (from Kamailio's usrloc). */
    contacts(userName) {
      const out = lab.kamcmd('ul.lookup', 'location', `${userName}@${domain}`);
      return [...out.matchAll(/Address:\s*(\S+)/g)].map((m) => m[1]);
    },
    /** Wait until `userName` has at least `count` registered contacts (count 0: none left). */
    waitRegistered(userName, { count = 1, timeoutMs = 5000 } = {}) {
      return waitFor(() => {
        try {
          const n = lab.contacts(userName).length;
          return count === 0 ? n === 0 : n >= count;
        } catch { return false; }
      }, { timeoutMs, intervalMs: 25, what: `${userName} has ${count === 0 ? 'no' : `>= ${count}`} contacts` });
    },
    /** Wait for a line in Kamailio's log printed after `from` (see kamailio.process.mark()). */
    waitKamailioLog: (re, opts) => kam.waitForLog(re, opts),
    /** Wait for a line in rtpengine's log. */
    waitRtpengineLog: (re, opts) => rtpengine.waitForLog(re, opts),
    /** Pids of the running daemons (kamailio main + children, rtpengine). */
    pids() {
      const out = [];
      for (const m of [kam, rtpengine]) {
        if (!m || m.exited) continue;
        const r = spawnSync('pgrep', ['-g', String(m.pid)], { encoding: 'utf8' });
        out.push(...r.stdout.split('\n').filter(Boolean).map(Number));
      }
      return out;
    },
  });
  return lab;
}
