'use strict';
const { contextBridge, ipcRenderer } = require('electron');

contextBridge.exposeInMainWorld('fixtureApi', {
  echo: (value) => ipcRenderer.invoke('echo', value),
  boom: () => ipcRenderer.invoke('boom'),
  missing: () => ipcRenderer.invoke('no-such-channel'),
  notify: (title) => ipcRenderer.send('notify', title),
  onPush: (listener) => ipcRenderer.on('push', (_event, ...args) => listener(...args)),
  onNotificationClicked: (listener) => ipcRenderer.on('notification-clicked', (_event, title) => listener(title)),
  nested: { version: 1 },
});
