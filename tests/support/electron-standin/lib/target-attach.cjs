'use strict';
// The stand-in auto-attaches to every new page with waitForDebuggerOnStart
// (see target-events.cjs). Pages we create are handed to their PageTarget,
// still held, so the bootstrap and preload are in place before the first
// document; any other page is released at once.
const { runtime } = require('./runtime.cjs');

/** Our createTarget calls waiting for their auto-attach, matched by URL in order. */
const pendingAttach = [];

function waitForAttach(url) {
  return new Promise((resolve) => pendingAttach.push({ url, resolve }));
}

/** Root-session handler for Target.attachedToTarget. */
function onAutoAttached({ sessionId, targetInfo }) {
  const index = pendingAttach.findIndex((p) => p.url === targetInfo.url && !targetInfo.openerId);
  if (index >= 0) {
    pendingAttach.splice(index, 1)[0].resolve({ sessionId, targetId: targetInfo.targetId });
    return;
  }
  const session = runtime.chromium.cdp.session(sessionId);
  session
    .sendMayFail('Runtime.runIfWaitingForDebugger')
    .then(() => runtime.chromium.cdp.root.sendMayFail('Target.detachFromTarget', { sessionId }));
}

function normaliseUrl(url) {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

module.exports = { waitForAttach, onAutoAttached, normaliseUrl };
