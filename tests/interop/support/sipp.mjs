// sipp far ends for interop tests (loopback only).
//
//   const uac = startSippUac(lab, { from: 'alice', to: 'bob', durationMs: 3000 });
//   const r = await uac.done;   // { code, ok, successful, failed, ... }
//
//   const uas = await startSippUas(lab, { user: 'carol' }); // registered as carol
//   ... call uas.aor ...; const r = await uas.done;
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

import { CONFIG_DIR } from './sip-lab.mjs';
import { sipRegister } from './sip-udp.mjs';
import { freePort, freeUdpRange, mkTempDir, portFree, spawnManaged, tail, waitFor } from './util.mjs';

export const SIPP_DIR = path.join(CONFIG_DIR, 'sipp');
export const DEFAULT_PCAP = '/usr/share/sip-tester/g711a.pcap';

/** sipp exit codes (sipp(1)). */
export const SIPP_EXIT = { 0: 'all calls successful', 1: 'at least one call failed', 97: 'exit on internal command', 99: 'normal exit without calls processed', 255: 'fatal error', 254: 'fatal error binding a socket' };

function parseStatCsv(file) {
  try {
    const lines = fs.readFileSync(file, 'utf8').trim().split('\n');
    if (lines.length < 2) return null;
    const head = lines[0].split(';');
    const last = lines[lines.length - 1].split(';');
    const row = Object.fromEntries(head.map((h, i) => [h, last[i]]));
    return {
      successful: Number(row['SuccessfulCall(C)'] ?? 0),
      failed: Number(row['FailedCall(C)'] ?? 0),
      created: Number(row['TotalCallCreated'] ?? 0),
      retransmissions: Number(row['Retransmissions(C)'] ?? 0),
      responseTime1: row['ResponseTime1(C)'],
      raw: row,
    };
  } catch {
    return null;
  }
}

function scenarioFile(name, pcap, dir) {
  const src = path.join(SIPP_DIR, name);
  if (!pcap || pcap === DEFAULT_PCAP) return src;
  // play_pcap_audio does not accept variables: write a copy with the path.
  const dst = path.join(dir, name);
  fs.writeFileSync(dst, fs.readFileSync(src, 'utf8').split(DEFAULT_PCAP).join(pcap));
  return dst;
}

async function launch(lab, { scenario, role, args, dir, timeoutMs, label, ownDir }) {
  const sipPort = await freePort('udp');
  const media = await freeUdpRange(4);
  const files = {
    messages: path.join(dir, `${label}-messages.log`),
    errors: path.join(dir, `${label}-errors.log`),
    screen: path.join(dir, `${label}-screen.log`),
    stats: path.join(dir, `${label}-stats.csv`),
    log: path.join(dir, `${label}-stdout.log`),
  };
  const argv = [
    ...(role === 'uac' ? [lab.udpHostPort] : []),
    '-sf', scenario,
    '-i', '127.0.0.1', '-mi', '127.0.0.1', '-p', String(sipPort), '-mp', String(media.min),
    '-t', 'u1', '-m', '1', '-l', '1',
    '-nostdin',
    '-trace_msg', '-message_file', files.messages,
    '-trace_err', '-error_file', files.errors,
    '-trace_logs', '-log_file', path.join(dir, `${label}-actions.log`),
    '-trace_screen', '-screen_file', files.screen,
    '-trace_stat', '-stf', files.stats, '-fd', '1',
    '-timeout', `${Math.ceil(timeoutMs / 1000)}s`, '-timeout_error',
    ...args,
  ];
  const t0 = Date.now();
  const proc = spawnManaged(`sipp-${label}`, 'sipp', argv, { logFile: files.log, cwd: dir });
  const done = proc.exitPromise.then((code) => {
    const stats = parseStatCsv(files.stats);
    const read = (f) => { try { return fs.readFileSync(f, 'utf8'); } catch { return ''; } };
    return {
      code,
      meaning: SIPP_EXIT[code] ?? String(code),
      ok: code === 0,
      successful: stats?.successful ?? null,
      failed: stats?.failed ?? null,
      stats,
      elapsedMs: Date.now() - t0,
      screen: read(files.screen),
      errors: read(files.errors),
      messages: read(files.messages),
      output: tail(proc.text, 60),
    };
  }).then((res) => {
    // a temp dir we created is removed once the result is read (INTEROP_KEEP=1 keeps it)
    if (ownDir && !process.env.INTEROP_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    return res;
  });
  return { proc, done, sipPort, mediaPort: media.min, files, pid: proc.pid };
}

/**
 * sipp UAC: `from` (lab user, authenticates with its password) calls `to`
 * (user name or AOR user part) through Kamailio, plays `pcap`, hangs up
 * after `durationMs`.
 * @returns {{ callId, done: Promise<result>, stop(), proc, sipPort, mediaPort }}
 */
export async function startSippUac(lab, { from, to, password, durationMs = 3000, pcap = DEFAULT_PCAP, timeoutMs = 30000, dir } = {}) {
  const u = lab.user(from);
  const workDir = dir ?? mkTempDir('sb-sipp-');
  const cid = `sbuac-${crypto.randomBytes(6).toString('hex')}`;
  const toUser = String(to).replace(/^sips?:/, '').split('@')[0];
  const h = await launch(lab, {
    scenario: scenarioFile('uac-auth.xml', pcap, workDir), role: 'uac', dir: workDir, timeoutMs, label: 'uac', ownDir: !dir,
    args: [
      '-s', toUser, '-au', u.authUser ?? u.user, '-ap', password ?? u.password,
      '-set', 'caller', u.user, '-set', 'domain', lab.domain,
      '-d', String(durationMs), '-cid_str', `${cid}-%u`,
      '-recv_timeout', String(timeoutMs),
    ],
  });
  return {
    ...h,
    callId: `${cid}-1`,
    dir: workDir,
    stop: () => h.proc.stop(),
  };
}

/**
 * sipp UAS answering one call. With `register` (default true) the UAS contact
 * is registered for lab user `user` (through Kamailio with digest auth), so
 * calling `uas.aor` reaches it; it is always reachable directly at `uas.uri`.
 * `answerDelayMs`: time between 180 and 200. Re-INVITEs (hold/resume) are
 * answered; BYE from the other side ends it.
 */
export async function startSippUas(lab, { user = 'bob', register = true, answerDelayMs = 0, pcap = DEFAULT_PCAP, echo = false, timeoutMs = 60000, dir } = {}) {
  const workDir = dir ?? mkTempDir('sb-sipp-');
  const h = await launch(lab, {
    scenario: scenarioFile('uas.xml', pcap, workDir), role: 'uas', dir: workDir, timeoutMs, label: 'uas', ownDir: !dir,
    args: ['-set', 'user', user, '-d', String(answerDelayMs), ...(echo ? ['-rtp_echo'] : [])],
  });
  const uri = `sip:${user}@127.0.0.1:${h.sipPort}`;
  // sipp binds its socket quickly; wait for it before registering its contact.
  await waitFor(async () => {
    if (h.proc.exited) throw new Error(`sipp UAS exited early (${h.proc.exitCode}):\n${tail(h.proc.text)}`);
    return !(await portFree(h.sipPort, 'udp'));
  }, { timeoutMs: 5000, intervalMs: 10, what: 'sipp UAS socket' });
  let registration = null;
  if (register) {
    registration = await sipRegister(lab, { user, contact: uri, expires: 600 });
    if (registration.status !== 200) throw new Error(`sipp UAS: REGISTER ${user} -> ${registration.status}`);
  }
  return {
    ...h,
    uri,
    aor: lab.user(user).aor,
    registration,
    dir: workDir,
    async stop() {
      await h.proc.stop();
      if (register) await sipRegister(lab, { user, contact: uri, expires: 0 }).catch(() => {});
    },
  };
}
