import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, launchSwitchboard, test, type RunningSwitchboard } from './support/app';

let sb: RunningSwitchboard | undefined;
test.afterEach(async () => sb?.close());

test('follows a Korean OS, switches to English and back, and remembers the choice', async () => {
  const profile = mkdtempSync(join(tmpdir(), 'sb-lang-'));
  try {
    sb = await launchSwitchboard({ lang: 'ko_KR.UTF-8', userDataDir: profile });
    const { ui } = sb;
    await expect(ui.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(ui.getByTestId('nav-help')).toHaveAccessibleName('도움말');

    await ui.getByTestId('nav-settings').click();
    await ui.getByTestId('settings-language').selectOption('en');
    await expect(ui.locator('html')).toHaveAttribute('lang', 'en');
    await expect(ui.getByTestId('nav-help')).toHaveAccessibleName('Help');
    await sb.close();

    // The override survives a restart even though the OS is still Korean.
    sb = await launchSwitchboard({ lang: 'ko_KR.UTF-8', userDataDir: profile });
    await expect(sb.ui.locator('html')).toHaveAttribute('lang', 'en');
    await sb.ui.getByTestId('nav-settings').click();
    await sb.ui.getByTestId('settings-language').selectOption('system');
    await expect(sb.ui.locator('html')).toHaveAttribute('lang', 'ko');
    await expect(sb.ui.getByTestId('nav-help')).toHaveAccessibleName('도움말');
  } finally {
    await sb?.close();
    sb = undefined;
    rmSync(profile, { recursive: true, force: true });
  }
});

test('an English OS gets English', async () => {
  sb = await launchSwitchboard({ lang: 'en_GB.UTF-8' });
  await expect(sb.ui.locator('html')).toHaveAttribute('lang', 'en');
  await expect(sb.ui.getByTestId('nav-help')).toHaveAccessibleName('Help');
});
