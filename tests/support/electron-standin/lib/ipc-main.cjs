'use strict';
// `ipcMain` and the main-side router for everything pages post through the
// CDP binding: invoke/send (IPC), permission requests and window.open.
// Values cross as JSON, not structured clone.
const { EventEmitter } = require('node:events');
const { debug } = require('./debug-log.cjs');

class IpcMain extends EventEmitter {
  constructor() {
    super();
    this.setMaxListeners(0);
    this._handlers = new Map();
  }

  handle(channel, handler) {
    if (this._handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    if (typeof handler !== 'function') throw new Error(`Expected handler to be a function, but found type '${typeof handler}'`);
    this._handlers.set(channel, handler);
  }

  handleOnce(channel, handler) {
    this.handle(channel, (event, ...args) => {
      this.removeHandler(channel);
      return handler(event, ...args);
    });
  }

  removeHandler(channel) {
    this._handlers.delete(channel);
  }
}

const ipcMain = new IpcMain();

function baseEvent(wc, contextId) {
  const senderFrame = wc._senderFrame(contextId);
  return {
    type: 'frame',
    sender: wc,
    senderFrame,
    frameId: senderFrame.routingId,
    processId: senderFrame.processId,
    ports: [],
    defaultPrevented: false,
    preventDefault() {
      this.defaultPrevented = true;
    },
  };
}

function reply(wc, contextId, id, outcome) {
  let message;
  try {
    message = JSON.stringify({ t: 'reply', id, ...outcome });
  } catch (error) {
    message = JSON.stringify({ t: 'reply', id, ok: false, error: `An object could not be cloned. (${error.message})` });
  }
  wc._target.dispatch(JSON.parse(message), contextId);
}

async function invoke(wc, message, contextId) {
  const { id, channel, args = [] } = message;
  const handler = wc.ipc._handlers.get(channel) || ipcMain._handlers.get(channel);
  const prefix = `Error invoking remote method '${channel}': `;
  if (!handler) {
    reply(wc, contextId, id, { ok: false, error: `${prefix}Error: No handler registered for '${channel}'` });
    return;
  }
  try {
    const value = await handler(baseEvent(wc, contextId), ...args);
    reply(wc, contextId, id, { ok: true, value });
  } catch (error) {
    reply(wc, contextId, id, { ok: false, error: prefix + String(error) });
  }
}

function send(wc, message, contextId) {
  const { channel, args = [] } = message;
  const event = baseEvent(wc, contextId);
  event.returnValue = undefined;
  event.reply = (replyChannel, ...replyArgs) => wc.send(replyChannel, ...replyArgs);
  wc.emit('ipc-message', event, channel, ...args);
  wc.ipc.emit(channel, event, ...args);
  ipcMain.emit(channel, event, ...args);
}

function permission(wc, message, contextId) {
  const { fromChromiumUrl } = require('./protocol.cjs');
  const details = { ...message.details, requestingUrl: fromChromiumUrl(message.details.requestingUrl) };
  if (message.permission === 'media') details.securityOrigin = require('./protocol.cjs').originOf(details.requestingUrl);
  wc.session
    .requestPermission(wc, message.permission, details)
    .then((granted) => reply(wc, contextId, message.id, { ok: true, value: granted }))
    .catch((error) => {
      debug('permission handler threw', error && error.stack);
      reply(wc, contextId, message.id, { ok: true, value: false });
    });
}

/** Entry point for Runtime.bindingCalled on a page target. */
function routeFromPage(wc, payload, contextId) {
  if (wc.isDestroyed()) return;
  let message;
  try {
    message = JSON.parse(payload);
  } catch {
    return;
  }
  switch (message.t) {
    case 'invoke':
      invoke(wc, message, contextId);
      break;
    case 'send':
      send(wc, message, contextId);
      break;
    case 'perm':
      permission(wc, message, contextId);
      break;
    case 'preload-error': {
      const error = Object.assign(new Error(message.message), { stack: message.stack });
      debug('preload threw', message.stack);
      wc.emit('preload-error', { preventDefault() {} }, wc.getLastWebPreferences().preload, error);
      break;
    }
    case 'open':
      require('./window-open.cjs').handleOpenRequest(wc, message);
      break;
    default:
      debug('unknown page message', message.t);
  }
}

module.exports = { ipcMain, IpcMain, routeFromPage };
