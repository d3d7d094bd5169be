import { expect, launchSwitchboard, test, type RunningSwitchboard } from './support/app';

let sb: RunningSwitchboard;
test.afterEach(async () => sb?.close());

test('a killed engine renderer is recreated and the UI shows it', async () => {
  sb = await launchSwitchboard();
  const status = sb.ui.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-status', 'ready');
  await expect(status).toHaveAttribute('data-restarts', '0');

  await sb.app.evaluate(({ BrowserWindow }) => {
    const engine = BrowserWindow.getAllWindows().find((w) => w.webContents.getURL().startsWith('switchboard://engine/'));
    engine?.webContents.forcefullyCrashRenderer();
  });

  await expect(status).toHaveAttribute('data-restarts', '1');
  await expect(status).toHaveAttribute('data-status', 'ready');
  const engine = await sb.engine();
  expect(await engine.evaluate(() => typeof window.switchboardEngine.ready)).toBe('function');
  // The UI kept running all along: same page, still answering.
  expect(await sb.ui.evaluate(() => window.switchboard.app.ping({ nonce: 'x' }).then((r) => r.ok))).toBe(true);
});
