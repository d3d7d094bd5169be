'use strict';
// Launches Debian Chromium for the stand-in: headless (unless STANDIN_HEADED=1
// with a $DISPLAY), a fresh temporary profile, CDP over a pipe for the
// stand-in and over a loopback port for Playwright.
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const readline = require('node:readline');
const { CdpConnection } = require('./cdp-connection.cjs');
const { debug, debugEnabled } = require('./debug-log.cjs');

const BASE_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--no-startup-window',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--password-store=basic',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

function chromiumPath() {
  return process.env.STANDIN_CHROMIUM || '/usr/bin/chromium';
}

function headless() {
  return !(process.env.STANDIN_HEADED === '1' && process.env.DISPLAY);
}

/**
 * Starts Chromium. Resolves { cdp, devtoolsLine, pid, stop } once CDP answers.
 * extraFlags: switches from the app (app.commandLine) and the test (e.g. --lang).
 */
async function launchChromium({ remoteDebuggingPort = '0', extraFlags = [] } = {}) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'standin-chromium-'));
  const args = [
    ...(headless() ? ['--headless'] : []),
    ...BASE_FLAGS,
    `--remote-debugging-port=${remoteDebuggingPort}`,
    '--remote-debugging-pipe',
    `--user-data-dir=${profile}`,
    ...extraFlags,
  ];
  debug('spawning', chromiumPath(), args.join(' '));
  const child = spawn(chromiumPath(), args, {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe', 'pipe'],
    env: { ...process.env, GOOGLE_API_KEY: 'no', GOOGLE_DEFAULT_CLIENT_ID: 'no', GOOGLE_DEFAULT_CLIENT_SECRET: 'no' },
  });
  let exited = false;
  const exitPromise = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exited = true;
      debug('chromium exited', code, signal);
      resolve();
    });
  });
  child.stdout.on('data', (d) => debugEnabled && process.stderr.write(`[standin] chromium: ${d}`));

  const devtoolsLine = await new Promise((resolve, reject) => {
    const rl = readline.createInterface({ input: child.stderr });
    rl.on('line', (line) => {
      if (debugEnabled) process.stderr.write(`[standin] chromium: ${line}\n`);
      if (/^DevTools listening on ws:\/\//.test(line)) resolve(line);
    });
    child.once('error', reject);
    exitPromise.then(() => reject(new Error('Chromium exited before DevTools was listening')));
  });

  const cdp = new CdpConnection(child.stdio[3], child.stdio[4]);

  async function stop() {
    if (!exited) {
      cdp.root.sendMayFail('Browser.close');
      const timer = setTimeout(() => {
        try {
          child.kill('SIGKILL');
        } catch {}
      }, 3000);
      await exitPromise;
      clearTimeout(timer);
    }
    fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  }

  /** Synchronous last resort for process 'exit' handlers. */
  function killNow() {
    if (!exited) {
      try {
        child.kill('SIGKILL');
      } catch {}
    }
    try {
      fs.rmSync(profile, { recursive: true, force: true });
    } catch {}
  }

  return { cdp, devtoolsLine, pid: child.pid, stop, killNow, exitPromise, profile };
}

/**
 * How much bigger a Chromium window is than its viewport (headless reserves
 * room for browser UI). Measured once on a throwaway page, before anyone
 * else is attached, so BrowserWindow sizes can be given to the page itself.
 */
async function measureWindowInsets(cdp) {
  const { root } = cdp;
  const { targetId } = await root.send('Target.createTarget', { url: 'about:blank', width: 400, height: 400, newWindow: true, background: true });
  try {
    const { sessionId } = await root.send('Target.attachToTarget', { targetId, flatten: true });
    const { result } = await cdp.session(sessionId).send('Runtime.evaluate', {
      expression: '[outerWidth - innerWidth, outerHeight - innerHeight]',
      returnByValue: true,
    });
    const [width, height] = result.value;
    return { width: Math.max(0, width), height: Math.max(0, height) };
  } finally {
    await root.sendMayFail('Target.closeTarget', { targetId });
  }
}

module.exports = { launchChromium, measureWindowInsets };
