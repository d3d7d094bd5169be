'use strict';
// `webContents`: one per window, backed by a PageTarget (a Chromium page).
const { EventEmitter } = require('node:events');
const { pathToFileURL } = require('node:url');
const { runtime, makeEvent } = require('./runtime.cjs');
const { PageTarget } = require('./page-target.cjs');
const { fromChromiumUrl, originOf } = require('./protocol.cjs');
const { defaultSession } = require('./session.cjs');

let nextId = 1;

class WebContents extends EventEmitter {
  constructor({ webPreferences = {}, width = 800, height = 600, show = true } = {}) {
    super();
    this.setMaxListeners(0);
    this.id = nextId++;
    this._prefs = { ...webPreferences };
    this.session = webPreferences.session || defaultSession;
    this._owner = null;
    this._destroyed = false;
    this._crashed = false;
    this._url = '';
    this._title = '';
    this._loading = false;
    this._windowOpenHandler = null;
    this._routingIds = new Map();
    this._audioMuted = false;
    this._zoomFactor = 1;
    this._userAgent = this.session.getUserAgent();
    this.ipc = new (require('./ipc-main.cjs').IpcMain)();
    runtime.webContents.set(this.id, this);
    this._target = new PageTarget(this, { width, height, show });
    require('./app.cjs').app.emit('web-contents-created', makeEvent(), this);
  }

  // ---- navigation -------------------------------------------------------
  loadURL(url) {
    this._crashed = false;
    return this._target.load(String(url));
  }

  loadFile(filePath, options = {}) {
    const url = pathToFileURL(filePath);
    if (options.query) url.search = new URLSearchParams(options.query).toString();
    if (options.search) url.search = options.search;
    if (options.hash) url.hash = options.hash;
    return this.loadURL(url.href);
  }

  reload() {
    this._crashed = false;
    this._target.reload(false);
  }

  reloadIgnoringCache() {
    this._crashed = false;
    this._target.reload(true);
  }

  stop() {
    this._target.ready.then(() => this._target.session.sendMayFail('Page.stopLoading'));
  }

  getURL() {
    return fromChromiumUrl(this._url);
  }

  getTitle() {
    return this._title || this.getURL();
  }

  isLoading() {
    return this._loading;
  }

  isLoadingMainFrame() {
    return this._loading;
  }

  isWaitingForResponse() {
    return false;
  }

  isCrashed() {
    return this._crashed;
  }

  isDestroyed() {
    return this._destroyed;
  }

  // ---- messaging ---------------------------------------------------------
  send(channel, ...args) {
    if (this._destroyed) throw new Error('Object has been destroyed');
    let payload;
    try {
      payload = JSON.parse(JSON.stringify({ channel: String(channel), args }));
    } catch (error) {
      throw new Error(`An object could not be cloned. (${error.message})`);
    }
    this._target.dispatch({ t: 'msg', ...payload });
  }

  executeJavaScript(code, userGesture = true) {
    return this._target.evaluate(code, userGesture);
  }

  insertCSS(css) {
    const code = `(() => { const s = document.createElement('style'); s.textContent = ${JSON.stringify(String(css))}; (document.head || document.documentElement).appendChild(s); return 'standin-css'; })()`;
    return this.executeJavaScript(code);
  }

  setWindowOpenHandler(handler) {
    this._windowOpenHandler = handler;
  }

  // ---- process / frames ---------------------------------------------------
  /** Chromium's browser pid: the stand-in cannot map targets to renderer pids. */
  getOSProcessId() {
    return runtime.chromium ? runtime.chromium.pid : 0;
  }

  getProcessId() {
    return this.getOSProcessId();
  }

  get mainFrame() {
    return this._frame(this._target.targetId);
  }

  _routingId(frameId) {
    if (!this._routingIds.has(frameId)) this._routingIds.set(frameId, this._routingIds.size + 1);
    return this._routingIds.get(frameId);
  }

  /** A plain WebFrameMain-like description for IPC events. */
  _frame(frameId) {
    const target = this._target;
    const info = (frameId && target.frames.get(frameId)) || { url: this._url, parentId: null };
    const url = fromChromiumUrl(info.url);
    const frame = {
      url,
      origin: originOf(url),
      name: '',
      routingId: this._routingId(frameId || 'main'),
      frameTreeNodeId: this._routingId(frameId || 'main'),
      processId: this.getOSProcessId(),
      osProcessId: this.getOSProcessId(),
      parent: info.parentId ? this._frame(info.parentId) : null,
      isDestroyed: () => this._destroyed,
      send: (channel, ...args) => this.send(channel, ...args),
      executeJavaScript: (code) => this.executeJavaScript(code),
    };
    frame.top = frame.parent ? frame.parent.top || frame.parent : frame;
    return frame;
  }

  _senderFrame(contextId) {
    const { frameId } = this._target.frameInfo(contextId);
    return this._frame(frameId);
  }

  // ---- misc ---------------------------------------------------------------
  getLastWebPreferences() {
    return { ...this._prefs };
  }

  openDevTools() {}

  closeDevTools() {}

  isDevToolsOpened() {
    return false;
  }

  toggleDevTools() {}

  forcefullyCrashRenderer() {
    this._target.crash();
  }

  focus() {
    if (this._owner) this._owner.focus();
  }

  isFocused() {
    return Boolean(this._owner && this._owner.isFocused());
  }

  close() {
    if (this._owner) this._owner.close();
    else this._target.close();
  }

  setAudioMuted(muted) {
    this._audioMuted = Boolean(muted);
  }

  isAudioMuted() {
    return this._audioMuted;
  }

  setZoomFactor(factor) {
    this._zoomFactor = factor;
  }

  getZoomFactor() {
    return this._zoomFactor;
  }

  setUserAgent(userAgent) {
    this._userAgent = userAgent;
  }

  getUserAgent() {
    return this._userAgent;
  }

  setBackgroundThrottling() {}

  setIgnoreMenuShortcuts() {}

  // ---- internal -------------------------------------------------------------
  _onCrashed(status, exitCode) {
    const reasons = { normal: 'clean-exit', abnormal: 'abnormal-exit', killed: 'killed', crashed: 'crashed', oom: 'oom', 'launch failed': 'launch-failed' };
    this._crashed = true;
    this._loading = false;
    this.emit('render-process-gone', makeEvent(), { reason: reasons[status] || 'crashed', exitCode: exitCode ?? 0 });
  }

  _onTargetGone() {
    if (this._destroyed) return;
    if (this._owner) this._owner._onTargetGone();
    else this._destroy();
  }

  _destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    runtime.webContents.delete(this.id);
    this._target.close();
    this.emit('destroyed', makeEvent());
  }
}

function all() {
  return [...runtime.webContents.values()];
}

const webContents = {
  getAllWebContents: () => all(),
  fromId: (id) => runtime.webContents.get(id),
  fromDevToolsTargetId: (targetId) => all().find((wc) => wc._target.targetId === targetId),
  fromFrame: () => undefined,
  getFocusedWebContents: () => {
    const { BrowserWindow } = require('./browser-window.cjs');
    const win = BrowserWindow.getFocusedWindow();
    return win ? win.webContents : null;
  },
};

module.exports = { WebContents, webContents };
