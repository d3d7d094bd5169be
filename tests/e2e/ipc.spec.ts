import { expect, launchSwitchboard, test, type RunningSwitchboard } from './support/app';

let sb: RunningSwitchboard;
test.afterEach(async () => sb?.close());

test('a command makes the round trip through main and back', async () => {
  sb = await launchSwitchboard();
  const before = Date.now();
  const result = await sb.ui.evaluate(() => window.switchboard.app.ping({ nonce: 'e2e-1' }));
  expect(result).toMatchObject({ ok: true, value: { nonce: 'e2e-1' } });
  if (result.ok) expect(result.value.receivedAt).toBeGreaterThanOrEqual(before);
});

test('main refuses a malformed payload and a command meant for another window, and keeps working', async () => {
  sb = await launchSwitchboard();
  const results = await sb.ui.evaluate(async () => {
    const bridge = window.switchboard as unknown as { app: { ping: (x: unknown) => Promise<unknown> }; settings: { setLanguage: (x: unknown) => Promise<unknown> } };
    return {
      malformed: await bridge.app.ping({ nonce: 42, extra: true }),
      badLanguage: await bridge.settings.setLanguage({ language: 'xx' }),
      after: await window.switchboard.app.ping({ nonce: 'still-alive' }),
    };
  });
  expect(results.malformed).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  expect(results.badLanguage).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  expect(results.after).toMatchObject({ ok: true, value: { nonce: 'still-alive' } });

  // The engine handshake is the engine's alone: the UI page cannot send it.
  const engine = await sb.engine();
  const fromEngine = await engine.evaluate(() => window.switchboardEngine.ready({ userAgent: 'x', mediaDevices: true }));
  expect(fromEngine).toMatchObject({ ok: true });
  const engineBridgeInUi = await sb.ui.evaluate(() => 'switchboardEngine' in window);
  expect(engineBridgeInUi).toBe(false);
});

test('the preload exposes verbs only, never ipcRenderer or Node', async () => {
  sb = await launchSwitchboard();
  const exposed = await sb.ui.evaluate(() => ({
    keys: Object.keys(window.switchboard).sort(),
    hasIpc: 'ipcRenderer' in window || 'ipcRenderer' in (window.switchboard as object),
    hasRequire: typeof (window as unknown as { require?: unknown }).require,
    hasProcess: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ keys: ['agent', 'app', 'engine', 'log', 'onSnapshot', 'settings', 'shell', 'softphone'], hasIpc: false, hasRequire: 'undefined', hasProcess: 'undefined' });
});

test('a reloaded UI mirrors main state again from a fresh snapshot', async () => {
  sb = await launchSwitchboard();
  const { ui } = sb;
  const rev = Number(await ui.getByTestId('app-ready').getAttribute('data-rev'));
  await sb.ui.evaluate(() => window.switchboard.settings.setLanguage({ language: 'ko' }));
  await expect(ui.locator('html')).toHaveAttribute('lang', 'ko');
  await ui.reload();
  await expect(ui.getByTestId('app-ready')).toBeVisible();
  await expect(ui.locator('html')).toHaveAttribute('lang', 'ko');
  expect(Number(await ui.getByTestId('app-ready').getAttribute('data-rev'))).toBeGreaterThan(rev);
});
