import { expect, isStandin, launchSwitchboard, test, type RunningSwitchboard } from './support/app';

let sb: RunningSwitchboard;
test.afterEach(async () => sb?.close());

test('starts logged out: the login screen in the agent desktop shell, and a ready media engine', async () => {
  sb = await launchSwitchboard();
  const { ui } = sb;
  await expect(ui.getByTestId('engine-status')).toHaveAttribute('data-status', 'ready');
  for (const id of ['title-bar', 'login-screen', 'aux-panel', 'nav-history', 'nav-statistics', 'nav-dialpad', 'nav-help']) {
    await expect(ui.getByTestId(id)).toBeVisible();
  }
  // The contact list and interaction panel come with a session.
  await expect(ui.getByTestId('contact-list')).toHaveCount(0);
  // No server yet: a neutral state, not an error.
  await expect(ui.getByTestId('connection-status')).toHaveAttribute('data-status', 'unconfigured');
  await expect(ui.getByTestId('notice')).toHaveCount(0);
  await expect(ui).toHaveTitle(/Switchboard/);
});

test('opens its windows with the secure web preferences', async () => {
  sb = await launchSwitchboard();
  // What a page can see: no Node, no Electron internals, in either window.
  for (const page of [sb.ui, await sb.engine()]) {
    const globals = await page.evaluate(() => ['require', 'process', 'module', 'Buffer', 'ipcRenderer'].filter((g) => g in window));
    expect(globals).toEqual([]);
  }
  // What main asked for (Electron has no public getter; the stand-in records it).
  const prefs = await sb.app.evaluate(({ BrowserWindow }) =>
    BrowserWindow.getAllWindows().map((w) => {
      const contents = w.webContents as unknown as { getLastWebPreferences?: () => Record<string, unknown> };
      const p = contents.getLastWebPreferences?.() ?? null;
      return { host: new URL(w.webContents.getURL()).host, p: p && { contextIsolation: p.contextIsolation, sandbox: p.sandbox, nodeIntegration: p.nodeIntegration, webviewTag: p.webviewTag } };
    }),
  );
  expect(prefs.map((w) => w.host).sort()).toEqual(['engine', 'ui']);
  if (isStandin) {
    for (const { p } of prefs) expect(p).toEqual({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
  }
});

test('help opens with Alt+F1 and closes with Escape', async () => {
  sb = await launchSwitchboard();
  const { ui } = sb;
  await ui.keyboard.press('Alt+F1');
  await expect(ui.getByTestId('help-panel')).toBeVisible();
  await ui.keyboard.press('Escape');
  await expect(ui.getByTestId('help-panel')).toBeHidden();
});
