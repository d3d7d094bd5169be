'use strict';
// Entry point of the Electron stand-in (started by bin/electron under Node).
// Order mirrors Electron: the app's main script runs first (before `ready`,
// so registerSchemesAsPrivileged/appendSwitch work), then Chromium starts,
// then `ready` fires.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { parseLaunchArgs, CommandLine } = require('./switches.cjs');
const { resolveApp } = require('./app-info.cjs');
const { runtime } = require('./runtime.cjs');
const { debug } = require('./debug-log.cjs');

const ELECTRON_MODULE = require.resolve('./electron-module.cjs');
const ELECTRON_ALIASES = new Set(['electron', 'electron/main', 'electron/common']);
/** App switches that Electron would hand to its Chromium. */
const CHROMIUM_SWITCHES = new Set(['autoplay-policy', 'enable-features', 'disable-features', 'use-file-for-fake-audio-capture', 'use-file-for-fake-video-capture', 'js-flags', 'force-device-scale-factor', 'remote-allow-origins']);

function fatal(message) {
  process.stderr.write(`[standin] fatal: ${message}\n`);
  if (runtime.chromium) runtime.chromium.killNow();
  process.exit(1);
}

function installElectronAlias() {
  const original = Module._resolveFilename;
  Module._resolveFilename = function resolveFilename(request, ...rest) {
    if (ELECTRON_ALIASES.has(request)) return ELECTRON_MODULE;
    return original.call(this, request, ...rest);
  };
}

function electronVersion(appPath) {
  for (const dir of [appPath, process.cwd()]) {
    try {
      return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'electron', 'package.json'), 'utf8')).version;
    } catch {}
  }
  return '45.4.1';
}

/** Like Electron: Chromium switches from the command line or appended by the app. */
function chromiumFlags(app) {
  const flags = [`--lang=${app.getLocale()}`, `--accept-lang=${app.getLocale()}`];
  for (const [name, value] of app.commandLine.switches) {
    if (CHROMIUM_SWITCHES.has(name)) flags.push(value ? `--${name}=${value}` : `--${name}`);
  }
  return flags;
}

async function main() {
  const launch = parseLaunchArgs(process.argv.slice(2));
  runtime.exePath = path.resolve(__dirname, '..', 'bin', 'electron');
  try {
    runtime.appInfo = resolveApp(launch.appArg);
  } catch (error) {
    fatal(error.message);
  }
  process.argv = [runtime.exePath, launch.appArg, ...launch.appArgs];
  process.type = 'browser';
  process.defaultApp = true;
  process.resourcesPath = runtime.appInfo.appPath;
  process.versions.electron = electronVersion(runtime.appInfo.appPath);
  installElectronAlias();

  const { app } = require(ELECTRON_MODULE);
  const lifecycle = require('./lifecycle.cjs');
  app.commandLine = new CommandLine(process.argv.slice(1));
  process.on('SIGINT', () => lifecycle.forceQuit(app, 130));
  process.on('SIGTERM', () => lifecycle.forceQuit(app, 143));
  process.on('SIGHUP', () => lifecycle.forceQuit(app, 129));
  process.on('exit', () => {
    if (runtime.chromium) runtime.chromium.killNow();
    app.releaseSingleInstanceLock();
  });

  debug('running app main', runtime.appInfo.entry, process.argv);
  Module._load(runtime.appInfo.entry, null, true);
  if (lifecycle.isQuitting()) return;

  const chromium = await launchChromiumOrDie(launch, app);
  runtime.chromium = chromium;
  chromium.exitPromise.then(() => {
    if (!runtime.shuttingDown) fatal('Chromium exited unexpectedly');
  });
  if (runtime.shuttingDown) return;
  const version = await chromium.cdp.root.send('Browser.getVersion');
  process.versions.chrome = version.product.split('/')[1];
  runtime.windowInsets = await require('./chromium-process.cjs').measureWindowInsets(chromium.cdp);
  await require('./target-events.cjs').installTargetEvents(chromium.cdp.root);
  app._markReady();
  // Playwright attaches to Chromium once it reads this line. Printing it only
  // after the windows opened on `ready` have committed their first page means
  // firstWindow() hands out a loaded page, never an interim about:blank.
  if (launch.remoteDebuggingPort !== null) {
    await windowsOpenedOnReady();
    process.stderr.write(`${chromium.devtoolsLine}\n`);
  }
}

async function windowsOpenedOnReady() {
  await new Promise((resolve) => setImmediate(resolve));
  const commits = [...runtime.webContents.values()].filter((wc) => wc._target.creation).map((wc) => wc._target.firstCommit);
  let timer;
  await Promise.race([Promise.all(commits), new Promise((resolve) => (timer = setTimeout(resolve, 10_000)))]);
  clearTimeout(timer);
}

async function launchChromiumOrDie(launch, app) {
  const { launchChromium } = require('./chromium-process.cjs');
  try {
    return await launchChromium({ remoteDebuggingPort: launch.remoteDebuggingPort ?? '0', extraFlags: chromiumFlags(app) });
  } catch (error) {
    fatal(`could not start Chromium (${process.env.STANDIN_CHROMIUM || '/usr/bin/chromium'}): ${error.message}`);
    return null;
  }
}

main().catch((error) => fatal(error && error.stack ? error.stack : String(error)));
