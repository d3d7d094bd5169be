'use strict';
// Everything the stand-in would have shown to (or asked of) the OS, kept so
// specs can assert it through `require('electron').__standin`.
const records = {
  notifications: [],
  tray: [],
  shortcuts: { registered: [], occupiedByOs: [], refused: [] },
  openedExternal: [],
  openedPaths: [],
  shownInFolder: [],
  permissionDecisions: [],
  protocolClients: [],
  loginItem: { openAtLogin: false, openAsHidden: false, args: [], path: '' },
  flashFrame: [],
  progressBar: [],
  dialogs: [],
  applicationMenu: null,
  contextMenus: [],
  privilegedSchemes: [],
  crashReporter: null,
  autoUpdater: { feedURL: null, checks: 0, quitAndInstall: 0 },
  spellChecker: [],
  badgeCount: 0,
  relaunches: [],
};

/** Simulation hooks; modules that own the live objects register here. */
const simulators = {};

/** JSON-safe deep copy: what a spec may receive through app.evaluate(). */
function snapshot(value) {
  return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

module.exports = { records, simulators, snapshot };
