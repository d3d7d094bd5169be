'use strict';
// window.open / target=_blank: consult webContents.setWindowOpenHandler.
// Denied → no window is ever created. Allowed (or no handler, Electron's
// default) → a new BrowserWindow inheriting the opener's webPreferences.
// The opener relationship (window.opener, returned Window) is not kept.
const { runtime } = require('./runtime.cjs');
const { fromChromiumUrl } = require('./protocol.cjs');
const { debug } = require('./debug-log.cjs');

function parseFeatures(features) {
  const options = {};
  for (const part of String(features || '').split(',')) {
    const [key, value] = part.split('=').map((s) => s && s.trim());
    if ((key === 'width' || key === 'height') && Number(value) > 0) options[key] = Number(value);
  }
  return options;
}

function handleOpenRequest(opener, { url, frameName = '', features = '', disposition = 'foreground-tab' }) {
  const details = {
    url: fromChromiumUrl(url),
    frameName,
    features,
    disposition,
    referrer: { url: opener.getURL(), policy: 'strict-origin-when-cross-origin' },
    postBody: undefined,
  };
  let result = { action: 'allow' };
  if (opener._windowOpenHandler) {
    try {
      result = opener._windowOpenHandler(details);
    } catch (error) {
      debug('window open handler threw', error && error.stack);
      result = { action: 'deny' };
    }
  }
  if (!result || result.action !== 'allow') {
    debug('window.open denied', details.url);
    return;
  }
  const { BrowserWindow } = require('./browser-window.cjs');
  const override = result.overrideBrowserWindowOptions || {};
  const win = new BrowserWindow({
    ...parseFeatures(features),
    ...override,
    webPreferences: { ...opener.getLastWebPreferences(), ...(override.webPreferences || {}) },
  });
  opener.emit('did-create-window', win, details);
  if (details.url && details.url !== 'about:blank') win.loadURL(details.url).catch(() => {});
}

/** A popup Chromium made on its own (not through our shim): close it, then ask. */
function onForeignTarget(targetInfo) {
  if (targetInfo.type !== 'page' || !targetInfo.openerId || runtime.ownTargets.has(targetInfo.targetId)) return;
  const opener = [...runtime.webContents.values()].find((wc) => wc._target.targetId === targetInfo.openerId);
  if (!opener) return;
  runtime.chromium.cdp.root.sendMayFail('Target.closeTarget', { targetId: targetInfo.targetId });
  handleOpenRequest(opener, { url: targetInfo.url, disposition: 'new-window' });
}

module.exports = { handleOpenRequest, onForeignTarget };
