'use strict';
// A tiny Electron app used to prove the stand-in (see ../standin.spec.mjs).
const { app, BrowserWindow, ipcMain, protocol, session, shell, Notification } = require('electron');
const fs = require('node:fs');
const path = require('node:path');

const CSP = "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript' };

protocol.registerSchemesAsPrivileged([{ scheme: 'fixture', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

const state = { secondInstances: [], events: [], allowMedia: false, notificationClicks: 0, notificationActions: [] };
globalThis.fixture = state;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', (_event, argv, workingDirectory) => state.secondInstances.push({ argv, workingDirectory }));

  app.on('web-contents-created', (_event, contents) => {
    state.events.push(`web-contents-created:${contents.id}:${contents.getURL() || 'blank'}`);
    contents.on('will-navigate', (event, url) => {
      state.events.push(`will-navigate:${url}`);
      if (!url.startsWith('fixture://ui/')) {
        event.preventDefault();
        shell.openExternal(url);
      }
    });
    contents.setWindowOpenHandler(({ url }) => {
      state.events.push(`window-open:${url}`);
      if (url.startsWith('fixture://ui/')) return { action: 'allow' };
      shell.openExternal(url);
      return { action: 'deny' };
    });
    contents.on('render-process-gone', (_e, details) => state.events.push(`render-process-gone:${details.reason}`));
  });

  app.whenReady().then(() => {
    protocol.handle('fixture', (request) => {
      const { host, pathname } = new URL(request.url);
      const file = path.join(__dirname, path.normalize(pathname));
      if (host !== 'ui' || !file.startsWith(__dirname + path.sep) || !fs.existsSync(file)) {
        return new Response('not found', { status: 404 });
      }
      return new Response(fs.readFileSync(file), {
        headers: { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'content-security-policy': CSP },
      });
    });

    session.defaultSession.setPermissionRequestHandler((_wc, permission, callback, details) => {
      state.events.push(`permission:${permission}:${details.requestingUrl}`);
      callback(permission === 'media' ? state.allowMedia : false);
    });

    ipcMain.handle('echo', (event, value) => ({ value, senderUrl: event.senderFrame.url, senderId: event.sender.id }));
    ipcMain.handle('boom', () => {
      throw new Error('kaboom');
    });
    ipcMain.on('notify', (event, title) => {
      const notification = new Notification({ title, body: 'from the fixture', actions: [{ type: 'button', text: 'Answer' }] });
      notification.on('click', () => {
        state.notificationClicks += 1;
        event.sender.send('notification-clicked', title);
      });
      notification.on('action', (_e, index) => state.notificationActions.push(index));
      notification.show();
    });

    const win = new BrowserWindow({
      width: 900,
      height: 700,
      title: 'Fixture',
      webPreferences: { preload: path.join(__dirname, 'preload.js'), contextIsolation: true, sandbox: true, nodeIntegration: false },
    });
    win.loadURL('fixture://ui/index.html').then(async () => {
      if (process.env.FIXTURE_ANNOUNCE !== '1') return;
      const apiAtStart = await win.webContents.executeJavaScript('window.apiAtStart');
      process.stdout.write(`fixture loaded apiAtStart=${apiAtStart}\n`);
    });
  });

  app.on('window-all-closed', () => app.quit());
}
