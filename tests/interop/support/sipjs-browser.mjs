// A bare SIP.js 0.21 client running in headless Debian Chromium (through
// playwright-core), talking to the lab over ws:// or wss://. Useful for the
// harness self-test and as the "bare SIP.js page" baseline of benchmarks.
//
//   const browser = await launchChromium({ lab, wss: true });
//   const c = await browser.newSipClient(lab, { user: 'alice', transport: 'wss', autoAnswer: true });
//   await c.register();                           // { ok, status, ms }
//   const inv = await c.waitEvent('invite');
//   const stats = await c.stats();                // getStats audio counters
//   await browser.close();
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import { mkTempDir, waitFor } from './util.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const PAGE_DIR = path.join(HERE, 'sipjs-page');
const require = createRequire(import.meta.url);
export const SIPJS_LIB = path.join(path.dirname(require.resolve('sip.js/package.json')), 'lib');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream',
  '--allow-loopback-in-peer-connection', '--autoplay-policy=no-user-gesture-required',
];

const TYPES = { '.js': 'text/javascript', '.html': 'text/html', '.map': 'application/json' };

/** Static server on 127.0.0.1 for the page and SIP.js's ESM build. */
export function serveSipJsPage() {
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let file;
    if (url.pathname === '/' || url.pathname === '/index.html') file = path.join(PAGE_DIR, 'index.html');
    else if (url.pathname.startsWith('/sip.js/')) file = path.join(SIPJS_LIB, path.normalize(url.pathname.slice('/sip.js/'.length)));
    else file = path.join(PAGE_DIR, path.normalize(url.pathname));
    if (!(file.startsWith(SIPJS_LIB) || file.startsWith(PAGE_DIR)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404); res.end(); return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({
    server, url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections?.(); server.close(() => r()); }),
  })));
}

/**
 * Launch headless Chromium (persistent context in a fresh temp dir).
 * @param {object} [o]
 * @param {object} [o.lab] lab, for wss trust
 * @param {boolean} [o.wss=false] trust the lab's self-signed cert (adds --ignore-certificate-errors)
 * @param {string} [o.fakeAudioFile] WAV for --use-file-for-fake-audio-capture (what the browser "says")
 * @param {string} [o.executablePath='/usr/bin/chromium']
 * @param {string[]} [o.extraArgs]
 */
export async function launchChromium(o = {}) {
  const { chromium } = await import('playwright-core');
  const userDataDir = mkTempDir('sb-chromium-');
  const args = [...CHROMIUM_ARGS];
  if (o.wss) {
    // Only for the wss case: the lab certificate is self-signed.
    args.push('--ignore-certificate-errors');
  }
  if (o.fakeAudioFile) args.push(`--use-file-for-fake-audio-capture=${o.fakeAudioFile}`);
  args.push(...(o.extraArgs ?? []));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: o.executablePath ?? process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args, headless: true,
  });
  const site = await serveSipJsPage();
  const clients = [];
  const browser = {
    context, site, userDataDir, args,
    pid: null,
    async newSipClient(lab, co) {
      const c = await newSipClient(context, site.url, lab, co);
      clients.push(c);
      return c;
    },
    async close() {
      for (const c of clients) await c.stop().catch(() => {});
      await context.close().catch(() => {});
      await site.close();
      fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
  return browser;
}

async function newSipClient(context, url, lab, { user, transport = 'ws', autoAnswer = false, answerDelayMs = 0, password, reconnect = true, traceSip = false, register = false } = {}) {
  const u = lab.user(user);
  const page = await context.newPage();
  const events = [];
  const waiters = new Set();
  const consoleLines = [];
  page.on('console', (m) => consoleLines.push(`${m.type()}: ${m.text()}`));
  page.on('pageerror', (e) => consoleLines.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__sbEvent', (ev) => {
    ev.nodeAt = Date.now();
    events.push(ev);
    for (const w of waiters) w(ev);
  });
  await page.goto(url);
  await page.waitForFunction(() => !!window.sb, null, { timeout: 10000 });
  const server = transport === 'wss' ? lab.wssUrl : lab.wsUrl;
  await page.evaluate((opts) => window.sb.start(opts), {
    server, aor: u.aor, user: u.authUser ?? u.user, password: password ?? u.password, autoAnswer, answerDelayMs, reconnect, traceSip,
  });

  const waitEvent = (type, { timeoutMs = 10000, since = 0, pred = () => true } = {}) => new Promise((resolve, reject) => {
    const match = (ev) => ev.type === type && pred(ev);
    const old = events.slice(since).find(match);
    if (old) { resolve(old); return; }
    const w = (ev) => { if (match(ev)) { clearTimeout(timer); waiters.delete(w); resolve(ev); } };
    const timer = setTimeout(() => {
      waiters.delete(w);
      reject(new Error(`SIP.js ${user}: no '${type}' within ${timeoutMs} ms; events: ${events.map((e) => e.type + (e.state ? `:${e.state}` : '')).join(',')}\n${consoleLines.slice(-15).join('\n')}`));
    }, timeoutMs);
    waiters.add(w);
  });

  const c = {
    user: u.user, aor: u.aor, transport, page, events, console: consoleLines,
    waitEvent,
    mark: () => events.length,
    register: () => page.evaluate(() => window.sb.register()),
    unregister: () => page.evaluate(() => window.sb.unregister()),
    registrationState: () => page.evaluate(() => window.sb.registrationState()),
    accept: () => page.evaluate(() => window.sb.accept()),
    reject: (code) => page.evaluate((s) => window.sb.reject(s), code),
    call: (target) => page.evaluate((t) => window.sb.call(t), target.startsWith('sip') ? target : lab.user(target).aor),
    hangup: () => page.evaluate(() => window.sb.hangup()),
    hold: (on = true) => page.evaluate((h) => window.sb.hold(h), on),
    dtmf: (tones) => page.evaluate((t) => window.sb.dtmf(t), tones),
    callId: () => page.evaluate(() => window.sb.callId()),
    /** { inbound, outbound, bytesIn, bytesOut, ice, codec, direction } from getStats */
    stats: () => page.evaluate(() => window.sb.stats()),
    /** Wait until getStats shows at least `min` inbound and outbound audio packets. */
    waitMedia: ({ min = 25, timeoutMs = 10000 } = {}) => waitFor(async () => {
      const s = await c.stats();
      return s && s.inbound >= min && s.outbound >= min ? s : null;
    }, { timeoutMs, intervalMs: 50, what: `${user} RTP in/out >= ${min}` }),
    /** Capture remote audio (Float32Array, rate) for tone detection. */
    async captureRemote(ms = 1000) {
      const r = await page.evaluate((m) => window.sb.captureRemote(m), ms);
      return { rate: r.rate, samples: Float32Array.from(r.samples) };
    },
    async stop() {
      await page.evaluate(() => window.sb.stop()).catch(() => {});
      await page.close().catch(() => {});
    },
  };
  if (register) {
    const r = await c.register();
    if (!r.ok) throw new Error(`SIP.js ${user} REGISTER failed: ${r.status} ${r.reason ?? ''}`);
  }
  return c;
}
