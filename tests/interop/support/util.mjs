// Small shared helpers for the interop harness (Node ESM, no dependencies).
import { spawn, spawnSync } from 'node:child_process';
import dgram from 'node:dgram';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const LOOPBACK = '127.0.0.1';

/** Resolves with a port that was free on 127.0.0.1 for `proto` ('tcp' | 'udp' | 'both'). */
export async function freePort(proto = 'tcp', taken = new Set()) {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = await new Promise((resolve, reject) => {
      if (proto === 'udp') {
        const s = dgram.createSocket('udp4');
        s.once('error', reject);
        s.bind(0, LOOPBACK, () => {
          const p = s.address().port;
          s.close(() => resolve(p));
        });
      } else {
        const srv = net.createServer();
        srv.once('error', reject);
        srv.listen(0, LOOPBACK, () => {
          const p = srv.address().port;
          srv.close(() => resolve(p));
        });
      }
    });
    if (taken.has(port)) continue;
    if (proto === 'both' || proto === 'udp') {
      // also make sure the other protocol is free on that port
      const ok = await portFree(port, proto === 'udp' ? 'tcp' : 'udp');
      if (!ok) continue;
    }
    taken.add(port);
    return port;
  }
  throw new Error(`no free ${proto} port on ${LOOPBACK}`);
}

export function portFree(port, proto) {
  return new Promise((resolve) => {
    if (proto === 'udp') {
      const s = dgram.createSocket('udp4');
      s.once('error', () => resolve(false));
      s.bind(port, LOOPBACK, () => s.close(() => resolve(true)));
    } else {
      const srv = net.createServer();
      srv.once('error', () => resolve(false));
      srv.listen(port, LOOPBACK, () => srv.close(() => resolve(true)));
    }
  });
}

/** A block of `count` consecutive UDP ports that are currently free (even start). */
export async function freeUdpRange(count, lo = 20000, hi = 60000) {
  for (let attempt = 0; attempt < 40; attempt++) {
    let start = lo + Math.floor(Math.random() * (hi - lo - count));
    start -= start % 2;
    let ok = true;
    // probe a sample of the range (every port would be slow for large ranges)
    for (let p = start; p < start + count; p += Math.max(1, Math.floor(count / 16))) {
      if (!(await portFree(p, 'udp'))) { ok = false; break; }
    }
    if (ok) return { min: start, max: start + count - 1 };
  }
  throw new Error('no free UDP port range');
}

export function tcpProbe(port, host = LOOPBACK, timeoutMs = 500) {
  return new Promise((resolve) => {
    const sock = net.connect({ port, host });
    const done = (ok) => { sock.destroy(); resolve(ok); };
    sock.setTimeout(timeoutMs, () => done(false));
    sock.once('connect', () => done(true));
    sock.once('error', () => done(false));
  });
}

/** Poll `fn` (async, truthy = done) every `intervalMs` until `timeoutMs`. */
export async function waitFor(fn, { timeoutMs = 10000, intervalMs = 25, what = 'condition' } = {}) {
  const t0 = Date.now();
  let lastErr;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) { lastErr = e; }
    if (Date.now() - t0 > timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${lastErr ? `: ${lastErr.message}` : ''}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

export function mkTempDir(prefix) {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function which(bin) {
  const r = spawnSync('sh', ['-c', `command -v ${bin}`], { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : null;
}

// ---------------------------------------------------------------------------
// Managed child processes: own process group, parent-death signal, log tail,
// "wait for a log line", and a process exit hook that kills what is left.

const live = new Set();
let hooksInstalled = false;

function killGroupSync(child, signal) {
  if (!child.pid) return;
  try { process.kill(-child.pid, signal); } catch { /* gone */ }
  try { process.kill(child.pid, signal); } catch { /* gone */ }
}

function installExitHooks() {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const m of live) killGroupSync(m.child, 'SIGKILL');
  });
  for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.once(sig, () => {
      for (const m of live) killGroupSync(m.child, 'SIGKILL');
      process.exit(128 + (os.constants.signals[sig] ?? 1));
    });
  }
}

/**
 * Spawn a long-running daemon in its own process group. stdout/stderr go to
 * `logFile` and to an in-memory buffer searchable with waitForLog().
 * Uses `setpriv --pdeathsig` so the daemon dies even if Node is SIGKILLed.
 */
export function spawnManaged(name, cmd, args, { logFile, cwd, env, pdeathsig = 'TERM' } = {}) {
  installExitHooks();
  const setpriv = pdeathsig ? which('setpriv') : null;
  const [file, argv] = setpriv ? [setpriv, [`--pdeathsig=${pdeathsig}`, '--', cmd, ...args]] : [cmd, args];
  const child = spawn(file, argv, { cwd, env: { ...process.env, ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = logFile ? fs.createWriteStream(logFile, { flags: 'a' }) : null;
  out?.on('error', () => { /* log dir removed under us: keep the in-memory copy */ });
  const m = {
    name, child, logFile, text: '', exited: false, exitCode: null, waiters: new Set(),
    pid: child.pid,
  };
  const onData = (buf) => {
    const s = buf.toString();
    out?.write(s);
    m.text += s;
    if (m.text.length > 4_000_000) m.text = m.text.slice(-2_000_000);
    for (const w of m.waiters) w();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  m.exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      m.exited = true;
      m.exitCode = code ?? signal;
      live.delete(m);
      for (const w of m.waiters) w();
      // keep the log stream open until the pipes drain
      setImmediate(() => out?.end());
      resolve(m.exitCode);
    });
  });
  child.once('error', (e) => { m.text += `\nspawn error: ${e.message}\n`; });
  live.add(m);

  /** Resolve when `re` matches output printed after `fromIndex` (default: anywhere). */
  m.waitForLog = (re, { timeoutMs = 10000, from = 0 } = {}) => new Promise((resolve, reject) => {
    const check = () => {
      const hay = m.text.slice(from);
      const mm = hay.match(re);
      if (mm) { cleanup(); resolve(mm); return; }
      if (m.exited) { cleanup(); reject(new Error(`${name} exited (${m.exitCode}) before log ${re}\n${tail(m.text)}`)); }
    };
    const timer = setTimeout(() => { cleanup(); reject(new Error(`${name}: no log ${re} within ${timeoutMs} ms\n${tail(m.text)}`)); }, timeoutMs);
    const cleanup = () => { clearTimeout(timer); m.waiters.delete(check); };
    m.waiters.add(check);
    check();
  });
  m.mark = () => m.text.length;
  m.stop = async ({ signal = 'SIGTERM', graceMs = 3000 } = {}) => {
    if (m.exited) return m.exitCode;
    killGroupSync(child, signal);
    const t = setTimeout(() => killGroupSync(child, 'SIGKILL'), graceMs);
    await m.exitPromise;
    clearTimeout(t);
    // the group may still hold children that ignored the signal
    killGroupSync(child, 'SIGKILL');
    return m.exitCode;
  };
  return m;
}

export function tail(text, lines = 40) {
  return text.split('\n').slice(-lines).join('\n');
}

/** Is this process in a network namespace whose only interface is `lo`? */
export function loopbackOnlyNetns() {
  try {
    // /proc/net/dev follows this process's network namespace (/sys/class/net
    // would show the namespace sysfs was mounted in).
    const names = fs.readFileSync('/proc/net/dev', 'utf8').split('\n').slice(2)
      .map((l) => l.split(':')[0].trim()).filter(Boolean);
    return names.length === 1 && names[0] === 'lo';
  } catch {
    return false;
  }
}
