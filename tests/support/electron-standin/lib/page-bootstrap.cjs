'use strict';
// Page side, part 1: runs first in every frame of every stand-in window,
// before any page script. It owns the transport to main (a CDP binding for
// page → main, a hidden dispatcher function for main → page) and emulates
// the OS/Electron behaviour a page can reach on its own: permission
// requests (getUserMedia, Notification.requestPermission) go through main's
// permission handler, and window.open / target=_blank go through the
// webContents window-open handler.

/* eslint-disable no-restricted-globals */
function standinBootstrap(cfg) {
  'use strict';
  const g = globalThis;
  const binding = g[cfg.binding];
  if (typeof binding !== 'function' || Object.prototype.hasOwnProperty.call(g, cfg.dispatch)) return;
  try {
    delete g[cfg.binding];
  } catch {}

  const post = (message) => binding(JSON.stringify(message));
  const pending = new Map();
  let nextId = 0;
  let sink = null;

  function request(message) {
    nextId += 1;
    const id = nextId;
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject });
      post({ ...message, id });
    });
  }

  function dispatch(text) {
    const message = JSON.parse(text);
    if (message.t === 'reply') {
      const entry = pending.get(message.id);
      if (!entry) return;
      pending.delete(message.id);
      if (message.ok) entry.resolve(message.value);
      else entry.reject(new Error(message.error));
    } else if (message.t === 'msg' && sink) {
      sink(message.channel, message.args || []);
    }
  }
  Object.defineProperty(g, cfg.dispatch, { value: dispatch });

  // ---- permissions: ask main's session permission request handler -------
  const mediaProto = g.MediaDevices && g.MediaDevices.prototype;
  if (mediaProto && mediaProto.getUserMedia) {
    const original = mediaProto.getUserMedia;
    Object.defineProperty(mediaProto, 'getUserMedia', {
      configurable: true,
      writable: true,
      value: function getUserMedia(constraints) {
        const self = this;
        const wanted = constraints || {};
        const mediaTypes = [];
        if (wanted.audio) mediaTypes.push('audio');
        if (wanted.video) mediaTypes.push('video');
        return request({ t: 'perm', permission: 'media', details: { mediaTypes, requestingUrl: location.href } }).then(
          (granted) => {
            if (!granted) throw new DOMException('Permission denied', 'NotAllowedError');
            return original.call(self, constraints);
          },
        );
      },
    });
  }
  const NotificationCtor = g.Notification;
  if (NotificationCtor && NotificationCtor.requestPermission) {
    let state = 'default';
    Object.defineProperty(NotificationCtor, 'permission', { configurable: true, get: () => state });
    Object.defineProperty(NotificationCtor, 'requestPermission', {
      configurable: true,
      writable: true,
      value: function requestPermission(callback) {
        return request({ t: 'perm', permission: 'notifications', details: { requestingUrl: location.href } }).then(
          (granted) => {
            state = granted ? 'granted' : 'denied';
            if (typeof callback === 'function') callback(state);
            return state;
          },
        );
      },
    });
  }

  // ---- new windows: ask main's setWindowOpenHandler ----------------------
  const absolute = (url) => {
    try {
      return new URL(String(url), location.href).href;
    } catch {
      return String(url);
    }
  };
  Object.defineProperty(g, 'open', {
    configurable: true,
    writable: true,
    value: function open(url, target, features) {
      post({
        t: 'open',
        url: url ? absolute(url) : 'about:blank',
        frameName: target ? String(target) : '',
        features: features ? String(features) : '',
        disposition: features ? 'new-window' : 'foreground-tab',
      });
      return null;
    },
  });
  g.addEventListener('click', (event) => {
    if (event.defaultPrevented || event.button !== 0) return;
    const origin = event.target && event.target.closest ? event.target : null;
    const anchor = origin ? origin.closest('a[href], area[href]') : null;
    if (!anchor) return;
    const target = (anchor.getAttribute('target') || '').trim();
    const modified = event.ctrlKey || event.metaKey || event.shiftKey;
    if (!modified && (!target || /^_(self|top|parent)$/i.test(target))) return;
    event.preventDefault();
    post({
      t: 'open',
      url: anchor.href,
      frameName: target,
      features: '',
      disposition: event.shiftKey ? 'new-window' : modified ? 'background-tab' : 'foreground-tab',
    });
  });

  // ---- hand-off to the preload wrapper (top frame of preload windows) ---
  if (cfg.hasPreload && g.top === g) {
    Object.defineProperty(g, cfg.handoff, {
      configurable: true,
      value: { request, post, setSink: (fn) => (sink = fn) },
    });
  }
}

function bootstrapSource(cfg) {
  return `(${standinBootstrap.toString()})(${JSON.stringify(cfg)});`;
}

module.exports = { bootstrapSource };
