import { expect, launchSwitchboard, test, type RunningSwitchboard } from './support/app';

/**
 * The login screen on the real built app, with no built-in lab running (no
 * `--lab-url`): it says so, validates the DN, and a submit comes back with
 * the localized "cannot reach the contact center" message.
 */
let sb: RunningSwitchboard | undefined;
test.afterEach(async () => {
  await sb?.close();
  sb = undefined;
});

test('login screen without the lab: lab not running, DN validated, unreachable contact center reported', async () => {
  sb = await launchSwitchboard();
  const { ui } = sb;
  const screen = ui.getByTestId('login-screen');
  await expect(screen).toBeVisible();
  await expect(ui.getByTestId('login-profile')).toHaveValue('builtin-lab');
  await expect(ui.getByTestId('login-lab-status')).toHaveAttribute('data-available', 'false');
  await expect(ui.getByTestId('login-lab-status')).toHaveText('Not running');
  // Labels are tied to their inputs.
  await expect(ui.getByLabel('Username')).toHaveAttribute('data-testid', 'login-username');
  await expect(ui.getByLabel('Dial number (DN)')).toHaveAttribute('data-testid', 'login-dn');
  // Settings stay reachable before login; no desktop panels yet.
  await expect(ui.getByTestId('nav-settings')).toBeVisible();
  await expect(ui.getByTestId('contact-list')).toHaveCount(0);
  await expect(ui.getByTestId('logout-button')).toHaveCount(0);
  await expect(ui.getByTestId('agent-state')).toBeDisabled();

  await ui.getByTestId('login-username').fill('agent1');
  await ui.getByTestId('login-password').fill('not-a-real-secret');
  await ui.getByTestId('login-dn').fill('555-CALL');
  await ui.getByTestId('login-team').fill('sales');
  await ui.getByTestId('login-submit').click();
  const dn = ui.getByTestId('login-dn');
  await expect(dn).toHaveAttribute('aria-invalid', 'true');
  await expect(dn).toBeFocused();
  await expect(ui.getByTestId('login-field-error-dn')).toContainText('Enter a phone number of 2 to 20 digits');
  await expect(dn).toHaveAccessibleDescription(/2 to 20 digits/);
  // Nothing was sent: the typed password is still there.
  await expect(ui.getByTestId('login-password')).toHaveValue('not-a-real-secret');

  // The agent's own notation is fine once normalised; Enter submits.
  await dn.fill('+1 (800) 555-1212');
  await expect(dn).not.toHaveAttribute('aria-invalid', 'true');
  await dn.press('Enter');
  const error = ui.getByTestId('login-error');
  await expect(error).toBeVisible();
  await expect(error).toHaveAttribute('data-code', 'internal');
  await expect(error).toHaveText("Couldn't reach the contact center: the built-in lab is not running. Restart Switchboard, or choose a contact-center server.");
  await expect(ui.getByTestId('login-password')).toHaveValue('');
  await expect(ui.getByTestId('login-password')).toBeFocused();
  // The emptied password is not flagged until the next submit.
  await expect(ui.getByTestId('login-field-error-password')).toHaveCount(0);
  await expect(ui.getByTestId('login-submit')).toBeEnabled();
  await expect(screen).toHaveAttribute('data-status', 'logged-out');
});

test('a contact-center server that is not there: URL validated, then reported unreachable (Korean)', async () => {
  sb = await launchSwitchboard({ lang: 'ko_KR.UTF-8' });
  const { ui } = sb;
  await expect(ui.getByTestId('login-screen')).toBeVisible();
  await ui.getByTestId('login-profile').selectOption('server');
  await expect(ui.getByTestId('login-lab-status')).toHaveCount(0);
  const url = ui.getByTestId('login-server-url');
  await url.fill('https://cc.example.com/agent');
  await ui.getByTestId('login-username').fill('agent1');
  await ui.getByTestId('login-password').fill('not-a-real-secret');
  await ui.getByTestId('login-dn').fill('1001');
  await ui.getByTestId('login-team').fill('sales');
  await ui.getByTestId('login-submit').click();
  await expect(ui.getByTestId('login-field-error-agentApiUrl')).toContainText('ws:// 또는 wss://');

  // A loopback port nobody listens on (port 9 is discard; nothing serves WebSocket there).
  await url.fill('ws://127.0.0.1:9/agent');
  await ui.getByTestId('login-submit').click();
  const error = ui.getByTestId('login-error');
  await expect(error).toHaveAttribute('data-code', 'internal');
  await expect(error).toContainText('컨택 센터에 연결할 수 없거나');
  await expect(ui.getByTestId('login-password')).toHaveValue('');
  // Main saved the profile the agent chose.
  const profile = await ui.evaluate(async () => {
    const snapshot = await window.switchboard.app.getSnapshot();
    return snapshot.ok ? snapshot.value.state.session.profile : null;
  });
  expect(profile).toEqual({ kind: 'server', agentApiUrl: 'ws://127.0.0.1:9/agent' });
});
