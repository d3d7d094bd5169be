'use strict';
// Page side, part 2: runs the app's built preload bundle in the top frame,
// right after the bootstrap and before page scripts, with a sandboxed-style
// `require` whose 'electron' is the stand-in renderer module
// (contextBridge, ipcRenderer, webFrame, webUtils). There is no separate
// world: exposeInMainWorld defines a non-writable property holding a
// deep-frozen copy of the API.
const fs = require('node:fs');
const path = require('node:path');

/* eslint-disable no-restricted-globals */
function standinPreloadHost(cfg, runPreload) {
  'use strict';
  const g = globalThis;
  if (g.top !== g) return;
  const bridge = g[cfg.handoff];
  if (!bridge) return;
  delete g[cfg.handoff];

  const listeners = new Map(); // channel → [{ fn, once }]
  const ipcRenderer = {
    invoke(channel, ...args) {
      return bridge.request({ t: 'invoke', channel: String(channel), args });
    },
    send(channel, ...args) {
      bridge.post({ t: 'send', channel: String(channel), args });
    },
    sendSync(channel) {
      throw new Error(`ipcRenderer.sendSync('${channel}') is not supported by the Electron stand-in`);
    },
    sendToHost(channel) {
      throw new Error(`ipcRenderer.sendToHost('${channel}') is not supported by the Electron stand-in`);
    },
    postMessage(channel) {
      throw new Error(`ipcRenderer.postMessage('${channel}') is not supported by the Electron stand-in`);
    },
    on(channel, fn) {
      return add(channel, fn, false);
    },
    addListener(channel, fn) {
      return add(channel, fn, false);
    },
    once(channel, fn) {
      return add(channel, fn, true);
    },
    off(channel, fn) {
      const list = listeners.get(String(channel)) || [];
      const index = list.findIndex((entry) => entry.fn === fn);
      if (index >= 0) list.splice(index, 1);
      return ipcRenderer;
    },
    removeListener(channel, fn) {
      return ipcRenderer.off(channel, fn);
    },
    removeAllListeners(channel) {
      if (channel === undefined) listeners.clear();
      else listeners.delete(String(channel));
      return ipcRenderer;
    },
    listenerCount(channel) {
      return (listeners.get(String(channel)) || []).length;
    },
  };
  function add(channel, fn, once) {
    const key = String(channel);
    if (!listeners.has(key)) listeners.set(key, []);
    listeners.get(key).push({ fn, once });
    return ipcRenderer;
  }
  bridge.setSink((channel, args) => {
    const list = listeners.get(channel);
    if (!list) return;
    for (const entry of [...list]) {
      if (entry.once) ipcRenderer.off(channel, entry.fn);
      try {
        entry.fn({ sender: ipcRenderer, senderId: 0, ports: [] }, ...args);
      } catch (error) {
        setTimeout(() => {
          throw error;
        });
      }
    }
  });

  function copyFrozen(value, seen = new Map()) {
    if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
    if (seen.has(value)) return seen.get(value);
    if (value instanceof Promise || value instanceof Date || value instanceof RegExp || value instanceof Error) return value;
    if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return value;
    let copy;
    if (typeof value === 'function') {
      const target = value;
      copy = function exposed(...args) {
        return target.apply(undefined, args);
      };
    } else {
      copy = Array.isArray(value) ? [] : {};
    }
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = copyFrozen(value[key], seen);
    return Object.freeze(copy);
  }

  const contextBridge = {
    exposeInMainWorld(key, api) {
      if (Object.prototype.hasOwnProperty.call(g, key)) {
        throw new Error('Cannot bind an API on top of an existing property on the window object');
      }
      Object.defineProperty(g, key, { value: copyFrozen(api), enumerable: true, writable: false, configurable: false });
    },
    exposeInIsolatedWorld() {
      throw new Error('contextBridge.exposeInIsolatedWorld is not supported by the Electron stand-in');
    },
    executeInMainWorld({ func, args = [] }) {
      return func(...args);
    },
  };
  const webFrame = {
    routingId: 1,
    getZoomFactor: () => 1,
    setZoomFactor() {},
    getZoomLevel: () => 0,
    setZoomLevel() {},
    setVisualZoomLevelLimits: () => Promise.resolve(),
    insertCSS(css) {
      const style = document.createElement('style');
      style.textContent = css;
      (document.head || document.documentElement).appendChild(style);
      return 'standin-css';
    },
    removeInsertedCSS() {},
    executeJavaScript: (code) => Promise.resolve().then(() => (0, eval)(code)),
  };
  const electron = { contextBridge, ipcRenderer, webFrame, webUtils: { getPathForFile: () => '' } };

  class EventEmitter {
    constructor() {
      this._events = new Map();
    }
    on(name, fn) {
      if (!this._events.has(name)) this._events.set(name, []);
      this._events.get(name).push(fn);
      return this;
    }
    addListener(name, fn) {
      return this.on(name, fn);
    }
    once(name, fn) {
      const wrapped = (...args) => {
        this.off(name, wrapped);
        fn.apply(this, args);
      };
      return this.on(name, wrapped);
    }
    off(name, fn) {
      const list = this._events.get(name) || [];
      const index = list.indexOf(fn);
      if (index >= 0) list.splice(index, 1);
      return this;
    }
    removeListener(name, fn) {
      return this.off(name, fn);
    }
    removeAllListeners(name) {
      if (name === undefined) this._events.clear();
      else this._events.delete(name);
      return this;
    }
    emit(name, ...args) {
      const list = [...(this._events.get(name) || [])];
      for (const fn of list) fn.apply(this, args);
      return list.length > 0;
    }
    listenerCount(name) {
      return (this._events.get(name) || []).length;
    }
  }
  const setImmediate = (fn, ...args) => setTimeout(fn, 0, ...args);
  const builtins = {
    electron,
    'electron/renderer': electron,
    events: Object.assign(EventEmitter, { EventEmitter }),
    timers: { setTimeout, clearTimeout, setInterval, clearInterval, setImmediate, clearImmediate: clearTimeout },
    url: { URL, URLSearchParams },
  };
  const sandboxRequire = (name) => {
    if (Object.prototype.hasOwnProperty.call(builtins, name)) return builtins[name];
    throw new Error(`module not found: ${name}`);
  };
  const fakeProcess = {
    type: 'renderer',
    platform: cfg.platform,
    arch: cfg.arch,
    versions: cfg.versions,
    env: {},
    argv: [],
    execPath: '',
    pid: 0,
    sandboxed: true,
    contextIsolated: true,
    cwd: () => '/',
    on() {},
    once() {},
    nextTick: (fn, ...args) => queueMicrotask(() => fn(...args)),
  };
  const module = { exports: {} };
  try {
    runPreload(sandboxRequire, module, module.exports, fakeProcess, g, setImmediate, clearTimeout, cfg.preloadPath, cfg.preloadDir);
  } catch (error) {
    // Reported to main as webContents 'preload-error', like Electron.
    bridge.post({ t: 'preload-error', message: String((error && error.message) || error), stack: String((error && error.stack) || '') });
  }
}

function preloadSource(cfg, preloadPath) {
  const code = fs.readFileSync(preloadPath, 'utf8');
  const full = { ...cfg, preloadPath, preloadDir: path.dirname(preloadPath) };
  const runner =
    'function (require, module, exports, process, global, setImmediate, clearImmediate, __filename, __dirname) {\n' +
    code +
    '\n}';
  return `(${standinPreloadHost.toString()})(${JSON.stringify(full)}, ${runner});`;
}

module.exports = { preloadSource };
