'use strict';
// `require('electron').__standin`: what the stand-in recorded, as JSON-safe
// snapshots, plus ways to simulate the OS. Real Electron has no such
// property, so specs can tell the backends apart.
const { records, simulators, snapshot } = require('./records.cjs');
const { runtime } = require('./runtime.cjs');
const { refreshTrayRecords } = require('./tray.cjs');
const { Menu } = require('./menu.cjs');

const RECORDED = ['notifications', 'tray', 'shortcuts', 'openedExternal', 'openedPaths', 'shownInFolder', 'permissionDecisions', 'protocolClients', 'loginItem', 'flashFrame', 'progressBar', 'dialogs', 'applicationMenu', 'contextMenus', 'privilegedSchemes', 'crashReporter', 'autoUpdater', 'spellChecker', 'badgeCount', 'relaunches'];

function refresh() {
  refreshTrayRecords();
  const menu = Menu.getApplicationMenu();
  records.applicationMenu = menu ? menu.describe() : null;
}

function describeWindows() {
  return [...runtime.windows].map((win) => ({
    id: win.id,
    title: win.getTitle(),
    visible: win.isVisible(),
    focused: win.isFocused(),
    minimized: win.isMinimized(),
    bounds: win.getBounds(),
    url: win.webContents.getURL(),
    webContentsId: win.webContents.id,
    targetId: win.webContents._target.targetId,
    crashed: win.webContents.isCrashed(),
    webPreferences: snapshot(plainPrefs(win.webContents.getLastWebPreferences())),
  }));
}

function plainPrefs(prefs) {
  const out = {};
  for (const [key, value] of Object.entries(prefs)) if (key !== 'session') out[key] = value;
  return out;
}

const standin = { kind: 'standin' };
for (const key of RECORDED) {
  Object.defineProperty(standin, key, {
    enumerable: true,
    get() {
      refresh();
      return snapshot(records[key]);
    },
  });
}
Object.defineProperty(standin, 'windows', { enumerable: true, get: describeWindows });
standin.snapshot = () => {
  refresh();
  return { ...snapshot(records), windows: describeWindows(), chromiumPid: runtime.chromium ? runtime.chromium.pid : null };
};
standin.simulate = simulators;

module.exports = { standin };
