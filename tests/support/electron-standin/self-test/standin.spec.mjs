// Proves the Electron stand-in with Playwright's real `_electron` API.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { fixtureApp, isAlive, launchFixture, processesMatching, runDirect, tempDir } from './launch-helpers.mjs';

test.describe.configure({ mode: 'serial' });

test.describe('one running fixture app', () => {
  let app;
  let page;
  let userDataDir;

  test.beforeAll(async () => {
    ({ app, userDataDir } = await launchFixture({ args: ['--lang=ko', '--custom-flag=7'], env: { LANG: 'ko_KR.UTF-8' } }));
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
  });

  test('launches, exposes a first window and evaluates in main', async () => {
    const info = await app.evaluate(({ app: electronApp, BrowserWindow, __standin }) => ({
      kind: __standin.kind,
      name: electronApp.getName(),
      version: electronApp.getVersion(),
      ready: electronApp.isReady(),
      locale: electronApp.getLocale(),
      languages: electronApp.getPreferredSystemLanguages(),
      userData: electronApp.getPath('userData'),
      hasLang: electronApp.commandLine.hasSwitch('lang'),
      customFlag: electronApp.commandLine.getSwitchValue('custom-flag'),
      argv: process.argv,
      url: BrowserWindow.getAllWindows()[0].webContents.getURL(),
      prefs: BrowserWindow.getAllWindows()[0].webContents.getLastWebPreferences(),
    }));
    expect(info).toMatchObject({ kind: 'standin', name: 'Standin Fixture', version: '1.2.3', ready: true, locale: 'ko', languages: ['ko'] });
    expect(info.userData).toBe(userDataDir);
    expect(info.hasLang).toBe(true);
    expect(info.customFlag).toBe('7');
    expect(info.argv.slice(1)).toEqual([fixtureApp, `--user-data-dir=${userDataDir}`, '--lang=ko', '--custom-flag=7']);
    expect(info.url).toBe('fixture://ui/index.html');
    expect(info.prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(app.windows()).toHaveLength(1);
    await expect(page.locator('#heading')).toHaveText('Fixture');
    expect(await page.evaluate(() => navigator.language)).toBe('ko');

    const windowHandle = await app.browserWindow(page);
    expect(await windowHandle.evaluate((win) => win.getTitle())).toBe('Fixture');
    const events = await app.evaluate(() => globalThis.fixture.events);
    expect(events[0]).toBe('web-contents-created:1:blank');
  });

  test('ipcRenderer.invoke reaches ipcMain.handle, including errors', async () => {
    const echoed = await page.evaluate(() => window.fixtureApi.echo({ n: 1, list: ['a'] }));
    expect(echoed).toEqual({ value: { n: 1, list: ['a'] }, senderUrl: 'fixture://ui/index.html', senderId: 1 });
    const thrown = await page.evaluate(() => window.fixtureApi.boom().then(() => 'resolved', (e) => `${e instanceof Error}:${e.message}`));
    expect(thrown).toBe("true:Error invoking remote method 'boom': Error: kaboom");
    const missing = await page.evaluate(() => window.fixtureApi.missing().catch((e) => e.message));
    expect(missing).toContain("No handler registered for 'no-such-channel'");
  });

  test('webContents.send reaches ipcRenderer.on in the page', async () => {
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.send('push', 'hello from main'));
    await expect(page.locator('#pushes li')).toHaveText(['hello from main']);
  });

  test('the preload API exists before page scripts and is frozen', async () => {
    const facts = await page.evaluate(() => {
      const descriptor = Object.getOwnPropertyDescriptor(window, 'fixtureApi');
      let replaced = true;
      try {
        window.fixtureApi = null;
      } catch {}
      replaced = window.fixtureApi === null;
      return {
        apiAtStart: window.apiAtStart,
        writable: descriptor.writable,
        configurable: descriptor.configurable,
        frozen: Object.isFrozen(window.fixtureApi) && Object.isFrozen(window.fixtureApi.nested),
        replaced,
        electronVisible: typeof window.require,
      };
    });
    expect(facts).toEqual({ apiAtStart: 'object', writable: false, configurable: false, frozen: true, replaced: false, electronVisible: 'undefined' });
  });

  test('the Content-Security-Policy from protocol.handle is applied', async () => {
    expect(await page.evaluate(() => document.documentElement.dataset.inline)).toBeUndefined();
    const csp = await page.evaluate(() => fetch(location.href).then((r) => r.headers.get('content-security-policy')));
    expect(csp).toContain("script-src 'self'");
  });

  test('will-navigate prevented keeps the page; shell.openExternal is recorded', async () => {
    await page.click('#external');
    await expect.poll(() => app.evaluate(({ __standin }) => __standin.openedExternal.map((e) => e.url))).toContain('https://example.invalid/docs');
    const events = await app.evaluate(() => globalThis.fixture.events);
    expect(events).toContain('will-navigate:https://example.invalid/docs');
    expect(await page.evaluate(() => typeof window.fixtureApi)).toBe('object');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0].webContents.getURL())).toBe('fixture://ui/index.html');
  });

  test('setWindowOpenHandler deny creates no window; allow does', async () => {
    await page.click('#popup');
    await expect.poll(() => app.evaluate(({ __standin }) => __standin.openedExternal.map((e) => e.url))).toContain('https://example.invalid/popup');
    expect(await page.evaluate(() => window.open('https://example.invalid/js-popup'))).toBeNull();
    await expect.poll(() => app.evaluate(({ __standin }) => __standin.openedExternal.length)).toBe(3);
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
    expect(app.windows()).toHaveLength(1);

    const [popup] = await Promise.all([app.waitForEvent('window'), page.evaluate(() => window.open('fixture://ui/index.html?popup=1'))]);
    await expect(popup.locator('#heading')).toHaveText('Fixture');
    expect(await popup.evaluate(() => typeof window.fixtureApi)).toBe('object');
    expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(2);
    await popup.close();
    await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  });

  test('getUserMedia goes through the permission request handler', async () => {
    const denied = await page.evaluate(() => navigator.mediaDevices.getUserMedia({ audio: true }).then(() => 'granted', (e) => e.name));
    expect(denied).toBe('NotAllowedError');
    await app.evaluate(() => (globalThis.fixture.allowMedia = true));
    const granted = await page.evaluate(() =>
      navigator.mediaDevices.getUserMedia({ audio: true }).then((stream) => stream.getAudioTracks().length, (e) => e.name),
    );
    expect(granted).toBe(1);
    const decisions = await app.evaluate(({ __standin }) => __standin.permissionDecisions);
    expect(decisions).toEqual([
      expect.objectContaining({ permission: 'media', granted: false, requestingUrl: 'fixture://ui/index.html', mediaTypes: ['audio'] }),
      expect.objectContaining({ permission: 'media', granted: true }),
    ]);
  });

  test('notifications are recorded and a simulated click reaches main and page', async () => {
    await page.evaluate(() => window.fixtureApi.notify('Incoming call'));
    await expect.poll(() => app.evaluate(({ __standin }) => __standin.notifications.map((n) => n.title))).toEqual(['Incoming call']);
    const [recorded] = await app.evaluate(({ __standin }) => __standin.notifications);
    expect(recorded).toMatchObject({ body: 'from the fixture', actions: [{ type: 'button', text: 'Answer' }] });
    await app.evaluate(({ __standin }) => __standin.simulate.notificationClick(0));
    await app.evaluate(({ __standin }) => __standin.simulate.notificationAction(0, 0));
    await expect(page.locator('#clicked')).toHaveText('clicked:Incoming call');
    expect(await app.evaluate(() => [globalThis.fixture.notificationClicks, globalThis.fixture.notificationActions])).toEqual([1, [0]]);
  });

  test('a second instance with the same userData is refused and reported to the first', async () => {
    const second = runDirect([fixtureApp, `--user-data-dir=${userDataDir}`, '--open-ticket=42']);
    const { code } = await second.exited;
    expect(code).toBe(0);
    await expect.poll(() => app.evaluate(() => globalThis.fixture.secondInstances.length)).toBe(1);
    const [{ argv, workingDirectory }] = await app.evaluate(() => globalThis.fixture.secondInstances);
    expect(argv).toContain('--open-ticket=42');
    expect(workingDirectory).toBe(process.cwd());
  });

  test('a hidden window on another host is its own origin and still a page', async () => {
    const [hidden] = await Promise.all([
      app.waitForEvent('window'),
      app.evaluate(({ BrowserWindow }) => {
        const win = new BrowserWindow({ show: false, width: 320, height: 200 });
        globalThis.fixture.hiddenId = win.id;
        return win.loadURL('fixture://engine/index.html');
      }),
    ]);
    const facts = await app.evaluate(({ BrowserWindow }) => {
      const win = BrowserWindow.fromId(globalThis.fixture.hiddenId);
      return { visible: win.isVisible(), url: win.webContents.getURL(), origin: win.webContents.mainFrame.origin };
    });
    expect(facts).toEqual({ visible: false, url: 'fixture://engine/index.html', origin: 'fixture://engine' });
    expect(new URL(hidden.url()).origin).not.toBe(new URL(page.url()).origin);
    expect(await hidden.evaluate(() => [innerWidth, innerHeight])).toEqual([320, 200]);
    expect(app.windows()).toHaveLength(2);
    await app.evaluate(({ BrowserWindow }) => BrowserWindow.fromId(globalThis.fixture.hiddenId).close());
    await expect.poll(() => app.windows().length).toBe(1);
  });

  test('tray, menus, shortcuts, power events, dialogs and safeStorage are recorded or simulated', async () => {
    const result = await app.evaluate(async (electron) => {
      const { Tray, Menu, globalShortcut, powerMonitor, dialog, safeStorage, nativeImage, BrowserWindow, __standin } = electron;
      const hits = [];
      const tray = new Tray(nativeImage.createEmpty());
      tray.setToolTip('Switchboard — available');
      tray.setContextMenu(Menu.buildFromTemplate([{ label: 'Go offline', click: () => hits.push('menu') }, { type: 'separator' }]));
      tray.on('click', () => hits.push('tray'));
      Menu.setApplicationMenu(Menu.buildFromTemplate([{ label: 'File', submenu: [{ label: 'Quit', accelerator: 'CmdOrCtrl+Q' }] }]));
      __standin.simulate.occupyShortcut('Ctrl+Alt+A');
      const refused = globalShortcut.register('CommandOrControl+Alt+A', () => hits.push('refused'));
      const accepted = globalShortcut.register('CmdOrCtrl+Shift+K', () => hits.push('shortcut'));
      powerMonitor.once('suspend', () => hits.push('suspend'));
      __standin.simulate.menuClick('Go offline');
      __standin.simulate.trayClick(0);
      __standin.simulate.shortcut('ctrl+shift+k');
      __standin.simulate.powerEvent('suspend');
      __standin.simulate.setDialogResult('showMessageBox', { response: 1, checkboxChecked: false });
      const answer = await dialog.showMessageBox(BrowserWindow.getAllWindows()[0], { message: 'Really?', buttons: ['No', 'Yes'] });
      BrowserWindow.getAllWindows()[0].flashFrame(true);
      const secret = safeStorage.decryptString(safeStorage.encryptString('s3cret'));
      return { hits, refused, accepted, answer, secret, available: safeStorage.isEncryptionAvailable() };
    });
    expect(result).toEqual({
      hits: ['menu', 'tray', 'shortcut', 'suspend'],
      refused: false,
      accepted: true,
      answer: { response: 1, checkboxChecked: false },
      secret: 's3cret',
      available: true,
    });
    const recorded = await app.evaluate(({ __standin }) => __standin.snapshot());
    expect(recorded.tray[0]).toMatchObject({ toolTip: 'Switchboard — available', contextMenu: [{ label: 'Go offline' }, { type: 'separator' }] });
    expect(recorded.applicationMenu[0].submenu[0]).toMatchObject({ label: 'Quit', accelerator: 'CmdOrCtrl+Q' });
    expect(recorded.shortcuts).toEqual({ registered: ['CmdOrCtrl+Shift+K'], occupiedByOs: ['Ctrl+Alt+A'], refused: ['CommandOrControl+Alt+A'] });
    expect(recorded.dialogs).toEqual([expect.objectContaining({ method: 'showMessageBox', options: { message: 'Really?', buttons: ['No', 'Yes'] } })]);
    expect(recorded.flashFrame).toEqual([{ windowId: 1, flag: true }]);
  });

  test('a crashed renderer emits render-process-gone; reload restores page and preload', async () => {
    const details = await app.evaluate(
      ({ BrowserWindow }) =>
        new Promise((resolve) => {
          const wc = BrowserWindow.getAllWindows()[0].webContents;
          wc.once('render-process-gone', (_event, d) => resolve({ ...d, crashed: wc.isCrashed() }));
          wc.forcefullyCrashRenderer();
        }),
    );
    expect(details).toMatchObject({ reason: 'crashed', crashed: true });
    const after = await app.evaluate(async ({ BrowserWindow }) => {
      const wc = BrowserWindow.getAllWindows()[0].webContents;
      const loaded = new Promise((resolve) => wc.once('did-finish-load', resolve));
      wc.reload();
      await loaded;
      return wc.executeJavaScript('`${typeof window.fixtureApi}:${window.apiAtStart}`');
    });
    expect(after).toBe('object:object');
    expect(await app.evaluate(() => globalThis.fixture.events)).toContain('render-process-gone:crashed');
    const echoed = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0].webContents.executeJavaScript('window.fixtureApi.echo(5)'),
    );
    expect(echoed.value).toBe(5);
  });
});

test('app.close() quits cleanly and leaves no Chromium behind', async () => {
  const { app } = await launchFixture();
  await app.firstWindow();
  const { chromiumPid } = await app.evaluate(({ __standin }) => __standin.snapshot());
  const profile = execFileSync('ps', ['-o', 'args=', '-p', String(chromiumPid)], { encoding: 'utf8' }).match(/--user-data-dir=(\S+)/)[1];
  expect(processesMatching(profile).length).toBeGreaterThan(0);
  const standinPid = app.process().pid;
  await app.close();
  expect(isAlive(standinPid)).toBe(false);
  await expect.poll(() => processesMatching(profile)).toEqual([]);
});

test('closing the last window from Playwright quits the app', async () => {
  const { app } = await launchFixture();
  const page = await app.firstWindow();
  await expect(page.locator('#heading')).toHaveText('Fixture');
  const standinPid = app.process().pid;
  const closed = app.waitForEvent('close');
  await page.close();
  await closed;
  expect(isAlive(standinPid)).toBe(false);
});

test('runs without Playwright and stops Chromium on SIGTERM', async () => {
  let chromiumPids = [];
  let announced = '';
  const run = runDirect([fixtureApp, `--user-data-dir=${tempDir()}`], {
    env: { FIXTURE_ANNOUNCE: '1' },
    onStdout: (text, child) => {
      if (!text.includes('fixture loaded')) return;
      announced = text.trim();
      chromiumPids = execFileSync('pgrep', ['-P', String(child.pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map(Number);
      child.kill('SIGTERM');
    },
  });
  const { signal, code, stderr } = await run.exited;
  expect(announced).toBe('fixture loaded apiAtStart=object');
  expect(stderr).not.toContain('Debugger listening');
  expect(stderr).not.toContain('DevTools listening');
  expect({ code, signal }).toEqual({ code: 143, signal: null });
  expect(chromiumPids.length).toBeGreaterThan(0);
  await expect.poll(() => chromiumPids.filter(isAlive)).toEqual([]);
});
