'use strict';
// The `app` module: lifecycle, paths, identity, locale, command line.
const { EventEmitter } = require('node:events');
const os = require('node:os');
const path = require('node:path');
const { runtime, makeEvent } = require('./runtime.cjs');
const { records } = require('./records.cjs');
const { preferredLanguages, appLocale } = require('./app-info.cjs');
const { createSingleInstance } = require('./single-instance.cjs');
const lifecycle = require('./lifecycle.cjs');

class App extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this.isPackaged = false;
    this.commandLine = null; // set by boot
    this._ready = false;
    this._readyPromise = new Promise((resolve) => {
      this._resolveReady = resolve;
    });
    this._paths = new Map();
    this._name = null;
    this._singleInstance = createSingleInstance(this);
    this.accessibilitySupportEnabled = false;
    this.userAgentFallback = 'Mozilla/5.0 (X11; Linux x86_64) Electron-standin';
  }

  // ---- readiness -------------------------------------------------------
  isReady() {
    return this._ready;
  }

  whenReady() {
    return this._readyPromise;
  }

  _markReady() {
    this._ready = true;
    this._resolveReady();
    this.emit('ready', makeEvent(), {});
  }

  // ---- lifecycle -------------------------------------------------------
  quit() {
    lifecycle.quit(this);
  }

  exit(code = 0) {
    lifecycle.exit(this, code);
  }

  relaunch(options = {}) {
    records.relaunches.push(JSON.parse(JSON.stringify(options)));
  }

  focus() {}

  hide() {}

  show() {}

  // ---- identity --------------------------------------------------------
  getName() {
    return this._name || runtime.appInfo.name;
  }

  setName(name) {
    this._name = String(name);
  }

  get name() {
    return this.getName();
  }

  set name(value) {
    this.setName(value);
  }

  getVersion() {
    return runtime.appInfo.version;
  }

  getAppPath() {
    return runtime.appInfo.appPath;
  }

  setAppUserModelId(id) {
    this._appUserModelId = id;
  }

  // ---- paths -----------------------------------------------------------
  getPath(name) {
    if (this._paths.has(name)) return this._paths.get(name);
    const home = os.homedir();
    const appData = process.env.XDG_CONFIG_HOME || path.join(home, '.config');
    const userData = () =>
      this._paths.get('userData') ||
      (this.commandLine.hasSwitch('user-data-dir') && path.resolve(this.commandLine.getSwitchValue('user-data-dir'))) ||
      path.join(appData, this.getName());
    const table = {
      home: () => home,
      appData: () => appData,
      userData,
      sessionData: userData,
      temp: () => os.tmpdir(),
      exe: () => runtime.exePath,
      module: () => runtime.exePath,
      desktop: () => path.join(home, 'Desktop'),
      documents: () => path.join(home, 'Documents'),
      downloads: () => path.join(home, 'Downloads'),
      music: () => path.join(home, 'Music'),
      pictures: () => path.join(home, 'Pictures'),
      videos: () => path.join(home, 'Videos'),
      recent: () => path.join(home, '.local', 'share', 'recently-used.xbel'),
      logs: () => path.join(userData(), 'logs'),
      crashDumps: () => path.join(userData(), 'Crashpad'),
    };
    if (!table[name]) throw new Error(`Failed to get '${name}' path`);
    return table[name]();
  }

  setPath(name, value) {
    this._paths.set(name, path.resolve(value));
  }

  setAppLogsPath(value) {
    this._paths.set('logs', value ? path.resolve(value) : path.join(this.getPath('userData'), 'logs'));
  }

  // ---- locale ----------------------------------------------------------
  getPreferredSystemLanguages() {
    return preferredLanguages(this.commandLine.getSwitchValue('lang'));
  }

  getLocale() {
    return appLocale(this.getPreferredSystemLanguages());
  }

  getSystemLocale() {
    return this.getPreferredSystemLanguages()[0];
  }

  getLocaleCountryCode() {
    return (this.getSystemLocale().split('-')[1] || '').toUpperCase();
  }

  // ---- single instance -------------------------------------------------
  requestSingleInstanceLock(additionalData) {
    return this._singleInstance.request(additionalData);
  }

  hasSingleInstanceLock() {
    return this._singleInstance.has();
  }

  releaseSingleInstanceLock() {
    this._singleInstance.release();
  }

  // ---- OS integration (recorded) ---------------------------------------
  setAsDefaultProtocolClient(protocol, execPath, args = []) {
    records.protocolClients.push({ protocol, path: execPath || runtime.exePath, args });
    return true;
  }

  removeAsDefaultProtocolClient(protocol) {
    records.protocolClients = records.protocolClients.filter((c) => c.protocol !== protocol);
    return true;
  }

  isDefaultProtocolClient(protocol) {
    return records.protocolClients.some((c) => c.protocol === protocol);
  }

  setLoginItemSettings(settings = {}) {
    Object.assign(records.loginItem, JSON.parse(JSON.stringify(settings)));
  }

  getLoginItemSettings() {
    const item = records.loginItem;
    return { ...item, wasOpenedAtLogin: false, wasOpenedAsHidden: false, restoreState: false, executableWillLaunchAtLogin: item.openAtLogin };
  }

  setBadgeCount(count = 0) {
    records.badgeCount = count;
    return true;
  }

  getBadgeCount() {
    return records.badgeCount;
  }

  disableHardwareAcceleration() {}

  enableSandbox() {}

  setAboutPanelOptions() {}

  setUserTasks() {
    return true;
  }

  addRecentDocument() {}

  clearRecentDocuments() {}

  getGPUFeatureStatus() {
    return {};
  }

  getAppMetrics() {
    return [];
  }
}

const app = new App();
module.exports = { app };
