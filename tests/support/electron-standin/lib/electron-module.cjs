'use strict';
// What `require('electron')` returns inside the stand-in's main process.
const { app } = require('./app.cjs');
const { BrowserWindow } = require('./browser-window.cjs');
const { webContents } = require('./web-contents.cjs');
const { ipcMain } = require('./ipc-main.cjs');
const { protocol } = require('./protocol.cjs');
const { session } = require('./session.cjs');
const { Notification } = require('./notification.cjs');
const { Tray } = require('./tray.cjs');
const { Menu, MenuItem } = require('./menu.cjs');
const { nativeImage, NativeImage } = require('./native-image.cjs');
const { globalShortcut } = require('./global-shortcut.cjs');
const { powerMonitor, nativeTheme, screen } = require('./system-state.cjs');
const { shell, dialog, clipboard, crashReporter, autoUpdater } = require('./shell-dialog.cjs');
const { safeStorage } = require('./safe-storage.cjs');
const { net } = require('./net.cjs');
const { standin } = require('./standin-api.cjs');

const systemPreferences = {
  getAccentColor: () => '0078d7ff',
  getColor: () => '#000000',
  getAnimationSettings: () => ({ shouldRenderRichAnimation: true, scrollAnimationsEnabledBySystem: true, prefersReducedMotion: false }),
  on() {},
  once() {},
};

const webFrameMain = {
  fromId: () => undefined,
};

module.exports = {
  app,
  autoUpdater,
  BrowserWindow,
  clipboard,
  crashReporter,
  dialog,
  globalShortcut,
  ipcMain,
  Menu,
  MenuItem,
  nativeImage,
  NativeImage,
  nativeTheme,
  net,
  Notification,
  powerMonitor,
  protocol,
  safeStorage,
  screen,
  session,
  shell,
  systemPreferences,
  Tray,
  webContents,
  webFrameMain,
  __standin: standin,
};
