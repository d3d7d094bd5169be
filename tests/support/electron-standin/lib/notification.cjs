'use strict';
// `Notification` (main process): nothing reaches the OS; every show() is
// recorded, and specs can click it or press one of its actions.
const { EventEmitter } = require('node:events');
const { records, simulators } = require('./records.cjs');
const { makeEvent } = require('./runtime.cjs');

const shown = []; // live instances, same order as records.notifications
const OPTION_KEYS = ['title', 'subtitle', 'body', 'silent', 'icon', 'hasReply', 'replyPlaceholder', 'sound', 'urgency', 'actions', 'closeButtonText', 'timeoutType', 'toastXml', 'groupId'];

class Notification extends EventEmitter {
  constructor(options = {}) {
    super();
    for (const key of OPTION_KEYS) this[key] = options[key];
    this.title = options.title ?? '';
    this.body = options.body ?? '';
    this.actions = options.actions || [];
  }

  show() {
    const entry = { index: records.notifications.length, shownAt: Date.now(), closed: false };
    for (const key of OPTION_KEYS) {
      if (this[key] === undefined) continue;
      entry[key] = key === 'icon' && typeof this[key] === 'object' ? String(this[key].path || 'nativeImage') : this[key];
    }
    records.notifications.push(JSON.parse(JSON.stringify(entry)));
    shown.push(this);
    this._entry = records.notifications[records.notifications.length - 1];
    setImmediate(() => this.emit('show', makeEvent()));
  }

  close() {
    if (this._entry) this._entry.closed = true;
    this.emit('close', makeEvent(), 'closed');
  }

  static isSupported() {
    return true;
  }
}

function at(index) {
  const notification = shown[index];
  if (!notification) throw new Error(`No recorded notification #${index} (have ${shown.length})`);
  return notification;
}

simulators.notificationClick = (index) => {
  at(index).emit('click', makeEvent());
  return true;
};
simulators.notificationAction = (index, actionIndex = 0) => {
  at(index).emit('action', makeEvent(), actionIndex);
  return true;
};
simulators.notificationReply = (index, reply) => {
  at(index).emit('reply', makeEvent(), reply);
  return true;
};
simulators.notificationClose = (index) => {
  at(index).close();
  return true;
};

module.exports = { Notification };
