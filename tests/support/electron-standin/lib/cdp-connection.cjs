'use strict';
// A minimal Chrome DevTools Protocol client over Chromium's
// --remote-debugging-pipe (NUL-delimited JSON on fds 3/4), with flattened
// target sessions. The pipe doubles as an orphan guard: when this process
// dies, Chromium reads EOF and shuts down.
const { EventEmitter } = require('node:events');
const { debug } = require('./debug-log.cjs');

class CdpSession extends EventEmitter {
  constructor(connection, sessionId) {
    super();
    this.setMaxListeners(0);
    this.connection = connection;
    this.sessionId = sessionId;
    this.detached = false;
  }

  send(method, params = {}) {
    return this.connection.rawSend(method, params, this.sessionId);
  }

  /** Like send, but resolves undefined instead of rejecting. */
  sendMayFail(method, params = {}) {
    return this.send(method, params).catch((error) => {
      debug('cdp call failed', method, error.message);
      return undefined;
    });
  }
}

class CdpConnection {
  constructor(writable, readable) {
    this.writable = writable;
    this.lastId = 0;
    this.callbacks = new Map();
    this.sessions = new Map();
    this.closed = false;
    this.root = new CdpSession(this, '');
    this.sessions.set('', this.root);
    let buffer = '';
    readable.setEncoding('utf8');
    readable.on('data', (chunk) => {
      buffer += chunk;
      let end;
      while ((end = buffer.indexOf('\0')) >= 0) {
        const text = buffer.slice(0, end);
        buffer = buffer.slice(end + 1);
        this.onMessage(text);
      }
    });
    readable.on('close', () => this.onClose());
    readable.on('error', () => this.onClose());
    writable.on('error', () => this.onClose());
  }

  rawSend(method, params, sessionId) {
    if (this.closed) return Promise.reject(new Error(`CDP closed (${method})`));
    const id = ++this.lastId;
    const message = { id, method, params };
    if (sessionId) message.sessionId = sessionId;
    this.writable.write(JSON.stringify(message) + '\0');
    return new Promise((resolve, reject) => {
      this.callbacks.set(id, { resolve, reject, method });
    });
  }

  onMessage(text) {
    let message;
    try {
      message = JSON.parse(text);
    } catch {
      return;
    }
    if (message.id) {
      const callback = this.callbacks.get(message.id);
      if (!callback) return;
      this.callbacks.delete(message.id);
      if (message.error) {
        callback.reject(new Error(`${callback.method}: ${message.error.message}`));
      } else {
        callback.resolve(message.result);
      }
      return;
    }
    if (message.method === 'Target.attachedToTarget') {
      const { sessionId } = message.params;
      if (!this.sessions.has(sessionId)) this.sessions.set(sessionId, new CdpSession(this, sessionId));
    }
    const session = this.sessions.get(message.sessionId || '');
    if (session) session.emit(message.method, message.params);
    if (message.method === 'Target.detachedFromTarget') {
      const detached = this.sessions.get(message.params.sessionId);
      if (detached) {
        detached.detached = true;
        this.sessions.delete(message.params.sessionId);
        detached.emit('detached');
      }
    }
  }

  session(sessionId) {
    return this.sessions.get(sessionId);
  }

  onClose() {
    if (this.closed) return;
    this.closed = true;
    for (const callback of this.callbacks.values()) {
      callback.reject(new Error(`CDP closed (${callback.method})`));
    }
    this.callbacks.clear();
    this.root.emit('closed');
  }
}

module.exports = { CdpConnection, CdpSession };
