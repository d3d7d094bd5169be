'use strict';
// Process-wide state shared by the stand-in modules (one app per process).
const crypto = require('node:crypto');

const token = crypto.randomBytes(6).toString('hex');

const runtime = {
  /** Filled in by boot: { appPath, entry, name, version }. */
  appInfo: null,
  /** Absolute path of bin/electron, shown to the app as argv[0] / exe. */
  exePath: null,
  /** Set once Chromium answers: { cdp, pid, stop, killNow }. */
  chromium: null,
  /** Window size minus viewport size in this Chromium (see measureWindowInsets). */
  windowInsets: { width: 0, height: 0 },
  /** Page-side names; random per process so pages cannot guess them ahead. */
  bindingName: `__standinIpc_${token}`,
  dispatchName: `__standinDispatch_${token}`,
  handoffName: `__standinHandoff_${token}`,
  /** Live objects. */
  windows: new Set(),
  webContents: new Map(), // id → WebContents
  /** targetIds we created ourselves (anything else with an opener is a popup). */
  ownTargets: new Set(),
  shuttingDown: false,
  /** Work that must finish before the process exits (e.g. single-instance notify). */
  pendingBeforeExit: new Set(),
};

function trackBeforeExit(promise) {
  const tracked = Promise.resolve(promise).catch(() => {});
  runtime.pendingBeforeExit.add(tracked);
  tracked.finally(() => runtime.pendingBeforeExit.delete(tracked));
  return promise;
}

/** An Electron-style event object with preventDefault(). */
function makeEvent(extra = {}) {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...extra,
  };
  return event;
}

module.exports = { runtime, trackBeforeExit, makeEvent };
