// The real built Switchboard (dist/, through the Electron stand-in or real
// Electron) as an interop party: launch it with a SIP account of the lab and
// drive it only through its preload bridge, as the UI does.
import { _electron, expect } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary, standinBinary } from '../../../scripts/lib/electron-binary.mjs';
import { makeToneWav } from './tone.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** Finds the page of the window that shows `prefix` (switchboard://ui/ …). */
export async function pageFor(app, prefix) {
  for (;;) {
    for (const page of app.windows()) {
      const url = await (await app.browserWindow(page)).evaluate((w) => w.webContents.getURL()).catch(() => '');
      if (url.startsWith(prefix)) return page;
    }
    await app.waitForEvent('window', { timeout: 15_000 });
  }
}

/**
 * Launches Switchboard. `toneHz` makes its microphone a sine of that
 * frequency (Chromium's fake capture from a WAV), so far ends can tell whom
 * they hear.
 */
export async function launchSwitchboard({ toneHz = 1000, env = {} } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-interop-app-'));
  const wav = path.join(dir, `mic-${toneHz}.wav`);
  makeToneWav(wav, { freq: toneHz, seconds: 60, rate: 48000 });
  const app = await _electron.launch({
    executablePath: findElectronBinary(ROOT) ?? standinBinary(ROOT),
    args: [ROOT, `--user-data-dir=${path.join(dir, 'profile')}`, `--use-file-for-fake-audio-capture=${wav}`],
    env: { ...process.env, LANG: 'en_US.UTF-8', ...env },
    timeout: 30_000,
  });
  const ui = await pageFor(app, 'switchboard://ui/');
  await ui.waitForSelector('[data-testid=app-ready]');
  const softphone = () => ui.evaluate(async () => {
    const r = await window.switchboard.app.getSnapshot();
    if (!r.ok) throw new Error(r.error.message);
    return r.value.state.softphone;
  });
  return {
    app,
    ui,
    dir,
    softphone,
    saveAccount: (account, password) => ui.evaluate(([a, p]) => window.switchboard.softphone.saveAccount({ account: a, password: p }), [account, password]),
    line: (command) => ui.evaluate((c) => window.switchboard.softphone.line({ command: c }), command),
    /** Waits until `line` is in `state` (or one of the states). */
    waitLine: (line, states, timeout = 10_000) =>
      expect.poll(async () => (await softphone()).lines.phone[line].state, { timeout }).toBe(states),
    /** Everything the app has logged so far (its log files, redacted as written). */
    logText: () => {
      const logs = path.join(dir, 'profile', 'logs');
      if (!fs.existsSync(logs)) return '';
      return fs.readdirSync(logs).map((f) => fs.readFileSync(path.join(logs, f), 'utf8')).join('');
    },
    waitRegistration: (status, timeout = 10_000) =>
      expect.poll(async () => (await softphone()).registration.status, { timeout }).toBe(status),
    async close() {
      await app.close();
      if (!process.env.INTEROP_KEEP) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers the app as `user` of the lab. */
export async function registerAs(sb, lab, user, { server = lab.wsUrl, codecs = ['PCMU'], dtmfMode = 'rfc4733' } = {}) {
  const u = lab.user(user);
  // Raw microphone: noise suppression would erase the parties' test tones.
  await sb.saveAccount({ server, aor: u.aor, codecs, dtmfMode, audioProcessing: false }, u.password);
  await sb.waitRegistration('registered');
  await lab.waitRegistered(user);
  return u;
}
