'use strict';
// shell, dialog, clipboard, crashReporter, autoUpdater: nothing leaves the
// process; everything is recorded. Dialog answers are configurable with
// simulate.setDialogResult(method, result).
const { EventEmitter } = require('node:events');
const { records, simulators } = require('./records.cjs');

const shell = {
  async openExternal(url, options = {}) {
    records.openedExternal.push({ url: String(url), options: JSON.parse(JSON.stringify(options)) });
  },
  async openPath(filePath) {
    records.openedPaths.push(String(filePath));
    return '';
  },
  showItemInFolder(filePath) {
    records.shownInFolder.push(String(filePath));
  },
  async trashItem(filePath) {
    records.openedPaths.push(`trash:${filePath}`);
  },
  beep() {},
  writeShortcutLink: () => false,
  readShortcutLink: () => ({}),
};

const dialogResults = {
  showMessageBox: { response: 0, checkboxChecked: false },
  showOpenDialog: { canceled: true, filePaths: [] },
  showSaveDialog: { canceled: true, filePath: '' },
  showCertificateTrustDialog: undefined,
};

simulators.setDialogResult = (method, result) => {
  if (!(method in dialogResults)) throw new Error(`Unknown dialog method '${method}'`);
  dialogResults[method] = result;
  return true;
};

/** Electron allows an optional BrowserWindow as the first argument. */
function optionsOf(args) {
  const options = args.length > 1 || (args[0] && args[0].webContents) ? args[1] : args[0];
  try {
    return JSON.parse(JSON.stringify(options || {}));
  } catch {
    return {};
  }
}

function recorded(method, sync) {
  const base = method.replace(/Sync$/, '');
  return (...args) => {
    const result = JSON.parse(JSON.stringify(dialogResults[base] ?? null));
    records.dialogs.push({ method, options: optionsOf(args), result });
    if (!sync) return Promise.resolve(result);
    if (base === 'showMessageBox') return result.response;
    if (base === 'showOpenDialog') return result.canceled ? undefined : result.filePaths;
    if (base === 'showSaveDialog') return result.canceled ? undefined : result.filePath;
    return result;
  };
}

const dialog = {
  showMessageBox: recorded('showMessageBox', false),
  showMessageBoxSync: recorded('showMessageBoxSync', true),
  showOpenDialog: recorded('showOpenDialog', false),
  showOpenDialogSync: recorded('showOpenDialogSync', true),
  showSaveDialog: recorded('showSaveDialog', false),
  showSaveDialogSync: recorded('showSaveDialogSync', true),
  showCertificateTrustDialog: recorded('showCertificateTrustDialog', false),
  showErrorBox(title, content) {
    records.dialogs.push({ method: 'showErrorBox', options: { title: String(title), content: String(content) }, result: null });
  },
};

const store = { text: '', html: '', rtf: '', bookmark: null };
const clipboard = {
  writeText: (text) => void (store.text = String(text)),
  readText: () => store.text,
  writeHTML: (html) => void (store.html = String(html)),
  readHTML: () => store.html,
  writeRTF: (rtf) => void (store.rtf = String(rtf)),
  readRTF: () => store.rtf,
  write(data = {}) {
    if (data.text !== undefined) store.text = String(data.text);
    if (data.html !== undefined) store.html = String(data.html);
    if (data.rtf !== undefined) store.rtf = String(data.rtf);
  },
  clear: () => Object.assign(store, { text: '', html: '', rtf: '' }) && undefined,
  availableFormats: () => [store.text && 'text/plain', store.html && 'text/html'].filter(Boolean),
  has: (format) => clipboard.availableFormats().includes(format),
  readImage: () => require('./native-image.cjs').nativeImage.createEmpty(),
  writeImage() {},
};

const crashReporter = {
  start(options = {}) {
    records.crashReporter = JSON.parse(JSON.stringify(options));
  },
  getLastCrashReport: () => null,
  getUploadedReports: () => [],
  getUploadToServer: () => Boolean(records.crashReporter && records.crashReporter.uploadToServer !== false),
  setUploadToServer() {},
  addExtraParameter() {},
  removeExtraParameter() {},
  getParameters: () => ({}),
};

const autoUpdater = Object.assign(new EventEmitter(), {
  setFeedURL(options) {
    records.autoUpdater.feedURL = typeof options === 'string' ? options : options && options.url;
  },
  getFeedURL: () => records.autoUpdater.feedURL || '',
  checkForUpdates() {
    records.autoUpdater.checks += 1;
    setImmediate(() => autoUpdater.emit('update-not-available'));
  },
  quitAndInstall() {
    records.autoUpdater.quitAndInstall += 1;
  },
});

module.exports = { shell, dialog, clipboard, crashReporter, autoUpdater };
