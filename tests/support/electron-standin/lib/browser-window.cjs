'use strict';
// `BrowserWindow`: window state kept in the stand-in (visibility, bounds,
// title…), content in a Chromium page. OS-visible effects such as
// flashFrame and setProgressBar are recorded.
const { EventEmitter } = require('node:events');
const { runtime, makeEvent } = require('./runtime.cjs');
const { records } = require('./records.cjs');
const { WebContents } = require('./web-contents.cjs');
const lifecycle = require('./lifecycle.cjs');

let nextId = 1;
let focused = null;

class BrowserWindow extends EventEmitter {
  constructor(options = {}) {
    super();
    this.setMaxListeners(0);
    const { app } = require('./app.cjs');
    if (!app.isReady()) throw new Error('Cannot create BrowserWindow before app is ready');
    this.id = nextId++;
    this._options = { ...options };
    this._visible = options.show !== false;
    this._destroyed = false;
    this._minimized = false;
    this._maximized = false;
    this._fullScreen = false;
    this._alwaysOnTop = Boolean(options.alwaysOnTop);
    this._titleSet = Boolean(options.title);
    this._title = options.title || app.getName();
    this._bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    runtime.windows.add(this);
    this.webContents = new WebContents({
      webPreferences: options.webPreferences || {},
      width: this._bounds.width,
      height: this._bounds.height,
      show: this._visible,
    });
    this.webContents._owner = this;
    this.webContents.once('did-finish-load', () => this.emit('ready-to-show', makeEvent()));
    app.emit('browser-window-created', makeEvent(), this);
    if (this._visible) focused = this;
  }

  // ---- content --------------------------------------------------------------
  loadURL(url, options) {
    return this.webContents.loadURL(url, options);
  }

  loadFile(filePath, options) {
    return this.webContents.loadFile(filePath, options);
  }

  reload() {
    this.webContents.reload();
  }

  // ---- visibility and focus ---------------------------------------------------
  show() {
    const wasVisible = this._visible;
    this._visible = true;
    this._minimized = false;
    this.focus();
    if (!wasVisible) this.emit('show', makeEvent());
  }

  showInactive() {
    if (this._visible) return;
    this._visible = true;
    this.emit('show', makeEvent());
  }

  hide() {
    if (!this._visible) return;
    this._visible = false;
    if (focused === this) focused = null;
    this.emit('hide', makeEvent());
  }

  isVisible() {
    return this._visible && !this._destroyed;
  }

  focus() {
    if (this._destroyed) return;
    focused = this;
    this.webContents._target.ready.then(() =>
      runtime.chromium.cdp.root.sendMayFail('Target.activateTarget', { targetId: this.webContents._target.targetId }),
    );
    this.emit('focus', makeEvent());
  }

  blur() {
    if (focused === this) focused = null;
    this.emit('blur', makeEvent());
  }

  isFocused() {
    return focused === this;
  }

  minimize() {
    this._minimized = true;
    this.emit('minimize', makeEvent());
  }

  restore() {
    const was = this._minimized;
    this._minimized = false;
    if (was) this.emit('restore', makeEvent());
  }

  isMinimized() {
    return this._minimized;
  }

  maximize() {
    this._maximized = true;
    this.emit('maximize', makeEvent());
  }

  unmaximize() {
    this._maximized = false;
    this.emit('unmaximize', makeEvent());
  }

  isMaximized() {
    return this._maximized;
  }

  setFullScreen(flag) {
    this._fullScreen = Boolean(flag);
  }

  isFullScreen() {
    return this._fullScreen;
  }

  setAlwaysOnTop(flag) {
    this._alwaysOnTop = Boolean(flag);
  }

  isAlwaysOnTop() {
    return this._alwaysOnTop;
  }

  moveTop() {}

  center() {}

  // ---- title, bounds, OS attention (recorded) -----------------------------------
  setTitle(title) {
    this._title = String(title);
    this._titleSet = true;
  }

  getTitle() {
    return this._title;
  }

  getBounds() {
    return { ...this._bounds };
  }

  setBounds(bounds) {
    Object.assign(this._bounds, bounds);
    this.webContents._target.resize(this._bounds.width, this._bounds.height);
  }

  getSize() {
    return [this._bounds.width, this._bounds.height];
  }

  setSize(width, height) {
    this.setBounds({ width, height });
  }

  getContentBounds() {
    return this.getBounds();
  }

  getContentSize() {
    return this.getSize();
  }

  setMinimumSize() {}

  setMaximumSize() {}

  setResizable() {}

  setMenu() {}

  removeMenu() {}

  setMenuBarVisibility() {}

  setAutoHideMenuBar() {}

  setSkipTaskbar() {}

  setIcon() {}

  setOverlayIcon() {}

  setBackgroundColor() {}

  flashFrame(flag) {
    records.flashFrame.push({ windowId: this.id, flag: Boolean(flag) });
  }

  setProgressBar(progress, options = {}) {
    records.progressBar.push({ windowId: this.id, progress, mode: options.mode || 'normal' });
  }

  // ---- closing ------------------------------------------------------------------
  close() {
    if (this._destroyed) return;
    const event = makeEvent();
    this.emit('close', event);
    if (event.defaultPrevented) return;
    this.destroy();
  }

  destroy() {
    if (this._destroyed) return;
    this._destroyed = true;
    runtime.windows.delete(this);
    if (focused === this) focused = null;
    this.webContents._destroy();
    this.emit('closed');
    if (runtime.windows.size === 0) lifecycle.allWindowsClosed(require('./app.cjs').app);
  }

  isDestroyed() {
    return this._destroyed;
  }

  /** The page went away underneath us (page.close(), window.close(), Chromium). */
  _onTargetGone() {
    if (this._destroyed) return;
    this.emit('close', makeEvent());
    this.destroy();
  }

  _onPageTitle(title) {
    const event = makeEvent();
    this.emit('page-title-updated', event, title, false);
    if (!event.defaultPrevented) this._title = title;
  }

  // ---- statics ----------------------------------------------------------------
  static getAllWindows() {
    return [...runtime.windows];
  }

  static fromId(id) {
    return [...runtime.windows].find((w) => w.id === id) || null;
  }

  static fromWebContents(wc) {
    return (wc && wc._owner && !wc._owner.isDestroyed() && wc._owner) || null;
  }

  static getFocusedWindow() {
    return focused && !focused.isDestroyed() ? focused : null;
  }
}

module.exports = { BrowserWindow };
