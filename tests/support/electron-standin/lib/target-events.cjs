'use strict';
// Browser-level CDP events routed to the webContents they concern.
const { runtime } = require('./runtime.cjs');
const { debug } = require('./debug-log.cjs');

function byTarget(targetId) {
  for (const wc of runtime.webContents.values()) if (wc._target.targetId === targetId) return wc;
  return null;
}

function installTargetEvents(root) {
  root.on('Target.targetCrashed', ({ targetId, status, errorCode }) => {
    debug('target crashed', targetId, status, errorCode);
    const wc = byTarget(targetId);
    if (wc) wc._onCrashed(status, errorCode);
  });
  root.on('Target.targetDestroyed', ({ targetId }) => {
    runtime.ownTargets.delete(targetId);
    const wc = byTarget(targetId);
    if (wc) wc._onTargetGone();
  });
  root.on('Target.targetInfoChanged', ({ targetInfo }) => {
    const wc = byTarget(targetInfo.targetId);
    if (!wc || targetInfo.title === wc._title) return;
    wc._title = targetInfo.title;
    const isUrlTitle = !targetInfo.title || targetInfo.url.includes(targetInfo.title);
    if (wc._owner && !isUrlTitle && !wc._owner._titleSet) wc._owner._onPageTitle(targetInfo.title);
  });
  root.on('Target.targetCreated', ({ targetInfo }) => {
    require('./window-open.cjs').onForeignTarget(targetInfo);
  });
  root.on('Target.attachedToTarget', (event) => require('./target-attach.cjs').onAutoAttached(event));
  return Promise.all([
    root.send('Target.setDiscoverTargets', { discover: true }),
    root.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: true, filter: [{ type: 'page' }] }),
  ]);
}

module.exports = { installTargetEvents };
