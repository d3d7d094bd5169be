'use strict';
// `session.defaultSession`: the permission handlers (exercised by the page
// shims in page-bootstrap), webRequest.onHeadersReceived (applied to
// responses served for custom schemes), and recorded odds and ends.
const { EventEmitter } = require('node:events');
const { records } = require('./records.cjs');

const hooks = { headersReceived: null, beforeRequest: null, beforeSendHeaders: null };

const webRequestHooks = {
  /** Runs the onHeadersReceived listener like Electron: callback({cancel, responseHeaders, statusLine}). */
  headersReceived(details) {
    const entry = hooks.headersReceived;
    if (!entry || !matches(entry.filter, details.url)) return Promise.resolve({ responseHeaders: details.responseHeaders });
    return new Promise((resolve) => {
      entry.listener(
        { id: Date.now(), resourceType: 'other', timestamp: Date.now(), statusLine: `HTTP/1.1 ${details.statusCode}`, ...details },
        (response = {}) => {
          const statusMatch = /\s(\d{3})/.exec(response.statusLine || '');
          resolve({
            cancel: Boolean(response.cancel),
            responseHeaders: normaliseHeaders(response.responseHeaders || details.responseHeaders),
            statusCode: statusMatch ? Number(statusMatch[1]) : undefined,
          });
        },
      );
    });
  },
};

function normaliseHeaders(headers) {
  const out = {};
  for (const [name, value] of Object.entries(headers)) out[name] = Array.isArray(value) ? value.map(String) : [String(value)];
  return out;
}

function matches(filter, url) {
  if (!filter || !filter.urls || !filter.urls.length) return true;
  return filter.urls.some((pattern) => {
    if (pattern === '<all_urls>') return true;
    const regex = new RegExp('^' + pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*') + '$');
    return regex.test(url);
  });
}

function register(kind) {
  return (filterOrListener, maybeListener) => {
    const listener = typeof filterOrListener === 'function' ? filterOrListener : maybeListener;
    const filter = typeof filterOrListener === 'function' ? null : filterOrListener;
    hooks[kind] = listener ? { filter, listener } : null;
  };
}

class Session extends EventEmitter {
  constructor(partition) {
    super();
    this.partition = partition;
    this.permissionRequestHandler = null;
    this.permissionCheckHandler = null;
    this.webRequest = {
      onHeadersReceived: register('headersReceived'),
      onBeforeRequest: register('beforeRequest'),
      onBeforeSendHeaders: register('beforeSendHeaders'),
      onSendHeaders() {},
      onResponseStarted() {},
      onBeforeRedirect() {},
      onCompleted() {},
      onErrorOccurred() {},
    };
    this.cookies = Object.assign(new EventEmitter(), {
      get: async () => [],
      set: async () => {},
      remove: async () => {},
      flushStore: async () => {},
    });
    this._userAgent = 'Mozilla/5.0 (X11; Linux x86_64) Electron-standin';
  }

  get protocol() {
    return require('./protocol.cjs').protocol;
  }

  setPermissionRequestHandler(handler) {
    this.permissionRequestHandler = handler || null;
  }

  setPermissionCheckHandler(handler) {
    this.permissionCheckHandler = handler || null;
  }

  setDevicePermissionHandler() {}

  setDisplayMediaRequestHandler() {}

  setSpellCheckerEnabled(enabled) {
    records.spellChecker.push({ enabled: Boolean(enabled) });
  }

  isSpellCheckerEnabled() {
    const last = records.spellChecker[records.spellChecker.length - 1];
    return last ? last.enabled : true;
  }

  setSpellCheckerLanguages() {}

  getSpellCheckerLanguages() {
    return [];
  }

  async clearCache() {}

  async clearStorageData() {}

  async clearHostResolverCache() {}

  async setProxy() {}

  async resolveProxy() {
    return 'DIRECT';
  }

  getUserAgent() {
    return this._userAgent;
  }

  setUserAgent(userAgent) {
    this._userAgent = userAgent;
  }

  getStoragePath() {
    return null;
  }

  isPersistent() {
    return true;
  }

  /**
   * The request path for page permission shims. Electron grants everything
   * when no handler is set. Every decision is recorded.
   */
  requestPermission(webContents, permission, details) {
    const decide = (granted) => {
      records.permissionDecisions.push({
        permission,
        granted: Boolean(granted),
        handled: Boolean(this.permissionRequestHandler),
        webContentsId: webContents.id,
        requestingUrl: details.requestingUrl,
        mediaTypes: details.mediaTypes,
      });
      return Boolean(granted);
    };
    if (!this.permissionRequestHandler) return Promise.resolve(decide(true));
    return new Promise((resolve) => {
      let answered = false;
      const callback = (granted) => {
        if (answered) return;
        answered = true;
        resolve(decide(granted));
      };
      try {
        this.permissionRequestHandler(webContents, permission, callback, { isMainFrame: true, ...details });
      } catch (error) {
        callback(false);
        throw error;
      }
    });
  }
}

const defaultSession = new Session('');
const partitions = new Map([['', defaultSession]]);

const session = {
  get defaultSession() {
    return defaultSession;
  },
  /** All partitions share one Chromium profile in the stand-in. */
  fromPartition(partition = '') {
    if (!partitions.has(partition)) partitions.set(partition, new Session(partition));
    return partitions.get(partition);
  },
};

module.exports = { session, defaultSession, webRequestHooks };
