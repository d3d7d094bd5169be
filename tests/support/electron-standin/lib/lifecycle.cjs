'use strict';
// Quitting like Electron: before-quit → close every window (a prevented
// `close` cancels the quit) → will-quit → quit → Chromium stopped → exit.
const { runtime, makeEvent } = require('./runtime.cjs');
const { debug } = require('./debug-log.cjs');

const state = { quitting: false, exiting: false };
const shutdownHooks = [];

function isQuitting() {
  return state.quitting || state.exiting;
}

function onShutdown(hook) {
  shutdownHooks.push(hook);
}

function liveWindows() {
  return [...runtime.windows].filter((w) => !w.isDestroyed());
}

function quit(app) {
  if (isQuitting()) return;
  const beforeQuit = makeEvent();
  app.emit('before-quit', beforeQuit);
  if (beforeQuit.defaultPrevented) return;
  state.quitting = true;
  for (const win of liveWindows()) win.close();
  if (liveWindows().length) {
    debug('quit cancelled: a window prevented close');
    state.quitting = false;
    return;
  }
  const willQuit = makeEvent();
  app.emit('will-quit', willQuit);
  if (willQuit.defaultPrevented) {
    state.quitting = false;
    return;
  }
  app.emit('quit', makeEvent(), 0);
  shutdown(0);
}

function exit(app, code = 0) {
  if (state.exiting) return;
  state.quitting = true;
  for (const win of liveWindows()) win.destroy();
  shutdown(code);
}

/** SIGINT/SIGTERM: quit without giving the app a chance to refuse. */
function forceQuit(app, code) {
  if (state.exiting) return;
  state.quitting = true;
  app.emit('before-quit', makeEvent());
  for (const win of liveWindows()) win.destroy();
  app.emit('will-quit', makeEvent());
  app.emit('quit', makeEvent(), code);
  shutdown(code);
}

/** Called by BrowserWindow when its last sibling is gone. */
function allWindowsClosed(app) {
  if (isQuitting()) return;
  if (app.listenerCount('window-all-closed') > 0) app.emit('window-all-closed', makeEvent());
  else quit(app);
}

async function shutdown(code) {
  if (state.exiting) return;
  state.exiting = true;
  runtime.shuttingDown = true;
  debug('shutting down', code);
  const guard = setTimeout(() => process.exit(code), 5000);
  for (const hook of shutdownHooks) {
    try {
      await hook();
    } catch (error) {
      debug('shutdown hook failed', error.message);
    }
  }
  await Promise.race([Promise.all([...runtime.pendingBeforeExit]), new Promise((r) => setTimeout(r, 2000))]);
  if (runtime.chromium) await runtime.chromium.stop();
  clearTimeout(guard);
  process.exit(code);
}

module.exports = { quit, exit, forceQuit, allWindowsClosed, shutdown, isQuitting, onShutdown };
